/**
 * Fast numeric reductions done in JS before anything reaches vega: weighted 1D histograms and
 * the thinning of long curves to what a screen can show.
 *
 * Vega copes with thousands of marks, not millions: histograms are binned here (one pass, any
 * weights) and line series are thinned to points at least `tolerance` apart on screen.
 *
 * Used by `lib/plot/histogram.ts` and `lib/plot/lines.ts`; `histogram1d` is also handy on its own
 * in notebooks (event counts per bin, efficiencies).
 */

/** A filled 1D histogram with uniform bins. */
export interface Histogram1D {
  /** Bin edges, length `bins + 1`, from `range[0]` to `range[1]`. */
  edges: Float64Array;
  /** Sum of weights per bin (counts when unweighted), length `bins`. */
  counts: Float64Array;
  /** Sum of squared weights per bin (variance estimate of `counts`), length `bins`. */
  sumw2: Float64Array;
  /** Sum of weights of finite values below `range[0]` (not in `counts` unless `clip`). */
  underflow: number;
  /** Sum of weights of finite values above `range[1]` (not in `counts` unless `clip`). */
  overflow: number;
  /** Number of NaN or ±Infinity values (never binned). */
  nonFinite: number;
}

/** Options of `histogram1d`. */
export interface BinOptions {
  /** Number of uniform bins (default 50). */
  bins?: number;
  /** [low, high] edges; default: min and max of the finite values. */
  range?: readonly [number, number];
  /** Per-value weights, same length as the values (default 1 each). */
  weights?: ArrayLike<number>;
  /** Fold underflow into the first bin and overflow into the last (default false: drop them). */
  clip?: boolean;
}

/** Minimum and maximum of the finite values (NaN, NaN when there are none). */
export function finiteExtent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/** A usable [low, high] range from an extent: widened by ±0.5 when empty or degenerate. */
export function safeRange(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

/**
 * Bin index of `v` in uniform bins over [lo, hi], exactly as numpy.histogram assigns it: bins are
 * half-open [e_k, e_{k+1}) except the last, which includes `hi`; the index computed from
 * (v − lo)·bins/(hi − lo) is corrected against the edges e_k = lo + k·(hi − lo)/bins.
 * Returns −1 below the range and `bins` above it.
 */
export function binIndex(v: number, lo: number, hi: number, bins: number): number {
  if (v < lo) return -1;
  if (v > hi) return bins;
  const step = (hi - lo) / bins;
  let k = Math.floor((v - lo) * (bins / (hi - lo)));
  if (k >= bins) k = bins - 1;
  if (v < lo + k * step) k -= 1;
  else if (k !== bins - 1 && v >= lo + (k + 1) * step) k += 1;
  return k;
}

/**
 * Fills a weighted histogram in one pass. Values equal to the upper edge go in the last bin
 * (numpy convention); values outside the range go to `underflow`/`overflow` (or the end bins
 * with `clip`); NaN and ±Infinity are only counted in `nonFinite`.
 * @param values the sample, any length.
 * @returns edges, per-bin sums of weights and squared weights, and what fell outside.
 */
export function histogram1d(values: ArrayLike<number>, options: BinOptions = {}): Histogram1D {
  const bins = options.bins ?? 50;
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`histogram1d: bins must be a positive integer, got ${bins}`);
  const { weights, clip = false } = options;
  if (weights && weights.length !== values.length) throw new Error(`histogram1d: ${weights.length} weights for ${values.length} values`);
  const [lo, hi] = options.range ? [options.range[0], options.range[1]] : safeRange(...finiteExtent(values));
  if (!(hi > lo)) throw new Error(`histogram1d: range must satisfy low < high, got [${lo}, ${hi}]`);
  const edges = new Float64Array(bins + 1);
  for (let k = 0; k <= bins; k++) edges[k] = lo + k * ((hi - lo) / bins);
  edges[bins] = hi;
  const counts = new Float64Array(bins);
  const sumw2 = new Float64Array(bins);
  let underflow = 0;
  let overflow = 0;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    const w = weights ? weights[i] : 1;
    let k = binIndex(v, lo, hi, bins);
    if (k < 0) {
      underflow += w;
      if (!clip) continue;
      k = 0;
    } else if (k >= bins) {
      overflow += w;
      if (!clip) continue;
      k = bins - 1;
    }
    counts[k] += w;
    sumw2[k] += w * w;
  }
  return { edges, counts, sumw2, underflow, overflow, nonFinite };
}

/** Options of `thinCurve`. */
export interface ThinOptions {
  /** Smallest kept step along x, in data units (or decades when `logX`). */
  tolX: number;
  /** Smallest kept step along y, in data units (or decades when `logY`). */
  tolY: number;
  logX?: boolean;
  logY?: boolean;
}

/**
 * Indices of the points of a polyline worth drawing: the first and last, and every point whose
 * distance from the last kept one exceeds one tolerance box (|Δx|/tolX or |Δy|/tolY > 1), measured
 * in log10 units on log axes. With tolerances of half a pixel the drawn curve is unchanged; a
 * 10⁶-point ROC curve becomes a few thousand points. Non-finite points (and non-positive ones on
 * log axes) are dropped.
 */
export function thinCurve(x: ArrayLike<number>, y: ArrayLike<number>, options: ThinOptions): number[] {
  const { tolX, tolY, logX = false, logY = false } = options;
  const n = Math.min(x.length, y.length);
  const keep: number[] = [];
  let px = NaN;
  let py = NaN;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]) || (logX && x[i] <= 0) || (logY && y[i] <= 0)) continue;
    const sx = logX ? Math.log10(x[i]) : x[i];
    const sy = logY ? Math.log10(y[i]) : y[i];
    if (keep.length === 0 || Math.abs(sx - px) > tolX || Math.abs(sy - py) > tolY) {
      keep.push(i);
      px = sx;
      py = sy;
    }
    last = i;
  }
  if (last >= 0 && keep[keep.length - 1] !== last) keep.push(last);
  return keep;
}

/** Indices 0, k, 2k, … of an evenly strided subsample of at most `maxPoints` out of `n`. */
export function strideIndices(n: number, maxPoints: number): number[] {
  const step = Math.max(1, Math.ceil(n / Math.max(1, maxPoints)));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  return out;
}
