/**
 * What the seed reports for the Galaxy Zoo part (Kalashev 2019, lecture "Machine Learning in
 * Astroparticle Physics", `001_e6871d04dded2029.txt`), and `galaxyZooResults`, our numbers beside it.
 *
 * The lecture shows the Kaggle challenge and a "Galaxy zoo challenge winner" slide without a score, so
 * our RMSEs have no paper value; they are on simulated images, not the challenge's.
 *
 * Used by notebook 03-galaxy-zoo-gc's closing section.
 */
import { ownQuantity } from '../results/verdict';
import type { Measured } from '../results/record';

const SOURCE = 'seed 001 (Kalashev 2019), "Galaxy zoo challenge winner" slide: no score in the text; ours on simulated images';

export const PAPER = {
  gz_rmse_baseline: ownQuantity('gz_rmse_baseline', 'Galaxy Zoo test RMSE, constant-mean baseline (simulated images)', '', 'lower-is-better', SOURCE),
  gz_rmse_cnn: ownQuantity('gz_rmse_cnn', 'Galaxy Zoo test RMSE, CNN (simulated images)', '', 'lower-is-better', SOURCE),
};

/** Our numbers for `recordResults`: the RMSE over all 37 outputs of the baseline and of the CNN. */
export function galaxyZooResults(rmse: { baseline: number; cnn: number }): Measured[] {
  return [
    { ...PAPER.gz_rmse_baseline, ours: rmse.baseline },
    { ...PAPER.gz_rmse_cnn, ours: rmse.cnn },
  ];
}
