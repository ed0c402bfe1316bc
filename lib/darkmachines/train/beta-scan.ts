/**
 * The β scan of the seed's β-VAE table: one β-VAE per β, trained on the SM training rows, with the
 * table's entries (average latent variance and mean over the training events) measured on each.
 *
 * Used by notebook 04-darkmachines.
 */
import type { Random } from '../../random';
import { Stopwatch } from '../../timer';
import type { Matrix } from '../data/features';
import { buildAutoencoder, disposeAutoencoder, encode, latentStatistics, type Autoencoder, type Reconstruction } from '../model/vae';
import { trainAutoencoder } from './autoencoder';

/** Architecture and training settings shared by the VAEs of the study. */
export interface VaeSettings {
  latentDim: number;
  hidden: number[];
  epochs: number;
  batchSize: number;
  lr: number;
  /** squared error averaged (default, the talk's MSE) or summed over the inputs */
  reconstruction?: Reconstruction;
}

/** One row of the β table. */
export type BetaRow = {
  beta: number;
  avgVar: number;
  avgMean: number;
  avgAbsMean: number;
  /** latent dimensions whose average posterior variance is below 0.5 (of `latentDim`) */
  activeDims: number;
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
    const train = { beta, epochs: settings.epochs, batchSize: settings.batchSize, lr: settings.lr, reconstruction: settings.reconstruction, rng: rng.fork(`train ${beta}`), label: `β = ${beta}` };
    const history = await trainAutoencoder(model, X, train);
    const last = history.last();
    const { avgVar, avgMean, avgAbsMean, activeDims } = latentStatistics(encode(model, X));
    rows.push({ beta, avgVar, avgMean, avgAbsMean, activeDims, mse: last?.mse ?? NaN, kl: last?.kl ?? NaN, seconds: clock.seconds() });
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

/** One variant of the β-VAE convention ablation: what differs from the scan's settings. */
export type BetaVariant = { label: string; latentDim?: number; reconstruction?: Reconstruction; epochs?: number; /** β values of this variant (default: all) */ betas?: readonly number[] };

/** One row of the ablation: a variant at one β, its average latent variance and active dimensions. */
export type BetaAblationRow = { variant: string; beta: number; avgVar: number; activeDims: number; latentDim: number; mse: number };

/**
 * The β table's average latent variance under other conventions (latent size Z, MSE averaged or summed
 * over the inputs, training length): one `betaScan` per variant on the same rows, models freed at once.
 */
export async function betaAblation(X: Matrix, betas: readonly number[], base: VaeSettings, variants: readonly BetaVariant[], rng: Random): Promise<BetaAblationRow[]> {
  const rows: BetaAblationRow[] = [];
  for (const v of variants) {
    const settings = { ...base, latentDim: v.latentDim ?? base.latentDim, reconstruction: v.reconstruction ?? base.reconstruction, epochs: v.epochs ?? base.epochs };
    const scan = await betaScan(X, v.betas ?? betas, settings, rng.fork(v.label));
    for (const model of scan.models.values()) disposeAutoencoder(model);
    for (const r of scan.rows) rows.push({ variant: v.label, beta: r.beta, avgVar: r.avgVar, activeDims: r.activeDims, latentDim: settings.latentDim, mse: r.mse });
  }
  return rows;
}

/**
 * The variants the notebook sets beside its β scan (same data, same β): the talk's latent size Z = 20
 * (its generator's; the β slide does not state one), the squared error summed instead of averaged over
 * the inputs (the other common convention), and three times the epochs at β = 0 (where nothing but
 * training length limits how far the variance falls).
 */
export function betaConventionVariants(vae: VaeSettings): BetaVariant[] {
  return [
    { label: 'Z = 20', latentDim: 20 },
    { label: 'squared error summed', reconstruction: 'sum' },
    { label: `${3 * vae.epochs} epochs`, epochs: 3 * vae.epochs, betas: [0] },
  ];
}
