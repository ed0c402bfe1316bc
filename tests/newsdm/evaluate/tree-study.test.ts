import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { aucVsTrees, subsetRows, type FeatureSet } from '../../../lib/newsdm/evaluate/tree-study';

/** Two Gaussian classes in 4 features, separated in the first two. */
function blobs(n: number, rng: Random): FeatureSet {
  const X = new Float64Array(n * 4);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    for (let j = 0; j < 4; j++) X[i * 4 + j] = rng.normal(j < 2 && y[i] ? 0.8 : 0, 1);
  }
  return { X, nFeatures: 4, y };
}

test('subsetRows copies the chosen rows', () => {
  const set = blobs(10, new Random(1));
  const sub = subsetRows(set, [7, 2]);
  assert.deepEqual(Array.from(sub.X.subarray(0, 4)), Array.from(set.X.subarray(28, 32)));
  assert.equal(sub.y[1], set.y[2]);
});

test('AUC against trees: one curve per model with a spread over runs; more trees do not hurt a forest', () => {
  const rng = new Random(2);
  const [train, test] = [blobs(400, rng), blobs(400, rng)];
  for (const model of ['bdt', 'rf'] as const) {
    const c = aucVsTrees(train, test, { model, treeCounts: [1, 5, 25], runs: 3, rng: new Random(3) });
    assert.equal(c.aucs.length, 3);
    assert.deepEqual(c.treeCounts, [1, 5, 25]);
    assert.ok(c.mean.every((m) => m > 0.6 && m <= 1), `${model} ${c.mean}`);
    assert.ok(c.sd.some((s) => s > 0), `${model}: runs differ`);
    // the best possible AUC here is Φ(0.8) ≈ 0.79 (two features shifted by 0.8σ)
    assert.ok(c.mean[2] > 0.7, `${model} ${c.mean[2]}`);
    if (model === 'rf') assert.ok(c.mean[2] >= c.mean[0]);
  }
});
