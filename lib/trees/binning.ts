/**
 * Feature binning for histogram-based trees (as LightGBM and scikit-learn's HistGradientBoosting):
 * every feature is cut once into at most 255 quantile bins and stored as one byte per value,
 * column-major; NaN (missing) goes to its own bin, 255. Trees then split on "bin ≤ b", found by
 * scanning per-bin histograms instead of sorting the raw values.
 *
 * The bin edges are exactly those of scikit-learn 1.2 `_BinMapper` (`_find_binning_thresholds`):
 * with u distinct non-missing values, if u ≤ maxBins the edges are the midpoints between consecutive
 * distinct values, else the `method="midpoint"` percentiles of the values at 100·k/maxBins,
 * k = 1 … maxBins−1 (numpy's formula reproduced to the last bit, see {@link percentileMidpoint}).
 * A value x goes to bin b when edge[b−1] < x ≤ edge[b]. As in sklearn, edges are computed on a
 * random subsample of 200 000 rows for larger tables (the rows differ from sklearn's: other generator).
 *
 * Used by `gradient-boosting.ts` and `random-forest.ts` (NEWSdm, Z′ notebooks).
 */
import type { Random } from '../random';
import { column, forEachRowChunk, matrixShape, checkFeatureCount, type FeatureMatrix } from './matrix';

/** Bin index of missing values (NaN). Non-missing values use bins 0 … nBins[j] − 1 ≤ 254. */
export const MISSING_BIN = 255;
/** Largest allowed number of non-missing bins per feature. */
export const MAX_BINS = 255;
/** Edges are clipped to ±1e300, as sklearn's `ALMOST_INF`, so that no finite edge is infinite. */
const ALMOST_INF = 1e300;

/** A binned feature table: `bins[j·nRows + i]` is the bin of feature j for sample i (column-major). */
export interface BinnedMatrix {
  bins: Uint8Array;
  nRows: number;
  nFeatures: number;
}

/** Options of {@link BinMapper.fit}. */
export interface BinMapperOptions {
  /** Maximum number of non-missing bins per feature, 2 … 255 (default 255). */
  maxBins?: number;
  /** Edges are computed from at most this many randomly chosen rows (default 200 000, as sklearn). */
  subsample?: number;
  /** Generator for that subsample (needed only when nRows > subsample). */
  rng?: Random;
}

/**
 * numpy's `np.percentile(sorted, 100·q, method="midpoint")` for sorted finite values, bit for bit
 * (numpy 1.22+ `_quantile`: virtual index v = ½(⌊(n−1)q⌋ + ⌈(n−1)q⌉); the value at v if v is an
 * integer, else `b − (b − a)·0.5` with a, b the neighbours).
 */
export function percentileMidpoint(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const scaled = (n - 1) * q;
  const v = 0.5 * (Math.floor(scaled) + Math.ceil(scaled));
  if (v >= n - 1) return sorted[n - 1];
  const lo = Math.floor(v);
  if (v === lo) return sorted[lo];
  const a = sorted[lo], b = sorted[lo + 1];
  return b - (b - a) * 0.5;
}

/**
 * Bin edges of one feature (sklearn's `_find_binning_thresholds`): NaNs ignored; at most maxBins − 1
 * increasing edges. An all-NaN or constant feature has no edges (a single bin).
 */
export function findBinThresholds(values: ArrayLike<number>, maxBins = MAX_BINS): Float64Array {
  const buffer = new Float64Array(values.length);
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) buffer[m++] = v;
  }
  const sorted = buffer.subarray(0, m).sort();
  let nDistinct = 0;
  const distinct = new Float64Array(maxBins + 1); // only needed when there are at most maxBins distinct values
  for (let i = 0; i < m && nDistinct <= maxBins; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct[nDistinct++] = sorted[i];
  let edges: Float64Array;
  if (nDistinct <= maxBins) {
    edges = new Float64Array(Math.max(0, nDistinct - 1));
    for (let k = 0; k < edges.length; k++) edges[k] = (distinct[k] + distinct[k + 1]) * 0.5;
  } else {
    edges = new Float64Array(maxBins - 1);
    const step = 100 / maxBins; // np.linspace(0, 100, maxBins + 1)[1:-1] = k·step, then / 100 inside np.percentile
    for (let k = 1; k < maxBins; k++) edges[k - 1] = percentileMidpoint(sorted, (k * step) / 100);
  }
  for (let k = 0; k < edges.length; k++) if (edges[k] > ALMOST_INF) edges[k] = ALMOST_INF;
  return edges;
}

/** Bin of value x given increasing edges: the number of edges strictly below x; NaN → {@link MISSING_BIN}. */
export function binOf(edges: Float64Array, x: number): number {
  if (Number.isNaN(x)) return MISSING_BIN;
  let lo = 0, hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * {@link binOf} for edges padded to 256 entries with +Infinity: eight fixed halving steps without a
 * data-dependent loop (about twice as fast; the same result for every x).
 */
function binOfPadded(padded: Float64Array, x: number): number {
  if (x !== x) return MISSING_BIN;
  let lo = 0;
  if (padded[lo + 127] < x) lo += 128;
  if (padded[lo + 63] < x) lo += 64;
  if (padded[lo + 31] < x) lo += 32;
  if (padded[lo + 15] < x) lo += 16;
  if (padded[lo + 7] < x) lo += 8;
  if (padded[lo + 3] < x) lo += 4;
  if (padded[lo + 1] < x) lo += 2;
  if (padded[lo] < x) lo += 1;
  return lo;
}

/** Per-feature bin edges learned from a training table; maps any table with the same features to bins. */
export class BinMapper {
  /** Edges of feature j: `edges[j]` has `nBins[j] − 1` increasing values. */
  readonly edges: Float64Array[];
  /** Number of non-missing bins of each feature (1 … maxBins). */
  readonly nBins: Int32Array;

  private constructor(edges: Float64Array[]) {
    this.edges = edges;
    this.nBins = Int32Array.from(edges, (e) => e.length + 1);
  }

  /** Number of features. */
  get nFeatures(): number {
    return this.edges.length;
  }

  /** Learns the edges of every feature of `X` (see the file header). */
  static fit(X: FeatureMatrix, options: BinMapperOptions = {}): BinMapper {
    const { maxBins = MAX_BINS, subsample = 200_000, rng } = options;
    if (!(Number.isInteger(maxBins) && maxBins >= 2 && maxBins <= MAX_BINS)) {
      throw new RangeError(`BinMapper.fit: maxBins must be an integer in [2, ${MAX_BINS}], got ${maxBins}`);
    }
    const shape = matrixShape('BinMapper.fit', X);
    let rows: Int32Array | null = null;
    if (shape.nRows > subsample) {
      if (!rng) throw new RangeError(`BinMapper.fit: ${shape.nRows} rows > subsample ${subsample}: pass options.rng`);
      rows = rng.sampleIndices(shape.nRows, subsample);
    }
    const edges: Float64Array[] = [];
    for (let j = 0; j < shape.nFeatures; j++) {
      const col = column(X, shape, j);
      edges.push(findBinThresholds(rows ? Float64Array.from(rows, (r) => col[r]) : col, maxBins));
    }
    return new BinMapper(edges);
  }

  /** Bins every value of `X` (which must have the same number of features). */
  transform(X: FeatureMatrix): BinnedMatrix {
    const shape = matrixShape('BinMapper.transform', X);
    checkFeatureCount('BinMapper.transform', shape, this.nFeatures);
    const { nRows: n, nFeatures: d } = shape;
    const bins = new Uint8Array(n * d);
    const padded = this.edges.map((e) => {
      const p = new Float64Array(256).fill(Infinity);
      p.set(e);
      return p;
    });
    forEachRowChunk(X, shape, (rows, start, count) => {
      // row by row: the row-major chunk is read in order (feature-major reads of a strided chunk miss the cache)
      for (let i = 0; i < count; i++) {
        const base = i * d;
        for (let j = 0; j < d; j++) bins[j * n + start + i] = binOfPadded(padded[j], rows[base + j]);
      }
    });
    return { bins, nRows: n, nFeatures: d };
  }

  /** The raw-value threshold equivalent to "bin ≤ b" for feature j: x ≤ edges[j][b] (b < nBins[j] − 1). */
  threshold(j: number, b: number): number {
    return this.edges[j][b];
  }
}
