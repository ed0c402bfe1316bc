// Expected results of notebook 04-darkmachines, checked by `npm run check-results`. Chance level: AUC 0.5.
import type { ExpectedResults } from '../../lib/results/bounds';

export const EXPECTED: ExpectedResults = {
  notebook: '04-darkmachines',
  basis:
    'smoke run of 2026-12-04: best learned detector mean AUC 0.70, MET cut 0.74, β = 1 latent variance 1.05; ' +
    'default run of 2026-12-04: best learned detector (GMM on the VAE latent space) 0.742, the same as on 2026-11-23, MET cut 0.757, β = 1 variance 0.999; ranges with margins',
  smoke: { best_detector_mean_auc: [0.6, 1], met_mean_auc: [0.65, 0.85], beta_var_1: [0.8, 1.2] },
  default: { best_detector_mean_auc: [0.68, 1], met_mean_auc: [0.65, 0.85], beta_var_1: [0.8, 1.2] },
};
