/**
 * Precision–recall curve and average precision for binary classifiers, the figures of merit for an
 * imbalanced test set (the Z′ search: about 1 % signal), where the ROC curve hides how many of the
 * selected events are background.
 *
 * Conventions follow scikit-learn 1.2.1's `precision_recall_curve` and `average_precision_score`
 * (checked in `tests/metrics/precision-recall.test.ts`): labels are 0/1 with 1 = signal; a sample is
 * accepted at threshold t when `score >= t`; one point per distinct score (from `curve.ts`); the
 * curve is ordered by increasing threshold (recall non-increasing) and ends with the point
 * (recall 0, precision 1), which has no threshold. In physics words, precision = purity of the
 * selection, recall = signal efficiency ε_S.
 *
 * One deliberate difference: without any positive sample recall is undefined; sklearn then sets it
 * to 1 with a warning, these functions throw.
 *
 * Used by notebook 05-zprime.
 */
import { binaryClfCurve, type ClfCurve } from './curve';

/** A precision–recall curve: `precision` and `recall` have length m + 1, `thresholds` length m. */
export interface PrecisionRecallCurve {
  /** tp / (tp + fp) at each threshold (0 where nothing is accepted), then 1. */
  precision: Float64Array;
  /** tp / (number of positives) at each threshold, non-increasing, then 0. */
  recall: Float64Array;
  /** The distinct scores, strictly increasing. */
  thresholds: Float64Array;
}

/**
 * Precision and recall at every distinct score, as `sklearn.metrics.precision_recall_curve(yTrue,
 * score, sample_weight=sampleWeight)`.
 *
 * @param yTrue binary labels, 0 = background, 1 = signal, length n
 * @param score classifier output, larger = more signal-like, length n, finite
 * @param sampleWeight optional non-negative weights, length n (zero-weight samples are ignored)
 * @throws RangeError on bad input or when `yTrue` has no (weighted) positive sample
 */
export function precisionRecallCurve(yTrue: ArrayLike<number>, score: ArrayLike<number>, sampleWeight?: ArrayLike<number>): PrecisionRecallCurve {
  const curve = positiveCurve('precisionRecallCurve', yTrue, score, sampleWeight);
  const { thresholds, tps, fps } = curve;
  const m = thresholds.length;
  const nPos = tps[m - 1];
  const precision = new Float64Array(m + 1), recall = new Float64Array(m + 1), thr = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const j = m - 1 - k; // reversed: increasing threshold
    const accepted = tps[j] + fps[j];
    precision[k] = accepted !== 0 ? tps[j] / accepted : 0;
    recall[k] = tps[j] / nPos;
    thr[k] = thresholds[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: thr };
}

/**
 * Average precision AP = Σ_k (R_k − R_{k+1}) · P_k over the curve's points (the step-function
 * integral of precision over recall, without interpolation), as `sklearn.metrics.average_precision_score`.
 *
 * @throws RangeError on bad input or when `yTrue` has no (weighted) positive sample
 */
export function averagePrecision(yTrue: ArrayLike<number>, score: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number {
  const { precision, recall } = precisionRecallCurve(yTrue, score, sampleWeight);
  let ap = 0;
  for (let k = 0; k + 1 < recall.length; k++) ap += (recall[k] - recall[k + 1]) * precision[k];
  return ap;
}

function positiveCurve(fn: string, yTrue: ArrayLike<number>, score: ArrayLike<number>, sampleWeight?: ArrayLike<number>): ClfCurve {
  const curve = binaryClfCurve(fn, yTrue, score, sampleWeight);
  if (!(curve.tps[curve.tps.length - 1] > 0)) throw new RangeError(`${fn}: yTrue has no positive (1) sample of non-zero weight; recall is undefined`);
  return curve;
}
