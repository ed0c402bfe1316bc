/**
 * Training and evaluating the NEWSdm CNNs on a `ClusterSet`: input normalisation and layout per
 * architecture, targets (binary, one-hot, angle), one training run with `lib/train`'s `fit`, batched
 * prediction and the binary scores the notebook tabulates (accuracy, precision = purity, ROC AUC,
 * the Youden-optimal threshold).
 *
 * Used by the NEWSdm notebook.
 */
import * as tf from '@tensorflow/tfjs';
import { accuracy, binarize, optimalThreshold, precision, rocAuc, rocCurve } from '../../metrics';
import { arrayBlock, fit, History, type ArrayBlock, type Checkpoints, type EpochRecord, type ProgressMode } from '../../train';
import { channelsLast, type ClusterSet } from '../data/datasets';
import { buildCnn, compileCnn, inputShape, is3d, type Architecture, type CnnOptions } from '../model';
import { decodeAngles } from '../data/rotate';

/** Pixel normalisation (x − offset) / scale, fitted on the training images. */
export interface ImageNorm {
  offset: number;
  scale: number;
}

/** The median pixel (≈ the pedestal) and the pixel standard deviation of a set's images. */
export function fitImageNorm(set: ClusterSet): ImageNorm {
  const step = Math.max(1, Math.floor(set.images.length / 200000));
  const sample: number[] = [];
  for (let p = 0; p < set.images.length; p += step) sample.push(set.images[p]);
  sample.sort((a, b) => a - b);
  const offset = sample[sample.length >> 1];
  const mean = sample.reduce((a, b) => a + b, 0) / sample.length;
  const sd = Math.sqrt(sample.reduce((a, b) => a + (b - mean) ** 2, 0) / sample.length);
  return { offset, scale: sd > 0 ? sd : 1 };
}

/** The network input of `set` for `arch`: normalised, [n, S, S, 8] (2D) or [n, 8, S, S, 1] (3D). */
export function networkInput(set: ClusterSet, arch: Architecture, norm: ImageNorm): ArrayBlock {
  const x = is3d(arch) ? Float32Array.from(set.images) : channelsLast(set.images, set.n, set.size);
  for (let p = 0; p < x.length; p++) x[p] = (x[p] - norm.offset) / norm.scale;
  return arrayBlock(x, [set.n, ...inputShape(arch, set.size)]);
}

/** Training targets of the class head: [n] 0/1 for two labels, else one-hot [n, K]. */
export function classTargets(set: ClusterSet): Float32Array | ArrayBlock {
  const k = set.labelNames.length;
  if (k === 2) return Float32Array.from(set.labels);
  const y = new Float32Array(set.n * k);
  for (let i = 0; i < set.n; i++) y[i * k + set.labels[i]] = 1;
  return arrayBlock(y, [set.n, k]);
}

/** Options of {@link trainCnn}. */
export interface TrainCnnOptions extends Omit<CnnOptions, 'size' | 'nClasses' | 'angleOutput'> {
  epochs: number;
  batchSize?: number;
  lr?: number;
  /** angle-head targets [n, 2] (`RotatedSet.target`) of the training and validation images: adds the angle head */
  angles?: { train: Float32Array; validation: Float32Array };
  angleWeight?: number;
  /** label of the progress line (default: the architecture) */
  label?: string;
  /** progress display (default 'auto') */
  progress?: ProgressMode;
}

/** A trained model with what the results table needs. */
export interface TrainedCnn {
  arch: Architecture;
  model: tf.LayersModel;
  norm: ImageNorm;
  history: History;
  /** median wall seconds per epoch (training + validation) */
  secondsPerEpoch: number;
  params: number;
}

/** Builds, compiles and trains `arch` on `train`, validating on `validation` each epoch. */
export async function trainCnn(arch: Architecture, train: ClusterSet, validation: ClusterSet, o: TrainCnnOptions): Promise<TrainedCnn> {
  const norm = fitImageNorm(train);
  const model = compileCnn(
    buildCnn(arch, { ...o, size: train.size, nClasses: train.labelNames.length, angleOutput: !!o.angles }),
    { lr: o.lr, angleWeight: o.angleWeight },
  );
  const y = (set: ClusterSet, angle?: Float32Array) => (angle ? [toBlock(classTargets(set), set.n), arrayBlock(angle, [set.n, 2])] : classTargets(set));
  const history = await fit(
    model,
    {
      train: { x: networkInput(train, arch, norm), y: y(train, o.angles?.train) },
      validation: { x: networkInput(validation, arch, norm), y: y(validation, o.angles?.validation) },
    },
    { epochs: o.epochs, batchSize: o.batchSize ?? 64, rng: o.rng.fork(`fit ${arch}`), label: o.label ?? arch, progress: o.progress },
  );
  const secs = history.column('seconds').sort((a, b) => a - b);
  return { arch, model, norm, history, secondsPerEpoch: secs[secs.length >> 1], params: model.countParams() };
}

/** What a checkpoint keeps of a trained network: its weights, normalisation, per-epoch history and costs. */
interface SavedCnn {
  weights: { shape: number[]; values: Float32Array }[];
  norm: ImageNorm;
  rows: EpochRecord[];
  secondsPerEpoch: number;
  params: number;
}

/** The checkpoint form of a trained network. */
function saveCnn(t: TrainedCnn): SavedCnn {
  const weights = t.model.getWeights().map((w) => ({ shape: w.shape, values: Float32Array.from(w.dataSync() as Float32Array) }));
  return { weights, norm: t.norm, rows: t.history.rows, secondsPerEpoch: t.secondsPerEpoch, params: t.params };
}

/** A network rebuilt from its checkpoint: the same architecture and options as {@link trainCnn}, the saved weights. */
function restoreCnn(arch: Architecture, train: ClusterSet, o: TrainCnnOptions, saved: SavedCnn): TrainedCnn {
  const model = compileCnn(
    buildCnn(arch, { ...o, size: train.size, nClasses: train.labelNames.length, angleOutput: !!o.angles }),
    { lr: o.lr, angleWeight: o.angleWeight },
  );
  const tensors = saved.weights.map((w) => tf.tensor(w.values, w.shape));
  model.setWeights(tensors);
  tensors.forEach((w) => w.dispose());
  const history = new History();
  saved.rows.forEach((row) => history.push(row));
  return { arch, model, norm: saved.norm, history, secondsPerEpoch: saved.secondsPerEpoch, params: saved.params };
}

/**
 * {@link trainCnn}, resumable: with checkpoints on, a network trained before under the same `step` is
 * rebuilt from its saved weights instead of trained again, and a new one is saved once trained.
 */
export async function trainCnnResumable(arch: Architecture, train: ClusterSet, validation: ClusterSet, o: TrainCnnOptions, checkpoints: Checkpoints, step: string): Promise<TrainedCnn> {
  let fresh: TrainedCnn | undefined;
  const saved = await checkpoints.run(step, async () => {
    fresh = await trainCnn(arch, train, validation, o);
    return checkpoints.dir ? saveCnn(fresh) : null;
  });
  return fresh ?? restoreCnn(arch, train, o, saved!);
}

function toBlock(y: Float32Array | ArrayBlock, n: number): ArrayBlock {
  return y instanceof Float32Array ? arrayBlock(y, [n, 1]) : y;
}

/**
 * Predictions of a trained model on `set`, in batches.
 * @returns `scores`: P(signal) [n] (binary) or class probabilities [n, K]; `angleDeg`: the angle head decoded to degrees in (−90°, 90°] [n], if any
 */
export function predictCnn(trained: TrainedCnn, set: ClusterSet, batchSize = 256): { scores: Float32Array; angleDeg?: Float32Array } {
  const x = networkInput(set, trained.arch, trained.norm);
  const per = x.data.length / set.n;
  const k = trained.model.outputs[0].shape[1] as number;
  const scores = new Float32Array(set.n * k);
  const twoHeads = trained.model.outputs.length > 1;
  const angle = twoHeads ? new Float32Array(2 * set.n) : undefined;
  for (let start = 0; start < set.n; start += batchSize) {
    const m = Math.min(batchSize, set.n - start);
    tf.tidy(() => {
      const xb = tf.tensor(x.data.subarray(start * per, (start + m) * per), [m, ...x.shape.slice(1)]);
      const out = trained.model.predict(xb);
      const [cls, ang] = Array.isArray(out) ? out : [out];
      scores.set(cls.dataSync() as Float32Array, start * k);
      if (angle && ang) angle.set(ang.dataSync() as Float32Array, 2 * start);
    });
  }
  return { scores, angleDeg: angle ? decodeAngles(angle) : undefined };
}

/** The binary scores of one classifier. */
export interface BinaryScores {
  /** accuracy and precision (purity) at the 0.5 cut */
  accuracy: number;
  precision: number;
  auc: number;
  /** the cut maximising Youden's J = TPR − FPR, and the accuracy there */
  threshold: number;
  accuracyAtThreshold: number;
  roc: { fpr: Float64Array; tpr: Float64Array };
}

/** Accuracy, purity, ROC AUC and the optimal threshold of `scores` for binary `yTrue`. */
export function binaryScores(yTrue: ArrayLike<number>, scores: ArrayLike<number>): BinaryScores {
  const atHalf = binarize(scores, 0.5);
  const best = optimalThreshold(yTrue, scores, 'youden');
  const roc = rocCurve(yTrue, scores);
  return {
    accuracy: accuracy(yTrue, atHalf),
    precision: precision(yTrue, atHalf),
    auc: rocAuc(yTrue, scores),
    threshold: best.threshold,
    accuracyAtThreshold: accuracy(yTrue, binarize(scores, best.threshold)),
    roc: { fpr: Float64Array.from(roc.fpr), tpr: Float64Array.from(roc.tpr) },
  };
}

