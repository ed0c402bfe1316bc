import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { simulateCluster, wrapHalfTurn } from '../../../lib/newsdm/data/clusters';
import { carbonRangeNm } from '../../../lib/newsdm/data/physics';

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

test('carbon tracks get longer and richer in grains with energy; gamma tracks are longer still', () => {
  const rng = new Random(11);
  const stats = (cls: 'C60' | 'C100' | 'gamma') => {
    const cs = Array.from({ length: 400 }, () => simulateCluster(rng, cls));
    return { length: mean(cs.map((c) => c.lengthNm)), grains: mean(cs.map((c) => c.grains.length)) };
  };
  const [c60, c100, gamma] = [stats('C60'), stats('C100'), stats('gamma')];
  assert.ok(Math.abs(c60.length - carbonRangeNm(60)) < 8);
  assert.ok(c100.length > c60.length + 40);
  assert.ok(c100.grains > c60.grains + 0.5);
  assert.ok(gamma.length > 1.5 * c100.length);
});

test('fog is one grain; dust is many polarisation-independent parts', () => {
  const rng = new Random(12);
  for (let i = 0; i < 50; i++) {
    assert.equal(simulateCluster(rng, 'fog').grains.length, 1);
    const dust = simulateCluster(rng, 'dust');
    assert.ok(dust.grains.length >= 4);
    assert.ok(dust.grains.every((g) => g.anisotropy === 0));
  }
});

test('wrapHalfTurn maps angles to (−π/2, π/2]', () => {
  for (const a of [0, 1, -1, 2, -2, 4, Math.PI / 2, -Math.PI / 2, 10]) {
    const w = wrapHalfTurn(a);
    assert.ok(w > -Math.PI / 2 - 1e-12 && w <= Math.PI / 2 + 1e-12, `${a} → ${w}`);
    assert.ok(Math.abs(Math.sin(w - a)) < 1e-9, 'same line');
  }
});
