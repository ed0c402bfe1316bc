import { test } from 'node:test';
import assert from 'node:assert/strict';
import { angleFromGC, mapOver, pixelLB, unitSum } from '../../../lib/galactic-centre/data/sky';
import { assertClose } from '../../helpers';

test('pixel coordinates: l grows to the left, b upwards, centred on the GC', () => {
  const grid = { height: 4, width: 6, pixelDeg: 0.5 };
  assert.deepEqual(pixelLB(grid, 0, 0), { l: 1.25, b: 0.75 });
  assert.deepEqual(pixelLB(grid, 3, 5), { l: -1.25, b: -0.75 });
  assertClose(angleFromGC(3, 4), 4.99854, { atol: 1e-4 }); // acos(cos 3° cos 4°)
  const m = unitSum(mapOver(grid, (l, b) => Math.abs(l) + Math.abs(b)));
  assertClose(m.reduce((a, b) => a + b, 0), 1, { rtol: 1e-6 });
  assert.throws(() => unitSum(new Float32Array(3)), /no positive value/);
});
