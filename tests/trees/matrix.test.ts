import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClassLabels, checkSampleWeight, column, forEachRowChunk, gatherColumns, matrixShape, ROW_CHUNK, takeRows } from '../../lib/trees/matrix';

test('shapes of row-major and column tables; malformed tables are rejected', () => {
  assert.deepEqual(matrixShape('f', { data: new Float32Array(6), nFeatures: 3 }), { nRows: 2, nFeatures: 3 });
  assert.deepEqual(matrixShape('f', { columns: [[1, 2], [3, 4], [5, 6]] }), { nRows: 2, nFeatures: 3 });
  assert.throws(() => matrixShape('f', { data: new Float64Array(0), nFeatures: 3 }), /no rows/);
  assert.throws(() => matrixShape('f', { data: new Float64Array(6), nFeatures: 0 }), /positive integer/);
  assert.throws(() => matrixShape('f', { data: [1, 2] as unknown as Float64Array, nFeatures: 1 }), /Float32Array or Float64Array/);
  assert.throws(() => matrixShape('f', { columns: [] }), /no columns/);
});

test('columns, row chunks and row selection read the same values from either layout', () => {
  const n = ROW_CHUNK + 10, d = 3;
  const data = Float64Array.from({ length: n * d }, (_, k) => k);
  const columns = Array.from({ length: d }, (_, j) => Float64Array.from({ length: n }, (_, i) => i * d + j));
  const shape = { nRows: n, nFeatures: d };
  assert.deepEqual(column({ data, nFeatures: d }, shape, 2), columns[2]);
  for (const X of [{ data, nFeatures: d }, { columns }]) {
    const seen: number[] = [];
    forEachRowChunk(X, shape, (rows, start, count) => {
      assert.equal(rows[(count - 1) * d + 1], (start + count - 1) * d + 1);
      seen.push(count);
    });
    assert.deepEqual(seen, [ROW_CHUNK, 10]);
    assert.deepEqual(Array.from(takeRows(X, shape, Int32Array.of(5, 0)).data), [15, 16, 17, 0, 1, 2]);
    assert.deepEqual(Array.from(gatherColumns(X, shape, [5, 0])), [15, 0, 16, 1, 17, 2]);
  }
});

test('labels and weights are checked', () => {
  assert.deepEqual(checkClassLabels('f', [0, 2, 1], 3), { labels: Int32Array.of(0, 2, 1), nClasses: 3 });
  assert.throws(() => checkClassLabels('f', [0, -1], 2), /y\[1\] is -1/);
  assert.throws(() => checkClassLabels('f', [0, NaN], 2), /y\[1\] is NaN/);
  assert.deepEqual(Array.from(checkSampleWeight('f', undefined, 2)), [1, 1]);
  assert.throws(() => checkSampleWeight('f', [0, 0], 2), /sum to 0/);
  assert.throws(() => checkSampleWeight('f', [1, NaN], 2), /sampleWeight\[1\]/);
});
