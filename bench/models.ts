/**
 * The three benchmark workloads, built identically in tfjs here and in PyTorch in
 * `bench/torch_reference.py` (same layer sizes, data sizes, batch sizes, optimiser and loss):
 *   - `cnn`: the reference CNN — conv 32 3×3 relu → max-pool 2 → conv 64 3×3 relu → max-pool 2 →
 *     flatten → dense 64 relu → dense 1 sigmoid; 512 images 32×32×8, batch 64, Adam, binary cross-entropy;
 *   - `mlp`: a tabular MLP 30 → 256 → 256 → 1 (relu, sigmoid); 100 000 rows, batch 256, Adam, BCE;
 *   - `autoencoder`: dense 32 → 64 → 16 → 64 → 32 (relu, linear out); 50 000 rows, batch 256, Adam, MSE.
 *
 * Used by `bench/run.ts` and `bench/profile.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../lib/random';

/** The benchmark workloads. */
export type WorkloadName = 'cnn' | 'mlp' | 'autoencoder';
export const WORKLOADS: readonly WorkloadName[] = ['cnn', 'mlp', 'autoencoder'];

/** Sizes of one workload (shared with the Python side through the command line). */
export interface WorkloadSpec {
  name: WorkloadName;
  /** Number of training samples. */
  samples: number;
  /** Shape of one sample. */
  sampleShape: number[];
  batchSize: number;
  /** One line for the table. */
  description: string;
}

/** The workload sizes of the benchmark (samples can be reduced for a quick run). */
export function workloadSpec(name: WorkloadName, samples?: number): WorkloadSpec {
  switch (name) {
    case 'cnn':
      return { name, samples: samples ?? 512, sampleShape: [32, 32, 8], batchSize: 64, description: 'CNN 32×32×8, conv32-conv64-dense64' };
    case 'mlp':
      return { name, samples: samples ?? 100_000, sampleShape: [30], batchSize: 256, description: 'MLP 30-256-256-1' };
    case 'autoencoder':
      return { name, samples: samples ?? 50_000, sampleShape: [32], batchSize: 256, description: 'autoencoder 32-64-16-64-32' };
  }
}

/** Seeded inputs x [samples, …sampleShape] and targets y (labels 0/1, or x itself for the autoencoder). */
export function makeData(spec: WorkloadSpec, seed = 20261123): { x: tf.Tensor; y: tf.Tensor } {
  const rng = new Random(seed);
  const perSample = spec.sampleShape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(spec.samples * perSample);
  for (let i = 0; i < values.length; i++) values[i] = rng.normal();
  const x = tf.tensor(values, [spec.samples, ...spec.sampleShape]);
  if (spec.name === 'autoencoder') return { x, y: x.clone() };
  const labels = new Float32Array(spec.samples);
  for (let s = 0; s < spec.samples; s++) {
    // A learnable rule: the sign of a fixed projection of the first features, plus label noise.
    let score = 0;
    for (let j = 0; j < Math.min(perSample, 64); j++) score += values[s * perSample + j] * (j % 3 === 0 ? 1 : -0.5);
    labels[s] = score + 0.5 * rng.normal() > 0 ? 1 : 0;
  }
  return { x, y: tf.tensor2d(labels, [spec.samples, 1]) };
}

/** The tfjs model of a workload, compiled with Adam (lr 1e-3) and its loss; weights seeded. */
export function buildModel(spec: WorkloadSpec, seed = 7): tf.LayersModel {
  const rng = new Random(seed);
  const init = () => tf.initializers.glorotUniform({ seed: rng.int32() });
  const model = tf.sequential();
  if (spec.name === 'cnn') {
    model.add(tf.layers.conv2d({ inputShape: spec.sampleShape, filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init() }));
  } else if (spec.name === 'mlp') {
    model.add(tf.layers.dense({ inputShape: spec.sampleShape, units: 256, activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init() }));
  } else {
    model.add(tf.layers.dense({ inputShape: spec.sampleShape, units: 64, activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.dense({ units: spec.sampleShape[0], kernelInitializer: init() }));
  }
  model.compile({ optimizer: tf.train.adam(1e-3), loss: spec.name === 'autoencoder' ? 'meanSquaredError' : 'binaryCrossentropy' });
  return model;
}
