import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { FAMILIAR_MODEL, simulateGcDataset } from '../../../lib/galactic-centre/data/dataset';
import { zAtStep } from '../../../lib/galactic-centre/data/ramp';

test('half the maps hold DM, backgrounds a third each, visibility ramps geometrically', () => {
  const ramp = { steps: 3, zFirst: 2, zLast: 18, radiusDeg: 2 };
  const d = simulateGcDataset({ grid: { height: 9, width: 12, pixelDeg: 1 }, model: FAMILIAR_MODEL, mapsPerCell: 2, ramp, profiles: [{ kind: 'nfw' }, { kind: 'einasto' }] }, new Random(4));
  assert.equal(d.n, 3 * 3 * 2 * 2);
  assert.equal(d.label.reduce((a, b) => a + b, 0), d.n / 2);
  for (let bg = 0; bg < 3; bg++) assert.equal(d.background.filter((b) => b === bg).length, d.n / 3);
  assert.equal(zAtStep(ramp, 2), 6);
  const zs = Array.from(d.z).filter((_, i) => d.label[i] === 1);
  assert.deepEqual([...new Set(zs.map(Math.round))].sort((a, b) => a - b), [2, 6, 18]);
  assert.deepEqual([...new Set(Array.from(d.profile))].sort(), [0, 1, 2]);
  assert.ok(Array.from(d.profile).every((p, i) => (p === 0) === (d.label[i] === 0)));
});
