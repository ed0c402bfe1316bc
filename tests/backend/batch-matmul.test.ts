/** The wasm `BatchMatMul` wrapper (lib/backend/batch-matmul.ts: transpose flags → explicit transposes). */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu } from './compare';

before(setUpBackends);

test('products with every transpose combination, batched and not, match cpu', async () => {
  const rng = new Random(2);
  for (const batch of [[], [1], [3]]) {
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        const a = normal(rng, [...batch, ...(transposeA ? [7, 5] : [5, 7])]);
        const b = normal(rng, [...batch, ...(transposeB ? [4, 7] : [7, 4])]);
        const inputs = () => [tf.tensor(a.values, a.shape), tf.tensor(b.values, b.shape)];
        const compute = ([at, bt]: tf.Tensor[]) => tf.matMul(at, bt, transposeA, transposeB);
        const err = await wasmVsCpu(inputs, compute);
        assert.ok(err <= 1e-5, `batch [${batch}] transposeA ${transposeA} transposeB ${transposeB}: ${err}`);
        assert.deepEqual(tf.tidy(() => compute(inputs())).shape, [...batch, 5, 4]);
      }
    }
  }
});

test('the gradients of a dense layer match cpu', async () => {
  const rng = new Random(12);
  const x = normal(rng, [16, 10]);
  const w = normal(rng, [10, 6]);
  const err = await wasmVsCpu(
    () => [tf.tensor2d(x.values, [16, 10]), tf.tensor2d(w.values, [10, 6])],
    ([xt, wt]) => tf.tidy(() => {
      const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.matMul(a, b))))([xt, wt]);
      return tf.concat([dx.flatten(), dw.flatten()]);
    }),
  );
  assert.ok(err <= 1e-5, `relative error ${err}`);
});
