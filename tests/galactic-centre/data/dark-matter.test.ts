import { test } from 'node:test';
import assert from 'node:assert/strict';
import { R0_KPC, density, jFactor, jFactorMap } from '../../../lib/galactic-centre/data/dark-matter';
import { assertClose } from '../../helpers';

test('NFW J-factor near the centre matches the 1/r cusp limit π r_s² / (R0 ψ)', () => {
  const psi = 0.05;
  const expected = (Math.PI * 24.42 ** 2) / (R0_KPC * Math.sin((psi * Math.PI) / 180));
  assertClose(jFactor({ kind: 'nfw' }, psi), expected, { rtol: 0.05 });
});

test('gNFW with γ = 1 is NFW; Einasto is less cuspy than NFW', () => {
  assertClose(density({ kind: 'gnfw', gamma: 1 }, 3), density({ kind: 'nfw' }, 3), { rtol: 1e-12 });
  const ratio = (p: Parameters<typeof jFactor>[0]): number => jFactor(p, 0.05) / jFactor(p, 2);
  assert.ok(ratio({ kind: 'einasto' }) < ratio({ kind: 'nfw' }));
  assert.ok(ratio({ kind: 'gnfw', gamma: 1.2 }) > ratio({ kind: 'gnfw', gamma: 0.6 }));
});

test('J-factor maps have unit sum and peak at the centre', () => {
  const grid = { height: 10, width: 12, pixelDeg: 0.3 };
  const m = jFactorMap(grid, { kind: 'nfw' });
  assertClose(m.reduce((a, b) => a + b, 0), 1, { rtol: 1e-5 });
  const peak = m.indexOf(Math.max(...m));
  const [i, j] = [Math.floor(peak / 12), peak % 12];
  assert.ok(i >= 4 && i <= 5 && j >= 5 && j <= 6, `peak at ${i}, ${j}`);
});
