/** The wasm `AvgPoolGrad` replacement (lib/backend/avg-pool-grad.ts) against tfjs's cpu backend. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu } from './compare';

before(setUpBackends);

test('average-pool gradient on wasm matches cpu', async () => {
  let seed = 0;
  for (const pad of ['valid', 'same'] as const)
    for (const [pool, stride] of [[[2, 2], 2], [[3, 3], 2], [[3, 3], 1], [[2, 3], 1]] as [[number, number], number][])
      for (const size of [[8, 8], [9, 7]] as [number, number][]) {
        const rng = new Random(++seed);
        const x = normal(rng, [2, size[0], size[1], 5]);
        const outShape = tf.backend_util.computePool2DInfo(x.shape as [number, number, number, number], pool, stride, 1, pad).outShape;
        const r = normal(rng, outShape);
        const err = await wasmVsCpu(
          () => [tf.tensor(x.values, x.shape), tf.tensor(r.values, r.shape)],
          ([xt, rt]) => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(v as tf.Tensor4D, pool, stride, pad), rt)))(xt),
        );
        assert.ok(err <= 1e-6, `relative error ${err} for ${JSON.stringify({ pad, pool, stride, size })}`);
      }
});
