import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { DEFAULT_BUBBLES, DEFAULT_IEM, DEFAULT_POINT_SOURCES } from '../../../lib/galactic-centre/data/backgrounds';
import { CTA_INSTRUMENT, simulateMap, totalExpected, type GcScene } from '../../../lib/galactic-centre/data/counts-map';
import { assertClose } from '../../helpers';

const grid = { height: 18, width: 24, pixelDeg: 0.5 };
const scene: GcScene = {
  iem: { params: DEFAULT_IEM, counts: 5000 },
  bubbles: { params: DEFAULT_BUBBLES, counts: 3000 },
  pointSources: DEFAULT_POINT_SOURCES,
  dm: { profile: { kind: 'nfw' }, counts: 800 },
};
const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0);

test('each component holds exactly its expected counts, split by its spectrum', () => {
  const m = simulateMap(grid, scene, new Random(1));
  assertClose(sum(m.expected.iem), 5000, { rtol: 1e-4 });
  assertClose(sum(m.expected.bubbles), 3000, { rtol: 1e-4 });
  assertClose(sum(m.expected.dm), 800, { rtol: 1e-4 });
  const nb = CTA_INSTRUMENT.bands.length;
  const band0 = Array.from(m.expected.dm).filter((_, k) => k % nb === 0);
  assertClose(sum(band0), 800 * CTA_INSTRUMENT.spectra.dm[0], { rtol: 1e-4 });
  assertClose(sum(totalExpected(m.expected)), sum(Object.values(m.expected).map(sum)), { rtol: 1e-6 });
});

test('Poisson counts scatter around the expectation and are reproducible', () => {
  const a = simulateMap(grid, scene, new Random(2));
  const b = simulateMap(grid, scene, new Random(2));
  assert.deepEqual(a.counts, b.counts);
  const mu = sum(totalExpected(a.expected));
  assert.ok(Math.abs(sum(a.counts) - mu) < 5 * Math.sqrt(mu), `${sum(a.counts)} vs ${mu}`);
  assert.ok(a.counts.every((v) => Number.isInteger(v) && v >= 0));
  assert.equal(a.counts.length, 18 * 24 * 3);
});

test('a scene without DM has no dm component; the DM adds counts at the centre', () => {
  const none = simulateMap(grid, { ...scene, dm: undefined }, new Random(3));
  assert.equal(none.expected.dm, undefined);
  const withDm = simulateMap(grid, scene, new Random(3));
  const centre = (9 * 24 + 12) * 3;
  assert.ok(withDm.expected.dm[centre] > 5 * withDm.expected.dm[0]);
});
