/**
 * The Galaxy Zoo CNN: a small convolutional network regressing the 37 vote fractions with sigmoid
 * outputs and a mean-squared-error loss (the challenge metric is the RMSE over all 37 outputs of all
 * galaxies), plus the constant-mean baseline (the RMSE is in `../evaluate/rmse.ts`).
 *
 * A scaled-down cousin of the winning model (Dieleman et al. 2015: 4 conv layers, 2 dense layers of
 * 2048 units, rotation-invariant pooling over 16 views, RMSE 0.0749).
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import * as tf from '@tensorflow/tfjs';
import { dropout } from '../../layers';
import type { Random } from '../../random';
import { NUM_TARGETS } from '../data/decision-tree';

/** Options of {@link galaxyCnn}. */
export interface GalaxyCnnOptions {
  /** image side (pixels) */
  size: number;
  /** filters of the conv blocks (conv 3×3 + max-pool 2 each; default [16, 32, 32]) */
  filters?: readonly number[];
  /** units of the hidden dense layer (default 64) */
  dense?: number;
  /** dropout before the output (default 0.2) */
  dropout?: number;
  /** Adam learning rate (default 2e-3) */
  lr?: number;
  /** seeds the initial weights and the dropout masks (same seed → same model and same masks) */
  rng: Random;
}

/** Builds and compiles the CNN: input [size, size, 3], output 37 sigmoids, MSE loss. */
export function galaxyCnn(o: GalaxyCnnOptions): tf.Sequential {
  const initRng = o.rng.fork('initial weights');
  const init = (): ReturnType<typeof tf.initializers.glorotUniform> => tf.initializers.glorotUniform({ seed: initRng.int32() });
  const model = tf.sequential();
  (o.filters ?? [16, 32, 32]).forEach((filters, i) => {
    model.add(tf.layers.conv2d({ ...(i === 0 ? { inputShape: [o.size, o.size, 3] } : {}), filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  });
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: o.dense ?? 64, activation: 'relu', kernelInitializer: init() }));
  model.add(dropout({ rate: o.dropout ?? 0.2, rng: o.rng.fork('dropout') }));
  model.add(tf.layers.dense({ units: NUM_TARGETS, activation: 'sigmoid', kernelInitializer: init() }));
  model.compile({ optimizer: tf.train.adam(o.lr ?? 2e-3), loss: 'meanSquaredError' });
  return model;
}

/** Column means of targets `[n, k]` (the constant baseline's prediction). */
export function columnMeans(targets: Float32Array, k = NUM_TARGETS): Float32Array {
  const n = targets.length / k;
  const out = new Float32Array(k);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) out[c] += targets[i * k + c] / n;
  return out;
}
