import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accumulateGains, normalise, TreeBuilder } from '../../lib/trees/tree';

/** root: x0 ≤ 1 (NaN right) → leaf A (value 10) | node: x1 ≤ 5 (NaN left) → leaf B (20) | leaf C (30). */
function smallTree() {
  const b = new TreeBuilder(1, 2); // capacity 2: adding five nodes exercises growth
  const root = b.addLeaf([0]);
  const a = b.addLeaf([10]);
  const inner = b.addLeaf([0]);
  b.setSplit(root, { feature: 0, threshold: 1, binThreshold: 3, missingLeft: false, left: a, right: inner, gain: 2 });
  const leafB = b.addLeaf([20]);
  const leafC = b.addLeaf([30]);
  b.setSplit(inner, { feature: 1, threshold: 5, binThreshold: 7, missingLeft: true, left: leafB, right: leafC, gain: 1 });
  return b.build();
}

test('raw and binned traversal, missing values, depth and leaves', () => {
  const t = smallTree();
  assert.equal(t.nNodes, 5);
  assert.equal(t.nLeaves, 3);
  assert.equal(t.depth, 2);
  const rows = Float64Array.of(1, 100, 2, 5, 2, 6, NaN, NaN, 3, NaN);
  const values = [0, 1, 2, 3, 4].map((i) => t.values[t.leafOf(rows, i, 2)]);
  assert.deepEqual(values, [10, 20, 30, 20, 20]);
  const bins = Uint8Array.of(3, 4, 4, 255, /* feature 1: */ 0, 7, 8, 255);
  const binnedValues = [0, 1, 2, 3].map((i) => t.values[t.leafOfBinned({ bins, nRows: 4, nFeatures: 2 }, i)]);
  assert.deepEqual(binnedValues, [10, 20, 30, 20]);
});

test('gains add up per feature and normalise to 1', () => {
  const imp = new Float64Array(2);
  accumulateGains(smallTree(), imp);
  assert.deepEqual(Array.from(imp), [2, 1]);
  assert.deepEqual(Array.from(normalise(imp)), [2 / 3, 1 / 3]);
  assert.deepEqual(Array.from(normalise(new Float64Array(2))), [0, 0]);
});

test('children must be consecutive (prediction reads the right child as left + 1)', () => {
  const b = new TreeBuilder(1);
  const root = b.addLeaf([0]);
  const a = b.addLeaf([1]);
  b.addLeaf([2]);
  const c = b.addLeaf([3]);
  assert.throws(() => b.setSplit(root, { feature: 0, threshold: 0, binThreshold: 0, missingLeft: false, left: a, right: c, gain: 0 }), /consecutive/);
});
