import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BinMapper } from '../../lib/trees';
import { growTree, GrowerWorkspace } from '../../lib/trees/gbdt-grower';
import { assertClose } from '../helpers';

const X = { data: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), nFeatures: 1 };
const mapper = BinMapper.fit(X);
const binned = mapper.transform(X);
// log-loss at raw score 0 for labels 0,0,0,0,1,1,1,1: g = p − y = ±0.5, h = 0.25
const g = Float32Array.of(0.5, 0.5, 0.5, 0.5, -0.5, -0.5, -0.5, -0.5);
const h = new Float32Array(8).fill(0.25);
const base = { maxLeafNodes: 2, maxDepth: Infinity, minSamplesLeaf: 1, minHessian: 1e-3, l2: 0, minGain: 0, shrinkage: 1 };

test('a stump on a hand-made set: threshold 4.5 (midpoint), leaf values −G/(H+λ), gain', () => {
  const rows = Int32Array.from({ length: 8 }, (_, i) => i);
  const { tree, leafRanges, partition } = growTree(binned, mapper, rows, g, h, base, new GrowerWorkspace(8, 1));
  assert.equal(tree.nNodes, 3);
  assert.equal(tree.feature[0], 0);
  assert.equal(tree.threshold[0], 4.5);
  assertClose(tree.gain[0], 4 + 4); // G_L = 2, H_L = 1; G_R = −2, H_R = 1
  assertClose(tree.values[tree.left[0]], -2);
  assertClose(tree.values[tree.right[0]], 2);
  assert.equal(leafRanges.length, 6);
  assert.deepEqual(Array.from(partition), [0, 1, 2, 3, 4, 5, 6, 7]);
  const withL2 = growTree(binned, mapper, rows.slice(), g, h, { ...base, l2: 1, shrinkage: 0.1 }, new GrowerWorkspace(8, 1)).tree;
  assertClose(withL2.values[withL2.left[0]], -0.1); // 0.1 · (−2/(1 + 1))
  assertClose(withL2.gain[0], 2 + 2);
});

test('limits: maxLeafNodes, maxDepth and minSamplesLeaf stop the growth', () => {
  const rows = () => Int32Array.from({ length: 8 }, (_, i) => i);
  const noisy = Float32Array.of(0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5, -0.5);
  const ws = new GrowerWorkspace(8, 1);
  const full = growTree(binned, mapper, rows(), noisy, h, { ...base, maxLeafNodes: Infinity }, ws).tree;
  assert.equal(full.nLeaves, 8);
  assert.equal(growTree(binned, mapper, rows(), noisy, h, { ...base, maxLeafNodes: 3 }, ws).tree.nLeaves, 3);
  assert.ok(growTree(binned, mapper, rows(), noisy, h, { ...base, maxLeafNodes: Infinity, maxDepth: 2 }, ws).tree.depth <= 2);
  const big = growTree(binned, mapper, rows(), noisy, h, { ...base, maxLeafNodes: Infinity, minSamplesLeaf: 3 }, ws).tree;
  assert.ok(big.nLeaves <= 2);
});
