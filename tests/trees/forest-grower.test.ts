import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BinMapper } from '../../lib/trees';
import { ForestWorkspace, growForestTree, impurity, rowMajorBins } from '../../lib/trees/forest-grower';
import { Random } from '../../lib/random';
import { assertClose } from '../helpers';

test('Gini and entropy impurities of class weights', () => {
  const c = Float64Array.of(1, 3);
  assertClose(impurity(c, 0, 2, 4, 'gini'), 1 - (1 / 16 + 9 / 16));
  assertClose(impurity(c, 0, 2, 4, 'entropy'), -(0.25 * Math.log2(0.25) + 0.75 * Math.log2(0.75)));
  assert.equal(impurity(Float64Array.of(0, 5), 0, 2, 5, 'entropy'), 0);
});

test('a weighted stump: the split maximises the impurity decrease; leaves hold weighted class fractions', () => {
  // x: 1 … 6; labels 0 0 1 0 1 1; weights make sample 3 (label 0, x = 4) nearly irrelevant
  const X = { data: Float64Array.of(1, 2, 3, 4, 5, 6), nFeatures: 1 };
  const mapper = BinMapper.fit(X);
  const binned = rowMajorBins(mapper.transform(X));
  const labels = Int32Array.of(0, 0, 1, 0, 1, 1);
  const weights = Float64Array.of(1, 1, 1, 1e-6, 1, 1);
  const rows = Int32Array.of(0, 1, 2, 3, 4, 5);
  const params = { nClasses: 2, criterion: 'gini' as const, maxDepth: 1, minSamplesLeaf: 1, minSamplesSplit: 2, maxFeatures: 1 };
  const tree = growForestTree(binned, mapper, labels, weights, rows, params, new Random(1), new ForestWorkspace(6, 1, 2));
  assert.equal(tree.threshold[0], 2.5);
  const right = tree.right[0];
  assertClose(tree.values[2 * right + 1], 3 / (3 + 1e-6));
  // impurity decrease: I_root − (W_L/W)·0 − (W_R/W)·I_R, with W = 5 + 1e-6
  const W = 5 + 1e-6, wR = 3 + 1e-6;
  const iRoot = 1 - ((2 + 1e-6) / W) ** 2 - (3 / W) ** 2;
  const iR = 1 - (1e-6 / wR) ** 2 - (3 / wR) ** 2;
  assertClose(tree.gain[0], iRoot - (wR / W) * iR, { rtol: 1e-9 });
});

test('grown to purity by default; minSamplesLeaf is respected', () => {
  const rng = new Random(3);
  const n = 300;
  const data = rng.fill(2 * n, (r) => r.normal());
  const X = { data, nFeatures: 2 };
  const labels = Int32Array.from({ length: n }, (_, i) => (data[2 * i] + 0.5 * rng.normal() > 0 ? 1 : 0));
  const mapper = BinMapper.fit(X);
  const binned = rowMajorBins(mapper.transform(X));
  const weights = new Float64Array(n).fill(1);
  const base = { nClasses: 2, criterion: 'gini' as const, maxDepth: Infinity, minSamplesLeaf: 1, minSamplesSplit: 2, maxFeatures: 2 };
  const ws = new ForestWorkspace(n, 2, 2);
  const pure = growForestTree(binned, mapper, labels, weights, Int32Array.from({ length: n }, (_, i) => i), base, new Random(1), ws);
  for (let k = 0; k < pure.nNodes; k++) if (pure.feature[k] < 0) assert.ok(pure.values[2 * k] === 0 || pure.values[2 * k] === 1, `leaf ${k} is pure`);
  const coarse = growForestTree(binned, mapper, labels, weights, Int32Array.from({ length: n }, (_, i) => i), { ...base, minSamplesLeaf: 20 }, new Random(1), ws);
  assert.ok(coarse.nLeaves <= n / 20);
  assert.ok(coarse.nLeaves < pure.nLeaves);
});
