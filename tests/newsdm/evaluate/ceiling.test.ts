import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracyCeiling, bayesCeiling } from '../../../lib/newsdm/evaluate/ceiling';
import { simulateBinarySet } from '../../../lib/newsdm/data/datasets';
import { Random } from '../../../lib/random';

test('bayesCeiling on a tiny analytic case: 3 signal and 5 background alike among 18 → 1 − 3/18', () => {
  // clusters 0..7 are indistinguishable: 3 signal (0, 1, 2) and 5 background (3..7); 8..17 separable
  const labels = [1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
  const c = bayesCeiling(labels, (i) => i < 8);
  assert.equal(c.accuracyCeiling, 1 - 3 / 18);
  assert.equal(c.indistinguishableSignal, 3);
  assert.equal(c.indistinguishableBackground, 5);
  assert.equal(c.indistinguishableSignalFraction, 3 / 8);
});

test('bayesCeiling: nothing alike → 1; all alike and balanced → 0.5; bad labels are named', () => {
  assert.equal(bayesCeiling([1, 0, 1, 0], () => false).accuracyCeiling, 1);
  assert.equal(bayesCeiling([1, 0, 1, 0], () => true).accuracyCeiling, 0.5);
  assert.throws(() => bayesCeiling([1, 2], () => true), /label 2 of cluster 1/);
});

test('accuracyCeiling of a simulated set counts its single-grain clusters', () => {
  const set = simulateBinarySet(new Random(3), { nSignal: 200, nBackground: 100, size: 12 });
  let single = [0, 0];
  for (let i = 0; i < set.n; i++) if (set.nGrains[i] === 1) single[set.labels[i]]++;
  single = [single[0], single[1]];
  const c = accuracyCeiling(set);
  assert.equal(c.indistinguishableBackground, single[0]);
  assert.equal(c.indistinguishableSignal, single[1]);
  assert.equal(c.accuracyCeiling, 1 - Math.min(single[0], single[1]) / 300);
  assert.ok(c.accuracyCeiling < 1 && c.accuracyCeiling > 0.5);
});
