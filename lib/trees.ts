/**
 * Tree ensembles for tabular physics data, on typed arrays and a seeded `Random`. Import from here:
 * `import { GradientBoostingClassifier, RandomForestClassifier, IsolationForest } from './lib/trees'`.
 *
 * - `gradient-boosting`: BDT — histogram gradient boosting, classifier (log-loss / softmax) and regressor
 * - `random-forest`: random forest classifier on binned features (bootstrap, √d features, gini / entropy, class weights)
 * - `isolation-forest`: isolation forest anomaly scores (Liu et al. 2008), sklearn's `score_samples` convention
 * - `binning`: the quantile bin mapper shared by the first two (255 bins, NaN in its own bin)
 * - `tree`: the flat fitted-tree structure; `matrix`: accepted feature tables (row-major or columns)
 *
 * Internals not re-exported: histograms, split finding, growers, losses, staged prediction.
 * Used by the NEWSdm (BDT, RF), Z′ (RF baseline) and DarkMachines (isolation forest) notebooks.
 */
export { GradientBoostingClassifier, GradientBoostingRegressor } from './trees/gradient-boosting';
export type { BoostingOptions, EarlyStoppingOptions, PredictOptions } from './trees/gradient-boosting';
export { BinMapper, MISSING_BIN, MAX_BINS, findBinThresholds, percentileMidpoint, binOf } from './trees/binning';
export type { BinnedMatrix, BinMapperOptions } from './trees/binning';
export { RandomForestClassifier, resolveMaxFeatures, balancedClassWeights } from './trees/random-forest';
export type { RandomForestOptions, ForestPredictOptions } from './trees/random-forest';
export type { Criterion } from './trees/forest-grower';
export { IsolationForest, averagePathLength } from './trees/isolation-forest';
export type { IsolationForestOptions } from './trees/isolation-forest';
export { Tree } from './trees/tree';
export type { FeatureMatrix, RowMajorMatrix, ColumnMatrix } from './trees/matrix';
