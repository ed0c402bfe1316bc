/**
 * Regression metrics: explained variance, R², mean squared / root mean squared / mean absolute error,
 * for one output (a 1-D array) or several (an array of rows, n samples × k outputs, like sklearn's
 * `(n_samples, n_outputs)`), with optional per-sample weights.
 *
 * Formulas and edge cases follow scikit-learn 1.2.1 (`explained_variance_score`, `r2_score`,
 * `mean_squared_error` (with `squared=False` for RMSE), `mean_absolute_error`), checked in
 * `tests/metrics/regression.test.ts`; in particular `forceFinite` (sklearn's `force_finite=True`):
 * a constant target gives 1 if predicted perfectly, else 0, instead of NaN / −Infinity.
 *
 * Used by the regression notebooks (energy reconstruction, Galaxy Zoo vote fractions: RMSE over outputs).
 */
import { checkFinite, checkWeights } from './validate';

/** One output (length n) or several (n rows of k outputs each). */
export type Targets = ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;

/** How per-output scores are combined: sklearn's `multioutput`. */
export type MultiOutput = 'uniform_average' | 'raw_values' | 'variance_weighted';
/** The subset of {@link MultiOutput} for the error metrics (MSE, RMSE, MAE). */
export type ErrorMultiOutput = Exclude<MultiOutput, 'variance_weighted'>;

/** A number, or one value per output (length k) for `'raw_values'`. */
export type PerOutput<M extends MultiOutput> = M extends 'raw_values' ? Float64Array : number;

/** Options of the regression metrics. */
export interface RegressionOptions<M extends MultiOutput> {
  /** Per-sample non-negative weights, length n. */
  sampleWeight?: ArrayLike<number>;
  /** `'uniform_average'` (default): mean over outputs; `'raw_values'`: one value per output;
   *  `'variance_weighted'` (R², explained variance only): mean weighted by each output's variance. */
  multioutput?: M;
}

/** Options of R² and explained variance. */
export interface ScoreOptions<M extends MultiOutput> extends RegressionOptions<M> {
  /** Replace NaN / −Infinity from a constant target by 1 (perfect) or 0 (default true, as sklearn). */
  forceFinite?: boolean;
}

/**
 * Explained variance 1 − Var[y − ŷ] / Var[y] (weighted variances), as `explained_variance_score`.
 * Unlike R² it ignores a constant bias of the predictions.
 */
export function explainedVariance<M extends MultiOutput = 'uniform_average'>(yTrue: Targets, yPred: Targets, options: ScoreOptions<M> = {}): PerOutput<M> {
  const { t, p, w } = prepare('explainedVariance', yTrue, yPred, options);
  const num = new Float64Array(t.length), den = new Float64Array(t.length);
  for (let j = 0; j < t.length; j++) {
    const diff = t[j].map((v, i) => v - p[j][i]);
    const diffAvg = average(diff, w);
    num[j] = average(diff.map((d) => (d - diffAvg) ** 2), w);
    const tAvg = average(t[j], w);
    den[j] = average(t[j].map((v) => (v - tAvg) ** 2), w);
  }
  return assemble(num, den, options);
}

/**
 * Coefficient of determination R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ)², as `r2_score`. NaN for fewer than
 * two samples (as sklearn, which also warns).
 */
export function r2Score<M extends MultiOutput = 'uniform_average'>(yTrue: Targets, yPred: Targets, options: ScoreOptions<M> = {}): PerOutput<M> {
  const { t, p, w } = prepare('r2Score', yTrue, yPred, options);
  if (t[0].length < 2) return NaN as PerOutput<M>;
  const num = new Float64Array(t.length), den = new Float64Array(t.length);
  for (let j = 0; j < t.length; j++) {
    const tAvg = average(t[j], w);
    for (let i = 0; i < t[j].length; i++) {
      const wi = w ? w[i] : 1;
      num[j] += wi * (t[j][i] - p[j][i]) ** 2;
      den[j] += wi * (t[j][i] - tAvg) ** 2;
    }
  }
  return assemble(num, den, options);
}

/** Mean squared error Σw(y − ŷ)² / Σw, as `mean_squared_error`. */
export function mse<M extends ErrorMultiOutput = 'uniform_average'>(yTrue: Targets, yPred: Targets, options: RegressionOptions<M> = {}): PerOutput<M> {
  return perOutputError('mse', yTrue, yPred, options, (d) => d * d, (e) => e);
}

/**
 * Root mean squared error, as `mean_squared_error(squared=False)`: with several outputs the root is
 * taken per output, then averaged (so it is not √(uniform-average MSE)).
 */
export function rmse<M extends ErrorMultiOutput = 'uniform_average'>(yTrue: Targets, yPred: Targets, options: RegressionOptions<M> = {}): PerOutput<M> {
  return perOutputError('rmse', yTrue, yPred, options, (d) => d * d, Math.sqrt);
}

/** Mean absolute error Σw|y − ŷ| / Σw, as `mean_absolute_error`. */
export function mae<M extends ErrorMultiOutput = 'uniform_average'>(yTrue: Targets, yPred: Targets, options: RegressionOptions<M> = {}): PerOutput<M> {
  return perOutputError('mae', yTrue, yPred, options, Math.abs, (e) => e);
}

function perOutputError<M extends MultiOutput>(
  fn: string,
  yTrue: Targets,
  yPred: Targets,
  options: RegressionOptions<M>,
  loss: (d: number) => number,
  finish: (e: number) => number,
): PerOutput<M> {
  const { t, p, w } = prepare(fn, yTrue, yPred, options);
  if (options.multioutput === 'variance_weighted') throw new RangeError(`${fn}: multioutput 'variance_weighted' applies only to r2Score and explainedVariance`);
  const errors = new Float64Array(t.length);
  for (let j = 0; j < t.length; j++) errors[j] = finish(average(t[j].map((v, i) => loss(v - p[j][i])), w));
  return combine(errors, undefined, options.multioutput);
}

/** sklearn's `_assemble_r2_explained_variance`: 1 − num/den per output, forced finite, then combined. */
function assemble<M extends MultiOutput>(num: Float64Array, den: Float64Array, options: ScoreOptions<M>): PerOutput<M> {
  const forceFinite = options.forceFinite ?? true;
  const scores = num.map((nu, j) => {
    if (!forceFinite) return 1 - nu / den[j];
    if (nu === 0) return 1;
    return den[j] === 0 ? 0 : 1 - nu / den[j];
  });
  const anyVariance = den.some((d) => d !== 0);
  return combine(scores, options.multioutput === 'variance_weighted' && anyVariance ? den : undefined, options.multioutput);
}

function combine<M extends MultiOutput>(values: Float64Array, weights: Float64Array | undefined, multioutput: M | undefined): PerOutput<M> {
  if (multioutput === 'raw_values') return values as PerOutput<M>;
  return average(values, weights) as PerOutput<M>;
}

/** Weighted mean Σw·x / Σw (plain mean without weights), as `np.average`. */
function average(x: ArrayLike<number>, w?: ArrayLike<number>): number {
  let s = 0, sw = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w ? w[i] : 1;
    s += wi * x[i];
    sw += wi;
  }
  return s / sw;
}

/** Validates the inputs and returns them as k columns of length n (column j = output j). */
function prepare<M extends MultiOutput>(fn: string, yTrue: Targets, yPred: Targets, options: RegressionOptions<M>) {
  const { multioutput } = options;
  if (multioutput !== undefined && !['uniform_average', 'raw_values', 'variance_weighted'].includes(multioutput)) {
    throw new RangeError(`${fn}: unknown multioutput "${String(multioutput)}"`);
  }
  const t = columns(fn, 'yTrue', yTrue), p = columns(fn, 'yPred', yPred);
  if (t[0].length !== p[0].length) throw new RangeError(`${fn}: yTrue has ${t[0].length} samples but yPred has ${p[0].length}`);
  if (t.length !== p.length) throw new RangeError(`${fn}: yTrue has ${t.length} outputs but yPred has ${p.length}`);
  checkWeights(fn, options.sampleWeight, t[0].length);
  return { t, p, w: options.sampleWeight };
}

function columns(fn: string, name: string, y: Targets): Float64Array[] {
  if (y.length === 0) throw new RangeError(`${fn}: ${name} is empty`);
  if (typeof y[0] === 'number') {
    const col = Float64Array.from(y as ArrayLike<number>);
    checkFinite(fn, name, col);
    return [col];
  }
  const rows = y as ReadonlyArray<ArrayLike<number>>;
  const k = rows[0].length;
  if (k === 0) throw new RangeError(`${fn}: ${name}[0] has no outputs`);
  const cols = Array.from({ length: k }, () => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row.length !== k) throw new RangeError(`${fn}: ${name}[${i}] is not a row of ${k} outputs`);
    for (let j = 0; j < k; j++) {
      if (!Number.isFinite(row[j])) throw new RangeError(`${fn}: ${name}[${i}][${j}] is ${row[j]}; inputs must be finite numbers`);
      cols[j][i] = row[j];
    }
  });
  return cols;
}
