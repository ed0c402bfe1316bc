import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { DEFAULT_BUBBLES, DEFAULT_IEM, DEFAULT_POINT_SOURCES, bubblesTemplate, drawPointSources, iemTemplate, pointSourceMap } from '../../../lib/galactic-centre/data/backgrounds';
import { assertClose } from '../../helpers';

const grid = { height: 30, width: 40, pixelDeg: 0.3 };
const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0);

test('IEM is concentrated in the plane, bubbles off the plane', () => {
  const iem = iemTemplate(grid, DEFAULT_IEM);
  const bub = bubblesTemplate(grid, DEFAULT_BUBBLES);
  assertClose(sum(iem), 1, { rtol: 1e-5 });
  const row = (m: Float32Array, i: number) => sum(m.subarray(i * 40, (i + 1) * 40));
  assert.ok(row(iem, 15) > 10 * row(iem, 2));
  assert.ok(row(bub, 2) > row(bub, 15));
  assert.deepEqual(iemTemplate(grid, DEFAULT_IEM), iem); // the gas layout is fixed by its seed
  assert.notDeepEqual(iemTemplate(grid, { ...DEFAULT_IEM, gasSeed: 2 }), iem);
});

test('point sources land in the field and keep their counts', () => {
  const ps = drawPointSources(grid, { ...DEFAULT_POINT_SOURCES, centralCounts: 100 }, new Random(1));
  assert.ok(ps.every((s) => Math.abs(s.l) < 6 && Math.abs(s.b) < 4.5 && s.counts >= 30));
  assert.equal(ps[ps.length - 1].counts, 100);
  assertClose(sum(pointSourceMap(grid, ps)), sum(ps.map((s) => s.counts)), { rtol: 1e-5 });
});
