/** The wasm `Identity` and same-dtype `Cast` that share memory (lib/backend/identity.ts), against cpu. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu } from './compare';

before(setUpBackends);

test('a clone and a float32→float32 cast share the buffer and outlive their input', () => {
  const x = tf.tensor1d([1.5, -2, 3]);
  const buffers = tf.backend().numDataIds();
  const copy = tf.clone(x), same = tf.cast(x, 'float32');
  assert.equal(tf.backend().numDataIds(), buffers, 'no new buffer on the heap');
  x.dispose();
  assert.deepEqual(Array.from(copy.dataSync()), [1.5, -2, 3]);
  assert.deepEqual(Array.from(same.dataSync()), [1.5, -2, 3]);
  copy.dispose();
  assert.deepEqual(Array.from(same.dataSync()), [1.5, -2, 3]);
  same.dispose();
  assert.equal(tf.backend().numDataIds(), buffers - 1, 'the buffer is freed with its last tensor');
});

test('casts between dtypes still convert, as on cpu', async () => {
  const values = [1.7, -2.2, 0, 3.5];
  assert.equal(await wasmVsCpu(() => [tf.tensor1d(values)], ([x]) => tf.tidy(() => tf.cast(tf.cast(x, 'int32'), 'float32'))), 0);
});

test('gradients that save their inputs (clones) match cpu', async () => {
  const rng = new Random(31);
  const x = normal(rng, [16, 12]), w = normal(rng, [12, 5]);
  const err = await wasmVsCpu(
    () => [tf.tensor(x.values, x.shape), tf.tensor(w.values, w.shape)],
    ([xt, wt]) => tf.tidy(() => {
      const loss = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.sigmoid(tf.relu(tf.matMul(a, b)))));
      const [da, db] = tf.grads(loss)([xt, wt]);
      return tf.concat([da.flatten(), db.flatten()]);
    }),
  );
  assert.ok(err <= 1e-6, `relative error ${err}`);
});

test('tensors saved for the backward pass share memory without an Identity kernel, and are all freed', async () => {
  const rng = new Random(32);
  const x = tf.tensor(normal(rng, [8, 6]).values, [8, 6]), w = tf.variable(tf.tensor(normal(rng, [6, 3]).values, [6, 3]));
  const loss = () => tf.sum(tf.square(tf.relu(tf.matMul(x, w)))) as tf.Scalar;
  tf.variableGrads(loss).value.dispose(); // warm-up (kernels set up)
  const tensors = tf.memory().numTensors, buffers = tf.backend().numDataIds();
  const profile = await tf.profile(() => {
    const { value, grads } = tf.variableGrads(loss);
    tf.dispose([value, ...Object.values(grads)]);
  });
  const names = profile.kernelNames;
  assert.ok(names.includes('MatMul') || names.includes('BatchMatMul') || names.includes('_FusedMatMul'), `the product ran: ${names}`);
  assert.ok(!names.includes('Identity'), `saving tensors for the gradient ran Identity: ${names}`);
  assert.equal(tf.memory().numTensors, tensors, 'tensors left behind');
  assert.equal(tf.backend().numDataIds(), buffers, 'heap buffers left behind');
  tf.dispose([x, w]);
});
