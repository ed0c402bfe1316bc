import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { sampleMorphology } from '../../../lib/galaxy-zoo/data/morphology';
import { renderGalaxy } from '../../../lib/galaxy-zoo/data/render';

const lum = (img: Float32Array, k: number): number => img[3 * k] + img[3 * k + 1] + img[3 * k + 2];

test('same morphology and generator give the same image; noise-free sky is black', () => {
  const m = { ...sampleMorphology(new Random(1)), kind: 'smooth' as const, dx: 0, dy: 0 };
  const a = renderGalaxy(m, new Random(2), { size: 32, fieldStars: 0 });
  const b = renderGalaxy(m, new Random(2), { size: 32, fieldStars: 0 });
  assert.deepEqual(a, b);
  const clean = renderGalaxy(m, new Random(2), { size: 32, fieldStars: 0, skyNoise: 0 });
  assert.ok(lum(clean, 0) < 0.01, 'only the faint Sérsic wings reach the corner');
  assert.ok(lum(clean, 16 * 32 + 16) > 1);
});

test('bulges are redder than spiral arms', () => {
  const base = { ...sampleMorphology(new Random(3)), dx: 0, dy: 0, positionAngle: 0 };
  const e = renderGalaxy({ ...base, kind: 'smooth', bulgeFraction: 1, axisRatio: 1, sersicN: 4, radius: 0.12 }, new Random(4), { size: 32, fieldStars: 0, skyNoise: 0 });
  const d = renderGalaxy({ ...base, kind: 'disk', bulgeFraction: 0, inclination: 0, arms: 2, pitch: 0.3, armStrength: 0.9, radius: 0.15, odd: 'none' }, new Random(4), { size: 32, fieldStars: 0, skyNoise: 0 });
  const k = 16 * 32 + 22; // off centre, in the disk
  assert.ok(e[3 * k] > e[3 * k + 2], 'elliptical: red > blue');
  assert.ok(d[3 * k + 2] > d[3 * k], 'disk: blue > red');
});
