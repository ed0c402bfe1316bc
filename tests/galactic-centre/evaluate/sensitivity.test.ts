import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sensitivityCurve } from '../../../lib/galactic-centre/evaluate/sensitivity';

test('sensitivity per step: each step against all no-DM maps', () => {
  const label = [0, 0, 1, 1, 1, 1];
  const step = [1, 2, 1, 1, 2, 2];
  const dm = [0, 0, 10, 10, 20, 20];
  const score = [0.1, 0.6, 0.4, 0.7, 0.9, 0.8];
  const c = sensitivityCurve(score, label, step, dm);
  assert.deepEqual(c.map((p) => p.step), [1, 2]);
  assert.equal(c[0].z, 10);
  assert.equal(c[0].efficiency, 0.5);
  assert.equal(c[1].efficiency, 1);
  assert.equal(c[1].auc, 1);
  assert.equal(c[0].auc, 0.75); // 3 of the 4 (DM, no-DM) pairs are ordered
  assert.equal(c[1].accuracy, 0.75);
});

test('a step with only no-DM maps gives a point with NaN AUC and efficiency, and steps come out sorted', () => {
  const c = sensitivityCurve([0.2, 0.7, 0.9], [0, 0, 1], [3, 1, 1], [0, 0, 50]);
  assert.deepEqual(c.map((p) => p.step), [1, 3]);
  assert.equal(c[0].z, 50);
  assert.equal(c[0].auc, 1);
  assert.equal(c[1].z, 0);
  assert.ok(Number.isNaN(c[1].auc) && Number.isNaN(c[1].efficiency));
  assert.equal(c[1].accuracy, 0.5, 'the two no-DM maps alone: one below 0.5');
});
