/**
 * Metrics for the studies' classifiers and regressors, checked against scikit-learn 1.2.1
 * (fixtures in `data/fixtures/metrics/`). Import from here: `import { rocCurve, rocAuc } from './lib/metrics'`.
 *
 * - `roc`: ROC curve, trapezoid AUC, ROC AUC, signal efficiency at fixed background efficiency (ε_S at ε_B)
 * - `thresholds`: apply a cut (`binarize`, accept `score >= t`) and choose one (`optimalThreshold`: Youden J, accuracy)
 * - `classification`: accuracy, precision (purity), recall (efficiency), F1, confusion matrix, multi-class averages
 * - `precision-recall`: precision–recall curve (purity vs signal efficiency) and average precision
 * - `significance`: the best cut for the weighted s/√b, and the Asimov significance
 * - `regression`: explained variance, R², MSE, RMSE, MAE (single and multi-output)
 *
 * Used by every notebook that evaluates a model.
 */
export { rocCurve, auc, rocAuc, signalEfficiencyAt } from './metrics/roc';
export type { RocCurve, RocOptions } from './metrics/roc';
export { binarize, optimalThreshold } from './metrics/thresholds';
export type { ThresholdCriterion, OptimalThreshold } from './metrics/thresholds';
export { accuracy, precision, recall, f1, confusionMatrix, precisionRecallF1, argmaxRows } from './metrics/classification';
export type { BinaryMetricOptions, ConfusionMatrix, Average, PrfOptions, PrfScores, PrfPerLabel } from './metrics/classification';
export { precisionRecallCurve, averagePrecision } from './metrics/precision-recall';
export type { PrecisionRecallCurve } from './metrics/precision-recall';
export { bestSignificance, asimovSignificance } from './metrics/significance';
export type { Significance, SignificanceOptions } from './metrics/significance';
export { explainedVariance, r2Score, mse, rmse, mae } from './metrics/regression';
export type { Targets, MultiOutput, ErrorMultiOutput, PerOutput, RegressionOptions, ScoreOptions } from './metrics/regression';
