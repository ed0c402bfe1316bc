/**
 * The cumulative true/false-positive counts behind every threshold metric (ROC curve, AUC, optimal
 * thresholds, signal efficiency at fixed background efficiency): sort the scores once, then walk the
 * distinct score values from high to low. O(n log n).
 *
 * A port of scikit-learn's `sklearn.metrics._ranking._binary_clf_curve` (BSD-3), same conventions:
 * a sample is called positive at threshold t when `score >= t`; samples of zero weight are dropped
 * first; with weights the counts are accumulated sample by sample in sklearn's order (descending
 * score, ties in descending index), so the sums agree with sklearn to the last bit.
 *
 * Used by `roc.ts` and `thresholds.ts`; internal to `lib/metrics`.
 */
import { checkBinary, checkPair } from './validate';

/** Cumulative counts at each distinct score, highest score first (all arrays of length m ≤ n). */
export interface ClfCurve {
  /** Distinct score values, strictly decreasing. */
  thresholds: Float64Array;
  /** Weighted number of positives with `score >= thresholds[k]` (non-decreasing). */
  tps: Float64Array;
  /** Weighted number of negatives with `score >= thresholds[k]` (non-decreasing). */
  fps: Float64Array;
}

/**
 * Cumulative (weighted) true- and false-positive counts at every distinct score.
 *
 * @param yTrue binary labels (0 or 1, positive = 1), length n
 * @param score classifier output, larger = more signal-like, length n, finite
 * @param sampleWeight optional non-negative weights, length n
 */
export function binaryClfCurve(fn: string, yTrue: ArrayLike<number>, score: ArrayLike<number>, sampleWeight?: ArrayLike<number>): ClfCurve {
  checkPair(fn, 'yTrue', yTrue, 'score', score, sampleWeight);
  checkBinary(fn, 'yTrue', yTrue);
  return sampleWeight === undefined ? unweightedCurve(yTrue, score) : weightedCurve(yTrue, score, sampleWeight);
}

/** Unweighted case: sort the positive and negative scores separately (native numeric sort), then merge. */
function unweightedCurve(yTrue: ArrayLike<number>, score: ArrayLike<number>): ClfCurve {
  const n = yTrue.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) nPos += yTrue[i];
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(n - nPos);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (yTrue[i] === 1) pos[p++] = score[i];
    else neg[q++] = score[i];
  }
  pos.sort();
  neg.sort();
  const out = allocate(n);
  let i = pos.length - 1, j = neg.length - 1, tp = 0, fp = 0, m = 0;
  while (i >= 0 || j >= 0) {
    const t = Math.max(i >= 0 ? pos[i] : -Infinity, j >= 0 ? neg[j] : -Infinity);
    while (i >= 0 && pos[i] === t) { tp++; i--; }
    while (j >= 0 && neg[j] === t) { fp++; j--; }
    out.thresholds[m] = t; out.tps[m] = tp; out.fps[m] = fp; m++;
  }
  return trim(out, m);
}

/** Weighted case: one index sort (descending score, ties by descending index), then one pass. */
function weightedCurve(yTrue: ArrayLike<number>, score: ArrayLike<number>, weight: ArrayLike<number>): ClfCurve {
  let kept = 0;
  for (let i = 0; i < weight.length; i++) if (weight[i] !== 0) kept++;
  const order = new Uint32Array(kept);
  for (let i = 0, k = 0; i < weight.length; i++) if (weight[i] !== 0) order[k++] = i;
  order.sort((a, b) => score[b] - score[a] || b - a);
  const out = allocate(kept);
  let tp = 0, fp = 0, m = 0;
  for (let k = 0; k < kept; k++) {
    const i = order[k];
    if (yTrue[i] === 1) tp += weight[i];
    else fp += weight[i];
    if (k === kept - 1 || score[order[k + 1]] !== score[i]) {
      out.thresholds[m] = score[i]; out.tps[m] = tp; out.fps[m] = fp; m++;
    }
  }
  return trim(out, m);
}

function allocate(n: number): ClfCurve {
  return { thresholds: new Float64Array(n), tps: new Float64Array(n), fps: new Float64Array(n) };
}

function trim(c: ClfCurve, m: number): ClfCurve {
  return { thresholds: c.thresholds.slice(0, m), tps: c.tps.slice(0, m), fps: c.fps.slice(0, m) };
}
