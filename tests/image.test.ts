import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaussianBlur, gaussianKernel } from '../lib/image';
import { assertClose } from './helpers';

test('kernel is normalised and symmetric', () => {
  const k = gaussianKernel(1.3);
  assertClose(k.reduce((a, b) => a + b, 0), 1, { rtol: 1e-6 });
  for (let i = 0; i < k.length; i++) assertClose(k[i], k[k.length - 1 - i], { rtol: 1e-6 });
});

test('blur keeps a flat map flat and the flux of an interior point', () => {
  const flat = gaussianBlur(new Float32Array(20 * 30).fill(2), 20, 30, 1.5);
  flat.forEach((v) => assertClose(v, 2, { rtol: 1e-5 }));
  const point = new Float32Array(20 * 30);
  point[10 * 30 + 15] = 1;
  const b = gaussianBlur(point, 20, 30, 1.5);
  assertClose(b.reduce((a, v) => a + v, 0), 1, { rtol: 1e-5 });
  assert.ok(b[10 * 30 + 15] < 0.2 && b[10 * 30 + 16] > 0.02);
  // the spread is along both axes (not a transposed pass)
  assertClose(b[11 * 30 + 15], b[10 * 30 + 16], { rtol: 1e-5 });
});
