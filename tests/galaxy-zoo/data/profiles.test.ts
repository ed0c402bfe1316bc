import { test } from 'node:test';
import { diskAxisRatio, sersic, sersicB } from '../../../lib/galaxy-zoo/data/profiles';
import { assertClose } from '../../helpers';

test('b_n: half the light inside R_e (b_1 ≈ 1.678, b_4 ≈ 7.669)', () => {
  assertClose(sersicB(1), 1.678, { atol: 2e-3 });
  assertClose(sersicB(4), 7.669, { atol: 2e-3 });
});

test('a Sérsic map has unit sum and about half its light inside R_e', () => {
  const size = 128;
  const re = 0.08;
  const m = sersic({ size, cx: 0, cy: 0, angle: 0 }, 1, re, 1);
  assertClose(m.reduce((a, b) => a + b, 0), 1, { rtol: 1e-5 });
  let inside = 0;
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) if (Math.hypot((i + 0.5) / size - 0.5, (j + 0.5) / size - 0.5) < re) inside += m[i * size + j];
  assertClose(inside, 0.5, { atol: 0.03 });
  assertClose(diskAxisRatio(0), 1, { rtol: 1e-12 });
  assertClose(diskAxisRatio(Math.PI / 2), 0.12, { rtol: 1e-9 });
});
