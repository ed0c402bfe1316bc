/**
 * Isolation forest anomaly detector (Liu, Ting & Zhou 2008, "Isolation Forest", ICDM): each tree
 * isolates a random subsample of ψ rows (default min(256, n), without replacement) by splitting on a
 * random feature at a threshold uniform between the node's minimum and maximum, up to depth
 * ⌈log₂ ψ⌉. An anomaly is isolated in few splits. The path length of x in one tree is
 * h(x) = depth of its leaf + c(m) with m the training rows in that leaf, and the score is
 *     s(x) = 2^(−E[h(x)] / c(ψ)),   c(n) = 2·H(n−1) − 2(n−1)/n,  H(i) ≈ ln i + γ (Euler's γ),
 * c(1) = 0, c(2) = 1 (the paper's eq. 1–2, with its approximation of the harmonic number H).
 * s → 1 for anomalies, s ≲ 0.5 for normal points.
 *
 * Conventions, exactly as scikit-learn 1.2 `IsolationForest` (checked in tests/trees/isolation-forest.test.ts):
 * `scoreSamples(x) = −s(x)` (sklearn's `score_samples`, larger = more normal), `decisionFunction =
 * scoreSamples − offset` with offset −0.5 for contamination 'auto', else the contamination percentile
 * of the training scores; `anomalyScore(x) = s(x)` is the paper's (larger = more anomalous), the one
 * to feed to an ROC curve with anomalies as the positive class. Trees see all features (sklearn's
 * max_features = 1.0); a feature constant in a node is skipped in favour of another one. Trees are
 * random, so the scores match sklearn's in distribution, not value by value.
 *
 * Used by the DarkMachines notebook (anomaly detection on VAE latent spaces).
 */
import type { Random } from '../random';
import { stagedTreeSums } from './ensemble-predict';
import { checkFeatureCount, checkInt, forEachRowChunk, gatherColumns, matrixShape, type FeatureMatrix, type MatrixShape } from './matrix';
import { TreeBuilder, type Tree } from './tree';

const EULER_GAMMA = 0.5772156649015329;

/** Average path length c(n) of an unsuccessful binary-search-tree search (file header; sklearn's `_average_path_length`). */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

/** Options of {@link IsolationForest} (defaults are sklearn's). */
export interface IsolationForestOptions {
  /** Seeded generator (required). */
  rng: Random;
  /** Number of trees (default 100). */
  nTrees?: number;
  /** Subsample ψ per tree: 'auto' = min(256, n), an integer count, or a fraction in (0, 1]. */
  maxSamples?: 'auto' | number;
  /** Expected fraction of anomalies in (0, 0.5], or 'auto' (default: offset −0.5, i.e. s > 0.5 is anomalous). */
  contamination?: 'auto' | number;
}

/** Isolation forest; see the file header. */
export class IsolationForest {
  /** Fitted trees; leaf values hold depth + c(m). */
  trees: Tree[] = [];
  /** Subsample size ψ used per tree. */
  maxSamples = 0;
  /** Threshold on scoreSamples: decisionFunction = scoreSamples − offset. */
  offset = -0.5;
  private nFeatures = 0;

  constructor(readonly options: IsolationForestOptions) {}

  /** Fits on X (n × d, finite values); returns this. */
  fit(X: FeatureMatrix): this {
    const fn = 'IsolationForest.fit';
    const { rng } = this.options;
    if (!rng) throw new RangeError(`${fn}: options.rng (a seeded Random) is required`);
    const shape = matrixShape(fn, X);
    checkAllFinite(fn, X, shape);
    const n = shape.nRows, d = shape.nFeatures;
    const nTrees = this.options.nTrees ?? 100;
    checkInt(fn, 'nTrees', nTrees, 1);
    this.maxSamples = resolveMaxSamples(fn, this.options.maxSamples ?? 'auto', n);
    const maxDepth = Math.ceil(Math.log2(Math.max(this.maxSamples, 2)));
    this.nFeatures = d;
    this.trees = [];
    for (let t = 0; t < nTrees; t++) {
      const treeRng = rng.fork(`tree ${t}`);
      const sample = gatherColumns(X, shape, sampleWithoutReplacement(treeRng, n, this.maxSamples));
      this.trees.push(growIsolationTree(sample, this.maxSamples, d, maxDepth, treeRng));
    }
    const c = this.options.contamination ?? 'auto';
    if (c === 'auto') this.offset = -0.5;
    else {
      if (!(c > 0 && c <= 0.5)) throw new RangeError(`${fn}: contamination must be 'auto' or in (0, 0.5], got ${c}`);
      this.offset = percentileLinear(this.scoreSamples(X).sort(), c);
    }
    return this;
  }

  /** Mean path length E[h(x)] over the trees, length n. */
  meanPathLength(X: FeatureMatrix): Float64Array {
    const fn = 'IsolationForest.meanPathLength';
    if (this.trees.length === 0) throw new Error(`${fn}: not fitted; call fit() first`);
    const shape = matrixShape(fn, X);
    checkFeatureCount(fn, shape, this.nFeatures);
    checkAllFinite(fn, X, shape);
    const T = this.trees.length;
    const [sum] = stagedTreeSums(X, shape, this.trees, { nOutputs: 1, treesPerStage: 1, offsetOf: () => 0, init: new Float64Array(1) }, [T]);
    return sum.map((v) => v / T);
  }

  /** The paper's anomaly score s(x) = 2^(−E[h(x)]/c(ψ)) ∈ (0, 1]: larger = more anomalous. */
  anomalyScore(X: FeatureMatrix): Float64Array {
    const cPsi = averagePathLength(this.maxSamples);
    return this.meanPathLength(X).map((h) => (cPsi > 0 ? Math.pow(2, -h / cPsi) : 1));
  }

  /** sklearn's `score_samples`: −s(x) (larger = more normal). */
  scoreSamples(X: FeatureMatrix): Float64Array {
    return this.anomalyScore(X).map((s) => -s);
  }

  /** sklearn's `decision_function`: scoreSamples − offset (negative = anomaly). */
  decisionFunction(X: FeatureMatrix): Float64Array {
    return this.scoreSamples(X).map((v) => v - this.offset);
  }

  /** 1 for an anomaly (decisionFunction < 0), 0 for a normal point (sklearn returns −1 / +1 instead). */
  predict(X: FeatureMatrix): Int32Array {
    return Int32Array.from(this.decisionFunction(X), (v) => (v < 0 ? 1 : 0));
  }
}

function resolveMaxSamples(fn: string, v: 'auto' | number, n: number): number {
  if (v === 'auto') return Math.min(256, n);
  if (Number.isInteger(v) && v >= 1) {
    if (v > n) throw new RangeError(`${fn}: maxSamples ${v} exceeds the ${n} rows`);
    return v;
  }
  if (v > 0 && v <= 1) return Math.max(1, Math.floor(v * n));
  throw new RangeError(`${fn}: maxSamples must be 'auto', an integer ≥ 1 or a fraction in (0, 1], got ${v}`);
}

function checkAllFinite(fn: string, X: FeatureMatrix, shape: MatrixShape): void {
  forEachRowChunk(X, shape, (rows, start) => {
    for (let k = 0; k < rows.length; k++) {
      if (!Number.isFinite(rows[k])) throw new RangeError(`${fn}: X[${start + Math.floor(k / shape.nFeatures)}, ${k % shape.nFeatures}] is ${rows[k]}; values must be finite`);
    }
  });
}

/** numpy's default (linear) percentile of sorted values at fraction q. */
function percentileLinear(sorted: Float64Array, q: number): number {
  const v = q * (sorted.length - 1);
  const lo = Math.floor(v), hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (v - lo);
}

/**
 * k distinct indices of [0, n) (Floyd's algorithm, "Programming Pearls" column 12: k draws, not n,
 * when ψ = 256 rows are taken from millions), or a partial shuffle when k is a large part of n.
 */
export function sampleWithoutReplacement(rng: Random, n: number, k: number): Int32Array {
  if (4 * k >= n) return rng.sampleIndices(n, k);
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = rng.integer(0, j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen);
}

/**
 * One isolation tree on a column-major sample (m rows × d features, entry (i, j) at j·m + i), as
 * sklearn's ExtraTree with max_features = 1.
 */
function growIsolationTree(sample: Float64Array, m: number, d: number, maxDepth: number, rng: Random): Tree {
  const rows = Int32Array.from({ length: m }, (_, i) => i);
  const builder = new TreeBuilder(1, 64);
  const features = Int32Array.from({ length: d }, (_, j) => j);
  const scratch = new Int32Array(rows.length);
  const leafValue = (depth: number, m: number) => [depth + averagePathLength(m)];
  const stack = [{ id: builder.addLeaf(leafValue(0, rows.length)), start: 0, end: rows.length, depth: 0 }];
  while (stack.length > 0) {
    const { id, start, end, depth } = stack.pop()!;
    if (depth >= maxDepth || end - start < 2) continue;
    let feature = -1, threshold = 0;
    for (let f = 0; f < d && feature < 0; f++) {
      const pick = rng.integer(f, d);
      const j = features[pick];
      features[pick] = features[f];
      features[f] = j;
      let min = Infinity, max = -Infinity;
      for (let i = start; i < end; i++) {
        const x = sample[j * m + rows[i]];
        if (x < min) min = x;
        if (x > max) max = x;
      }
      if (max <= min + 1e-7) continue; // constant here (sklearn's FEATURE_THRESHOLD)
      threshold = min + (max - min) * rng.random();
      if (threshold === max) threshold = min;
      feature = j;
    }
    if (feature < 0) continue;
    let l = start, r = 0;
    for (let i = start; i < end; i++) {
      if (sample[feature * m + rows[i]] <= threshold) rows[l++] = rows[i];
      else scratch[r++] = rows[i];
    }
    rows.set(scratch.subarray(0, r), l);
    const left = builder.addLeaf(leafValue(depth + 1, l - start));
    const right = builder.addLeaf(leafValue(depth + 1, end - l));
    builder.setSplit(id, { feature, threshold, binThreshold: 0, missingLeft: false, left, right, gain: 0 });
    stack.push({ id: left, start, end: l, depth: depth + 1 }, { id: right, start: l, end, depth: depth + 1 });
  }
  return builder.build();
}
