/** The wasm `Slice` replacement (lib/backend/slice.ts) against tfjs's cpu backend. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu } from './compare';

before(setUpBackends);

test('slices of rank 1–6 (whole, partial, single elements, -1 sizes) match cpu for float32, int32 and bool', async () => {
  const rng = new Random(31);
  const cases: [number[], number[], number[]][] = [
    [[10], [3], [4]], [[4, 5], [1, 0], [2, 5]], [[4, 5], [0, 2], [4, 2]], [[4, 5], [0, 0], [4, 5]],
    [[3, 4, 5], [1, 1, 1], [2, -1, 3]], [[2, 3, 4, 5], [0, 1, 0, 0], [2, 2, 4, 5]], [[2, 3, 4, 5], [1, 2, 3, 4], [1, 1, 1, 1]],
    [[2, 6, 4, 3, 2], [0, 2, 0, 0, 0], [2, 3, 4, 3, 2]], [[2, 6, 4, 3, 2], [1, 1, 1, 1, 0], [1, 4, 2, 2, 2]], [[2, 2, 3, 2, 2, 3], [0, 1, 1, 0, 1, 1], [2, 1, 2, 2, 1, 2]],
  ];
  for (const [shape, begin, size] of cases) {
    const x = normal(rng, shape);
    const ints = Int32Array.from(x.values, (v) => Math.round(3 * v));
    const inputs = () => [tf.tensor(x.values, shape), tf.tensor(ints, shape, 'int32'), tf.tensor(ints, shape, 'int32').greater(0)];
    for (const [i, name] of ['float32', 'int32', 'bool'].entries()) {
      assert.equal(await wasmVsCpu(inputs, (t) => tf.slice(t[i], begin, size)), 0, `${name} ${JSON.stringify([shape, begin, size])}`);
    }
  }
});
