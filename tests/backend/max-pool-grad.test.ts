/**
 * The wasm `MaxPoolGrad` replacement (lib/backend/max-pool-grad.ts) against tfjs's cpu backend,
 * including ties (zeros after a ReLU), where the stock wasm kernel routes the gradient differently.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, valuesOn, wasmVsCpu, type Compute, type MakeInputs } from './compare';

before(setUpBackends);

function poolGradient(size: [number, number], pool: [number, number], stride: number, pad: 'valid' | 'same', seed: number, relu: boolean): [MakeInputs, Compute] {
  const rng = new Random(seed);
  const x = normal(rng, [2, size[0], size[1], 5]);
  const outShape = tf.backend_util.computePool2DInfo(x.shape as [number, number, number, number], pool, stride, 1, pad).outShape;
  const r = normal(rng, outShape);
  const inputs = () => [tf.tensor(x.values, x.shape), tf.tensor(r.values, r.shape)];
  const compute = ([xt, rt]: tf.Tensor[]) =>
    tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(relu ? (tf.relu(v) as tf.Tensor4D) : (v as tf.Tensor4D), pool, stride, pad), rt)))(xt);
  return [inputs, compute];
}

test('max-pool gradient on wasm matches cpu, with and without ties', async () => {
  let seed = 0;
  for (const relu of [false, true])
    for (const pad of ['valid', 'same'] as const)
      for (const [pool, stride] of [[[2, 2], 2], [[3, 3], 2], [[3, 3], 1], [[2, 3], 1]] as [[number, number], number][])
        for (const size of [[8, 8], [9, 7]] as [number, number][]) {
          const err = await wasmVsCpu(...poolGradient(size, pool, stride, pad, ++seed, relu));
          assert.ok(err <= 1e-6, `relative error ${err} for ${JSON.stringify({ relu, pad, pool, stride, size })}`);
        }
});

test('all-equal windows send the whole gradient to their first element', async () => {
  const wasm = await valuesOn('wasm', () => [tf.zeros([1, 2, 2, 1])], ([x]) => tf.grad((v: tf.Tensor) => tf.sum(tf.maxPool(v as tf.Tensor4D, 2, 2, 'valid')))(x));
  assert.deepEqual(Array.from(wasm), [1, 0, 0, 0]);
});
