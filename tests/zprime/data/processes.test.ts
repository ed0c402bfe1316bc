/** Tests of lib/zprime/data/processes.ts: the diboson masses stay in the kinematically allowed region. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { bosonMasses, defaultProcesses } from '../../../lib/zprime/data/processes';

const M_W = 80.4;

test('the bosons of a diboson pair fit into its mass and keep to ±10 GeV of their poles', () => {
  const rng = new Random(1);
  for (let i = 0; i < 20_000; i++) {
    const M = 2 * M_W + 10 + (i % 3); // the lightest pairs the generator makes
    const [d1, d2] = bosonMasses(M, M_W, M_W, rng);
    assert.ok(d1 + d2 < M && Math.abs(d1 - M_W) <= 10 && Math.abs(d2 - M_W) <= 10, `${d1} + ${d2} vs ${M}`);
  }
});

test('10⁵ diboson events generate without a decay below threshold (about 4 stopped the simulation before)', () => {
  const diboson = defaultProcesses().find((p) => p.name === 'diboson')!;
  for (let seed = 0; seed < 20; seed++) {
    const rng = new Random(seed);
    for (let i = 0; i < 5000; i++) diboson.generate(rng);
  }
});
