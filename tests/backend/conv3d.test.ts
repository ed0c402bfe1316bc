/**
 * The wasm Conv3D kernels (lib/backend/conv3d.ts: depth planes of 2-D convolutions) against tfjs's
 * cpu backend: forward output and both gradients over padding, strides and kernel shapes.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu } from './compare';

before(setUpBackends);

type S3 = [number, number, number];

test('conv3d, its filter gradient and its input gradient match cpu', async () => {
  let seed = 0;
  const cases: { pad: 'valid' | 'same'; stride: S3; kernel: S3; size: S3 }[] = [];
  for (const pad of ['valid', 'same'] as const)
    for (const stride of [[1, 1, 1], [2, 2, 2], [2, 1, 3]] as S3[])
      for (const kernel of [[3, 3, 3], [1, 1, 1], [2, 3, 1]] as S3[]) cases.push({ pad, stride, kernel, size: seed++ % 2 ? [7, 6, 5] : [6, 7, 8] });
  for (const c of cases) {
    const rng = new Random(++seed);
    const x = normal(rng, [2, ...c.size, 3]);
    const w = normal(rng, [...c.kernel, 3, 4]);
    const info = tf.backend_util.computeConv3DInfo(x.shape as [number, number, number, number, number], w.shape as [number, number, number, number, number], c.stride, 1, c.pad);
    const r = normal(rng, info.outShape);
    const err = await wasmVsCpu(
      () => [tf.tensor(x.values, x.shape), tf.tensor(w.values, w.shape), tf.tensor(r.values, r.shape)],
      ([xt, wt, rt]) => tf.tidy(() => {
        const loss = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv3d(a as tf.Tensor5D, b as tf.Tensor5D, c.stride, c.pad), rt));
        const [dx, dw] = tf.grads(loss)([xt, wt]);
        return tf.concat([tf.conv3d(xt as tf.Tensor5D, wt as tf.Tensor5D, c.stride, c.pad).flatten(), dx.flatten(), dw.flatten()]);
      }),
    );
    assert.ok(err <= 1e-4, `relative error ${err} for ${JSON.stringify(c)}`);
  }
});

test('a single conv3d call leaves no tensor or buffer behind', async () => {
  const rng = new Random(3);
  const x = normal(rng, [1, 5, 5, 5, 2]);
  const w = normal(rng, [3, 3, 3, 2, 2]);
  const err = await wasmVsCpu(() => [tf.tensor(x.values, x.shape), tf.tensor(w.values, w.shape)], ([xt, wt]) => tf.conv3d(xt as tf.Tensor5D, wt as tf.Tensor5D, 1, 'same'));
  assert.ok(err <= 1e-5, `relative error ${err}`);
});
