import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStages, stagedTreeSums } from '../../lib/trees/ensemble-predict';
import { TreeBuilder } from '../../lib/trees/tree';

function stump(value: number, threshold: number) {
  const b = new TreeBuilder(1);
  const root = b.addLeaf([0]);
  const left = b.addLeaf([value]);
  const right = b.addLeaf([-value]);
  b.setSplit(root, { feature: 0, threshold, binThreshold: 0, missingLeft: false, left, right, gain: 1 });
  return b.build();
}

test('staged sums after 1, 2, 3 trees, with a starting value', () => {
  const trees = [stump(1, 0), stump(2, 0), stump(4, 10)];
  const X = { data: Float64Array.of(-1, 5), nFeatures: 1 };
  const sums = stagedTreeSums(X, { nRows: 2, nFeatures: 1 }, trees, { nOutputs: 1, treesPerStage: 1, offsetOf: () => 0, init: Float64Array.of(0.5) }, [1, 2, 3]);
  assert.deepEqual(sums.map((s) => Array.from(s)), [[1.5, -0.5], [3.5, -2.5], [7.5, 1.5]]);
  // two outputs, one tree each per stage (as K-class boosting)
  const two = stagedTreeSums(X, { nRows: 2, nFeatures: 1 }, trees.slice(0, 2), { nOutputs: 2, treesPerStage: 2, offsetOf: (t) => t % 2, init: new Float64Array(2) }, [1]);
  assert.deepEqual(Array.from(two[0]), [1, 2, -1, -2]);
});

test('stage lists are checked', () => {
  assert.deepEqual(checkStages('f', undefined, 3), [1, 2, 3]);
  assert.throws(() => checkStages('f', [0], 3), /\[1, 3\]/);
  assert.throws(() => checkStages('f', [2, 1], 3), /strictly increasing/);
  assert.throws(() => checkStages('f', [1.5], 3), /integer/);
});
