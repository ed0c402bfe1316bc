/** The wasm `GatherV2` axis-0 fast path (lib/backend/gather.ts) against tfjs's cpu backend. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu, type Compute, type MakeInputs } from './compare';

before(setUpBackends);

test('row gathers match cpu for float32 and int32, short and long rows, 2-D indices, other axes', async () => {
  const rng = new Random(5);
  const x = normal(rng, [50, 3, 40]);
  const idx = Int32Array.from({ length: 24 }, () => rng.integer(0, 50));
  const xs = () => [tf.tensor(x.values, x.shape), tf.tensor(Int32Array.from(x.values, (v) => Math.round(10 * v)), x.shape, 'int32')];
  const cases: [MakeInputs, Compute][] = [
    [() => [...xs(), tf.tensor1d(idx, 'int32')], ([xf, , i]) => tf.gather(xf, i)],
    [() => [tf.tensor(x.values, [50, 120]), tf.tensor2d(idx, [4, 6], 'int32')], ([xf, i]) => tf.gather(xf, i)],
    [() => [...xs(), tf.tensor1d(idx, 'int32')], ([, xi, i]) => tf.gather(xi, i)],
    [() => [...xs(), tf.tensor1d([2, 0, 1, 1], 'int32')], ([xf, , i]) => tf.gather(xf, i, 1)],
  ];
  for (const [i, [inputs, compute]] of cases.entries()) assert.equal(await wasmVsCpu(inputs, compute), 0, `case ${i}`);
});

test('an index out of range throws instead of reading outside the tensor', async () => {
  await tf.setBackend('wasm');
  const before = tf.memory().numTensors;
  assert.throws(() => tf.tidy(() => tf.gather(tf.ones([3, 2]), tf.tensor1d([0, 3], 'int32'))), /index value 3/);
  assert.equal(tf.memory().numTensors, before);
});
