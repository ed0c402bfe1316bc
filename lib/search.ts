/**
 * Hyper-parameter search, generic over the space: `import { tpeSampler, optimize } from './lib/search'`.
 *
 * This entry file sits beside the `lib/search/` folder because tslab cannot import a folder.
 * The map of `lib/search/`, one line per module:
 *
 * - `space`     uniform, log-uniform, integer and categorical dimensions; uniform draws
 * - `sampler`   the `Sampler` interface (history → next point) and random search
 * - `parzen`    truncated Gaussian-mixture and categorical Parzen estimators
 * - `tpe`       the Tree-structured Parzen Estimator (Bergstra et al. 2011; optuna's default sampler)
 * - `optimize`  a sequential search loop for objectives that return at once
 * - `normal`    erfc, Φ, ln N, log-sum-exp
 */
export * from './search/space';
export * from './search/sampler';
export * from './search/parzen';
export * from './search/tpe';
export * from './search/optimize';
export * from './search/normal';
