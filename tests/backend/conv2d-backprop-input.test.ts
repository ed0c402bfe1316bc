/**
 * The wasm `Conv2DBackpropInput` replacement (lib/backend/conv2d-backprop-input.ts: stride 1 as a
 * forward convolution) against tfjs's cpu backend, through the public gradient of tf.conv2d.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu, type Compute, type MakeInputs } from './compare';

before(setUpBackends);

/** dx of sum(conv2d(x, W) · R). */
function inputGradient(pad: 'valid' | 'same', stride: number, kernel: [number, number], size: [number, number], seed: number): [MakeInputs, Compute] {
  const rng = new Random(seed);
  const x = normal(rng, [2, size[0], size[1], 3]);
  const w = normal(rng, [kernel[0], kernel[1], 3, 4]);
  const outShape = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], w.shape as [number, number, number, number], stride, 1, pad).outShape;
  const r = normal(rng, outShape);
  const inputs = () => [tf.tensor(x.values, x.shape), tf.tensor(r.values, r.shape), tf.tensor(w.values, w.shape)];
  const compute = ([xt, rt, wt]: tf.Tensor[]) =>
    tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(v as tf.Tensor4D, wt as tf.Tensor4D, stride, pad), rt)))(xt);
  return [inputs, compute];
}

test('input gradient on wasm matches cpu (stride 1 uses the forward-convolution identity, stride 2 the stock kernel)', async () => {
  let worst = 0, worstCase = '';
  let seed = 0;
  for (const pad of ['valid', 'same'] as const)
    for (const stride of [1, 2])
      for (const kernel of [[1, 1], [3, 3], [5, 5], [2, 3], [4, 4]] as [number, number][])
        for (const size of [[9, 9], [10, 8]] as [number, number][]) {
          const err = await wasmVsCpu(...inputGradient(pad, stride, kernel, size, ++seed));
          if (err > worst) [worst, worstCase] = [err, JSON.stringify({ pad, stride, kernel, size })];
        }
  assert.ok(worst <= 1e-4, `worst relative error ${worst} in ${worstCase}`);
});
