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
import { accuracy, averagePrecision, bestSignificance, confusionMatrix, f1, precision, recall, rocAuc } from '../../metrics';

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

/** Accuracy with its binomial standard error √(a(1 − a)/n). */
export function accuracyWithError(accuracy: number, n: number): { accuracy: number; error: number } {
  return { accuracy, error: Math.sqrt((accuracy * (1 - accuracy)) / n) };
}

/** A model's name and its P(signal) per test event. */
export type NamedScore = readonly [name: string, score: ArrayLike<number>];

/** `scoreModel` of every named model on the test table (labels and physics weights from `test`). */
export function scoreModels(test: { label: ArrayLike<number>; weight: ArrayLike<number> }, models: readonly NamedScore[]): ScoreRow[] {
  return models.map(([name, score]) => scoreModel(name, test.label, score, test.weight));
}

/** The row of a model by name; an error naming the model and the rows there are when it is missing. */
export function rowOf(rows: readonly ScoreRow[], model: string): ScoreRow {
  const row = rows.find((r) => r.model === model);
  if (!row) throw new Error(`no scores for model "${model}"; rows: ${rows.map((r) => r.model).join(', ')}`);
  return row;
}

/** The names of the three headline models in the score rows (as `paper.ts` compares them with the seed). */
export const HEADLINE_MODELS = { rf: 'random forest', bdt: 'gradient boosting', net: 'net crossEntropy, none' } as const;

/** The three headline models as the figures name them: forest, BDT, baseline network. */
export function headlineCurves(trees: { rfScore: ArrayLike<number>; bdtScore: ArrayLike<number> }, netScore: ArrayLike<number>): NamedScore[] {
  return [['random forest', trees.rfScore], ['gradient boosting', trees.bdtScore], ['tabular net', netScore]];
}

/**
 * Every model of a run under the names the results table compares with the seed (`paper.ts`):
 * 'random forest', 'gradient boosting', 'net crossEntropy, none' (the baseline network), then the variants.
 */
export function comparedModels(
  trees: { rfScore: ArrayLike<number>; bdtScore: ArrayLike<number> },
  netScore: ArrayLike<number>,
  variants: readonly { name: string; score: ArrayLike<number> }[],
): NamedScore[] {
  const headline: NamedScore[] = [[HEADLINE_MODELS.rf, trees.rfScore], [HEADLINE_MODELS.bdt, trees.bdtScore], [HEADLINE_MODELS.net, netScore]];
  return [...headline, ...variants.map((v) => [v.name, v.score] as const)];
}

/** The caption of the comparison table: the test set's size and signal count. */
export function comparisonCaption(test: { n: number; label: ArrayLike<number> }): string {
  const signal = Array.from(test.label).reduce((a, b) => a + b, 0);
  return `Test set: ${test.n} events, ${signal} signal; seed rows: one run each, with its section`;
}
