/**
 * From scores to decisions: apply a cut (`binarize`) and choose one (`optimalThreshold`).
 *
 * Same convention as the ROC curve in `roc.ts`: a sample is accepted (predicted 1) when
 * `score >= threshold`, so `binarize(score, t)` reproduces exactly the ROC point whose threshold is t.
 * (Note: `sklearn.preprocessing.binarize` uses `>`; `sklearn.metrics.roc_curve` uses `>=`, as here.)
 *
 * Used by the classifier-evaluation notebooks to turn a network's output into a selection.
 */
import { binaryClfCurve } from './curve';
import { checkFinite } from './validate';

/**
 * Applies a cut: 1 where `score >= threshold`, else 0.
 *
 * @param score classifier outputs, length n, finite
 * @param threshold the cut value (may be ±Infinity)
 * @returns Uint8Array of 0/1, length n
 */
export function binarize(score: ArrayLike<number>, threshold: number): Uint8Array {
  checkFinite('binarize', 'score', score);
  if (Number.isNaN(threshold)) throw new RangeError('binarize: threshold is NaN');
  const out = new Uint8Array(score.length);
  for (let i = 0; i < score.length; i++) out[i] = score[i] >= threshold ? 1 : 0;
  return out;
}

/** Criteria of {@link optimalThreshold}. */
export type ThresholdCriterion = 'youden' | 'accuracy';

/** A chosen cut and the value of the criterion there. */
export interface OptimalThreshold {
  /** Accept `score >= threshold`; `+Infinity` means "accept nothing". */
  threshold: number;
  /** Youden's J = tpr − fpr, or the (weighted) accuracy, at that threshold. */
  value: number;
}

/**
 * The threshold that maximises a criterion over all ROC thresholds (every distinct score, plus
 * +Infinity = accept nothing; intermediate points are not dropped).
 *
 * - `'youden'`: Youden's J = tpr − fpr (Youden 1950, Cancer 3:32), the ROC point farthest above the
 *   diagonal; needs both classes.
 * - `'accuracy'`: (weighted) fraction of correct decisions, (TP + TN) / total.
 *
 * Ties go to the highest threshold (the first maximum in decreasing-threshold order, like `np.argmax`
 * over `roc_curve(..., drop_intermediate=False)`). O(n log n).
 *
 * @throws RangeError for `'youden'` when one class is missing, or on bad input
 */
export function optimalThreshold(
  yTrue: ArrayLike<number>,
  score: ArrayLike<number>,
  criterion: ThresholdCriterion,
  sampleWeight?: ArrayLike<number>,
): OptimalThreshold {
  const fn = 'optimalThreshold';
  if (criterion !== 'youden' && criterion !== 'accuracy') throw new RangeError(`${fn}: unknown criterion "${String(criterion)}"`);
  const { thresholds, tps, fps } = binaryClfCurve(fn, yTrue, score, sampleWeight);
  const m = thresholds.length;
  const nPos = tps[m - 1], nNeg = fps[m - 1];
  if (criterion === 'youden' && !(nPos > 0 && nNeg > 0)) throw new RangeError(`${fn}: Youden's J needs both classes in yTrue`);
  const total = nPos + nNeg;
  const value = criterion === 'youden'
    ? (k: number) => tps[k] / nPos - fps[k] / nNeg
    : (k: number) => (tps[k] + (nNeg - fps[k])) / total;
  // The +Infinity point: nothing accepted, J = 0, accuracy = share of negatives.
  let best: OptimalThreshold = { threshold: Infinity, value: criterion === 'youden' ? 0 : nNeg / total };
  for (let k = 0; k < m; k++) {
    const v = value(k);
    if (v > best.value) best = { threshold: thresholds[k], value: v };
  }
  return best;
}
