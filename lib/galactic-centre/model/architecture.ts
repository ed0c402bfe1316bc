/**
 * The seed's two CNNs (Aasen 2022, tables 1 and 2) as plain layer lists, with a Keras-style summary
 * (output shape and parameter count per layer) computed without building anything, and a builder
 * that turns a list into a tfjs model. The large model (920×920 RGB input, ~209 M parameters) is
 * summarised everywhere but built only when asked (profile `full`): its first dense layer alone holds
 * 3,268,864 × 64 weights (0.84 GB in float32).
 *
 * "Dense" on a feature map acts on the channels of every pixel (Keras applies Dense to the last axis),
 * which is what the seed's tables show: Dense (None, 457, 457, 64) with 64·64 + 64 = 4160 parameters.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import * as tf from '@tensorflow/tfjs';
import { dropout, gaussianNoise } from '../../layers';
import { Random } from '../../random';

/** One layer of a sequential CNN. */
export type LayerSpec =
  | { kind: 'rescaling'; scale: number }
  | { kind: 'gaussianNoise'; stddev: number }
  | { kind: 'conv'; filters: number; kernel: number }
  | { kind: 'batchNorm' }
  | { kind: 'maxPool'; size: number }
  | { kind: 'dense'; units: number; activation?: 'relu' | 'sigmoid' | 'softmax' | 'linear' }
  | { kind: 'dropout'; rate: number }
  | { kind: 'flatten' };

/** One row of a model summary (a type alias, so that it passes as a table row). */
export type SummaryRow = {
  layer: string;
  outputShape: string;
  params: number;
};

/** Table 2 of the seed: the small model for 90×120 maps (274,465 parameters with 3 channels). */
export function smallModelSpec(scale: number, noiseStd = 0.8, outputs = 1): LayerSpec[] {
  return [
    { kind: 'rescaling', scale },
    { kind: 'gaussianNoise', stddev: noiseStd },
    { kind: 'conv', filters: 32, kernel: 3 },
    { kind: 'maxPool', size: 2 },
    { kind: 'dense', units: 32 },
    { kind: 'conv', filters: 32, kernel: 3 },
    { kind: 'dense', units: 32 },
    { kind: 'maxPool', size: 2 },
    { kind: 'conv', filters: 32, kernel: 3 },
    { kind: 'flatten' },
    { kind: 'dense', units: 16 },
    { kind: 'dense', units: outputs, activation: outputs === 1 ? 'sigmoid' : 'softmax' },
  ];
}

/** Table 1 of the seed: the large model for 920×920 RGB images (209,272,789 parameters). */
export function largeModelSpec(): LayerSpec[] {
  return [
    { kind: 'conv', filters: 32, kernel: 3 },
    { kind: 'batchNorm' },
    { kind: 'maxPool', size: 2 },
    { kind: 'conv', filters: 64, kernel: 3 },
    { kind: 'dense', units: 64 },
    { kind: 'maxPool', size: 2 },
    { kind: 'conv', filters: 64, kernel: 3 },
    { kind: 'dense', units: 64 },
    { kind: 'flatten' },
    { kind: 'dense', units: 64 },
    { kind: 'dense', units: 10 },
    { kind: 'dense', units: 1, activation: 'sigmoid' },
  ];
}

const NAMES: Record<LayerSpec['kind'], string> = {
  rescaling: 'Rescaling',
  gaussianNoise: 'GaussianNoise',
  conv: 'Conv2D',
  batchNorm: 'BatchNormalization',
  maxPool: 'MaxPooling2D',
  dense: 'Dense',
  dropout: 'Dropout',
  flatten: 'Flatten',
};

/** Keras-style summary of `spec` on inputs of shape `inputShape` ([h, w, c]); parameters counted by formula. */
export function summarize(inputShape: readonly number[], spec: readonly LayerSpec[]): SummaryRow[] {
  let shape = [...inputShape];
  return spec.map((l) => {
    let params = 0;
    const c = shape[shape.length - 1];
    if (l.kind === 'conv') {
      params = l.kernel * l.kernel * c * l.filters + l.filters;
      shape = [shape[0] - l.kernel + 1, shape[1] - l.kernel + 1, l.filters];
    } else if (l.kind === 'batchNorm') params = 4 * c;
    else if (l.kind === 'maxPool') shape = [Math.floor(shape[0] / l.size), Math.floor(shape[1] / l.size), c];
    else if (l.kind === 'dense') {
      params = c * l.units + l.units;
      shape = [...shape.slice(0, -1), l.units];
    } else if (l.kind === 'flatten') shape = [shape.reduce((a, b) => a * b, 1)];
    return { layer: NAMES[l.kind], outputShape: `(None, ${shape.join(', ')})`, params };
  });
}

/** Total parameters of `spec` on `inputShape`. */
export function countParameters(inputShape: readonly number[], spec: readonly LayerSpec[]): number {
  return summarize(inputShape, spec).reduce((a, r) => a + r.params, 0);
}

/**
 * Builds `spec` as a tf.Sequential (ReLU everywhere but the last dense layer); `rng` fixes the initial
 * weights, and the seeded GaussianNoise and Dropout of lib/layers draw a new mask from it at every step
 * (same seed → same model and same masks).
 */
export function buildModel(inputShape: readonly number[], spec: readonly LayerSpec[], rng: Random): tf.Sequential {
  const model = tf.sequential();
  const initRng = rng.fork('initial weights');
  const init = (): ReturnType<typeof tf.initializers.glorotUniform> => tf.initializers.glorotUniform({ seed: initRng.int32() });
  spec.forEach((l, i) => {
    const first = i === 0 ? { inputShape: [...inputShape] } : {};
    const last = i === spec.length - 1;
    if (l.kind === 'rescaling') model.add(tf.layers.rescaling({ ...first, scale: l.scale }));
    else if (l.kind === 'gaussianNoise') model.add(gaussianNoise({ ...first, stddev: l.stddev, rng: rng.fork(`noise ${i}`) }));
    else if (l.kind === 'conv') model.add(tf.layers.conv2d({ ...first, filters: l.filters, kernelSize: l.kernel, activation: 'relu', kernelInitializer: init() }));
    else if (l.kind === 'batchNorm') model.add(tf.layers.batchNormalization({ ...first }));
    else if (l.kind === 'maxPool') model.add(tf.layers.maxPooling2d({ ...first, poolSize: l.size }));
    else if (l.kind === 'dense') model.add(tf.layers.dense({ ...first, units: l.units, activation: l.activation ?? (last ? 'linear' : 'relu'), kernelInitializer: init() }));
    else if (l.kind === 'dropout') model.add(dropout({ ...first, rate: l.rate, rng: rng.fork(`dropout ${i}`) }));
    else model.add(tf.layers.flatten(first));
  });
  return model;
}
