/**
 * Decision metrics for classifiers: accuracy, precision (purity), recall (efficiency), F1 and the
 * confusion matrix, for binary labels (0/1, positive = 1) and for multi-class labels (any numbers).
 *
 * Conventions and edge cases follow scikit-learn 1.2.1 (`accuracy_score`, `precision_score`,
 * `recall_score`, `f1_score`, `precision_recall_fscore_support`, `confusion_matrix`), checked in
 * `tests/metrics/classification.test.ts`. Where a ratio is 0/0 (no predicted or no true samples of a
 * class) the result is `zeroDivision` (0 by default, or 1), as sklearn's `zero_division`.
 * Physics names: precision = purity of the selection, recall = signal efficiency.
 *
 * Used by the classifier-evaluation notebooks (after `binarize` from `thresholds.ts` for binary scores).
 */
import { checkBinary, checkPair } from './validate';

/** Options of the binary metrics. */
export interface BinaryMetricOptions {
  /** Per-sample non-negative weights, length n. */
  sampleWeight?: ArrayLike<number>;
  /** Value returned for 0/0 (default 0). */
  zeroDivision?: 0 | 1;
}

/**
 * Fraction of correct predictions (weighted if `sampleWeight`), as `sklearn.metrics.accuracy_score`.
 * Works for binary and multi-class labels.
 */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number {
  const total = checkPair('accuracy', 'yTrue', yTrue, 'yPred', yPred, sampleWeight);
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct += sampleWeight ? sampleWeight[i] : 1;
  return correct / total;
}

/** Precision (purity) TP / (TP + FP) of binary 0/1 predictions, positive class 1, as `precision_score`. */
export function precision(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: BinaryMetricOptions = {}): number {
  return binaryScores('precision', yTrue, yPred, options).precision;
}

/** Recall (efficiency) TP / (TP + FN) of binary 0/1 predictions, positive class 1, as `recall_score`. */
export function recall(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: BinaryMetricOptions = {}): number {
  return binaryScores('recall', yTrue, yPred, options).recall;
}

/** F1 = 2·P·R / (P + R) of binary 0/1 predictions, positive class 1, as `f1_score` (0 when P + R = 0). */
export function f1(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: BinaryMetricOptions = {}): number {
  return binaryScores('f1', yTrue, yPred, options).f1;
}

function binaryScores(fn: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: BinaryMetricOptions): PrfScores {
  checkPair(fn, 'yTrue', yTrue, 'yPred', yPred, options.sampleWeight);
  checkBinary(fn, 'yTrue', yTrue);
  checkBinary(fn, 'yPred', yPred);
  const s = labelSums(yTrue, yPred, [1], options.sampleWeight);
  const z = zeroDivisionOf(fn, options.zeroDivision);
  return prf(s.tp[0], s.predSum[0], s.trueSum[0], z);
}

/** A confusion matrix: `matrix[i][j]` = (weighted) number of samples with true label `labels[i]` predicted as `labels[j]`. */
export interface ConfusionMatrix {
  labels: number[];
  matrix: number[][];
}

/**
 * Confusion matrix, rows = true label, columns = predicted label, as `sklearn.metrics.confusion_matrix`.
 * For binary 0/1 labels: `[[TN, FP], [FN, TP]]`.
 *
 * @param options.labels the labels to index the matrix with, in that order (default: the sorted union
 *   of the labels seen); samples whose true or predicted label is not listed are ignored
 * @throws RangeError if none of `labels` occurs in `yTrue`, on duplicate labels, or on bad input
 */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: { labels?: ArrayLike<number>; sampleWeight?: ArrayLike<number> } = {},
): ConfusionMatrix {
  const fn = 'confusionMatrix';
  const { sampleWeight } = options;
  checkPair(fn, 'yTrue', yTrue, 'yPred', yPred, sampleWeight);
  const labels = resolveLabels(fn, yTrue, yPred, options.labels);
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => new Array<number>(labels.length).fill(0));
  let anyTrue = false;
  for (let i = 0; i < yTrue.length; i++) {
    const a = index.get(yTrue[i]), b = index.get(yPred[i]);
    if (a !== undefined) anyTrue = true;
    if (a !== undefined && b !== undefined) matrix[a][b] += sampleWeight ? sampleWeight[i] : 1;
  }
  if (!anyTrue) throw new RangeError(`${fn}: none of the labels [${labels.join(', ')}] occurs in yTrue`);
  return { labels, matrix };
}

/** How per-class scores are combined: sklearn's `average` (`'none'` = sklearn's `None`). */
export type Average = 'macro' | 'micro' | 'weighted' | 'none';

/** Options of {@link precisionRecallF1}. */
export interface PrfOptions<A extends Average> {
  /** `'macro'`: unweighted mean over classes; `'weighted'`: mean weighted by support; `'micro'`: from the summed TP/FP/FN; `'none'`: per class. */
  average: A;
  /** The classes to score, in order (default: sorted union of the labels seen). */
  labels?: ArrayLike<number>;
  sampleWeight?: ArrayLike<number>;
  zeroDivision?: 0 | 1;
}

/** Averaged precision, recall and F1. */
export interface PrfScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Per-class precision, recall, F1 and support (weighted count of true samples), each of length `labels.length`. */
export interface PrfPerLabel {
  labels: number[];
  precision: Float64Array;
  recall: Float64Array;
  f1: Float64Array;
  support: Float64Array;
}

/**
 * Multi-class precision, recall and F1, as `sklearn.metrics.precision_recall_fscore_support(yTrue,
 * yPred, average=…, labels=…, sample_weight=…, zero_division=…)`.
 *
 * @returns per-class arrays for `average: 'none'`, otherwise three numbers
 */
export function precisionRecallF1<A extends Average>(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: PrfOptions<A>,
): A extends 'none' ? PrfPerLabel : PrfScores {
  type R = A extends 'none' ? PrfPerLabel : PrfScores;
  const fn = 'precisionRecallF1';
  const { average, sampleWeight } = options;
  if (!['macro', 'micro', 'weighted', 'none'].includes(average)) throw new RangeError(`${fn}: unknown average "${average}"`);
  checkPair(fn, 'yTrue', yTrue, 'yPred', yPred, sampleWeight);
  const z = zeroDivisionOf(fn, options.zeroDivision);
  const labels = resolveLabels(fn, yTrue, yPred, options.labels);
  const { tp, predSum, trueSum } = labelSums(yTrue, yPred, labels, sampleWeight);
  if (average === 'micro') return prf(sum(tp), sum(predSum), sum(trueSum), z) as R;
  const k = labels.length;
  const per: PrfPerLabel = { labels, precision: new Float64Array(k), recall: new Float64Array(k), f1: new Float64Array(k), support: trueSum };
  for (let c = 0; c < k; c++) {
    const s = prf(tp[c], predSum[c], trueSum[c], z);
    per.precision[c] = s.precision; per.recall[c] = s.recall; per.f1[c] = s.f1;
  }
  if (average === 'none') return per as R;
  if (average === 'weighted' && sum(trueSum) === 0) {
    // sklearn's special case: no true sample of any scored class.
    return (sum(predSum) === 0 ? { precision: z, recall: z, f1: z } : { precision: 0, recall: z, f1: 0 }) as R;
  }
  const w = average === 'weighted' ? trueSum : undefined;
  return { precision: mean(per.precision, w), recall: mean(per.recall, w), f1: mean(per.f1, w) } as R;
}

/** Precision, recall and F1 from counts, with sklearn's 0/0 handling. */
function prf(tp: number, predSum: number, trueSum: number, z: number): PrfScores {
  const p = predSum === 0 ? z : tp / predSum;
  const r = trueSum === 0 ? z : tp / trueSum;
  const denom = p + r;
  return { precision: p, recall: r, f1: (2 * p * r) / (denom === 0 ? 1 : denom) };
}

/** Per-label (weighted) counts of true positives, predictions and true samples. */
function labelSums(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, labels: number[], w?: ArrayLike<number>) {
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const tp = new Float64Array(k), predSum = new Float64Array(k), trueSum = new Float64Array(k);
  for (let i = 0; i < yTrue.length; i++) {
    const wi = w ? w[i] : 1;
    const a = index.get(yTrue[i]), b = index.get(yPred[i]);
    if (a !== undefined) trueSum[a] += wi;
    if (b !== undefined) predSum[b] += wi;
    if (a !== undefined && a === b) tp[a] += wi;
  }
  return { tp, predSum, trueSum };
}

/** The given labels (checked for duplicates), or the sorted union of the labels in both arrays. */
function resolveLabels(fn: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>, given?: ArrayLike<number>): number[] {
  if (given !== undefined) {
    const labels = Array.from(given);
    if (labels.length === 0) throw new RangeError(`${fn}: labels is empty`);
    if (new Set(labels).size !== labels.length) throw new RangeError(`${fn}: labels contains duplicates`);
    return labels;
  }
  const seen = new Set<number>();
  for (let i = 0; i < yTrue.length; i++) seen.add(yTrue[i]).add(yPred[i]);
  return [...seen].sort((a, b) => a - b);
}

function zeroDivisionOf(fn: string, z: number | undefined): number {
  if (z === undefined) return 0;
  if (z !== 0 && z !== 1) throw new RangeError(`${fn}: zeroDivision must be 0 or 1, got ${z}`);
  return z;
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/** Mean of `a`, weighted by `w` when given (as `np.average`). */
function mean(a: Float64Array, w?: Float64Array): number {
  if (!w) return sum(a) / a.length;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * w[i];
  return s / sum(w);
}

/**
 * Index of the largest entry of each row of a row-major n × k score array (the first one on ties, as
 * `numpy.argmax(axis=1)`): the predicted class. The one argmax of the library (trees, networks).
 *
 * @throws RangeError when k is not a positive integer or the length is not a multiple of k
 */
export function argmaxRows(scores: ArrayLike<number>, k: number): Int32Array {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`argmaxRows: k = ${k} classes; expected a positive integer`);
  if (scores.length % k !== 0) throw new RangeError(`argmaxRows: ${scores.length} scores are not rows of k = ${k} classes`);
  const out = new Int32Array(scores.length / k);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (scores[i * k + j] > scores[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}
