import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { convolve3x3, KERNELS, maxPool2, toGray } from '../../../lib/galaxy-zoo/model/filters';
import { assertClose } from '../../helpers';

before(async () => {
  await tf.setBackend('cpu');
});

test('filters: Sobel x responds to a vertical edge, pooling halves the size', () => {
  const h = 6;
  const w = 6;
  const img = Float32Array.from({ length: h * w }, (_, k) => (k % w >= 3 ? 1 : 0));
  const e = convolve3x3(img, h, w, KERNELS['edges (Sobel x)']);
  assert.equal(e[2 * w + 2], 4);
  assert.equal(e[2 * w + 0], 0);
  const p = maxPool2(e, h, w);
  assert.equal(p.length, 9);
  assert.equal(Math.max(...p), 4);
  assertClose(toGray(new Float32Array([1, 1, 1]), 1, 1)[0], 1, { rtol: 1e-6 });
});
