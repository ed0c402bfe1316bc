/**
 * The gradient-boosting loop (Friedman 2001, "Greedy function approximation: a gradient boosting
 * machine"; histogram trees and second-order leaf values as LightGBM / XGBoost / scikit-learn's
 * HistGradientBoosting): start from the best constant score, then in each iteration fit one tree
 * per output to the gradients and hessians of the loss at the current scores, scaled by the learning
 * rate, optionally on a random subsample of the rows ("stochastic gradient boosting", Friedman 2002),
 * and stop early when the loss on a validation set has not improved by `tol` over `patience` iterations
 * (sklearn's rule for `scoring="loss"`).
 *
 * Used by `gradient-boosting.ts` (the classifier and regressor classes); NEWSdm BDT notebook.
 */
import type { Random } from '../random';
import { BinMapper, type BinnedMatrix } from './binning';
import { growTree, GrowerWorkspace, type GrowerParams } from './gbdt-grower';
import type { Loss } from './losses';
import { checkInt, checkRange, checkSampleWeight, matrixShape, takeRows, takeValues, type FeatureMatrix, type MatrixShape } from './matrix';
import { accumulateGains, normalise, type Tree } from './tree';

/** Early stopping on a validation set. */
export interface EarlyStoppingOptions {
  /** An explicit validation set; else `validationFraction` of the training rows is held out (stratified for classifiers). */
  validation?: { X: FeatureMatrix; y: ArrayLike<number>; sampleWeight?: ArrayLike<number> };
  /** Fraction held out when no validation set is given (default 0.1, as sklearn). */
  validationFraction?: number;
  /** Stop when none of the last `patience` iterations improved the validation loss by more than `tol` (default 10, sklearn's n_iter_no_change). */
  patience?: number;
  /** Minimum improvement (default 1e-7, as sklearn). */
  tol?: number;
}

/** Hyper-parameters of gradient boosting (defaults are scikit-learn's HistGradientBoosting ones). */
export interface BoostingOptions {
  /** Seeded generator for row subsampling, the binning subsample and the validation split (required). */
  rng: Random;
  /** Number of boosting iterations (sklearn max_iter; default 100). */
  nIterations?: number;
  /** Learning rate (shrinkage) ν in (0, 1] (default 0.1). */
  learningRate?: number;
  /** Maximum leaves per tree (default 31; Infinity for none). */
  maxLeafNodes?: number;
  /** Maximum depth per tree (root = 0; default Infinity). */
  maxDepth?: number;
  /** Minimum samples per leaf (default 20). */
  minSamplesLeaf?: number;
  /** L2 penalty λ on leaf values (default 0). */
  l2Regularization?: number;
  /** Bins per feature, 2 … 255 (default 255). */
  maxBins?: number;
  /** Fraction of rows drawn (without replacement) for each iteration, (0, 1] (default 1: all rows). */
  subsample?: number;
  /** Early stopping; absent = fit all iterations (sklearn's default "auto" turns it on above 10 000 rows; we do not). */
  earlyStopping?: EarlyStoppingOptions;
}

/** A fitted boosted ensemble. */
export interface BoostedEnsemble {
  mapper: BinMapper;
  /** Constant starting score of each output. */
  baseline: Float64Array;
  /** Trees, iteration-major: tree of iteration it, output k at `it·K + k`. */
  trees: Tree[];
  /** Iterations fitted (≤ nIterations when stopped early). */
  nIterations: number;
  /** Weighted mean training loss before iteration 1 (index 0) and after each iteration. */
  trainLoss: number[];
  /** Same on the validation set (empty without early stopping). */
  validationLoss: number[];
  /** Total split gain per feature, normalised to sum 1. */
  featureImportances: Float64Array;
}

/** Targets after validation (labels 0 … K−1 or real values) and weights, as the loop consumes them. */
export interface BoostingData {
  X: FeatureMatrix;
  shape: MatrixShape;
  y: Float64Array;
  sampleWeight: Float64Array;
  /** Class labels to stratify the validation split by (classifiers). */
  stratify?: ArrayLike<number>;
}

function growerParams(fn: string, o: BoostingOptions): GrowerParams {
  const p = {
    maxLeafNodes: o.maxLeafNodes ?? 31, maxDepth: o.maxDepth ?? Infinity, minSamplesLeaf: o.minSamplesLeaf ?? 20,
    l2: o.l2Regularization ?? 0, minHessian: 1e-3, minGain: 0, shrinkage: o.learningRate ?? 0.1,
  };
  if (p.maxLeafNodes !== Infinity) checkInt(fn, 'maxLeafNodes', p.maxLeafNodes, 2);
  if (p.maxDepth !== Infinity) checkInt(fn, 'maxDepth', p.maxDepth, 1);
  checkInt(fn, 'minSamplesLeaf', p.minSamplesLeaf, 1);
  checkRange(fn, 'l2Regularization', p.l2, 0, Infinity);
  checkRange(fn, 'learningRate', p.shrinkage, 0, 1, true);
  return p;
}

/** Splits off the validation set (or binds the given one). */
function validationSplit(fn: string, data: BoostingData, es: EarlyStoppingOptions, rng: Random, checkY: (y: ArrayLike<number>, n: number) => Float64Array) {
  if (es.validation) {
    const v = es.validation;
    const shape = matrixShape(fn, v.X);
    return { train: data, valid: { X: v.X, shape, y: checkY(v.y, shape.nRows), sampleWeight: checkSampleWeight(fn, v.sampleWeight, shape.nRows) } };
  }
  const fraction = es.validationFraction ?? 0.1;
  checkRange(fn, 'validationFraction', fraction, 0, 0.5, true);
  const { train, validation } = rng.split(data.shape.nRows, { validation: fraction }, data.stratify);
  const part = (idx: Int32Array): BoostingData => {
    const X = takeRows(data.X, data.shape, idx);
    return { X, shape: { nRows: idx.length, nFeatures: data.shape.nFeatures }, y: takeValues(data.y, idx), sampleWeight: takeValues(data.sampleWeight, idx) };
  };
  return { train: part(train), valid: part(validation) };
}

/** Adds the output of `tree` for every sample of a binned table to raw[offset + i]. */
function addBinnedTree(tree: Tree, binned: BinnedMatrix, raw: Float64Array, offset: number): void {
  for (let i = 0; i < binned.nRows; i++) raw[offset + i] += tree.values[tree.leafOfBinned(binned, i)];
}

/** sklearn's `_should_stop` on losses: no loss among the last `patience` below loss[−patience−1] − tol. */
export function shouldStop(losses: readonly number[], patience: number, tol: number): boolean {
  if (losses.length < patience + 1) return false;
  const reference = losses[losses.length - patience - 1] - tol;
  for (let i = losses.length - patience; i < losses.length; i++) if (losses[i] < reference) return false;
  return true;
}

/** Runs the boosting loop; `checkY` validates targets of a validation set the same way as `data.y`. */
export function fitBoosting(fn: string, data: BoostingData, loss: Loss, options: BoostingOptions, checkY: (y: ArrayLike<number>, n: number) => Float64Array): BoostedEnsemble {
  const { rng } = options;
  if (!rng) throw new RangeError(`${fn}: options.rng (a seeded Random) is required`);
  const nIterations = options.nIterations ?? 100;
  checkInt(fn, 'nIterations', nIterations, 1);
  const subsample = options.subsample ?? 1;
  checkRange(fn, 'subsample', subsample, 0, 1, true);
  const params = growerParams(fn, options);
  const es = options.earlyStopping;
  const { train, valid } = es ? validationSplit(fn, data, es, rng.fork('validation'), checkY) : { train: data, valid: null };
  const mapper = BinMapper.fit(train.X, { maxBins: options.maxBins, rng: rng.fork('binning') });
  const binned = mapper.transform(train.X);
  const binnedValid = valid ? mapper.transform(valid.X) : null;
  const n = train.shape.nRows, K = loss.nOutputs;
  const baseline = loss.baseline(train.y, train.sampleWeight);
  const raw = new Float64Array(K * n), g = new Float32Array(K * n), h = new Float32Array(K * n); // float32 g, h as sklearn
  for (let k = 0; k < K; k++) raw.fill(baseline[k], k * n, (k + 1) * n);
  const rawValid = valid ? new Float64Array(K * valid.shape.nRows) : null;
  if (valid && rawValid) for (let k = 0; k < K; k++) rawValid.fill(baseline[k], k * valid.shape.nRows, (k + 1) * valid.shape.nRows);
  const trainLoss = [loss.value(train.y, raw, train.sampleWeight)];
  const validationLoss = valid && rawValid ? [loss.value(valid.y, rawValid, valid.sampleWeight)] : [];
  const ws = new GrowerWorkspace(n, train.shape.nFeatures);
  const rowRng = rng.fork('rows');
  const nSub = Math.max(1, Math.round(subsample * n));
  const trees: Tree[] = [];
  let it = 0;
  while (it < nIterations) {
    loss.gradHess(train.y, raw, train.sampleWeight, g, h);
    for (let k = 0; k < K; k++) {
      const rows = nSub < n ? rowRng.sampleIndices(n, nSub).sort() : identity(n);
      const { tree, partition, leafRanges } = growTree(binned, mapper, rows, g.subarray(k * n, (k + 1) * n), h.subarray(k * n, (k + 1) * n), params, ws);
      trees.push(tree);
      if (nSub < n) addBinnedTree(tree, binned, raw, k * n);
      else for (let l = 0; l < leafRanges.length; l += 3) {
        const v = tree.values[leafRanges[l]];
        for (let j = leafRanges[l + 1]; j < leafRanges[l + 2]; j++) raw[k * n + partition[j]] += v;
      }
      if (binnedValid && rawValid) addBinnedTree(tree, binnedValid, rawValid, k * binnedValid.nRows);
    }
    it++;
    trainLoss.push(loss.value(train.y, raw, train.sampleWeight));
    if (valid && rawValid && es) {
      validationLoss.push(loss.value(valid.y, rawValid, valid.sampleWeight));
      if (shouldStop(validationLoss, es.patience ?? 10, es.tol ?? 1e-7)) break;
    }
  }
  const featureImportances = new Float64Array(train.shape.nFeatures);
  for (const t of trees) accumulateGains(t, featureImportances);
  return { mapper, baseline, trees, nIterations: it, trainLoss, validationLoss, featureImportances: normalise(featureImportances) };
}

function identity(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}
