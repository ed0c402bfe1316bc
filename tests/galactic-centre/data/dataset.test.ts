import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { FAMILIAR_MODEL, dmCountsAtStep, simulateGcDataset } from '../../../lib/galactic-centre/data/dataset';

test('half the maps hold DM, backgrounds a third each, amplitude ramps geometrically', () => {
  const d = simulateGcDataset({ grid: { height: 9, width: 12, pixelDeg: 1 }, model: FAMILIAR_MODEL, mapsPerCell: 2, dmSteps: 3, dmCountsRange: [100, 900], profiles: [{ kind: 'nfw' }, { kind: 'einasto' }] }, new Random(4));
  assert.equal(d.n, 3 * 3 * 2 * 2);
  assert.equal(d.label.reduce((a, b) => a + b, 0), d.n / 2);
  for (let bg = 0; bg < 3; bg++) assert.equal(d.background.filter((b) => b === bg).length, d.n / 3);
  assert.equal(dmCountsAtStep(2, 3, [100, 900]), 300);
  const dmCounts = Array.from(d.dmCounts).filter((_, i) => d.label[i] === 1);
  assert.deepEqual([...new Set(dmCounts.map(Math.round))].sort((a, b) => a - b), [100, 300, 900]);
  assert.deepEqual([...new Set(Array.from(d.profile))].sort(), [0, 1, 2]);
  assert.ok(Array.from(d.profile).every((p, i) => (p === 0) === (d.label[i] === 0)));
});
