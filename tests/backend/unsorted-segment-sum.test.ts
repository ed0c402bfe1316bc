/**
 * The wasm `UnsortedSegmentSum` kernel (lib/backend/unsorted-segment-sum.ts), which tfjs-backend-wasm
 * lacks, against tfjs's cpu backend; it is also the gradient of gather (Embedding).
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu, type Compute } from './compare';

before(setUpBackends);

test('segment sums match cpu (float32, int32, 1-D and 2-D data, ids out of range dropped)', async () => {
  const rng = new Random(4);
  const x = normal(rng, [30, 7]);
  const ids = Int32Array.from({ length: 30 }, () => rng.integer(0, 6));
  ids[3] = 9; // out of range: dropped
  const inputs = () => [
    tf.tensor2d(x.values, [30, 7]),
    tf.tensor1d(x.values.slice(0, 30)),
    tf.tensor2d(Int32Array.from(x.values, (v) => Math.round(5 * v)), [30, 7], 'int32'),
    tf.tensor1d(ids, 'int32'),
  ];
  const cases: Compute[] = [
    ([x2, , , i]) => tf.unsortedSegmentSum(x2, i as tf.Tensor1D, 8),
    ([, x1, , i]) => tf.unsortedSegmentSum(x1, i as tf.Tensor1D, 6),
    ([, , xi, i]) => tf.unsortedSegmentSum(xi, i as tf.Tensor1D, 8),
  ];
  for (const [i, compute] of cases.entries()) assert.ok((await wasmVsCpu(inputs, compute)) <= 1e-6, `case ${i}`);
});

test('the gradient of gather (an embedding lookup) matches cpu', async () => {
  const rng = new Random(8);
  const table = normal(rng, [12, 4]);
  const idx = Int32Array.from({ length: 20 }, () => rng.integer(0, 12));
  const err = await wasmVsCpu(
    () => [tf.tensor2d(table.values, [12, 4]), tf.tensor1d(idx, 'int32')],
    ([t, i]) => tf.grad((v: tf.Tensor) => tf.sum(tf.square(tf.gather(v, i))))(t),
  );
  assert.ok(err <= 1e-6, `relative error ${err}`);
});
