import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracyCeiling, bayesCeiling, bayesCeilingOfGroups } from '../../../lib/newsdm/evaluate/ceiling';
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

test('bayesCeilingOfGroups adds the minority of each group', () => {
  // group a: 2 signal, 1 background → 1 error; group b: 1 signal, 3 background → 1 error; 2 separable
  const labels = [1, 1, 0, 1, 0, 0, 0, 1, 0];
  const groups = ['a', 'a', 'a', 'b', 'b', 'b', 'b', null, null];
  const c = bayesCeilingOfGroups(labels, (i) => groups[i]);
  assert.equal(c.unavoidableErrors, 2);
  assert.equal(c.accuracyCeiling, 1 - 2 / 9);
});

test('accuracyCeiling of a simulated set: single grains and each background class are groups', () => {
  const set = simulateBinarySet(new Random(3), { nSignal: 200, nBackground: 100, size: 12, contamination: 0.1 });
  const groups = new Map<string, number[]>();
  for (let i = 0; i < set.n; i++) {
    const key = set.nGrains[i] === 1 ? 'single' : set.trueClass[i] >= 3 ? String(set.trueClass[i]) : null;
    if (key === null) continue;
    const g = groups.get(key) ?? [0, 0];
    g[set.labels[i]]++;
    groups.set(key, g);
  }
  const errors = [...groups.values()].reduce((s, [b, sg]) => s + Math.min(b, sg), 0);
  const c = accuracyCeiling(set);
  assert.ok(errors > 5, `contamination errors ${errors}`);
  assert.equal(c.unavoidableErrors, errors);
  assert.equal(c.accuracyCeiling, 1 - errors / 300);
  // without contamination and with the two-grain track definition, nothing is indistinguishable
  assert.equal(accuracyCeiling(simulateBinarySet(new Random(3), { nSignal: 100, nBackground: 50, size: 12, contamination: 0 })).accuracyCeiling, 1);
  // without the cuts, one-grain C-ion clusters meet the fog grains of the background
  const raw = simulateBinarySet(new Random(3), { nSignal: 200, nBackground: 100, size: 12, contamination: 0, cuts: false });
  assert.ok(accuracyCeiling(raw).accuracyCeiling < 0.97);
});
