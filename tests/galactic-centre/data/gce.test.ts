import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { gnfwMap, mspMap, simulateGceDataset } from '../../../lib/galactic-centre/data/gce';
import { jFactorMap } from '../../../lib/galactic-centre/data/dark-matter';
import { assertClose } from '../../helpers';

const grid = { height: 8, width: 8, pixelDeg: 2 };

test('gNFW maps interpolate between tabulated slopes and keep unit sum', () => {
  const m = gnfwMap(grid, 0.85);
  assertClose(m.reduce((a, b) => a + b, 0), 1, { rtol: 1e-5 });
  assert.deepEqual(gnfwMap(grid, 1.0), jFactorMap(grid, { kind: 'gnfw', gamma: 1.0 }, 2));
});

test('MSPs carry exactly the requested counts', () => {
  const t = gnfwMap(grid, 1);
  const m = mspMap(grid, t, 500, new Random(1));
  assertClose(m.reduce((a, b) => a + b, 0), 500, { rtol: 1e-5 });
});

test('GCE maps: 5 bins, fractions in [0, 1], backgrounds in turn, reproducible', () => {
  const a = simulateGceDataset({ n: 4, backgrounds: [3, 4], grid }, new Random(2));
  const b = simulateGceDataset({ n: 4, backgrounds: [3, 4], grid }, new Random(2));
  assert.deepEqual(a.maps, b.maps);
  assert.deepEqual(a.shape, [8, 8, 5]);
  assert.deepEqual(Array.from(a.background), [3, 4, 3, 4]);
  assert.ok(a.psFraction.every((f) => f >= 0 && f <= 1));
  assert.ok(a.gamma.every((g) => g >= 0.5 && g <= 1.2));
});
