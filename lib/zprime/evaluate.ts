/**
 * Evaluation of the Z′ classifiers on an imbalanced test set: the seed's metrics (accuracy,
 * precision, recall, F1 at a 0.5 threshold, confusion matrix, ROC AUC), the precision–recall curve
 * with average precision, and — because accuracy misleads when 99 % of events are background — the
 * physics figure of merit: the expected significance s/√b of a cut on the score, with s and b the
 * weighted (cross-section × luminosity) signal and background passing it, at the best cut.
 * Also the Asimov significance Z_A = √(2((s + b) ln(1 + s/b) − s)) (Cowan et al. 2011,
 * Eur. Phys. J. C 71:1554, eq. 97), which s/√b approximates for s ≪ b.
 *
 * Used by notebook 05-zprime.
 */
import { accuracy, confusionMatrix, f1, precision, recall, rocAuc } from '../metrics';

/** Precision and recall at every distinct score threshold (descending), as sklearn's `precision_recall_curve`. */
export interface PrCurve {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
  /** Average precision Σ (R_k − R_{k−1}) P_k (sklearn's `average_precision_score`). */
  averagePrecision: number;
}

function descendingOrder(score: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: score.length }, (_, i) => i);
  return order.sort((a, b) => score[b] - score[a]);
}

/** Precision–recall curve of scores against 0/1 labels (unweighted). */
export function precisionRecallCurve(y: ArrayLike<number>, score: ArrayLike<number>): PrCurve {
  const order = descendingOrder(score);
  let nPos = 0;
  for (let i = 0; i < y.length; i++) nPos += y[i] ? 1 : 0;
  const p: number[] = [], r: number[] = [], t: number[] = [];
  let tp = 0, fp = 0, ap = 0, lastR = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (y[i]) tp++;
    else fp++;
    if (k + 1 < order.length && score[order[k + 1]] === score[i]) continue; // ties: one point per threshold
    const prec = tp / (tp + fp), rec = nPos > 0 ? tp / nPos : NaN;
    ap += (rec - lastR) * prec;
    lastR = rec;
    p.push(prec); r.push(rec); t.push(score[i]);
  }
  return { precision: Float64Array.from(p), recall: Float64Array.from(r), thresholds: Float64Array.from(t), averagePrecision: ap };
}

/** The best cut on the score for s/√b. */
export interface Significance {
  threshold: number;
  /** Weighted signal passing (expected events). */
  s: number;
  /** Weighted background passing (expected events). */
  b: number;
  /** s / √b at the best cut. */
  sOverSqrtB: number;
  /** Asimov significance at the same cut. */
  asimov: number;
  /** MC background events passing (the statistical basis of b). */
  nBackgroundMc: number;
}

/** Asimov significance √(2((s + b) ln(1 + s/b) − s)). */
export function asimovSignificance(s: number, b: number): number {
  return b > 0 ? Math.sqrt(Math.max(0, 2 * ((s + b) * Math.log(1 + s / b) - s))) : NaN;
}

/**
 * Scans cuts `score ≥ t` over all distinct scores and returns the one maximising s/√b, among cuts
 * keeping at least `minBackgroundMc` simulated background events (default 10), so that a cut that
 * happens to remove every background event of a finite sample does not give an infinite significance.
 */
export function bestSignificance(y: ArrayLike<number>, score: ArrayLike<number>, weight: ArrayLike<number>, minBackgroundMc = 10): Significance {
  const order = descendingOrder(score);
  let s = 0, b = 0, nb = 0;
  let best: Significance = { threshold: Infinity, s: 0, b: 0, sOverSqrtB: 0, asimov: 0, nBackgroundMc: 0 };
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (y[i]) s += weight[i];
    else {
      b += weight[i];
      nb++;
    }
    if (k + 1 < order.length && score[order[k + 1]] === score[i]) continue;
    if (nb < minBackgroundMc || b <= 0) continue;
    const z = s / Math.sqrt(b);
    if (z > best.sOverSqrtB) best = { threshold: score[i], s, b, sOverSqrtB: z, asimov: asimovSignificance(s, b), nBackgroundMc: nb };
  }
  return best;
}

/** One row of the comparison table. */
export interface ScoreRow {
  model: string;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  auc: number;
  averagePrecision: number;
  /** s/√b at the best cut (weighted). */
  sOverSqrtB: number;
  /** The best cut. */
  bestCut: number;
}

/** The seed's metrics at `threshold` (default 0.5) plus AUC, AP and the best s/√b. */
export function scoreModel(model: string, y: ArrayLike<number>, score: ArrayLike<number>, weight: ArrayLike<number>, threshold = 0.5): ScoreRow {
  const yPred = Uint8Array.from(score as ArrayLike<number>, (v) => (v >= threshold ? 1 : 0));
  const sig = bestSignificance(y, score, weight);
  return {
    model,
    accuracy: accuracy(y, yPred),
    precision: precision(y, yPred, { zeroDivision: 0 }),
    recall: recall(y, yPred),
    f1: f1(y, yPred, { zeroDivision: 0 }),
    auc: rocAuc(y, score),
    averagePrecision: precisionRecallCurve(y, score).averagePrecision,
    sOverSqrtB: sig.sOverSqrtB,
    bestCut: sig.threshold,
  };
}

/** Confusion matrix [[TN, FP], [FN, TP]] at `threshold`. */
export function confusionAt(y: ArrayLike<number>, score: ArrayLike<number>, threshold = 0.5): number[][] {
  const yPred = Uint8Array.from(score as ArrayLike<number>, (v) => (v >= threshold ? 1 : 0));
  return confusionMatrix(y, yPred, { labels: [0, 1] }).matrix;
}
