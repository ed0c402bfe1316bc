/**
 * Training and prediction helpers for the Galactic Centre classifiers of notebook 03: input
 * scaling from the training maps, compile + fit of a `LayerSpec` model with early stopping and a
 * timing per epoch (resumable from checkpoints when given a folder: the `full` profile), the seed's
 * comparison runs (batch 100, Fig. 7; lr 5·10⁻³, Fig. 8), and display images of counts maps.
 *
 * Used by notebook 03-galaxy-zoo-gc and `bench/galactic-centre.ts`.
 */
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../random';
import { arrayBlock, fit, type ArrayBlock, type History } from '../../train';
import { fitResumably } from '../../train/resumable';
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
  /** a checkpoint folder: train resumably there (`lib/train/resumable.ts`); a rerun continues */
  checkpoint?: string;
  /** gradient accumulation over slices of this many maps (0 or absent: none; `fit`'s `microBatch`) */
  microBatch?: number;
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
  const data = {
    train: { x: arrayBlock(train.maps, [train.n, ...train.shape]), y: targets(train, classes) },
    validation: { x: arrayBlock(validation.maps, [validation.n, ...validation.shape]), y: targets(validation, classes) },
  };
  const options = {
    epochs: o.epochs, batchSize: o.batchSize, rng: o.rng.fork('batches'),
    ...(o.patience > 0 ? { earlyStopping: { monitor: 'val_loss', patience: o.patience } } : {}),
    ...(o.microBatch ? { microBatch: o.microBatch } : {}),
  };
  const history = o.checkpoint ? await fitResumably(model, data, { ...options, dir: o.checkpoint }) : await fit(model, data, options);
  const seconds = history.column('seconds');
  return { model, history, secondsPerEpoch: seconds.reduce((a, b) => a + b, 0) / Math.max(1, seconds.length) };
}

/** A data set's maps with its DM labels (or other `labels`, e.g. the profile index) for `trainClassifier`. */
export function labelledMaps(d: GcDataset, labels: ArrayLike<number> = d.label): LabelledMaps {
  return { maps: d.maps, n: d.n, shape: d.shape, labels };
}

/** One of the seed's comparison settings of the small model: a name (the result key's stem), learning rate, batch. */
export interface ComparisonSetting {
  name: string;
  lr: number;
  batch: number;
  /** the seed's figure */
  figure: string;
}

/**
 * The seed's comparison runs (§4): lr 5·10⁻⁴ with batch 100 (Fig. 7: overfits after epoch ~50, against
 * Fig. 9's stable batch 500) and lr 5·10⁻³ with batch 100 (Fig. 8: "unable to learn anything").
 */
export const SEED_COMPARISONS: readonly ComparisonSetting[] = [
  { name: 'batch100', lr: 5e-4, batch: 100, figure: 'Fig. 7' },
  { name: 'lr5e3', lr: 5e-3, batch: 100, figure: 'Fig. 8' },
];

/** One comparison run of the seed's small model. */
export interface LearningRateRun extends ComparisonSetting {
  run: TrainedClassifier;
}

/**
 * The seed's small model trained with each setting of `runs` (default `SEED_COMPARISONS`) for `epochs`
 * epochs without early stopping (the seed's curves run all epochs), each seeded by
 * `rng.fork('gc <name>')`; resumable under `<checkpoint>/<name>` when `checkpoint` is given.
 */
export async function learningRateRuns(
  train: LabelledMaps,
  validation: LabelledMaps,
  o: { epochs: number; scale: number; rng: Random; runs?: readonly ComparisonSetting[]; checkpoint?: string },
): Promise<LearningRateRun[]> {
  const out: LearningRateRun[] = [];
  for (const setting of o.runs ?? SEED_COMPARISONS) {
    const checkpoint = o.checkpoint ? path.join(o.checkpoint, setting.name) : undefined;
    const options = { spec: smallModelSpec(o.scale), lr: setting.lr, epochs: o.epochs, batchSize: setting.batch, patience: 0, rng: o.rng.fork(`gc ${setting.name}`), checkpoint };
    out.push({ ...setting, run: await trainClassifier(train, validation, options) });
  }
  return out;
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
