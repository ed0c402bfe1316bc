/**
 * The correction network of the seed ("SD reconstruction NN architecture"): 1D convolutions along
 * time over each detector's two-layer trace (weights shared by all detectors), the resulting
 * per-detector features joined with the detector features and passed through 2D convolutions over
 * the N × N grid, then dense layers joined with the standard reconstruction's parameters; three
 * outputs, the predicted errors (truth − standard) of n_x, n_y and log10 E, trained with MSE.
 *
 * Regularisation as in the seed: L2 on the kernels, dropout, and noise (Gaussian noise on the
 * standardised inputs is added in the data stream with a seeded generator, see `./data/stream.ts`, since
 * tfjs's GaussianNoise layer cannot be seeded).
 * Used by notebooks/02-telescope-array.ipynb and bench/telescope-array.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../random';
import { dropout } from '../layers';
import { ZeilerAdadelta } from '../train/adadelta';
import { DETECTOR_FEATURES, STANDARD_FEATURES, TARGETS } from './data/event';

/** Architecture and regularisation of the network. */
export interface NetOptions {
  /** detectors per side, trace length */
  N: number;
  T: number;
  /**
   * 20 ns bins summed into one before the time convolutions (averaged, the same up to a scale): 4 gives
   * 80 ns bins, the cheap setting of `smoke` and `default` (default 4 for T ≥ 16, else 1); 1 keeps the
   * full 20 ns resolution that the muon spikes and rise times of the seed's sample event need.
   */
  timePool?: number;
  /** filters of the 1D (time) convolutions, each followed by max-pooling ×2 (default [8, 16]) */
  conv1d?: number[];
  /** filters of the 3 × 3 grid convolutions (default [32]) */
  conv2d?: number[];
  /** widths of the dense layers (default [64, 32]) */
  dense?: number[];
  /** L2 factor on kernels (default 1e-5) */
  l2?: number;
  /** dropout rate after the dense layers (default 0.1) */
  dropout?: number;
  /** seeds the initialisers and dropout */
  rng: Random;
}

/** The optimizers compared in the notebook. */
export type OptimizerName = 'adam' | 'adadelta';

/**
 * An optimizer: Adam (Kingma & Ba 2015; lr 1e-3) or Adadelta as in the seed (Zeiler 2012,
 * arXiv:1212.5701: ρ = 0.95, ε = 1e-6, learning rate 1 as in Keras) — our `ZeilerAdadelta`, since
 * tfjs's own diverges with these settings (see `lib/train/adadelta.ts`).
 */
export function makeOptimizer(name: OptimizerName, lr?: number): tf.Optimizer {
  return name === 'adam' ? tf.train.adam(lr ?? 1e-3) : new ZeilerAdadelta(lr ?? 1.0, 0.95, 1e-6);
}

/** The time pooling a network uses: `opts.timePool`, or 4 for T ≥ 16 and 1 for shorter traces. */
export function timePoolOf(opts: Pick<NetOptions, 'T' | 'timePool'>): number {
  const pool = opts.timePool ?? (opts.T >= 16 ? 4 : 1);
  if (!Number.isInteger(pool) || pool < 1 || pool > opts.T) throw new RangeError(`timePool: ${pool} is not a whole number of bins between 1 and T = ${opts.T}`);
  return pool;
}

/** Builds the network with inputs `waveforms` [N, N, T, 2], `detectors` [N, N, F], `standard` [P]; output [3]. */
export function buildCorrectionNet(opts: NetOptions): tf.LayersModel {
  const { N, T, rng } = opts;
  const conv1d = opts.conv1d ?? [8, 16];
  const conv2d = opts.conv2d ?? [32];
  const dense = opts.dense ?? [64, 32];
  const reg = tf.regularizers.l2({ l2: opts.l2 ?? 1e-5 });
  const init = () => tf.initializers.glorotUniform({ seed: rng.integer(0, 2 ** 31 - 1) });
  const wf = tf.input({ shape: [N, N, T, 2], name: 'waveforms' });
  const det = tf.input({ shape: [N, N, DETECTOR_FEATURES.length], name: 'detectors' });
  const std = tf.input({ shape: [STANDARD_FEATURES.length], name: 'standard' });

  // 1D convolutions along time, per detector: [1, 3] kernels over [N·N, t, channels]. The 20 ns bins
  // are first pooled by `timePool` (4: 80 ns bins, to keep the cost low on one CPU core; 1: full
  // resolution); each convolution is followed by max-pooling ×2.
  let h = tf.layers.reshape({ targetShape: [N * N, T, 2] }).apply(wf) as tf.SymbolicTensor;
  const pre = timePoolOf(opts);
  if (pre > 1) h = tf.layers.averagePooling2d({ poolSize: [1, pre], strides: [1, pre] }).apply(h) as tf.SymbolicTensor;
  let t = Math.floor(T / pre);
  for (const filters of conv1d) {
    h = tf.layers.conv2d({ filters, kernelSize: [1, 3], padding: 'same', activation: 'relu', kernelInitializer: init(), kernelRegularizer: reg }).apply(h) as tf.SymbolicTensor;
    if (t >= 2) {
      h = tf.layers.maxPooling2d({ poolSize: [1, 2], strides: [1, 2] }).apply(h) as tf.SymbolicTensor;
      t = Math.floor(t / 2);
    }
  }
  h = tf.layers.averagePooling2d({ poolSize: [1, t], strides: [1, t] }).apply(h) as tf.SymbolicTensor; // → [N·N, 1, c]
  h = tf.layers.reshape({ targetShape: [N, N, conv1d[conv1d.length - 1]] }).apply(h) as tf.SymbolicTensor;

  // 2D convolutions over the detector grid, with the detector features as extra channels
  let g = tf.layers.concatenate({ axis: -1 }).apply([h, det]) as tf.SymbolicTensor;
  for (const filters of conv2d) {
    g = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(), kernelRegularizer: reg }).apply(g) as tf.SymbolicTensor;
  }
  g = tf.layers.flatten().apply(g) as tf.SymbolicTensor;

  let d = tf.layers.concatenate().apply([g, std]) as tf.SymbolicTensor;
  for (const units of dense) {
    d = tf.layers.dense({ units, activation: 'relu', kernelInitializer: init(), kernelRegularizer: reg }).apply(d) as tf.SymbolicTensor;
    if ((opts.dropout ?? 0.1) > 0) d = dropout({ rate: opts.dropout ?? 0.1, rng: rng.fork(`dropout ${units}`) }).apply(d) as tf.SymbolicTensor;
  }
  const out = tf.layers.dense({ units: TARGETS.length, kernelInitializer: init(), name: 'correction' }).apply(d) as tf.SymbolicTensor;
  return tf.model({ inputs: [wf, det, std], outputs: out, name: 'ta_correction' });
}

/** Builds and compiles the network with MSE loss and the named optimizer. */
export function compiledNet(opts: NetOptions, optimizer: OptimizerName, lr?: number): tf.LayersModel {
  const model = buildCorrectionNet(opts);
  model.compile({ optimizer: makeOptimizer(optimizer, lr), loss: 'meanSquaredError' });
  return model;
}

/**
 * The warm-up's small CNN for 28 × 28 digits (seed 001, "Convolutional ANN": 5 × 5 kernels whose
 * weights are shared over the image): conv 5 × 5 (8) → max-pool 2 → conv 3 × 3 (16) → max-pool 2 →
 * dense 10 with softmax; Adam, categorical cross-entropy, accuracy.
 */
export function compiledDigitCnn(rng: Random): tf.LayersModel {
  const init = () => tf.initializers.glorotUniform({ seed: rng.integer(0, 2 ** 31 - 1) });
  const model = tf.sequential({
    name: 'digit_cnn',
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 5, activation: 'relu', kernelInitializer: init() }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init() }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(2e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
