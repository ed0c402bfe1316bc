/**
 * Feature tables for the tree ensembles of `lib/trees`: the accepted input shapes, their checks, and
 * cheap access by column (for binning) or by chunks of rows (for prediction), without per-sample objects.
 *
 * Two shapes are accepted (n rows = samples, d columns = features):
 *   - row-major: `{ data: Float32Array | Float64Array, nFeatures: d }` with `data.length = n·d`,
 *     element (i, j) at `data[i·d + j]` (as a C-order numpy array or a flattened tfjs tensor);
 *   - columns:   `{ columns: [col_0, …, col_{d−1}] }`, each an array of n numbers (e.g. danfo / arquero columns).
 * NaN in a feature means "missing"; ±Infinity is allowed and treated as a very large value.
 *
 * Internal to `lib/trees` apart from the exported types; used by the gradient-boosting, random-forest
 * and isolation-forest notebooks (NEWSdm, Z′, DarkMachines) through those models.
 */

/** A row-major feature table: `data[i·nFeatures + j]` is feature j of sample i. */
export interface RowMajorMatrix {
  data: Float32Array | Float64Array;
  nFeatures: number;
}

/** A column-wise feature table: `columns[j][i]` is feature j of sample i; all columns have the same length. */
export interface ColumnMatrix {
  columns: ArrayLike<number>[];
}

/** Any feature table accepted by the tree models. */
export type FeatureMatrix = RowMajorMatrix | ColumnMatrix;

/** Number of rows and features of a table, checked. */
export interface MatrixShape {
  nRows: number;
  nFeatures: number;
}

/** Shape of `X`, throwing a RangeError naming `fn` if it is malformed (bad nFeatures, ragged columns, length not a multiple of d, empty). */
export function matrixShape(fn: string, X: FeatureMatrix): MatrixShape {
  if ('columns' in X) {
    const d = X.columns.length;
    if (d === 0) throw new RangeError(`${fn}: X has no columns`);
    const n = X.columns[0].length;
    for (let j = 1; j < d; j++) {
      if (X.columns[j].length !== n) throw new RangeError(`${fn}: column ${j} of X has length ${X.columns[j].length}, column 0 has ${n}`);
    }
    if (n === 0) throw new RangeError(`${fn}: X has no rows`);
    return { nRows: n, nFeatures: d };
  }
  const { data, nFeatures: d } = X;
  if (!(data instanceof Float32Array || data instanceof Float64Array)) {
    throw new RangeError(`${fn}: X.data must be a Float32Array or Float64Array`);
  }
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`${fn}: X.nFeatures must be a positive integer, got ${d}`);
  if (data.length % d !== 0) throw new RangeError(`${fn}: X.data has length ${data.length}, not a multiple of nFeatures = ${d}`);
  if (data.length === 0) throw new RangeError(`${fn}: X has no rows`);
  return { nRows: data.length / d, nFeatures: d };
}

/** Checks that `X` has `expected` features (the number the model was fitted on). */
export function checkFeatureCount(fn: string, shape: MatrixShape, expected: number): void {
  if (shape.nFeatures !== expected) throw new RangeError(`${fn}: X has ${shape.nFeatures} features, the model was fitted on ${expected}`);
}

/** Column j of `X` as a new Float64Array of length n. */
export function column(X: FeatureMatrix, shape: MatrixShape, j: number): Float64Array {
  const out = new Float64Array(shape.nRows);
  if ('columns' in X) {
    const c = X.columns[j];
    for (let i = 0; i < out.length; i++) out[i] = c[i];
  } else {
    const { data } = X;
    const d = shape.nFeatures;
    for (let i = 0, k = j; i < out.length; i++, k += d) out[i] = data[k];
  }
  return out;
}

/** Rows per chunk handed to {@link forEachRowChunk} (small enough to stay in cache, large enough to amortise calls). */
export const ROW_CHUNK = 4096;

/**
 * Calls `fn(rows, start, count)` for consecutive chunks of rows, `rows` being row-major with
 * `rows[(i − start)·d + j]` = X(i, j). A row-major input is passed through without copying.
 */
export function forEachRowChunk(
  X: FeatureMatrix,
  shape: MatrixShape,
  fn: (rows: Float32Array | Float64Array, start: number, count: number) => void,
): void {
  const { nRows: n, nFeatures: d } = shape;
  const buffer = 'columns' in X ? new Float64Array(Math.min(n, ROW_CHUNK) * d) : null;
  for (let start = 0; start < n; start += ROW_CHUNK) {
    const count = Math.min(ROW_CHUNK, n - start);
    if (buffer === null) {
      const { data } = X as RowMajorMatrix;
      fn(data.subarray(start * d, (start + count) * d), start, count);
    } else {
      const cols = (X as ColumnMatrix).columns;
      for (let j = 0; j < d; j++) {
        const c = cols[j];
        for (let i = 0; i < count; i++) buffer[i * d + j] = c[start + i];
      }
      fn(buffer, start, count);
    }
  }
}

/**
 * Checks class labels: length n, every entry an integer in 0 … K−1 (NaN rejected), at least two
 * classes present. Returns the labels as an Int32Array and K = max label + 1 (at least 2).
 */
export function checkClassLabels(fn: string, y: ArrayLike<number>, nRows: number): { labels: Int32Array; nClasses: number } {
  if (y.length !== nRows) throw new RangeError(`${fn}: y has length ${y.length} but X has ${nRows} rows`);
  const labels = new Int32Array(nRows);
  let max = 0;
  for (let i = 0; i < nRows; i++) {
    const v = y[i];
    if (!(Number.isInteger(v) && v >= 0)) throw new RangeError(`${fn}: y[${i}] is ${v}; class labels must be integers 0, 1, …, K−1`);
    labels[i] = v;
    if (v > max) max = v;
  }
  if (max > 10_000) throw new RangeError(`${fn}: label ${max} is too large; labels must be 0, 1, …, K−1`);
  const seen = new Uint8Array(max + 1);
  let distinct = 0;
  for (let i = 0; i < nRows; i++) if (!seen[labels[i]]++) distinct++;
  if (distinct < 2) throw new RangeError(`${fn}: y holds a single class (${labels[0]}); need at least two`);
  return { labels, nClasses: Math.max(2, max + 1) };
}

/** Checks regression targets: length n, every entry finite. Returns a Float64Array copy. */
export function checkTargets(fn: string, y: ArrayLike<number>, nRows: number): Float64Array {
  if (y.length !== nRows) throw new RangeError(`${fn}: y has length ${y.length} but X has ${nRows} rows`);
  const out = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    if (!Number.isFinite(y[i])) throw new RangeError(`${fn}: y[${i}] is ${y[i]}; targets must be finite`);
    out[i] = y[i];
  }
  return out;
}

/** Checks sample weights (length n, finite, ≥ 0, positive sum); returns a Float64Array copy, all ones when absent. */
export function checkSampleWeight(fn: string, w: ArrayLike<number> | undefined, nRows: number): Float64Array {
  const out = new Float64Array(nRows);
  if (w === undefined) return out.fill(1);
  if (w.length !== nRows) throw new RangeError(`${fn}: sampleWeight has length ${w.length} but X has ${nRows} rows`);
  let total = 0;
  for (let i = 0; i < nRows; i++) {
    const v = w[i];
    if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`${fn}: sampleWeight[${i}] is ${v}; weights must be finite and ≥ 0`);
    out[i] = v;
    total += v;
  }
  if (!(total > 0)) throw new RangeError(`${fn}: sample weights sum to 0`);
  return out;
}

/** Throws unless `value` is an integer ≥ `min` (for hyper-parameters). */
export function checkInt(fn: string, name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) throw new RangeError(`${fn}: ${name} must be an integer ≥ ${min}, got ${value}`);
}

/** Throws unless `low ≤ value ≤ high` (or `low < value` when `openLow`). */
export function checkRange(fn: string, name: string, value: number, low: number, high: number, openLow = false): void {
  const ok = (openLow ? value > low : value >= low) && value <= high;
  if (!ok) throw new RangeError(`${fn}: ${name} must be in ${openLow ? '(' : '['}${low}, ${high}], got ${value}`);
}

/** The rows `idx` of X as a new row-major Float64Array table. */
export function takeRows(X: FeatureMatrix, shape: MatrixShape, idx: Int32Array): RowMajorMatrix {
  const d = shape.nFeatures;
  const data = new Float64Array(idx.length * d);
  if ('columns' in X) {
    for (let j = 0; j < d; j++) {
      const c = X.columns[j];
      for (let i = 0; i < idx.length; i++) data[i * d + j] = c[idx[i]];
    }
  } else {
    for (let i = 0; i < idx.length; i++) data.set(X.data.subarray(idx[i] * d, (idx[i] + 1) * d), i * d);
  }
  return { data, nFeatures: d };
}

/** The entries `idx` of `values`. */
export function takeValues(values: ArrayLike<number>, idx: Int32Array): Float64Array {
  return Float64Array.from(idx, (i) => values[i]);
}

/** The rows `idx` of X as a column-major Float64Array: entry (k, j) at `j·idx.length + k`. */
export function gatherColumns(X: FeatureMatrix, shape: MatrixShape, idx: ArrayLike<number>): Float64Array {
  const d = shape.nFeatures, m = idx.length;
  const out = new Float64Array(m * d);
  for (let j = 0; j < d; j++) {
    const c = 'columns' in X ? X.columns[j] : null;
    for (let k = 0; k < m; k++) out[j * m + k] = c ? c[idx[k]] : (X as RowMajorMatrix).data[idx[k] * d + j];
  }
  return out;
}
