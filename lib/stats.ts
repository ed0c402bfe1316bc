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
 * `pca` (with `symmetricEigen`, Jacobi rotations) projects a sample on its principal components.
 *
 * Used by `lib/telescope-array/evaluate/analysis.ts`, notebook 02-telescope-array, and notebook
 * 04-darkmachines (PCA of the VAE latent space).
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

/**
 * A principal component analysis: the sample mean, the components (unit vectors, by decreasing
 * variance, each signed so that its largest-magnitude loading is positive — scikit-learn's `svd_flip`
 * convention, which makes the result deterministic) and the variance along each one (covariance with
 * n − 1, as scikit-learn's `explained_variance_`).
 */
export interface Pca {
  mean: Float64Array;
  /** nComponents rows of `cols` loadings */
  components: Float64Array[];
  explainedVariance: Float64Array;
  /** each component's share of the total variance (all components, not only the kept ones) */
  explainedVarianceRatio: Float64Array;
}

/** Sample covariance (n − 1) of a row-major rows × cols sample. */
function covariance(X: ArrayLike<number>, rows: number, cols: number, mu: Float64Array): Float64Array {
  const C = new Float64Array(cols * cols);
  const d = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) d[j] = X[i * cols + j] - mu[j];
    for (let a = 0; a < cols; a++) for (let b = a; b < cols; b++) C[a * cols + b] += d[a] * d[b];
  }
  for (let a = 0; a < cols; a++) for (let b = a; b < cols; b++) C[b * cols + a] = C[a * cols + b] /= rows - 1;
  return C;
}

/**
 * Eigenvalues and eigenvectors (columns of V) of a symmetric n × n matrix by cyclic Jacobi rotations
 * (Golub & Van Loan, Matrix Computations, §8.5), to machine precision; A is not changed.
 */
export function symmetricEigen(A: ArrayLike<number>, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(A);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) jacobiRotate(a, V, n, p, q);
  }
  return { values: Float64Array.from({ length: n }, (_, i) => a[i * n + i]), vectors: V };
}

/** One Jacobi rotation zeroing a[p][q] (and a[q][p]), accumulated into V. */
function jacobiRotate(a: Float64Array, V: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q];
  if (apq === 0) return;
  const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1), s = t * c;
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p], akq = a[k * n + q];
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k], aqk = a[q * n + k];
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = V[k * n + p], vkq = V[k * n + q];
    V[k * n + p] = c * vkp - s * vkq;
    V[k * n + q] = s * vkp + c * vkq;
  }
}

/**
 * PCA of a row-major rows × cols sample (e.g. a VAE's latent means), keeping `nComponents` (default all).
 *
 * @throws RangeError when the sample has fewer than 2 rows or its length is not rows · cols
 */
export function pca(X: ArrayLike<number>, rows: number, cols: number, nComponents = cols): Pca {
  if (rows < 2 || X.length !== rows * cols) throw new RangeError(`pca: ${X.length} values for ${rows} rows × ${cols} columns (need ≥ 2 rows)`);
  const mu = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mu[j] += X[i * cols + j] / rows;
  const { values, vectors } = symmetricEigen(covariance(X, rows, cols, mu), cols);
  const order = Array.from(values.keys()).sort((i, j) => values[j] - values[i]).slice(0, nComponents);
  const total = values.reduce((s, v) => s + v, 0);
  const components = order.map((k) => {
    const v = Float64Array.from({ length: cols }, (_, j) => vectors[j * cols + k]);
    const big = v.reduce((b, x, j) => (Math.abs(x) > Math.abs(v[b]) ? j : b), 0);
    return v[big] < 0 ? v.map((x) => -x) : v;
  });
  const explainedVariance = Float64Array.from(order, (k) => values[k]);
  return { mean: mu, components, explainedVariance, explainedVarianceRatio: explainedVariance.map((v) => v / total) };
}

/** The rows of X projected on the components: rows × nComponents, row-major. */
export function pcaTransform(p: Pca, X: ArrayLike<number>, rows: number): Float64Array {
  const cols = p.mean.length, m = p.components.length;
  if (X.length !== rows * cols) throw new RangeError(`pcaTransform: ${X.length} values for ${rows} rows × ${cols} columns`);
  const out = new Float64Array(rows * m);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < m; k++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += (X[i * cols + j] - p.mean[j]) * p.components[k][j];
      out[i * m + k] = s;
    }
  }
  return out;
}
