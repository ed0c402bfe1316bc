/**
 * Random forest against scikit-learn 1.2 RandomForestClassifier (100 trees, n_jobs=1) on the fixtures of
 * tests/trees/make_fixtures.py. Tolerances on the test set: AUC within 0.01 (0.02 for the imbalanced
 * set: 50 positive test rows), accuracy within 0.015; the three most important features are the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balancedClassWeights, RandomForestClassifier, resolveMaxFeatures } from '../../lib/trees';
import { accuracy, rocAuc } from '../../lib/metrics';
import { Random } from '../../lib/random';
import { assertAllClose, assertClose } from '../helpers';
import { loadDataset, reference } from './fixtures';

const ref = reference().datasets;
const top3 = (v: Float64Array) => Array.from(v, (x, j) => [x, j]).sort((a, b) => b[0] - a[0]).slice(0, 3).map((p) => p[1]);

test('gini and entropy forests: AUC, accuracy and top features as sklearn', () => {
  const ds = loadDataset('classification');
  for (const [key, opts] of [['rf', {}], ['rf_entropy', { criterion: 'entropy', minSamplesLeaf: 3 }]] as const) {
    const m = new RandomForestClassifier({ rng: new Random(1), ...opts }).fit(ds.train.X, ds.train.y);
    const sk = ref.classification[key];
    assertClose(rocAuc(ds.test.y, m.predictPositiveProba(ds.test.X)), sk.auc!, { atol: 0.01, label: key });
    assertClose(accuracy(ds.test.y, m.predict(ds.test.X)), sk.accuracy!, { atol: 0.015, label: key });
    assert.deepEqual(new Set(top3(m.featureImportances)), new Set(sk.top_features), key);
  }
});

test("imbalanced classes with classWeight 'balanced' as sklearn", () => {
  const ds = loadDataset('imbalanced');
  const m = new RandomForestClassifier({ rng: new Random(1), classWeight: 'balanced', minSamplesLeaf: 2 }).fit(ds.train.X, ds.train.y);
  const sk = ref.imbalanced.rf_balanced;
  assertClose(rocAuc(ds.test.y, m.predictPositiveProba(ds.test.X)), sk.auc!, { atol: 0.02 });
  assertClose(accuracy(ds.test.y, m.predict(ds.test.X)), sk.accuracy!, { atol: 0.015 });
  assert.deepEqual(top3(m.featureImportances)[0], sk.top_features![0]);
});

test('class weights: balanced = n/(K·n_k); they raise the minority probability', () => {
  assertAllClose(balancedClassWeights(Int32Array.of(0, 0, 0, 1), 2), [4 / 6, 2]);
  assertAllClose(balancedClassWeights(Int32Array.of(0, 0, 0, 1), 2, Int32Array.of(1, 0, 0, 2)), [3 / 2, 3 / 4]);
  const ds = loadDataset('imbalanced');
  const opts = { nTrees: 10, minSamplesLeaf: 5 };
  const plain = new RandomForestClassifier({ rng: new Random(2), ...opts }).fit(ds.train.X, ds.train.y);
  const balanced = new RandomForestClassifier({ rng: new Random(2), ...opts, classWeight: 'balancedSubsample' }).fit(ds.train.X, ds.train.y);
  const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
  assert.ok(mean(balanced.predictPositiveProba(ds.test.X)) > 1.5 * mean(plain.predictPositiveProba(ds.test.X)));
  assert.throws(() => new RandomForestClassifier({ rng: new Random(2), classWeight: [1] }).fit(ds.train.X, ds.train.y), /classWeight/);
});

test('a depth-1 forest without bootstrap on a hand-made set splits at the midpoint', () => {
  const X = { columns: [[1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0]] };
  const m = new RandomForestClassifier({ rng: new Random(1), nTrees: 3, maxDepth: 1, bootstrap: false, maxFeatures: 'all' }).fit(X, [0, 0, 0, 1, 1, 1]);
  for (const t of m.trees) {
    assert.equal(t.feature[0], 0);
    assert.equal(t.threshold[0], 3.5);
    assert.deepEqual(Array.from(t.values.subarray(2 * t.left[0], 2 * t.left[0] + 2)), [1, 0]);
  }
  assert.deepEqual(Array.from(m.predict({ columns: [[0, 3.4, 3.6, 9], [0, 0, 0, 0]] })), [0, 0, 1, 1]);
  assertAllClose(m.featureImportances, [1, 0]);
});

test('staged probabilities equal predictions with nTrees; same seed, same forest', () => {
  const ds = loadDataset('classification');
  const a = new RandomForestClassifier({ rng: new Random(4), nTrees: 8 }).fit(ds.train.X, ds.train.y);
  const b = new RandomForestClassifier({ rng: new Random(4), nTrees: 8 }).fit(ds.train.X, ds.train.y);
  const staged = a.stagedPositiveProba(ds.test.X, [1, 4, 8]);
  assertAllClose(staged[1], a.predictPositiveProba(ds.test.X, { nTrees: 4 }), { rtol: 1e-15, atol: 0 });
  assert.deepEqual(staged[2], b.predictPositiveProba(ds.test.X));
  const p = a.predictProba(ds.test.X);
  assertClose(p[0] + p[1], 1, { rtol: 1e-12 });
  assert.notDeepEqual(staged[2], new RandomForestClassifier({ rng: new Random(5), nTrees: 8 }).fit(ds.train.X, ds.train.y).predictPositiveProba(ds.test.X));
});

test('maxFeatures as sklearn; errors', () => {
  assert.equal(resolveMaxFeatures('sqrt', 30), 5);
  assert.equal(resolveMaxFeatures('log2', 30), 4);
  assert.equal(resolveMaxFeatures(0.5, 30), 15);
  assert.equal(resolveMaxFeatures(7, 30), 7);
  assert.equal(resolveMaxFeatures('all', 30), 30);
  assert.throws(() => resolveMaxFeatures(-1, 30), /maxFeatures/);
  const X = { data: Float64Array.of(1, 2, 3, 4), nFeatures: 1 };
  const rng = new Random(1);
  assert.throws(() => new RandomForestClassifier({ rng }).fit(X, [0, 1, NaN, 0]), /y\[2\] is NaN/);
  assert.throws(() => new RandomForestClassifier({ rng }).fit(X, [0, 1, 1]), /length 3/);
  assert.throws(() => new RandomForestClassifier({ rng, nTrees: 0 }).fit(X, [0, 1, 1, 0]), /nTrees/);
  assert.throws(() => new RandomForestClassifier({ rng }).predictProba(X), /not fitted/);
  const m = new RandomForestClassifier({ rng, nTrees: 2 }).fit(X, [0, 1, 1, 0]);
  assert.throws(() => m.predictProba({ data: Float64Array.of(1, 2), nFeatures: 2 }), /2 features/);
});
