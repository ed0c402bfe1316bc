/**
 * Loads the scikit-learn reference data of `data/fixtures/trees/` (written by
 * `tests/trees/make_fixtures.py`): the seeded data sets as train / test splits and `sklearn.json`.
 */
import * as fs from 'node:fs';
import { parseNpy } from '../../lib/io/npy';
import { dataPath } from '../../lib/paths';
import type { RowMajorMatrix } from '../../lib/trees';

/** A data set split into its training rows (the first n_train) and test rows. */
export interface Dataset {
  train: { X: RowMajorMatrix; y: Float64Array };
  test: { X: RowMajorMatrix; y: Float64Array };
  all: { X: RowMajorMatrix; y: Float64Array };
}

/** Scores of one sklearn model on a test set. */
export interface SklearnScores {
  accuracy?: number;
  auc?: number;
  r2?: number;
  top_features?: number[];
  score_samples?: number[];
  /** HistGradientBoosting test-set probabilities: P(class 1) for binary, row-major n × K otherwise. */
  proba?: number[];
  /** HistGradientBoostingRegressor test-set predictions. */
  predict?: number[];
  offset?: number;
}

/** The parsed `sklearn.json`. */
export interface SklearnReference {
  sklearn: string;
  datasets: Record<string, { n_train: number } & Record<string, SklearnScores>>;
  binning: { columns: (number | null)[][]; edges: number[][]; binned: number[][] };
  average_path_length: { n: number[]; c: number[] };
  log_loss: { y: number[]; raw: number[]; gradient: number[]; hessian: number[]; loss: number[] };
}

let cached: SklearnReference | null = null;

/** sklearn's reference values. */
export function reference(): SklearnReference {
  cached ??= JSON.parse(fs.readFileSync(dataPath('fixtures', 'trees', 'sklearn.json'), 'utf8')) as SklearnReference;
  return cached;
}

function npy(file: string) {
  return parseNpy(fs.readFileSync(dataPath('fixtures', 'trees', file)), file);
}

/** The data set `name` (classification, missing, imbalanced, multiclass, regression, outliers). */
export function loadDataset(name: string): Dataset {
  const x = npy(`${name}_X.npy`);
  const y = npy(`${name}_y.npy`).data as Float64Array;
  const data = x.data as Float32Array;
  const d = x.shape[1];
  const nTrain = reference().datasets[name].n_train;
  return {
    train: { X: { data: data.subarray(0, nTrain * d), nFeatures: d }, y: y.subarray(0, nTrain) },
    test: { X: { data: data.subarray(nTrain * d), nFeatures: d }, y: y.subarray(nTrain) },
    all: { X: { data, nFeatures: d }, y },
  };
}
