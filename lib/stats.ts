/**
 * Summaries of a sample, with one stated estimator each, for every notebook and study that reports a
 * bias, a resolution or a containment figure:
 *
 * - `mean`: the arithmetic mean Σx/n;
 * - `std`: the sample standard deviation with Bessel's correction, √(Σ(x − x̄)²/(n − 1))
 *   (numpy `std(ddof=1)`), the unbiased-variance estimator used for resolutions;
 * - `meanStd`: both at once, with n;
 * - `quantile`: the q-quantile by linear interpolation between order statistics, at position
 *   q·(n − 1) of the sorted sample (numpy's default `method='linear'`, Hyndman & Fan 1996 type 7),
 *   e.g. the 68 % containment angle.
 *
 * An empty sample gives NaN (n < 2 for `std`), and so does a sample holding NaN (a diverged model's
 * predictions stay visible as NaN instead of being dropped). Feature standardisation (scalers) is not
 * a summary and keeps its own 1/n estimator in the studies.
 *
 * Used by `lib/telescope-array/evaluate/analysis.ts` and notebook 02-telescope-array.
 */

/** Arithmetic mean; NaN for an empty sample. */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length > 0 ? s / values.length : NaN;
}

/** Sample standard deviation √(Σ(x − x̄)²/(n − 1)) (Bessel's correction); NaN for n < 2. */
export function std(values: ArrayLike<number>): number {
  return meanStd(values).std;
}

/** A sample's size, mean and standard deviation (the estimators of {@link mean} and {@link std}). */
export interface MeanStd {
  n: number;
  mean: number;
  std: number;
}

/** Size, mean and sample standard deviation (n − 1) in two passes (no cancellation). */
export function meanStd(values: ArrayLike<number>): MeanStd {
  const n = values.length;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - m) ** 2;
  return { n, mean: m, std: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN };
}

/**
 * The q-quantile, q in [0, 1], by linear interpolation at position q·(n − 1) of the sorted sample
 * (numpy `quantile(values, q)`); NaN for an empty sample or one holding NaN.
 *
 * @throws RangeError when q is outside [0, 1]
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q = ${q} is not in [0, 1]`);
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0 || Number.isNaN(sorted[n - 1])) return NaN; // typed-array sort puts NaN last
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
