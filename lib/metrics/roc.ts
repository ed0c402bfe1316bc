/**
 * ROC curves for binary classifiers: the curve itself, the area under it, and the DarkMachines /
 * LHC-style figure of merit "signal efficiency ε_S at a fixed background efficiency ε_B".
 *
 * Conventions follow scikit-learn's `roc_curve`, `auc` and `roc_auc_score` (checked against sklearn
 * 1.2.1 in `tests/metrics/roc.test.ts`): labels are 0/1 with 1 = signal (positive); a sample is
 * accepted at threshold t when `score >= t`; one ROC point per distinct score (ties give one diagonal
 * step); the curve starts at (0, 0). In physics words, tpr = signal efficiency ε_S (sklearn "recall")
 * and fpr = background efficiency ε_B (background rejection = 1/ε_B).
 *
 * One deliberate difference from the installed sklearn 1.2.1: `thresholds[0]` is `+Infinity` (the
 * convention of sklearn ≥ 1.3), not `thresholds[1] + 1`; +Infinity states exactly that no sample is
 * accepted at the first point, and the rest of the curve is identical.
 *
 * Used by the classifier-evaluation notebooks (jet tagging, DarkMachines anomaly detection).
 */
import { binaryClfCurve, type ClfCurve } from './curve';
import { checkFinite, checkSameLength } from './validate';

/** An ROC curve: three arrays of the same length m + 1, ordered by decreasing threshold. */
export interface RocCurve {
  /** False-positive rate (background efficiency ε_B) at each threshold, non-decreasing from 0 to 1. */
  fpr: Float64Array;
  /** True-positive rate (signal efficiency ε_S) at each threshold, non-decreasing from 0 to 1. */
  tpr: Float64Array;
  /** Score thresholds, strictly decreasing; `thresholds[0] = +Infinity` (nothing accepted). */
  thresholds: Float64Array;
}

/** Options of {@link rocCurve}. */
export interface RocOptions {
  /** Per-sample non-negative weights (e.g. cross-section × luminosity / N_generated); zero-weight samples are ignored. */
  sampleWeight?: ArrayLike<number>;
  /** Drop points that lie on a straight line between their neighbours (sklearn's default `true`); the curve's shape and area do not change. */
  dropIntermediate?: boolean;
}

/**
 * Receiver operating characteristic, exactly as `sklearn.metrics.roc_curve(yTrue, score,
 * sample_weight, drop_intermediate)` apart from `thresholds[0] = +Infinity` (see the file header).
 * If `yTrue` has no positives (negatives) the tpr (fpr) is undefined and returned as all NaN, as sklearn does.
 *
 * @param yTrue binary labels, 0 = background, 1 = signal, length n
 * @param score classifier output, larger = more signal-like, length n, finite
 * @returns fpr, tpr, thresholds, each of length (number of distinct scores kept) + 1
 * @throws RangeError on length mismatch, empty or non-finite input, labels other than 0/1, bad weights
 */
export function rocCurve(yTrue: ArrayLike<number>, score: ArrayLike<number>, options: RocOptions = {}): RocCurve {
  const { sampleWeight, dropIntermediate = true } = options;
  const curve = binaryClfCurve('rocCurve', yTrue, score, sampleWeight);
  const { thresholds, tps, fps } = dropIntermediate ? dropCollinear(curve) : curve;
  const m = thresholds.length;
  const fpr = new Float64Array(m + 1), tpr = new Float64Array(m + 1), thr = new Float64Array(m + 1);
  const nNeg = fps[m - 1], nPos = tps[m - 1];
  thr[0] = Infinity;
  for (let k = 0; k < m; k++) {
    fpr[k + 1] = nNeg > 0 ? fps[k] / nNeg : NaN;
    tpr[k + 1] = nPos > 0 ? tps[k] / nPos : NaN;
    thr[k + 1] = thresholds[k];
  }
  if (!(nNeg > 0)) fpr[0] = NaN;
  if (!(nPos > 0)) tpr[0] = NaN;
  return { fpr, tpr, thresholds: thr };
}

/**
 * Keeps the end points and the corners of the curve: sklearn's test, a non-zero second difference of
 * fps or tps (computed the same way, so the same points are kept).
 */
function dropCollinear(c: ClfCurve): ClfCurve {
  const { thresholds, tps, fps } = c;
  const m = fps.length;
  if (m <= 2) return c;
  const keep = new Uint32Array(m);
  let kept = 1; // keep[0] = 0
  for (let k = 1; k < m - 1; k++) {
    const d2f = (fps[k + 1] - fps[k]) - (fps[k] - fps[k - 1]);
    const d2t = (tps[k + 1] - tps[k]) - (tps[k] - tps[k - 1]);
    if (d2f !== 0 || d2t !== 0) keep[kept++] = k;
  }
  keep[kept++] = m - 1;
  const out: ClfCurve = { thresholds: new Float64Array(kept), tps: new Float64Array(kept), fps: new Float64Array(kept) };
  for (let j = 0; j < kept; j++) {
    const k = keep[j];
    out.thresholds[j] = thresholds[k]; out.tps[j] = tps[k]; out.fps[j] = fps[k];
  }
  return out;
}

/**
 * Area under a curve y(x) by the trapezoidal rule, as `sklearn.metrics.auc`: x must be monotonic
 * (non-decreasing, or non-increasing, in which case the area is still returned positive for y ≥ 0).
 *
 * @param x abscissae, length ≥ 2, monotonic
 * @param y ordinates, same length
 * @throws RangeError on fewer than 2 points, length mismatch, non-finite values, non-monotonic x
 */
export function auc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkSameLength('auc', 'x', x, 'y', y);
  checkFinite('auc', 'x', x);
  checkFinite('auc', 'y', y);
  if (x.length < 2) throw new RangeError(`auc: at least 2 points are needed, got ${x.length}`);
  let up = false, down = false;
  for (let i = 1; i < x.length; i++) {
    if (x[i] > x[i - 1]) up = true;
    else if (x[i] < x[i - 1]) down = true;
  }
  if (up && down) throw new RangeError('auc: x is neither non-decreasing nor non-increasing');
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return down ? -area : area;
}

/**
 * Area under the ROC curve, as `sklearn.metrics.roc_auc_score` for binary labels: the probability
 * that a random signal sample scores higher than a random background one (ties count one half).
 *
 * @throws RangeError when only one class is present in `yTrue` (the AUC is undefined), or on bad input
 */
export function rocAuc(yTrue: ArrayLike<number>, score: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number {
  const { fpr, tpr } = rocCurve(yTrue, score, { sampleWeight });
  if (Number.isNaN(fpr[0]) || Number.isNaN(tpr[0])) throw new RangeError('rocAuc: only one class present in yTrue; ROC AUC is undefined');
  return auc(fpr, tpr);
}

/**
 * Signal efficiency ε_S at a fixed background efficiency ε_B (DarkMachines quotes ε_B = 1e-2 and 1e-3).
 *
 * Definition: the ROC curve is taken as the piecewise-linear path through its points (fpr, tpr); the
 * result is the highest tpr on that path at fpr = ε_B. Between two points this is linear
 * interpolation; where the path is vertical at exactly ε_B (several thresholds with the same fpr) it
 * is the top of that vertical step. Linear interpolation between two thresholds is what a randomised
 * mix of the two cuts achieves, so the figure is attainable, not optimistic.
 *
 * @param backgroundEfficiency ε_B in [0, 1]
 * @returns ε_S in [0, 1]
 * @throws RangeError if ε_B is outside [0, 1], either class is missing, or on bad input
 */
export function signalEfficiencyAt(
  yTrue: ArrayLike<number>,
  score: ArrayLike<number>,
  backgroundEfficiency: number,
  sampleWeight?: ArrayLike<number>,
): number {
  const eps = backgroundEfficiency;
  if (!(eps >= 0 && eps <= 1)) throw new RangeError(`signalEfficiencyAt: backgroundEfficiency ${eps} is not in [0, 1]`);
  const { fpr, tpr } = rocCurve(yTrue, score, { sampleWeight });
  if (Number.isNaN(fpr[0]) || Number.isNaN(tpr[0])) throw new RangeError('signalEfficiencyAt: yTrue must contain both signal (1) and background (0)');
  // Last index with fpr <= eps (fpr is non-decreasing and fpr[0] = 0): binary search.
  let lo = 0, hi = fpr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fpr[mid] <= eps) lo = mid;
    else hi = mid - 1;
  }
  if (fpr[lo] === eps || lo === fpr.length - 1) return tpr[lo];
  return tpr[lo] + ((tpr[lo + 1] - tpr[lo]) * (eps - fpr[lo])) / (fpr[lo + 1] - fpr[lo]);
}
