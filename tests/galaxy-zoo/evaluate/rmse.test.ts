import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classIndex } from '../../../lib/galaxy-zoo/data/decision-tree';
import { describeVotes, rmseAll, rmseColumns } from '../../../lib/galaxy-zoo/evaluate/rmse';
import { assertClose } from '../../helpers';

test('describeVotes follows the most-voted answers down the tree', () => {
  const row = new Float32Array(37);
  row[classIndex(1, 2)] = 0.7;
  row[classIndex(1, 1)] = 0.3;
  row[classIndex(2, 2)] = 0.6;
  row[classIndex(3, 1)] = 0.4;
  row[classIndex(3, 2)] = 0.2;
  assert.equal(describeVotes(row, 3), 'features or disk › no › yes');
  assert.equal(describeVotes(row, 1), 'features or disk');
  row[classIndex(1, 1)] = 0.9;
  row[classIndex(7, 3)] = 0.5;
  assert.equal(describeVotes(row, 2), 'smooth › cigar-shaped');
});

test('RMSE over all outputs (the challenge metric) and per question', () => {
  const t = new Float32Array([0, 1, 1, 1]);
  assertClose(rmseAll(t, new Float32Array([1, 1, 1, 1])), 0.5, { rtol: 1e-9 });
  assertClose(rmseColumns(t, new Float32Array([1, 1, 1, 1]), 0, 1, 2), Math.SQRT1_2, { rtol: 1e-9 });
  assert.throws(() => rmseAll(t, new Float32Array(3)), /4 vs 3/);
});
