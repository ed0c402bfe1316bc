/**
 * A small image classifier: [conv 3×3 → max-pool 2] blocks, then dense layers and one sigmoid output.
 * With `filters: [32, 64]` and `dense: [64]` it is the project's reference CNN (the benchmark's model,
 * see bench/ and ../shared/notes/benchmarks.md). Weights are initialised from the given `Random`.
 *
 * Used by notebooks/00-tour.ipynb and the model tests.
 */
import * as tf from '@tensorflow/tfjs';
import { dropout } from '../layers';
import { Random } from '../random';

/** Options of `smallCnn`. */
export interface SmallCnnOptions {
  /** [height, width, channels] of one image */
  inputShape: [number, number, number];
  /** filters of each conv block (default [32, 64]) */
  filters?: number[];
  /** units of the hidden dense layers (default [64]) */
  dense?: number[];
  /** dropout rate before the output (default 0: none) */
  dropoutRate?: number;
  /** seeds the initial weights and dropout */
  rng: Random;
}

/** Builds (does not compile) the CNN; the output is P(class 1), shape [batch, 1]. */
export function smallCnn(options: SmallCnnOptions): tf.Sequential {
  const { inputShape, filters = [32, 64], dense = [64], dropoutRate = 0, rng } = options;
  const init = () => tf.initializers.glorotUniform({ seed: rng.int32() });
  const model = tf.sequential();
  filters.forEach((f, i) => {
    model.add(tf.layers.conv2d({ filters: f, kernelSize: 3, activation: 'relu', kernelInitializer: init(), ...(i === 0 ? { inputShape } : {}) }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  });
  model.add(tf.layers.flatten());
  for (const units of dense) model.add(tf.layers.dense({ units, activation: 'relu', kernelInitializer: init() }));
  if (dropoutRate > 0) model.add(dropout({ rate: dropoutRate, rng: rng.fork('dropout') }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init() }));
  return model;
}
