/**
 * Autoencoder, variational autoencoder (Kingma & Welling 2014) and β-VAE for DarkMachines events,
 * as in the seed (Hendriks, "Dark Machines"): an encoder of dense layers to a latent space of size Z,
 * a mirrored decoder, and the loss
 *
 *     L = (1 − β) · MSE(x̂, x) + β · KL(N(μ, σ²) ‖ N(0, 1)),   KL = ½ Σ_j (μ_j² + σ_j² − 1 − ln σ_j²)
 *
 * (MSE averaged over the input features — Keras's `mse`, the talk's formula read literally — KL summed
 * over the latent dimensions as on the talk's slide, both averaged over the batch). β = 1 pushes every
 * posterior to the prior, β = 0 gives an autoencoder with noise. The other common convention sums the
 * squared error over the D inputs (the Gaussian log-likelihood of Kingma & Welling up to constants);
 * `reconstruction: 'sum'` selects it. At equal β the sum convention weighs the reconstruction D times
 * more: the sum convention at β_sum has the same minimiser as the averaged MSE at β_mean with
 * β_mean/(1 − β_mean) = β_sum/(1 − β_sum) / D.
 * A plain autoencoder (`variational: false`) is trained on the MSE alone.
 *
 * Training is in `../train/autoencoder.ts`.
 * Used by notebook 04-darkmachines (`../evaluate/anomaly-detectors.ts`, `generator.ts`, the β table).
 */
import * as tf from '@tensorflow/tfjs';
import type { Random } from '../../random';
import type { Matrix } from '../data/features';

/** Architecture of {@link buildAutoencoder}. */
export interface AutoencoderOptions {
  inputDim: number;
  latentDim: number;
  /** hidden widths of the encoder, outer to inner (the decoder mirrors them), e.g. [64, 32] */
  hidden: readonly number[];
  /** a VAE (μ, ln σ² heads and sampling) or a plain autoencoder */
  variational: boolean;
  /** seeds the initial weights */
  rng: Random;
}

/** An encoder–decoder pair. The encoder outputs [μ, ln σ²] (VAE) or [z] (AE). */
export interface Autoencoder {
  encoder: tf.LayersModel;
  decoder: tf.LayersModel;
  options: Omit<AutoencoderOptions, 'rng'>;
}

function dense(units: number, rng: Random, activation?: 'elu' | 'linear', name?: string): tf.layers.Layer {
  return tf.layers.dense({ units, activation: activation ?? 'linear', kernelInitializer: tf.initializers.glorotUniform({ seed: rng.integer(0, 2 ** 31) }), name });
}

/** Builds the encoder and decoder (ELU hidden layers, linear outputs). */
export function buildAutoencoder(opts: AutoencoderOptions): Autoencoder {
  const { inputDim, latentDim, hidden, variational, rng } = opts;
  const x = tf.input({ shape: [inputDim] });
  let h: tf.SymbolicTensor = x;
  for (const w of hidden) h = dense(w, rng, 'elu').apply(h) as tf.SymbolicTensor;
  const mu = dense(latentDim, rng, 'linear', 'mu').apply(h) as tf.SymbolicTensor;
  const outputs = variational ? [mu, dense(latentDim, rng, 'linear', 'logVar').apply(h) as tf.SymbolicTensor] : [mu];
  const encoder = tf.model({ inputs: x, outputs });
  const z = tf.input({ shape: [latentDim] });
  let g: tf.SymbolicTensor = z;
  for (const w of [...hidden].reverse()) g = dense(w, rng, 'elu').apply(g) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: z, outputs: dense(inputDim, rng, 'linear').apply(g) as tf.SymbolicTensor });
  return { encoder, decoder, options: { inputDim, latentDim, hidden: [...hidden], variational } };
}

/** How the squared reconstruction error enters the loss: averaged over the inputs (the talk's MSE) or summed. */
export type Reconstruction = 'mean' | 'sum';

/**
 * The loss terms of one batch: `loss` = (1 − β)·rec + β·kl (VAE) or rec (AE), where rec is the MSE
 * (`reconstruction: 'mean'`, the default) or the squared error summed over the inputs (`'sum'`);
 * `mse` is always the mean squared error, so the two conventions report comparable numbers.
 */
export function betaVaeLoss(x: tf.Tensor2D, xHat: tf.Tensor2D, mu: tf.Tensor2D | null, logVar: tf.Tensor2D | null, beta: number, reconstruction: Reconstruction = 'mean'): { loss: tf.Scalar; mse: tf.Scalar; kl: tf.Scalar } {
  return tf.tidy(() => {
    const mse = tf.mean(tf.square(tf.sub(xHat, x))) as tf.Scalar;
    const rec = reconstruction === 'sum' ? (tf.mul(mse, x.shape[1]) as tf.Scalar) : mse;
    if (!mu || !logVar) return { loss: rec, mse, kl: tf.scalar(0) };
    const klPerEvent = tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.square(mu), tf.exp(logVar)), tf.add(1, logVar)), 1));
    const kl = tf.mean(klPerEvent) as tf.Scalar;
    return { loss: tf.add(tf.mul(1 - beta, rec), tf.mul(beta, kl)) as tf.Scalar, mse, kl };
  });
}

/** Runs `fn` over row blocks of X and concatenates the per-row outputs. */
function inBlocks(X: Matrix, width: number, fn: (x: tf.Tensor2D) => tf.Tensor2D, block = 4096): Float32Array {
  const out = new Float32Array(X.rows * width);
  for (let start = 0; start < X.rows; start += block) {
    const end = Math.min(X.rows, start + block);
    const y = tf.tidy(() => fn(tf.tensor2d(X.data.subarray(start * X.cols, end * X.cols), [end - start, X.cols])));
    out.set(y.dataSync() as Float32Array, start * width);
    y.dispose();
  }
  return out;
}

/** Latent means μ (n × Z) and ln σ² (zeros for an AE) of the rows of X. */
export function encode(model: Autoencoder, X: Matrix): { mu: Matrix; logVar: Matrix } {
  const Z = model.options.latentDim;
  const head = (k: number) => (x: tf.Tensor2D) => {
    const out = model.encoder.predict(x) as tf.Tensor2D | tf.Tensor2D[];
    return Array.isArray(out) ? out[k] : k === 0 ? out : tf.zerosLike(out);
  };
  return { mu: { data: inBlocks(X, Z, head(0)), rows: X.rows, cols: Z }, logVar: { data: inBlocks(X, Z, head(1)), rows: X.rows, cols: Z } };
}

/** Decoded rows (n × inputDim) of latent points Z (n × latentDim). */
export function decode(model: Autoencoder, Z: Matrix): Matrix {
  const d = model.options.inputDim;
  return { data: inBlocks(Z, d, (z) => model.decoder.predict(z) as tf.Tensor2D), rows: Z.rows, cols: d };
}

/** Per-row reconstruction MSE through z = μ (no sampling): the autoencoder anomaly score. */
export function reconstructionError(model: Autoencoder, X: Matrix): Float32Array {
  return inBlocks(X, 1, (x) => {
    const out = model.encoder.predict(x) as tf.Tensor2D | tf.Tensor2D[];
    const mu = Array.isArray(out) ? out[0] : out;
    return tf.mean(tf.square(tf.sub(model.decoder.predict(mu) as tf.Tensor2D, x)), 1, true) as tf.Tensor2D;
  });
}

/** A latent dimension counts as active (carries information about the event) when its average posterior variance is below this. */
export const ACTIVE_VARIANCE = 0.5;

/**
 * The seed's β-table entries: mean over events and latent dimensions of σ² and of μ; beside them the
 * average σ² of each dimension and the number of active dimensions (average σ² < {@link ACTIVE_VARIANCE}).
 * A collapsed dimension sits at the prior (σ² ≈ 1) whatever β is, so the table's average mixes the active
 * dimensions' small variances with ones from the collapsed dimensions: it depends on the latent size Z.
 */
export function latentStatistics(enc: { mu: Matrix; logVar: Matrix }): { avgVar: number; avgMean: number; avgAbsMean: number; varPerDim: number[]; activeDims: number } {
  let v = 0, m = 0, am = 0;
  const n = enc.mu.data.length;
  const Z = enc.mu.cols;
  const perDim = new Float64Array(Z);
  for (let k = 0; k < n; k++) {
    const s2 = Math.exp(enc.logVar.data[k]);
    v += s2;
    perDim[k % Z] += s2;
    m += enc.mu.data[k];
    am += Math.abs(enc.mu.data[k]);
  }
  const varPerDim = Array.from(perDim, (s) => s / enc.mu.rows);
  return { avgVar: v / n, avgMean: m / n, avgAbsMean: am / n, varPerDim, activeDims: varPerDim.filter((s) => s < ACTIVE_VARIANCE).length };
}

/** Frees the models' weights. */
export function disposeAutoencoder(model: Autoencoder): void {
  model.encoder.dispose();
  model.decoder.dispose();
}
