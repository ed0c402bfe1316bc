/**
 * Isolation forest against scikit-learn 1.2 IsolationForest (200 trees, ψ = 256) on 1000 Gaussian
 * inliers + 50 uniform outliers in 5 dimensions. c(n) is checked exactly; the trees are random, so
 * the scores are compared in distribution: outlier AUC within 0.01, mean score_samples within 0.01
 * (sklearn's own spread over seeds is ±0.004), Spearman rank correlation with sklearn's scores > 0.95.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averagePathLength, IsolationForest } from '../../lib/trees';
import { sampleWithoutReplacement } from '../../lib/trees/isolation-forest';
import { rocAuc } from '../../lib/metrics';
import { Random } from '../../lib/random';
import { assertAllClose, assertClose } from '../helpers';
import { loadDataset, reference } from './fixtures';

function ranks(v: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[a] - v[b]);
  const r = new Float64Array(v.length);
  idx.forEach((i, k) => (r[i] = k));
  return r;
}

function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ra = ranks(a), rb = ranks(b), mu = (a.length - 1) / 2;
  let sab = 0, saa = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (ra[i] - mu) * (rb[i] - mu);
    saa += (ra[i] - mu) ** 2;
  }
  return sab / saa;
}

test('average path length c(n) is exactly sklearn _average_path_length', () => {
  const ref = reference().average_path_length;
  assertAllClose(ref.n.map(averagePathLength), ref.c, { rtol: 1e-15, atol: 0 });
  assert.equal(averagePathLength(1), 0);
  assert.equal(averagePathLength(2), 1);
});

test('scores as sklearn score_samples in distribution; the paper score is its negative', () => {
  const ds = loadDataset('outliers');
  const sk = reference().datasets.outliers.iforest;
  const m = new IsolationForest({ rng: new Random(1), nTrees: 200 }).fit(ds.all.X);
  assert.equal(m.maxSamples, 256);
  assert.ok(m.trees.every((t) => t.depth <= 8));
  const s = m.scoreSamples(ds.all.X);
  assertClose(rocAuc(ds.all.y, m.anomalyScore(ds.all.X)), sk.auc!, { atol: 0.01 });
  const mean = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0) / v.length;
  assertClose(mean(s), mean(sk.score_samples!), { atol: 0.01 });
  assert.ok(spearman(s, sk.score_samples!) > 0.95);
  assertAllClose(m.anomalyScore(ds.all.X).map((v) => -v), s, { rtol: 0, atol: 0 });
  assertAllClose(m.decisionFunction(ds.all.X), s.map((v) => v + 0.5), { rtol: 1e-15 });
});

test('s = 2^(−E[h]/c(ψ)); a far outlier scores high; same seed, same scores', () => {
  const rng = new Random(4);
  const data = rng.fill(400 * 2, (r) => r.normal());
  const X = { data, nFeatures: 2 };
  const m = new IsolationForest({ rng: new Random(2), nTrees: 50, maxSamples: 128 }).fit(X);
  const probe = { data: Float64Array.of(0, 0, 8, -8), nFeatures: 2 };
  const [hIn, hOut] = m.meanPathLength(probe);
  const [sIn, sOut] = m.anomalyScore(probe);
  assertClose(sOut, 2 ** (-hOut / averagePathLength(128)));
  assert.ok(sOut > 0.65 && sIn < 0.5, `outlier ${sOut}, centre ${sIn}`);
  assert.ok(hOut < hIn);
  assert.deepEqual(Array.from(m.predict(probe)), [0, 1]);
  const again = new IsolationForest({ rng: new Random(2), nTrees: 50, maxSamples: 128 }).fit(X);
  assert.deepEqual(again.anomalyScore(X), m.anomalyScore(X));
});

test('contamination sets the offset at that percentile of the training scores; errors', () => {
  const rng = new Random(5);
  const X = { data: rng.fill(500 * 3, (r) => r.normal()), nFeatures: 3 };
  const m = new IsolationForest({ rng: new Random(1), nTrees: 30, contamination: 0.1 }).fit(X);
  const flagged = m.predict(X).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(flagged - 50) <= 1, `${flagged} flagged`);
  assert.throws(() => new IsolationForest({ rng: new Random(1), contamination: 0.7 }).fit(X), /contamination/);
  assert.throws(() => new IsolationForest({ rng: new Random(1) }).fit({ data: Float64Array.of(1, NaN), nFeatures: 1 }), /finite/);
  assert.throws(() => new IsolationForest({ rng: new Random(1), maxSamples: 10_000 }).fit(X), /maxSamples/);
  assert.throws(() => new IsolationForest({ rng: new Random(1) }).anomalyScore(X), /not fitted/);
  assert.throws(() => m.anomalyScore({ data: Float64Array.of(1, 2), nFeatures: 2 }), /3/);
});

test('subsamples without replacement: k distinct indices in [0, n), deterministic', () => {
  for (const [n, k] of [[1_000_000, 256], [300, 256], [10, 10]]) {
    const a = sampleWithoutReplacement(new Random(7), n, k);
    assert.equal(a.length, k);
    assert.equal(new Set(a).size, k);
    assert.ok(a.every((v) => v >= 0 && v < n));
    assert.deepEqual(a, sampleWithoutReplacement(new Random(7), n, k));
  }
});
