/** The wasm `Tile` replacement (lib/backend/tile.ts) against tfjs's cpu backend. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu } from './compare';

before(setUpBackends);

test('tiles of every rank and pattern match cpu (float32, int32, bool)', async () => {
  const rng = new Random(17);
  const cases: [number[], number[]][] = [
    [[5], [3]], [[2, 3], [2, 1]], [[2, 3], [1, 4]], [[1, 1, 1, 4], [3, 5, 2, 1]], [[2, 1, 3], [2, 3, 2]], [[70], [2]], [[1, 70], [3, 2]],
  ];
  for (const [shape, reps] of cases) {
    const x = normal(rng, shape);
    const ints = Int32Array.from(x.values, (v) => Math.round(3 * v));
    const inputs = () => [tf.tensor(x.values, shape), tf.tensor(ints, shape, 'int32'), tf.tensor(ints, shape, 'int32').greater(0)];
    for (const [i, name] of ['float32', 'int32', 'bool'].entries()) {
      assert.equal(await wasmVsCpu(inputs, (t) => tf.tile(t[i], reps)), 0, `${name} ${JSON.stringify(shape)} × ${JSON.stringify(reps)}`);
    }
  }
});

test('the BatchNormalization gradient (which tiles) matches cpu', async () => {
  const rng = new Random(18);
  const x = normal(rng, [4, 5, 5, 3]);
  const err = await wasmVsCpu(
    () => [tf.tensor(x.values, x.shape), tf.tensor1d([0.1, -0.2, 0.3]), tf.tensor1d([1.5, 0.5, 2]), tf.tensor1d([0, 1, -1]), tf.tensor1d([2, 1, 0.5])],
    ([xt, mean, variance, offset, scale]) => tf.grad((v: tf.Tensor) => tf.sum(tf.square(tf.batchNorm(v, mean, variance, offset, scale, 1e-3))))(xt),
  );
  assert.ok(err <= 1e-5, `relative error ${err}`);
});
