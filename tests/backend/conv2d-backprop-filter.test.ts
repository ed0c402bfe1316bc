/**
 * The wasm `Conv2DBackpropFilter` kernel (lib/backend/conv2d-backprop-filter.ts) against tfjs's cpu
 * backend, through the public gradient of tf.conv2d: padding, strides, kernel shapes, input sizes,
 * batch and channel counts, and NCHW.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { type ConvGeometry } from '../../lib/backend/conv-geometry';
import { im2colTransposed } from '../../lib/backend/conv2d-backprop-filter';
import { normal, setUpBackends, wasmVsCpu, type Compute, type MakeInputs } from './compare';

const TOLERANCE = 1e-4;

before(setUpBackends);

interface Case {
  pad: 'valid' | 'same';
  stride: number;
  kernel: [number, number];
  size: [number, number];
  batch: number;
  inChannels: number;
  outChannels: number;
}

/** dW of sum(conv2d(x, W) · R) = the filter gradient for upstream gradient R: inputs [x, R, W]. */
function filterGradient(c: Case, seed: number): [MakeInputs, Compute] {
  const rng = new Random(seed);
  const x = normal(rng, [c.batch, c.size[0], c.size[1], c.inChannels]);
  const w = normal(rng, [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels]);
  const outShape = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], w.shape as [number, number, number, number], c.stride, 1, c.pad).outShape;
  const r = normal(rng, outShape);
  const inputs = () => [tf.tensor(x.values, x.shape), tf.tensor(r.values, r.shape), tf.tensor(w.values, w.shape)];
  const compute = ([xt, rt, wt]: tf.Tensor[]) =>
    tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xt as tf.Tensor4D, v as tf.Tensor4D, c.stride, c.pad), rt)))(wt);
  return [inputs, compute];
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const pad of ['valid', 'same'] as const)
    for (const stride of [1, 2])
      for (const kernel of [[1, 1], [3, 3], [5, 5], [2, 3]] as [number, number][])
        for (const size of [[9, 9], [10, 10], [7, 12]] as [number, number][])
          out.push({ pad, stride, kernel, size, batch: 3, inChannels: 1 + (out.length % 4) * 2, outChannels: 2 + (out.length % 3) * 3 });
  return out;
}

test('filter gradient on wasm matches cpu over padding × stride × kernel × size × channels', async () => {
  let worst = 0, worstCase = '';
  const all = cases();
  for (let i = 0; i < all.length; i++) {
    const err = await wasmVsCpu(...filterGradient(all[i], 100 + i));
    if (err > worst) [worst, worstCase] = [err, JSON.stringify(all[i])];
  }
  assert.ok(worst <= TOLERANCE, `worst relative error ${worst} in ${worstCase}`);
});

test('a realistic layer (batch 16, 16×16×8 → 16 channels, same padding) matches cpu', async () => {
  const err = await wasmVsCpu(...filterGradient({ pad: 'same', stride: 1, kernel: [3, 3], size: [16, 16], batch: 16, inChannels: 8, outChannels: 16 }, 7));
  assert.ok(err <= TOLERANCE, `relative error ${err}`);
});

test('NCHW data format matches cpu', async () => {
  const rng = new Random(3);
  const x = normal(rng, [2, 3, 8, 9]);
  const dy = normal(rng, [2, 4, 6, 7]);
  const err = await wasmVsCpu(
    () => [tf.tensor(x.values, x.shape), tf.tensor(dy.values, dy.shape)],
    ([xt, dyt]) => tf.engine().runKernel('Conv2DBackpropFilter', { x: xt, dy: dyt }, { strides: 1, pad: 'valid', dataFormat: 'NCHW', filterShape: [3, 3, 3, 4] }) as tf.Tensor,
  );
  assert.ok(err <= TOLERANCE, `relative error ${err}`);
});

test('Conv1D filter gradient (a conv2d over a 1-row image) matches cpu', async () => {
  const rng = new Random(11);
  const x = normal(rng, [4, 20, 3]);
  const w = normal(rng, [5, 3, 6]);
  const err = await wasmVsCpu(
    () => [tf.tensor(x.values, x.shape), tf.tensor(w.values, w.shape)],
    ([xt, wt]) => tf.grad((v: tf.Tensor) => tf.sum(tf.square(tf.conv1d(xt as tf.Tensor3D, v as tf.Tensor3D, 2, 'same'))))(wt),
  );
  assert.ok(err <= TOLERANCE, `relative error ${err}`);
});

test('dilated convolutions have no gradient in tfjs, so the kernel never sees a dilation', async () => {
  const x = tf.ones([1, 7, 7, 1]) as tf.Tensor4D;
  const w = tf.ones([3, 3, 1, 1]) as tf.Tensor4D;
  assert.throws(() => tf.grad((wt: tf.Tensor) => tf.sum(tf.conv2d(x, wt as tf.Tensor4D, 1, 'valid', 'NHWC', 2)))(w), /dilation/);
  tf.dispose([x, w]);
});

test('im2colTransposed lays out padded, strided patches row by row', () => {
  // x [1, 3, 3, 1] = 1..9, 2×2 kernel, stride 2, one pixel of padding at the top and left.
  const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const g: ConvGeometry = {
    batchSize: 1, inHeight: 3, inWidth: 3, inChannels: 1, outHeight: 2, outWidth: 2, outChannels: 1,
    filterHeight: 2, filterWidth: 2, strideHeight: 2, strideWidth: 2, padTop: 1, padLeft: 1,
  };
  const out = new Float32Array(4 * 4).fill(NaN);
  im2colTransposed(x, g, out);
  // Row (kh, kw); columns are the output pixels (0,0) (0,1) (1,0) (1,1) reading xpad[2i + kh − 1, 2j + kw − 1].
  assert.deepEqual(Array.from(out), [0, 0, 0, 5, 0, 0, 4, 6, 0, 2, 0, 8, 1, 3, 7, 9]);
});
