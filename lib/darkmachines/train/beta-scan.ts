/**
 * The β scan of the seed's β-VAE table: one β-VAE per β, trained on the SM training rows, with the
 * table's entries (average latent variance and mean over the training events) measured on each.
 *
 * Used by notebook 04-darkmachines.
 */
import type { Random } from '../../random';
import { Stopwatch } from '../../timer';
import type { Matrix } from '../data/features';
import { buildAutoencoder, disposeAutoencoder, encode, latentStatistics, type Autoencoder } from '../model/vae';
import { trainAutoencoder } from './autoencoder';

/** Architecture and training settings shared by the VAEs of the study. */
export interface VaeSettings {
  latentDim: number;
  hidden: number[];
  epochs: number;
  batchSize: number;
  lr: number;
}

/** One row of the β table. */
export type BetaRow = {
  beta: number;
  avgVar: number;
  avgMean: number;
  avgAbsMean: number;
  /** final training MSE and KL */
  mse: number;
  kl: number;
  seconds: number;
};

/**
 * Trains one β-VAE per β on X and measures the seed's table entries (average latent variance and
 * mean over the training events). Returns the rows and the trained models (dispose the ones you do
 * not keep).
 */
export async function betaScan(X: Matrix, betas: readonly number[], settings: VaeSettings, rng: Random): Promise<{ rows: BetaRow[]; models: Map<number, Autoencoder> }> {
  const rows: BetaRow[] = [];
  const models = new Map<number, Autoencoder>();
  for (const beta of betas) {
    const clock = new Stopwatch();
    const model = buildAutoencoder({ inputDim: X.cols, latentDim: settings.latentDim, hidden: settings.hidden, variational: true, rng: rng.fork(`init ${beta}`) });
    const history = await trainAutoencoder(model, X, { beta, epochs: settings.epochs, batchSize: settings.batchSize, lr: settings.lr, rng: rng.fork(`train ${beta}`), label: `β = ${beta}` });
    const last = history.last();
    const stats = latentStatistics(encode(model, X));
    rows.push({ beta, ...stats, mse: last?.mse ?? NaN, kl: last?.kl ?? NaN, seconds: clock.seconds() });
    models.set(beta, model);
  }
  return { rows, models };
}

/** The model trained at `beta`; every other model of the scan is disposed (their weights freed). */
export function keepModel(models: Map<number, Autoencoder>, beta: number): Autoencoder {
  const kept = models.get(beta);
  if (!kept) throw new Error(`the β scan has no model for β = ${beta} (it has ${[...models.keys()].join(', ')})`);
  for (const [b, model] of models) if (b !== beta) disposeAutoencoder(model);
  models.clear();
  models.set(beta, kept);
  return kept;
}
