/** The wasm `Sum` over leading axes (lib/backend/sum.ts) against tfjs's cpu backend. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu } from './compare';

before(setUpBackends);

test('sums over leading axes (and the other cases, left to the stock kernel) match cpu', async () => {
  const x = normal(new Random(9), [6, 5, 4, 3]);
  const axes: (number | number[])[] = [0, [0, 1], [0, 1, 2], [1, 2], 3, [0, 3], [0, 1, 2, 3], -1];
  for (const axis of axes) {
    for (const keepDims of [false, true]) {
      const label = `axis ${JSON.stringify(axis)} keepDims ${keepDims}`;
      assert.ok((await wasmVsCpu(() => [tf.tensor(x.values, x.shape)], ([t]) => tf.sum(t, axis, keepDims))) <= 1e-6, label);
      const shapes: number[][] = [];
      for (const backend of ['wasm', 'cpu']) {
        await tf.setBackend(backend);
        shapes.push(tf.tidy(() => tf.sum(tf.tensor(x.values, x.shape), axis, keepDims)).shape);
      }
      assert.deepEqual(shapes[0], shapes[1], `shape for ${label}`);
    }
  }
  await tf.setBackend('wasm');
});
