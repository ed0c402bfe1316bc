/**
 * Training and prediction helpers for the Galactic Centre classifiers of notebook 03: input
 * scaling from the training maps, compile + fit of a `LayerSpec` model with early stopping and a
 * timing per epoch, batched prediction, and display images of counts maps.
 *
 * Used by notebook 03-galaxy-zoo-gc and `bench/galactic-centre.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../random';
import { arrayBlock, fit, type ArrayBlock, type History } from '../../train';
import type { GcDataset } from '../data/dataset';
import { buildModel, smallModelSpec, type LayerSpec } from '../model/architecture';

/** 1 / (mean counts per pixel and band) of the first `sample` maps: the Rescaling factor. */
export function inputScale(maps: Float32Array, pixelsPerMap: number, sample = 200): number {
  const n = Math.min(maps.length, sample * pixelsPerMap);
  let s = 0;
  for (let k = 0; k < n; k++) s += maps[k];
  return n / Math.max(s, 1e-9);
}

/** In-memory maps and integer labels. */
export interface LabelledMaps {
  maps: Float32Array;
  n: number;
  shape: readonly number[];
  /** class per map (0/1 for DM vs none; 0/1/2 for the profile task) */
  labels: ArrayLike<number>;
}

/** Options of {@link trainClassifier}. */
export interface ClassifierOptions {
  spec: LayerSpec[];
  lr: number;
  epochs: number;
  batchSize: number;
  /** early-stopping patience on `val_loss` (0: none) */
  patience: number;
  /** seeds the model (initial weights, noise and dropout masks) and the batch order */
  rng: Random;
  /** classes (1: sigmoid + binary cross-entropy; > 2: softmax + categorical cross-entropy) */
  classes?: number;
}

/** A trained classifier, its history and the mean wall time of an epoch (s). */
export interface TrainedClassifier {
  model: tf.Sequential;
  history: History;
  secondsPerEpoch: number;
}

function targets(d: LabelledMaps, classes: number): Float32Array | ArrayBlock {
  if (classes <= 2) return Float32Array.from(d.labels);
  const y = new Float32Array(d.n * classes);
  for (let i = 0; i < d.n; i++) y[i * classes + d.labels[i]] = 1;
  return arrayBlock(y, [d.n, classes]);
}

/** Builds `spec`, compiles it with Adam(lr) and trains on `train`, validating on `validation`. */
export async function trainClassifier(train: LabelledMaps, validation: LabelledMaps, o: ClassifierOptions): Promise<TrainedClassifier> {
  const classes = o.classes ?? 1;
  const model = buildModel(train.shape, o.spec, o.rng.fork('model'));
  model.compile({ optimizer: tf.train.adam(o.lr), loss: classes > 2 ? 'categoricalCrossentropy' : 'binaryCrossentropy', metrics: ['accuracy'] });
  const history = await fit(
    model,
    {
      train: { x: arrayBlock(train.maps, [train.n, ...train.shape]), y: targets(train, classes) },
      validation: { x: arrayBlock(validation.maps, [validation.n, ...validation.shape]), y: targets(validation, classes) },
    },
    { epochs: o.epochs, batchSize: o.batchSize, rng: o.rng.fork('batches'), ...(o.patience > 0 ? { earlyStopping: { monitor: 'val_loss', patience: o.patience } } : {}) },
  );
  const seconds = history.column('seconds');
  return { model, history, secondsPerEpoch: seconds.reduce((a, b) => a + b, 0) / Math.max(1, seconds.length) };
}

/** A data set's maps with its DM labels (or other `labels`, e.g. the profile index) for `trainClassifier`. */
export function labelledMaps(d: GcDataset, labels: ArrayLike<number> = d.label): LabelledMaps {
  return { maps: d.maps, n: d.n, shape: d.shape, labels };
}

/** One run of the seed's small model at a learning rate. */
export interface LearningRateRun {
  lr: number;
  run: TrainedClassifier;
}

/**
 * The seed's small model trained at each learning rate in `lrs` (batch 100 as in the seed's Fig. 8,
 * no early stopping), each seeded by `rng.fork('gc lr <lr>')`.
 */
export async function learningRateRuns(train: LabelledMaps, validation: LabelledMaps, o: { lrs: readonly number[]; epochs: number; scale: number; rng: Random }): Promise<LearningRateRun[]> {
  const runs: LearningRateRun[] = [];
  for (const lr of o.lrs) {
    const run = await trainClassifier(train, validation, { spec: smallModelSpec(o.scale), lr, epochs: o.epochs, batchSize: 100, patience: 0, rng: o.rng.fork(`gc lr ${lr}`) });
    runs.push({ lr, run });
  }
  return runs;
}

/** A display image of map `i`: √(counts summed over the bands) (or one band), `[height × width]`. */
export function mapImage(maps: Float32Array, i: number, shape: readonly number[], band?: number): Float32Array {
  const [h, w, nb] = shape;
  const base = i * h * w * nb;
  return Float32Array.from({ length: h * w }, (_, k) => {
    let s = 0;
    for (let b = 0; b < nb; b++) if (band === undefined || band === b) s += maps[base + k * nb + b];
    return Math.sqrt(s);
  });
}
