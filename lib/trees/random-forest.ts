/**
 * Random forest classifier (Breiman 2001) on binned features: each tree is grown to purity (by
 * default) on a bootstrap sample with √d candidate features per node (see `forest-grower.ts`), and
 * the forest's class probabilities are the mean over trees of the leaf class fractions, as
 * scikit-learn's `RandomForestClassifier.predict_proba`. Sample weights and class weights
 * ('balanced': w_k = n / (K·n_k); 'balancedSubsample': the same on each bootstrap sample; or explicit
 * per-class weights) multiply the bootstrap counts, as in sklearn.
 *
 *     const rf = new RandomForestClassifier({ nTrees: 100, classWeight: 'balanced', rng: new Random(4) }).fit(X, y, w);
 *     const pSignal = rf.predictPositiveProba(XTest);
 *
 * Cost: trees grown to purity on 1e6 rows have ~2e5 nodes (≈ 46 bytes each: ~9 MB a tree, ~0.9 GB
 * for 100 trees; sklearn stores ~80 bytes a node); `minSamplesLeaf: 5` or a `maxDepth` cut that
 * several-fold at little loss of AUC.
 *
 * Used by the Z′ notebook (baseline on ~1e6 imbalanced LHC events) and NEWSdm (RF against the number of trees).
 */
import type { Random } from '../random';
import { BinMapper } from './binning';
import { checkStages, stagedTreeSums } from './ensemble-predict';
import { ForestWorkspace, growForestTree, rowMajorBins, type Criterion, type ForestTreeParams } from './forest-grower';
import { argmaxRows } from '../metrics/classification';
import { checkClassLabels, checkFeatureCount, checkInt, checkRange, checkSampleWeight, matrixShape, type FeatureMatrix } from './matrix';
import { accumulateGains, normalise, type Tree } from './tree';

/** Options of {@link RandomForestClassifier} (defaults are sklearn's). */
export interface RandomForestOptions {
  /** Seeded generator (required): bootstrap samples, feature draws, binning subsample. */
  rng: Random;
  /** Number of trees (default 100). */
  nTrees?: number;
  /** 'gini' (default) or 'entropy'. */
  criterion?: Criterion;
  /** Depth limit (default Infinity: grow until pure). */
  maxDepth?: number;
  /** Minimum samples in a leaf (default 1). */
  minSamplesLeaf?: number;
  /** Minimum samples to split a node (default 2). */
  minSamplesSplit?: number;
  /** Features per node: 'sqrt' (default, ⌊√d⌋), 'log2' (⌊log₂ d⌋), 'all', an integer count ≥ 1, or a fraction in (0, 1). */
  maxFeatures?: 'sqrt' | 'log2' | 'all' | number;
  /** Draw a bootstrap sample per tree (default true); false = every tree sees all rows. */
  bootstrap?: boolean;
  /** Bootstrap size: a fraction in (0, 1] of n or a count (default n). */
  maxSamples?: number;
  /** Class weights: 'balanced', 'balancedSubsample' or one weight per class (default none). */
  classWeight?: 'balanced' | 'balancedSubsample' | readonly number[];
  /** Bins per feature, 2 … 255 (default 255). */
  maxBins?: number;
}

/** Options of a prediction: use only the first `nTrees` trees (default all). */
export interface ForestPredictOptions {
  nTrees?: number;
}

/** ⌊√d⌋, ⌊log₂ d⌋, d, a count or a fraction of d, at least 1 (sklearn's `max_features`). */
export function resolveMaxFeatures(value: RandomForestOptions['maxFeatures'], d: number): number {
  const v = value ?? 'sqrt';
  if (v === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(d)));
  if (v === 'log2') return Math.max(1, Math.floor(Math.log2(d)));
  if (v === 'all') return d;
  if (Number.isInteger(v) && v >= 1) return Math.min(d, v);
  if (v > 0 && v < 1) return Math.max(1, Math.floor(v * d));
  throw new RangeError(`RandomForestClassifier: maxFeatures must be 'sqrt', 'log2', 'all', an integer ≥ 1 or a fraction in (0, 1), got ${v}`);
}

/** 'balanced' class weights n / (K·n_k) from the per-row multiplicities `counts` (1 each when absent). */
export function balancedClassWeights(labels: Int32Array, nClasses: number, counts?: Int32Array): Float64Array {
  const perClass = new Float64Array(nClasses);
  let n = 0;
  // a typed loop, not an arquero group-by: it runs in every fit (per tree with 'balancedSubsample')
  for (let i = 0; i < labels.length; i++) {
    const c = counts ? counts[i] : 1;
    perClass[labels[i]] += c;
    n += c;
  }
  const present = perClass.filter((v) => v > 0).length; // sklearn divides by the number of classes present
  return perClass.map((v) => (v > 0 ? n / (present * v) : 0));
}

/** Random forest classifier; see the file header. */
export class RandomForestClassifier {
  /** Fitted trees. */
  trees: Tree[] = [];
  /** Number of classes K. */
  nClasses = 0;
  private mapper: BinMapper | null = null;
  private importances: Float64Array | null = null;

  constructor(readonly options: RandomForestOptions) {}

  /** Fits on X (n × d), labels y ∈ {0 … K−1} and optional sample weights; returns this. */
  fit(X: FeatureMatrix, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const fn = 'RandomForestClassifier.fit';
    const o = this.options;
    if (!o.rng) throw new RangeError(`${fn}: options.rng (a seeded Random) is required`);
    const shape = matrixShape(fn, X);
    const n = shape.nRows, d = shape.nFeatures;
    const { labels, nClasses } = checkClassLabels(fn, y, n);
    const sw = checkSampleWeight(fn, sampleWeight, n);
    const nTrees = o.nTrees ?? 100;
    checkInt(fn, 'nTrees', nTrees, 1);
    const params: ForestTreeParams = {
      nClasses, criterion: o.criterion ?? 'gini', maxDepth: o.maxDepth ?? Infinity, minSamplesLeaf: o.minSamplesLeaf ?? 1,
      minSamplesSplit: o.minSamplesSplit ?? 2, maxFeatures: resolveMaxFeatures(o.maxFeatures, d),
    };
    if (params.criterion !== 'gini' && params.criterion !== 'entropy') throw new RangeError(`${fn}: criterion must be 'gini' or 'entropy'`);
    if (params.maxDepth !== Infinity) checkInt(fn, 'maxDepth', params.maxDepth, 1);
    checkInt(fn, 'minSamplesLeaf', params.minSamplesLeaf, 1);
    checkInt(fn, 'minSamplesSplit', params.minSamplesSplit, 2);
    const nBoot = o.maxSamples === undefined ? n : o.maxSamples <= 1 ? Math.max(1, Math.round(o.maxSamples * n)) : o.maxSamples;
    checkRange(fn, 'maxSamples', nBoot, 1, Infinity);
    const classWeight = this.fixedClassWeights(fn, labels, nClasses);
    this.mapper = BinMapper.fit(X, { maxBins: o.maxBins, rng: o.rng.fork('binning') });
    const binned = rowMajorBins(this.mapper.transform(X));
    const ws = new ForestWorkspace(n, d, nClasses);
    const counts = new Int32Array(n), weights = new Float64Array(n), rows = new Int32Array(n);
    const importances = new Float64Array(d);
    this.trees = [];
    for (let t = 0; t < nTrees; t++) {
      const rng = o.rng.fork(`tree ${t}`);
      if (o.bootstrap ?? true) {
        counts.fill(0);
        for (let s = 0; s < nBoot; s++) counts[rng.integer(0, n)]++;
      } else counts.fill(1);
      const cw = o.classWeight === 'balancedSubsample' ? balancedClassWeights(labels, nClasses, counts) : classWeight;
      let m = 0;
      for (let i = 0; i < n; i++) {
        weights[i] = counts[i] * sw[i] * (cw ? cw[labels[i]] : 1);
        if (weights[i] > 0) rows[m++] = i;
      }
      if (m === 0) throw new RangeError(`${fn}: tree ${t} has no sample with positive weight`);
      const tree = growForestTree(binned, this.mapper, labels, weights, rows.subarray(0, m), params, rng, ws);
      this.trees.push(tree);
      const perTree = new Float64Array(d);
      accumulateGains(tree, perTree);
      normalise(perTree).forEach((v, j) => (importances[j] += v));
    }
    this.nClasses = nClasses;
    this.importances = normalise(importances);
    return this;
  }

  /** Mean decrease in impurity per feature, per tree normalised then averaged (sklearn's feature_importances_), length d. */
  get featureImportances(): Float64Array {
    if (!this.importances) throw new Error('RandomForestClassifier: not fitted; call fit() first');
    return this.importances;
  }

  /** Class probabilities (row-major n × K) averaged over each of the first `stages` trees (default every count 1 … nTrees). */
  stagedPredictProba(X: FeatureMatrix, stages?: readonly number[]): Float64Array[] {
    const fn = 'RandomForestClassifier.stagedPredictProba';
    if (!this.mapper) throw new Error(`${fn}: not fitted; call fit() first`);
    const shape = matrixShape(fn, X);
    checkFeatureCount(fn, shape, this.mapper.nFeatures);
    const list = checkStages(fn, stages, this.trees.length);
    const K = this.nClasses;
    const sums = stagedTreeSums(X, shape, this.trees, { nOutputs: K, treesPerStage: 1, offsetOf: () => 0, init: new Float64Array(K) }, list);
    return sums.map((s, i) => s.map((v) => v / list[i]));
  }

  /** Class probabilities (row-major n × K) of the first `nTrees` trees (default all). */
  predictProba(X: FeatureMatrix, options: ForestPredictOptions = {}): Float64Array {
    return this.stagedPredictProba(X, [options.nTrees ?? this.trees.length])[0];
  }

  /** P(class 1), length n, of a binary forest. */
  predictPositiveProba(X: FeatureMatrix, options: ForestPredictOptions = {}): Float64Array {
    return this.column1(this.predictProba(X, options));
  }

  /** P(class 1) for each of the first `stages` tree counts, binary only (for AUC against the number of trees). */
  stagedPositiveProba(X: FeatureMatrix, stages?: readonly number[]): Float64Array[] {
    return this.stagedPredictProba(X, stages).map((p) => this.column1(p));
  }

  /** Most probable class of each sample (ties → lowest label). */
  predict(X: FeatureMatrix, options: ForestPredictOptions = {}): Int32Array {
    return argmaxRows(this.predictProba(X, options), this.nClasses);
  }

  private column1(proba: Float64Array): Float64Array {
    if (this.nClasses !== 2) throw new Error(`RandomForestClassifier: the model has ${this.nClasses} classes; use predictProba`);
    const out = new Float64Array(proba.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = proba[2 * i + 1];
    return out;
  }

  private fixedClassWeights(fn: string, labels: Int32Array, nClasses: number): Float64Array | null {
    const cw = this.options.classWeight;
    if (cw === undefined || cw === 'balancedSubsample') return null;
    if (cw === 'balanced') return balancedClassWeights(labels, nClasses);
    if (Array.isArray(cw) && cw.length === nClasses && cw.every((v) => v >= 0 && Number.isFinite(v))) return Float64Array.from(cw);
    throw new RangeError(`${fn}: classWeight must be 'balanced', 'balancedSubsample' or ${nClasses} finite weights ≥ 0`);
  }
}
