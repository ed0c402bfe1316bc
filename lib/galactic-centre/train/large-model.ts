/**
 * Timing the seed's large model (Table 1: 920×920 RGB images, 209,272,789 parameters): one Adam
 * training step on a batch of 4, as in the seed, after a warm-up step, extrapolated to an epoch. On
 * the WebAssembly backend its weights, gradients and Adam moments do not fit the 32-bit heap, and
 * the failure is returned as text instead of a time.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../random';
import { Stopwatch } from '../../timer';
import { buildModel, type LayerSpec } from '../model/architecture';

/** Options of {@link timeTrainingEpoch}. */
export interface EpochTimingOptions {
  /** maps per batch (the seed's large model: 4) and per epoch (the seed: 90 % of 12,000) */
  batch: number;
  mapsPerEpoch: number;
  lr: number;
  rng: Random;
}

/**
 * Seconds per epoch of `spec` on inputs `inputShape`: one timed `trainOnBatch` (after a warm-up one)
 * times ⌈mapsPerEpoch / batch⌉. Returns the backend's error message when it cannot train the model.
 */
export async function timeTrainingEpoch(inputShape: readonly number[], spec: readonly LayerSpec[], o: EpochTimingOptions): Promise<number | string> {
  let model: tf.Sequential | undefined;
  let x: tf.Tensor | undefined;
  let y: tf.Tensor | undefined;
  try {
    model = buildModel(inputShape, spec, o.rng.fork('model'));
    model.compile({ optimizer: tf.train.adam(o.lr), loss: 'binaryCrossentropy' });
    x = tf.randomUniform([o.batch, ...inputShape], 0, 1, 'float32', o.rng.int32());
    y = tf.ones([o.batch, 1]);
    await model.trainOnBatch(x, y);
    const clock = new Stopwatch();
    await model.trainOnBatch(x, y);
    return clock.seconds() * Math.ceil(o.mapsPerEpoch / o.batch);
  } catch (e) {
    return `tfjs ${tf.getBackend()} cannot train it: ${(e as Error).message}`;
  } finally {
    if (x) x.dispose();
    if (y) y.dispose();
    if (model) model.dispose();
  }
}
