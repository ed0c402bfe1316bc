import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { Conv3DUnrolled, conv3dUnrolled, toConv3dKernel } from '../../lib/newsdm/conv3d';
import { assertAllClose } from '../helpers';

/** Output, input gradient and kernel gradient of `conv` for fixed random x, kernel and upstream gradient. */
function convAndGrads(conv: (x: tf.Tensor5D, k: tf.Tensor4D) => tf.Tensor, shape: number[], kShape: number[]): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.randomNormal(shape as [number, number, number, number, number], 0, 1, 'float32', 1);
    const k = tf.randomNormal(kShape as [number, number, number, number], 0, 1, 'float32', 2);
    const y = conv(x as tf.Tensor5D, k as tf.Tensor4D);
    const dy = tf.randomNormal(y.shape, 0, 1, 'float32', 3);
    const [gx, gk] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a as tf.Tensor5D, b as tf.Tensor4D), dy)))([x, k]);
    return [y, gx, gk].map((t) => t.dataSync() as Float32Array);
  });
}

// The reference is tf.conv3d on the cpu backend: on wasm (tfjs 4.22) Conv3DBackpropInputV2 returns
// wrong input gradients (found while writing this test; see lib/newsdm/conv3d.ts).
test('the unrolled convolution on wasm equals tf.conv3d on cpu: output and both gradients', async () => {
  for (const padding of ['same', 'valid'] as const) {
    for (const [kd, C, F] of [[3, 1, 4], [3, 2, 3], [1, 3, 2]]) {
      const shape = [2, 6, 5, 7, C];
      const kShape = [3, 3, kd * C, F];
      await initBackend({ backend: 'cpu', quiet: true });
      const ref = convAndGrads((x, k) => tf.conv3d(x, toConv3dKernel(k, kd), 1, padding), shape, kShape);
      await initBackend({ backend: 'wasm', quiet: true });
      const mine = convAndGrads((x, k) => conv3dUnrolled(x, k, kd, padding), shape, kShape);
      ['output', 'dx', 'dkernel'].forEach((what, i) => assertAllClose(mine[i], ref[i], { atol: 1e-3, rtol: 1e-3, label: `${padding} kd${kd} C${C} ${what}` }));
    }
  }
});

test('the layer has the shapes and parameters of a Conv3D and leaks no tensors', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const layer = new Conv3DUnrolled({ filters: 5, seed: 1, inputShape: [8, 6, 6, 2] });
  const model = tf.sequential({ layers: [layer] });
  assert.deepEqual(model.outputs[0].shape, [null, 8, 6, 6, 5]);
  assert.equal(model.countParams(), 3 * 3 * 3 * 2 * 5 + 5);
  const x = tf.ones([3, 8, 6, 6, 2]);
  const before = tf.memory().numTensors;
  const y = model.predict(x) as tf.Tensor;
  assert.equal(tf.memory().numTensors, before + 1);
  assert.deepEqual(y.shape, [3, 8, 6, 6, 5]);
  tf.dispose([x, y]);
  model.dispose();
});
