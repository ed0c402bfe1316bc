/**
 * Gradient-boosted decision trees (BDT) on histogram trees: a classifier (binary log-loss, or
 * softmax for K > 2 classes) and a regressor (squared error), with scikit-learn's
 * HistGradientBoosting defaults and behaviour (see `boosting.ts` for the loop and its options).
 *
 *     const bdt = new GradientBoostingClassifier({ nIterations: 200, rng: new Random(1) }).fit(XTrain, yTrain);
 *     const p = bdt.predictPositiveProba(XTest);                       // P(signal), length n
 *     const curve = bdt.stagedPositiveProba(XTest, [10, 50, 100, 200]); // one pass for "AUC vs number of trees"
 *
 * Up to 200 000 training rows (where sklearn bins without subsampling) and without row subsampling or
 * early stopping, the fit is scikit-learn 1.2's step for step — same bin edges, float32 gradients,
 * split scan, gain arithmetic and tie rule — and the test-set probabilities agree with
 * HistGradientBoostingClassifier / Regressor to ~1e-15 (tests/trees/gradient-boosting.test.ts).
 *
 * X is a row-major `{ data, nFeatures }` or a `{ columns }` table (see `matrix.ts`); NaN = missing.
 * Class labels are integers 0 … K−1 (1 = signal for the binary case).
 *
 * Used by the NEWSdm notebook (BDT on 64 physical features, AUC against the number of trees).
 */
import { checkStages, stagedTreeSums } from './ensemble-predict';
import { fitBoosting, type BoostedEnsemble, type BoostingOptions } from './boosting';
import { logLoss, sigmoid, softmaxLoss, squaredError } from './losses';
import { checkClassLabels, checkFeatureCount, checkSampleWeight, checkTargets, matrixShape, type FeatureMatrix } from './matrix';
import { argmaxRows } from '../metrics/classification';

export type { BoostingOptions, EarlyStoppingOptions } from './boosting';

/** Options of a prediction: use only the first `nTrees` boosting iterations (default all). */
export interface PredictOptions {
  nTrees?: number;
}

/** Shared fitted state and raw-score prediction of the classifier and regressor. */
abstract class BoostedModel {
  protected model: BoostedEnsemble | null = null;

  constructor(readonly options: BoostingOptions) {}

  protected fitted(fn: string): BoostedEnsemble {
    if (!this.model) throw new Error(`${fn}: the model is not fitted; call fit() first`);
    return this.model;
  }

  /** Iterations fitted (fewer than options.nIterations after early stopping). */
  get nIterations(): number {
    return this.fitted('nIterations').nIterations;
  }

  /** Training loss before the first iteration (index 0) and after each iteration. */
  get trainLoss(): number[] {
    return this.fitted('trainLoss').trainLoss;
  }

  /** Validation loss, same indexing (empty without early stopping). */
  get validationLoss(): number[] {
    return this.fitted('validationLoss').validationLoss;
  }

  /** Total split gain per feature, normalised to sum 1 (length d). */
  get featureImportances(): Float64Array {
    return this.fitted('featureImportances').featureImportances;
  }

  /** The fitted ensemble (bin mapper, baseline, trees), e.g. to inspect trees. */
  get ensemble(): BoostedEnsemble {
    return this.fitted('ensemble');
  }

  /**
   * Raw scores (log-odds, class scores or regression values) after each of `stages` iterations:
   * one row-major n × K array per entry. Default: every iteration (memory n·K·T·8 bytes).
   */
  stagedRawScores(X: FeatureMatrix, stages?: readonly number[]): Float64Array[] {
    const fn = `${this.constructor.name}.staged`;
    const m = this.fitted(fn);
    const shape = matrixShape(fn, X);
    checkFeatureCount(fn, shape, m.mapper.nFeatures);
    const K = m.baseline.length;
    const list = checkStages(fn, stages, m.nIterations);
    return stagedTreeSums(X, shape, m.trees, { nOutputs: K, treesPerStage: K, offsetOf: (t) => t % K, init: m.baseline }, list);
  }

  /** Raw scores (row-major n × K) of the first `nTrees` iterations (default all). */
  rawScores(X: FeatureMatrix, options: PredictOptions = {}): Float64Array {
    return this.stagedRawScores(X, [options.nTrees ?? this.fitted('rawScores').nIterations])[0];
  }
}

/** Gradient-boosted classifier: binary log-loss for two classes, softmax for more. */
export class GradientBoostingClassifier extends BoostedModel {
  /** Number of classes K (set by fit). */
  nClasses = 0;

  /** Fits on X (n × d), labels y ∈ {0 … K−1} and optional sample weights; returns this. */
  fit(X: FeatureMatrix, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const fn = 'GradientBoostingClassifier.fit';
    const shape = matrixShape(fn, X);
    const { labels, nClasses } = checkClassLabels(fn, y, shape.nRows);
    const w = checkSampleWeight(fn, sampleWeight, shape.nRows);
    const loss = nClasses === 2 ? logLoss : softmaxLoss(nClasses);
    const checkY = (v: ArrayLike<number>, n: number) => {
      const checked = checkClassLabels(`${fn} (validation)`, v, n).labels;
      if (checked.some((l) => l >= nClasses)) throw new RangeError(`${fn}: validation labels exceed the ${nClasses} training classes`);
      return Float64Array.from(checked);
    };
    this.model = fitBoosting(fn, { X, shape, y: Float64Array.from(labels), sampleWeight: w, stratify: labels }, loss, this.options, checkY);
    this.nClasses = nClasses;
    return this;
  }

  /** Class probabilities after each of `stages` iterations: row-major n × K arrays (default every iteration). */
  stagedPredictProba(X: FeatureMatrix, stages?: readonly number[]): Float64Array[] {
    return this.stagedRawScores(X, stages).map((raw) => this.toProba(raw));
  }

  /** Class probabilities (row-major n × K, rows sum to 1) of the first `nTrees` iterations. */
  predictProba(X: FeatureMatrix, options: PredictOptions = {}): Float64Array {
    return this.toProba(this.rawScores(X, options));
  }

  /** P(class 1) (signal probability), length n — binary classifiers only. */
  predictPositiveProba(X: FeatureMatrix, options: PredictOptions = {}): Float64Array {
    this.requireBinary('predictPositiveProba');
    return this.rawScores(X, options).map(sigmoid);
  }

  /** P(class 1) after each of `stages` iterations — binary only; for AUC against the number of trees. */
  stagedPositiveProba(X: FeatureMatrix, stages?: readonly number[]): Float64Array[] {
    this.requireBinary('stagedPositiveProba');
    return this.stagedRawScores(X, stages).map((raw) => raw.map(sigmoid));
  }

  /** Most probable class of each sample (ties → lowest label). */
  predict(X: FeatureMatrix, options: PredictOptions = {}): Int32Array {
    return argmaxRows(this.predictProba(X, options), this.nClasses);
  }

  private requireBinary(fn: string): void {
    this.fitted(fn);
    if (this.nClasses !== 2) throw new Error(`GradientBoostingClassifier.${fn}: the model has ${this.nClasses} classes; use predictProba`);
  }

  private toProba(raw: Float64Array): Float64Array {
    const K = this.nClasses;
    if (K === 2) {
      const out = new Float64Array(raw.length * 2);
      for (let i = 0; i < raw.length; i++) {
        const p = sigmoid(raw[i]);
        out[2 * i] = 1 - p;
        out[2 * i + 1] = p;
      }
      return out;
    }
    const out = new Float64Array(raw.length);
    for (let base = 0; base < raw.length; base += K) {
      let max = -Infinity, s = 0;
      for (let k = 0; k < K; k++) max = Math.max(max, raw[base + k]);
      for (let k = 0; k < K; k++) s += out[base + k] = Math.exp(raw[base + k] - max);
      for (let k = 0; k < K; k++) out[base + k] /= s;
    }
    return out;
  }
}

/** Gradient-boosted regressor (half squared error). */
export class GradientBoostingRegressor extends BoostedModel {
  /** Fits on X (n × d), finite targets y and optional sample weights; returns this. */
  fit(X: FeatureMatrix, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const fn = 'GradientBoostingRegressor.fit';
    const shape = matrixShape(fn, X);
    const targets = checkTargets(fn, y, shape.nRows);
    const w = checkSampleWeight(fn, sampleWeight, shape.nRows);
    this.model = fitBoosting(fn, { X, shape, y: targets, sampleWeight: w }, squaredError, this.options, (v, n) => checkTargets(`${fn} (validation)`, v, n));
    return this;
  }

  /** Predictions (length n) of the first `nTrees` iterations. */
  predict(X: FeatureMatrix, options: PredictOptions = {}): Float64Array {
    return this.rawScores(X, options);
  }

  /** Predictions after each of `stages` iterations (default every iteration). */
  stagedPredict(X: FeatureMatrix, stages?: readonly number[]): Float64Array[] {
    return this.stagedRawScores(X, stages);
  }
}

