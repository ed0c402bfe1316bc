import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { DEFAULT_POPULATION, sampleMorphology } from '../../../lib/galaxy-zoo/data/morphology';

test('class fractions follow the population and parameters stay in range', () => {
  const rng = new Random(1);
  const counts: Record<string, number> = { smooth: 0, disk: 0, 'edge-on': 0, star: 0 };
  const n = 4000;
  for (let i = 0; i < n; i++) {
    const m = sampleMorphology(rng);
    counts[m.kind]++;
    assert.ok(m.axisRatio > 0 && m.axisRatio <= 1 && m.bulgeFraction >= 0 && m.bulgeFraction <= 1);
    if (m.kind === 'edge-on') assert.ok(m.inclination > 1.4);
    if (m.kind === 'star') assert.equal(m.odd, 'none');
    if (m.arms > 0) assert.equal(m.kind, 'disk');
  }
  assert.ok(Math.abs(counts.smooth / n - DEFAULT_POPULATION.smooth) < 0.03);
  assert.ok(Math.abs(counts.star / n - DEFAULT_POPULATION.star) < 0.015);
});
