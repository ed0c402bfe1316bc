/**
 * Gradient boosting against scikit-learn 1.2 HistGradientBoosting on the fixtures of
 * tests/trees/make_fixtures.py (same data, same defaults, early stopping off). With fewer than
 * 200 000 rows (no binning subsample) the algorithm is sklearn's step for step — same bin edges,
 * float32 gradients, gain, scan order and tie rule — so the test-set probabilities are compared value
 * by value (|Δp| ≤ 1e-9; they agree to ~1e-15 here). The summary scores are also held to the
 * tolerances a different but equivalent implementation would need: AUC within 0.01, accuracy within
 * 0.015 (1000 test rows), R² within 0.02.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GradientBoostingClassifier, GradientBoostingRegressor } from '../../lib/trees';
import { accuracy, r2Score, rocAuc } from '../../lib/metrics';
import { Random } from '../../lib/random';
import { assertAllClose, assertClose } from '../helpers';
import { loadDataset, reference } from './fixtures';

const ref = reference().datasets;
const AUC_TOL = 0.01;
const ACC_TOL = 0.015;
const SAME = { rtol: 0, atol: 1e-9 };

test('binary classification: AUC and accuracy as sklearn (defaults, and depth 3 / lr 0.05 / 200 iterations)', () => {
  const ds = loadDataset('classification');
  const m = new GradientBoostingClassifier({ rng: new Random(1) }).fit(ds.train.X, ds.train.y);
  assertAllClose(m.predictPositiveProba(ds.test.X), ref.classification.hgb.proba!, { ...SAME, label: 'P(1)' });
  assertClose(rocAuc(ds.test.y, m.predictPositiveProba(ds.test.X)), ref.classification.hgb.auc!, { atol: AUC_TOL });
  assertClose(accuracy(ds.test.y, m.predict(ds.test.X)), ref.classification.hgb.accuracy!, { atol: ACC_TOL });
  const shallow = new GradientBoostingClassifier({ rng: new Random(1), maxDepth: 3, learningRate: 0.05, nIterations: 200 }).fit(ds.train.X, ds.train.y);
  assertClose(rocAuc(ds.test.y, shallow.predictPositiveProba(ds.test.X)), ref.classification.hgb_depth3_lr05.auc!, { atol: AUC_TOL });
  assert.ok(shallow.ensemble.trees.every((t) => t.depth <= 3));
  // the loss decreases on the training set; importances sum to 1
  assert.ok(m.trainLoss[100] < m.trainLoss[50] && m.trainLoss[50] < m.trainLoss[0]);
  assertClose(m.featureImportances.reduce((a, b) => a + b, 0), 1);
});

test('missing values (10% NaN) as sklearn', () => {
  const ds = loadDataset('missing');
  const m = new GradientBoostingClassifier({ rng: new Random(1) }).fit(ds.train.X, ds.train.y);
  assertAllClose(m.predictPositiveProba(ds.test.X), ref.missing.hgb.proba!, { ...SAME, label: 'P(1)' });
  assertClose(rocAuc(ds.test.y, m.predictPositiveProba(ds.test.X)), ref.missing.hgb.auc!, { atol: AUC_TOL });
  assertClose(accuracy(ds.test.y, m.predict(ds.test.X)), ref.missing.hgb.accuracy!, { atol: ACC_TOL });
});

test('imbalanced classes with balancing sample weights as sklearn (AUC within 0.02: 50 positive test rows)', () => {
  const ds = loadDataset('imbalanced');
  const y = ds.train.y;
  const nPos = y.reduce((a, b) => a + b, 0);
  const w = Float64Array.from(y, (v) => (v === 1 ? y.length / (2 * nPos) : y.length / (2 * (y.length - nPos))));
  const m = new GradientBoostingClassifier({ rng: new Random(1) }).fit(ds.train.X, y, w);
  assertAllClose(m.predictPositiveProba(ds.test.X), ref.imbalanced.hgb_weighted.proba!, { ...SAME, label: 'P(1)' });
  assertClose(rocAuc(ds.test.y, m.predictPositiveProba(ds.test.X)), ref.imbalanced.hgb_weighted.auc!, { atol: 0.02 });
});

test('three classes (softmax): accuracy as sklearn; probabilities sum to 1', () => {
  const ds = loadDataset('multiclass');
  const m = new GradientBoostingClassifier({ rng: new Random(1) }).fit(ds.train.X, ds.train.y);
  assert.equal(m.nClasses, 3);
  assert.equal(m.ensemble.trees.length, 300);
  assertClose(accuracy(ds.test.y, m.predict(ds.test.X)), ref.multiclass.hgb.accuracy!, { atol: 0.02 });
  const p = m.predictProba(ds.test.X);
  assertAllClose(p, ref.multiclass.hgb.proba!, { ...SAME, label: 'P' });
  for (let i = 0; i < 5; i++) assertClose(p[3 * i] + p[3 * i + 1] + p[3 * i + 2], 1, { rtol: 1e-12 });
  assert.throws(() => m.predictPositiveProba(ds.test.X), /3 classes/);
});

test('regression (squared error): R² as sklearn', () => {
  const ds = loadDataset('regression');
  const m = new GradientBoostingRegressor({ rng: new Random(1) }).fit(ds.train.X, ds.train.y);
  assertAllClose(m.predict(ds.test.X), ref.regression.hgb.predict!, { rtol: 1e-12, atol: 1e-9, label: 'ŷ' });
  assertClose(r2Score(ds.test.y, m.predict(ds.test.X)), ref.regression.hgb.r2!, { atol: 0.02 });
  const [s10] = m.stagedPredict(ds.test.X, [10]);
  assertAllClose(s10, m.predict(ds.test.X, { nTrees: 10 }), { rtol: 0, atol: 0 });
});

test('staged probabilities equal predictions with nTrees, in one pass', () => {
  const ds = loadDataset('classification');
  const m = new GradientBoostingClassifier({ rng: new Random(2), nIterations: 30 }).fit(ds.train.X, ds.train.y);
  const stages = [1, 5, 30];
  const staged = m.stagedPositiveProba(ds.test.X, stages);
  stages.forEach((s, k) => assertAllClose(staged[k], m.predictPositiveProba(ds.test.X, { nTrees: s }), { rtol: 0, atol: 0 }));
  const all = m.stagedPredictProba(ds.test.X);
  assert.equal(all.length, 30);
  assert.equal(all[0].length, 2 * ds.test.y.length);
  assert.throws(() => m.stagedPositiveProba(ds.test.X, [5, 5]), /strictly increasing/);
  assert.throws(() => m.predictProba(ds.test.X, { nTrees: 31 }), /\[1, 30\]/);
});

test('determinism: the same seed gives the same model; column input predicts like row-major', () => {
  const ds = loadDataset('classification');
  const opts = { nIterations: 20, subsample: 0.7 };
  const a = new GradientBoostingClassifier({ ...opts, rng: new Random(9) }).fit(ds.train.X, ds.train.y);
  const b = new GradientBoostingClassifier({ ...opts, rng: new Random(9) }).fit(ds.train.X, ds.train.y);
  const c = new GradientBoostingClassifier({ ...opts, rng: new Random(10) }).fit(ds.train.X, ds.train.y);
  const pa = a.predictPositiveProba(ds.test.X);
  assert.deepEqual(pa, b.predictPositiveProba(ds.test.X));
  assert.notDeepEqual(pa, c.predictPositiveProba(ds.test.X));
  const d = ds.test.X.nFeatures, n = ds.test.y.length;
  const columns = Array.from({ length: d }, (_, j) => Float64Array.from({ length: n }, (_, i) => ds.test.X.data[i * d + j]));
  assert.deepEqual(a.predictPositiveProba({ columns }), pa);
  const nTrain = ds.train.y.length;
  const trainColumns = Array.from({ length: d }, (_, j) => Float64Array.from({ length: nTrain }, (_, i) => ds.train.X.data[i * d + j]));
  const fromColumns = new GradientBoostingClassifier({ ...opts, rng: new Random(9) }).fit({ columns: trainColumns }, ds.train.y);
  assert.deepEqual(fromColumns.predictPositiveProba(ds.test.X), pa);
});

test('early stopping on a validation set stops before nIterations', () => {
  const ds = loadDataset('classification');
  const m = new GradientBoostingClassifier({ rng: new Random(3), nIterations: 1000, learningRate: 0.3, earlyStopping: { validationFraction: 0.2, patience: 5 } });
  m.fit(ds.train.X, ds.train.y);
  assert.ok(m.nIterations < 1000);
  assert.equal(m.validationLoss.length, m.nIterations + 1);
  const v = m.validationLoss;
  assert.ok(Math.min(...v.slice(-5)) >= v[v.length - 6] - 1e-7, 'no improvement over the last 5');
  const explicit = new GradientBoostingClassifier({ rng: new Random(3), nIterations: 1000, learningRate: 0.3, earlyStopping: { validation: { X: ds.test.X, y: ds.test.y } } });
  assert.ok(explicit.fit(ds.train.X, ds.train.y).nIterations < 1000);
});

test('errors: NaN or non-integer labels, wrong shapes, unfitted model, bad options', () => {
  const X = { data: Float64Array.of(1, 2, 3, 4, 5, 6), nFeatures: 2 };
  const rng = new Random(1);
  assert.throws(() => new GradientBoostingClassifier({ rng }).fit(X, [0, NaN, 1]), /y\[1\] is NaN/);
  assert.throws(() => new GradientBoostingClassifier({ rng }).fit(X, [0, 0.5, 1]), /integers/);
  assert.throws(() => new GradientBoostingClassifier({ rng }).fit(X, [0, 1]), /length 2 but X has 3 rows/);
  assert.throws(() => new GradientBoostingClassifier({ rng }).fit(X, [1, 1, 1]), /single class/);
  assert.throws(() => new GradientBoostingClassifier({ rng }).fit({ data: Float64Array.of(1, 2, 3), nFeatures: 2 }, [0, 1]), /multiple of nFeatures/);
  assert.throws(() => new GradientBoostingRegressor({ rng }).fit(X, [0, Infinity, 1]), /finite/);
  assert.throws(() => new GradientBoostingClassifier({ rng }).fit(X, [0, 1, 0], [1, -1, 1]), /sampleWeight\[1\]/);
  assert.throws(() => new GradientBoostingClassifier({ rng, learningRate: 0 }).fit(X, [0, 1, 0]), /learningRate/);
  assert.throws(() => new GradientBoostingClassifier({ rng }).predictProba(X), /not fitted/);
  const m = new GradientBoostingClassifier({ rng, nIterations: 2, minSamplesLeaf: 1 }).fit(X, [0, 1, 0]);
  assert.throws(() => m.predictProba({ data: Float64Array.of(1, 2, 3), nFeatures: 3 }), /3 features/);
});
