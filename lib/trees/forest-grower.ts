/**
 * Grows one classification tree of a random forest (Breiman 2001, "Random forests", Machine Learning
 * 45:5) on binned features: depth-first, at each node the best split over `maxFeatures` features drawn
 * without replacement, by weighted Gini impurity 1 − Σ_k p_k² or entropy −Σ_k p_k log₂ p_k, until a
 * node is pure, has fewer than `minSamplesSplit` samples, or reaches `maxDepth`. As scikit-learn's
 * `BestSplitter`, features found constant in the node do not count towards `maxFeatures` (more are
 * drawn), a split leaves ≥ minSamplesLeaf samples on each side (samples = distinct rows, whatever
 * their weight), and the winner maximises the impurity decrease (first one on ties).
 *
 * Differences from sklearn: thresholds are bin edges (≤ 255 quantile bins per feature, as LightGBM's
 * random-forest mode) instead of midpoints between all sorted values; missing values (NaN) are allowed
 * and always go right (to the side of the largest values).
 *
 * Speed: bins are kept row-major, so one pass over a node's samples fills the class-weight histograms
 * of all its candidate features; labels and weights are kept in the order of the node's samples; a
 * histogram touches (sorts, scans, clears) only the bins that occur in the node, so the many tiny
 * nodes of deep trees stay cheap.
 *
 * Leaf values are the weighted class fractions. Split gains are the weighted impurity decreases
 * W_node/W_root · (I − W_L/W·I_L − W_R/W·I_R) (sklearn's mean decrease in impurity).
 *
 * Used by `random-forest.ts` (Z′ and NEWSdm notebooks).
 */
import type { Random } from '../random';
import { MISSING_BIN, type BinMapper, type BinnedMatrix } from './binning';
import { TreeBuilder, type Tree } from './tree';

const MISSING = MISSING_BIN; // a local copy: an imported binding is a getter once transpiled

/** Impurity measures. */
export type Criterion = 'gini' | 'entropy';

/** Parameters of one forest tree. */
export interface ForestTreeParams {
  nClasses: number;
  criterion: Criterion;
  /** Depth limit (root = 0), Infinity for none. */
  maxDepth: number;
  minSamplesLeaf: number;
  minSamplesSplit: number;
  /** Non-constant features examined per node (1 … d). */
  maxFeatures: number;
}

/** Impurity of class weights `c[0 … C−1]` with total w. */
export function impurity(c: Float64Array, offset: number, C: number, w: number, criterion: Criterion): number {
  let s = 0;
  if (criterion === 'gini') {
    for (let k = 0; k < C; k++) s += (c[offset + k] / w) ** 2;
    return 1 - s;
  }
  for (let k = 0; k < C; k++) {
    const p = c[offset + k] / w;
    if (p > 0) s -= p * Math.log2(p);
  }
  return s;
}

/** Score to maximise over the splits of a node: −(W_L·I_L + W_R·I_R) up to a constant (sklearn's proxy). */
function proxy(left: Float64Array, right: Float64Array, C: number, wL: number, wR: number, criterion: Criterion): number {
  let s = 0;
  if (criterion === 'gini') {
    let sl = 0, sr = 0;
    for (let k = 0; k < C; k++) {
      sl += left[k] * left[k];
      sr += right[k] * right[k];
    }
    return sl / wL + sr / wR;
  }
  for (let k = 0; k < C; k++) {
    if (left[k] > 0) s += left[k] * Math.log(left[k] / wL);
    if (right[k] > 0) s += right[k] * Math.log(right[k] / wR);
  }
  return s;
}

/** The first n entries of `a` sorted ascending, in place (insertion sort for the many tiny nodes of deep trees). */
function sortSmall(a: Int32Array, n: number): Int32Array {
  if (n > 24) return a.subarray(0, n).sort();
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let k = i - 1;
    while (k >= 0 && a[k] > v) {
      a[k + 1] = a[k];
      k--;
    }
    a[k + 1] = v;
  }
  return a;
}

interface Best {
  score: number;
  feature: number;
  bin: number;
}

/**
 * Bins in row-major order (`bins[i·d + j]`): the sampled features of a sample share one cache line,
 * so one pass over a node's samples fills the histograms of all its candidate features.
 */
export interface RowMajorBins {
  bins: Uint8Array;
  nRows: number;
  nFeatures: number;
}

/** The row-major copy of a (column-major) binned table. */
export function rowMajorBins(binned: BinnedMatrix): RowMajorBins {
  const { bins, nRows: n, nFeatures: d } = binned;
  const out = new Uint8Array(n * d);
  for (let j = 0; j < d; j++) for (let i = 0, k = j; i < n; i++, k += d) out[k] = bins[j * n + i];
  return { bins: out, nRows: n, nFeatures: d };
}

/** Scratch buffers reused by all nodes and trees of a forest. */
export class ForestWorkspace {
  /** Class-weight histograms of the candidate features of a node: slot s at s·256·C. */
  readonly hist: Float64Array;
  /** Sample counts per bin, slot s at s·256. */
  readonly counts: Int32Array;
  /** Bins that occur in the node, per slot (s·256 …), and how many. */
  readonly occupied: Int32Array;
  readonly nOccupied: Int32Array;
  readonly left: Float64Array;
  readonly right: Float64Array;
  /** Feature order for the per-node draws (a partial Fisher–Yates shuffle). */
  readonly features: Int32Array;
  /** Features of the current batch. */
  readonly batch: Int32Array;
  /** Labels and weights of the node's rows, kept in the order of `rows` (sequential reads instead of random ones). */
  readonly ordY: Int32Array;
  readonly ordW: Float64Array;
  private readonly scratchRows: Int32Array;
  private readonly scratchY: Int32Array;
  private readonly scratchW: Float64Array;

  constructor(nRows: number, nFeatures: number, readonly nClasses: number) {
    this.hist = new Float64Array(nFeatures * 256 * nClasses);
    this.counts = new Int32Array(nFeatures * 256);
    this.occupied = new Int32Array(nFeatures * 256);
    this.nOccupied = new Int32Array(nFeatures);
    this.left = new Float64Array(nClasses);
    this.right = new Float64Array(nClasses);
    this.features = Int32Array.from({ length: nFeatures }, (_, j) => j);
    this.batch = new Int32Array(nFeatures);
    this.ordY = new Int32Array(nRows);
    this.ordW = new Float64Array(nRows);
    this.scratchRows = new Int32Array(nRows);
    this.scratchY = new Int32Array(nRows);
    this.scratchW = new Float64Array(nRows);
  }

  /**
   * Stable partition of rows[start … end−1] (with their labels and weights) by "bin ≤ binThreshold"
   * on `feature`, missing values right; returns the first index of the right part.
   */
  partition(binned: RowMajorBins, rows: Int32Array, start: number, end: number, feature: number, binThreshold: number): number {
    const { ordY, ordW, scratchRows, scratchY, scratchW } = this;
    const { bins, nFeatures: d } = binned;
    let l = start, r = 0;
    for (let i = start; i < end; i++) {
      const row = rows[i];
      if (bins[row * d + feature] <= binThreshold) {
        rows[l] = row;
        ordY[l] = ordY[i];
        ordW[l++] = ordW[i];
      } else {
        scratchRows[r] = row;
        scratchY[r] = ordY[i];
        scratchW[r++] = ordW[i];
      }
    }
    rows.set(scratchRows.subarray(0, r), l);
    ordY.set(scratchY.subarray(0, r), l);
    ordW.set(scratchW.subarray(0, r), l);
    return l;
  }
}

/** Fills the histograms of the features batch[0 … k−1] (slots 0 … k−1) in one pass over the node's rows. */
function buildNodeHistograms(binned: RowMajorBins, rows: Int32Array, start: number, end: number, k: number, C: number, ws: ForestWorkspace): void {
  const { hist, counts, occupied, nOccupied, batch, ordY, ordW } = ws;
  const { bins, nFeatures: d } = binned;
  for (let s = 0; s < k; s++) nOccupied[s] = 0;
  for (let i = start; i < end; i++) {
    const base = rows[i] * d;
    const y = ordY[i], w = ordW[i];
    for (let s = 0; s < k; s++) {
      const b = bins[base + batch[s]];
      const c = s * 256 + b;
      if (counts[c]++ === 0) occupied[s * 256 + nOccupied[s]++] = b;
      hist[c * C + y] += w;
    }
  }
}

/**
 * Best threshold of the feature in slot s (feature j) for a node of m samples with class totals
 * `total` and weight w, updating `best`; clears the slot; returns false when the feature is constant.
 */
function scanSlot(
  s: number, j: number, m: number, total: Float64Array, w: number, nBinsNonMissing: number,
  p: ForestTreeParams, ws: ForestWorkspace, best: Best,
): boolean {
  const { hist, counts, left, right } = ws;
  const C = p.nClasses;
  const nOcc = ws.nOccupied[s];
  const occ = sortSmall(ws.occupied.subarray(s * 256, s * 256 + 256), nOcc);
  const nonMissing = occ[nOcc - 1] === MISSING ? nOcc - 1 : nOcc;
  const last = nOcc - 1; // candidates: after each occupied bin but the last (missing, if any, is last and goes right)
  for (let k = 0; k < C; k++) left[k] = 0;
  let nL = 0, wL = 0;
  for (let q = 0; q < last && q < nonMissing; q++) {
    const c = s * 256 + occ[q];
    nL += counts[c];
    for (let k = 0; k < C; k++) {
      const v = hist[c * C + k];
      left[k] += v;
      wL += v;
    }
    if (nL < p.minSamplesLeaf) continue;
    if (m - nL < p.minSamplesLeaf) break;
    const wR = w - wL;
    if (!(wL > 0 && wR > 0)) continue;
    for (let k = 0; k < C; k++) right[k] = total[k] - left[k];
    const score = proxy(left, right, C, wL, wR, p.criterion);
    if (score > best.score) {
      best.score = score;
      best.feature = j;
      // Every bin from occ[q] to the next occupied one − 1 splits the node's samples alike: take the
      // middle of that gap (in quantile space), as sklearn takes the midpoint between neighbouring values.
      const next = occ[q + 1];
      best.bin = next === MISSING ? nBinsNonMissing - 1 : (occ[q] + next - 1) >> 1;
    }
  }
  for (let q = 0; q < nOcc; q++) {
    const c = s * 256 + occ[q];
    counts[c] = 0;
    for (let k = c * C; k < (c + 1) * C; k++) hist[k] = 0; // a loop: fill() is a costly call for C entries
  }
  return nOcc > 1;
}

/**
 * Draws candidate features without replacement until `maxFeatures` non-constant ones have been
 * examined (or all d), in batches that share one pass over the node's samples; updates `best`.
 */
function searchNode(
  binned: RowMajorBins, mapper: BinMapper, rows: Int32Array, start: number, end: number, total: Float64Array, w: number,
  p: ForestTreeParams, rng: Random, ws: ForestWorkspace, best: Best,
): void {
  const d = binned.nFeatures;
  const { features, batch } = ws;
  let examined = 0, drawn = 0;
  while (examined < p.maxFeatures && drawn < d) {
    let k = 0;
    for (; k < p.maxFeatures - examined && drawn < d; k++, drawn++) {
      const pick = rng.integer(drawn, d);
      const j = features[pick];
      features[pick] = features[drawn];
      features[drawn] = j;
      batch[k] = j;
    }
    buildNodeHistograms(binned, rows, start, end, k, p.nClasses, ws);
    for (let s = 0; s < k; s++) if (scanSlot(s, batch[s], end - start, total, w, mapper.nBins[batch[s]], p, ws, best)) examined++;
  }
}

/**
 * Grows one tree on the samples `rows` (distinct indices with positive weight; reordered in place).
 * `weights` are the per-row weights (sample weight × class weight × bootstrap count).
 */
export function growForestTree(
  binned: RowMajorBins, mapper: BinMapper, labels: Int32Array, weights: Float64Array, rows: Int32Array,
  p: ForestTreeParams, rng: Random, ws: ForestWorkspace,
): Tree {
  const C = p.nClasses;
  const builder = new TreeBuilder(C, 256);
  for (let i = 0; i < rows.length; i++) {
    ws.ordY[i] = labels[rows[i]];
    ws.ordW[i] = weights[rows[i]];
  }
  const classTotals = (start: number, end: number) => {
    const t = new Float64Array(C);
    for (let i = start; i < end; i++) t[ws.ordY[i]] += ws.ordW[i];
    return t;
  };
  const rootTotals = classTotals(0, rows.length);
  const wRoot = rootTotals.reduce((a, b) => a + b, 0);
  const stack: { id: number; start: number; end: number; depth: number; totals: Float64Array }[] = [];
  const fractions = (t: Float64Array) => {
    const w = t.reduce((a, b) => a + b, 0);
    return t.map((v) => v / w);
  };
  stack.push({ id: builder.addLeaf(fractions(rootTotals)), start: 0, end: rows.length, depth: 0, totals: rootTotals });
  const best: Best = { score: -Infinity, feature: -1, bin: 0 };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { start, end, totals } = node;
    const m = end - start;
    const w = totals.reduce((a, b) => a + b, 0);
    const nodeImpurity = impurity(totals, 0, C, w, p.criterion);
    if (node.depth >= p.maxDepth || m < p.minSamplesSplit || m < 2 * p.minSamplesLeaf || nodeImpurity <= 1e-12) continue;
    best.score = -Infinity;
    best.feature = -1;
    searchNode(binned, mapper, rows, start, end, totals, w, p, rng, ws, best);
    if (best.feature < 0) continue;
    const mid = ws.partition(binned, rows, start, end, best.feature, best.bin);
    const lt = classTotals(start, mid), rt = classTotals(mid, end);
    const wl = lt.reduce((a, b) => a + b, 0), wr = w - wl;
    const decrease = (w / wRoot) * (nodeImpurity - (wl / w) * impurity(lt, 0, C, wl, p.criterion) - (wr / w) * impurity(rt, 0, C, wr, p.criterion));
    const left = builder.addLeaf(fractions(lt));
    const right = builder.addLeaf(fractions(rt));
    const nb = mapper.nBins[best.feature];
    builder.setSplit(node.id, {
      feature: best.feature, threshold: best.bin < nb - 1 ? mapper.threshold(best.feature, best.bin) : Infinity,
      binThreshold: best.bin, missingLeft: false, left, right, gain: Math.max(0, decrease),
    });
    stack.push({ id: right, start: mid, end, depth: node.depth + 1, totals: rt });
    stack.push({ id: left, start, end: mid, depth: node.depth + 1, totals: lt });
  }
  return builder.build();
}
