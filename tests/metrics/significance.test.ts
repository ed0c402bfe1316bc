import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestSignificance, asimovSignificance } from '../../lib/metrics';
import { assertClose } from '../helpers';
import { loadFixture } from './fixtures';

interface Best { threshold: number; s: number; b: number; sOverSqrtB: number; nBackgroundMc: number }
interface SigCase {
  name: string;
  yTrue: number[];
  score: number[];
  sampleWeight: number[];
  min0: Best;
  min1: Best;
  min10: Best;
}
const fixture = loadFixture<SigCase[]>('significance.json');

test('significance fixture holds weighted cases with a qualifying cut', () => {
  assert.ok(fixture.cases.length >= 10);
  assert.ok(fixture.cases.filter((c) => c.min10.sOverSqrtB > 0).length >= 5);
});

for (const c of fixture.cases) {
  test(`bestSignificance matches the numpy reference loop: ${c.name}`, () => {
    for (const m of [0, 1, 10] as const) {
      const expected = c[`min${m}`];
      const got = bestSignificance(c.yTrue, c.score, c.sampleWeight, { minBackgroundMc: m });
      const label = `${c.name} min ${m}`;
      assert.equal(got.threshold, expected.threshold, `${label} threshold`);
      assert.equal(got.nBackgroundMc, expected.nBackgroundMc, `${label} nBackgroundMc`);
      assertClose(got.s, expected.s, { label: `${label} s` });
      assertClose(got.b, expected.b, { label: `${label} b` });
      assertClose(got.sOverSqrtB, expected.sOverSqrtB, { label: `${label} s/√b` });
      if (expected.sOverSqrtB > 0) assertClose(got.asimov, asimovSignificance(expected.s, expected.b), { label: `${label} asimov` });
    }
  });
}

test('a cut keeping too few simulated background samples is not chosen', () => {
  // Unit weights: s/√b is 1 at 0.8, √2 at 0.6 (two of each), 2/√3 at 0.5 (the first cut keeping 3 background samples).
  const y = [1, 0, 0, 1, 0, 0, 0];
  const score = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];
  const w = [1, 1, 1, 1, 1, 1, 1];
  assert.equal(bestSignificance(y, score, w, { minBackgroundMc: 1 }).threshold, 0.6);
  assert.equal(bestSignificance(y, score, w, { minBackgroundMc: 3 }).threshold, 0.5);
  assert.equal(bestSignificance(y, score, w, { minBackgroundMc: 10 }).threshold, Infinity);
});

test('the Asimov significance approaches s/√b for s ≪ b (Cowan et al. 2011, eq. 97), without cancellation', () => {
  // Z_A = (s/√b)(1 − s/(6b) + …): relative difference 1.7e-7 at s/b = 1e-6 (ln(1 + s/b) computed naively is off by 8e-5).
  assertClose(asimovSignificance(1, 1e6), (1 / Math.sqrt(1e6)) * (1 - 1 / 6e6), { rtol: 1e-9 });
  assertClose(asimovSignificance(10, 10), Math.sqrt(2 * (20 * Math.log(2) - 10)));
  assert.ok(Number.isNaN(asimovSignificance(1, 0)));
});
