/**
 * Evaluation of the Z′ classifiers on an imbalanced test set: the seed's metrics (accuracy,
 * precision, recall, F1 at a 0.5 threshold, confusion matrix, ROC AUC), the average precision, and —
 * because accuracy misleads when 99 % of events are background — the physics figure of merit: the
 * expected significance s/√b of a cut on the score, with s and b the weighted (cross-section ×
 * luminosity) signal and background passing it, at the best cut. The curves and the significance
 * scan are the generic ones of `lib/metrics/precision-recall.ts` and `lib/metrics/significance.ts`.
 *
 * Used by notebook 05-zprime.
 */
import { accuracy, averagePrecision, bestSignificance, confusionMatrix, f1, precision, recall, rocAuc } from '../metrics';

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
    averagePrecision: averagePrecision(y, score),
    sOverSqrtB: sig.sOverSqrtB,
    bestCut: sig.threshold,
  };
}

/** Confusion matrix [[TN, FP], [FN, TP]] at `threshold`. */
export function confusionAt(y: ArrayLike<number>, score: ArrayLike<number>, threshold = 0.5): number[][] {
  const yPred = Uint8Array.from(score as ArrayLike<number>, (v) => (v >= threshold ? 1 : 0));
  return confusionMatrix(y, yPred, { labels: [0, 1] }).matrix;
}
