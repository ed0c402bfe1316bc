import { test } from 'node:test';
import assert from 'node:assert/strict';
import { precisionRecallCurve, averagePrecision } from '../../lib/metrics';
import { assertAllClose, assertClose } from '../helpers';
import { loadFixture } from './fixtures';

interface PrCase {
  name: string;
  yTrue: number[];
  score: number[];
  sampleWeight: number[] | null;
  precision?: number[];
  recall?: number[];
  thresholds?: number[];
  averagePrecision?: number;
}
const fixture = loadFixture<PrCase[]>('precision-recall.json');
const weightOf = (c: PrCase) => c.sampleWeight ?? undefined;

test('precision-recall fixture was produced by scikit-learn and holds weighted, tied and one-class cases', () => {
  assert.match(fixture.sklearn, /^\d+\.\d+/);
  assert.ok(fixture.cases.length >= 10);
  assert.ok(fixture.cases.some((c) => c.sampleWeight !== null));
  assert.ok(fixture.cases.some((c) => c.averagePrecision === undefined));
});

for (const c of fixture.cases) {
  test(`precisionRecallCurve and averagePrecision match sklearn: ${c.name}`, () => {
    if (c.averagePrecision === undefined) {
      assert.throws(() => precisionRecallCurve(c.yTrue, c.score, weightOf(c)), /precisionRecallCurve: yTrue has no positive/);
      assert.throws(() => averagePrecision(c.yTrue, c.score, weightOf(c)), /averagePrecision: yTrue has no positive|precisionRecallCurve/);
      return;
    }
    const pr = precisionRecallCurve(c.yTrue, c.score, weightOf(c));
    assertAllClose(pr.precision, c.precision!, { label: 'precision' });
    assertAllClose(pr.recall, c.recall!, { label: 'recall' });
    assertAllClose(pr.thresholds, c.thresholds!, { label: 'thresholds' });
    assertClose(averagePrecision(c.yTrue, c.score, weightOf(c)), c.averagePrecision, { label: 'averagePrecision' });
  });
}

test('a perfect ranking has average precision 1; the curve ends at (recall 0, precision 1)', () => {
  const pr = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]);
  assert.deepEqual(Array.from(pr.thresholds), [0.1, 0.2, 0.8, 0.9]);
  assert.deepEqual(Array.from(pr.recall), [1, 1, 1, 0.5, 0]);
  assert.deepEqual(Array.from(pr.precision), [0.5, 2 / 3, 1, 1, 1]);
  assert.equal(averagePrecision([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]), 1);
});

test('bad input names the function and the argument', () => {
  assert.throws(() => precisionRecallCurve([0, 1], [0.5]), /precisionRecallCurve: yTrue has length 2 but score has length 1/);
  assert.throws(() => averagePrecision([0, 2], [0.1, 0.5]), /yTrue\[1\] is 2/);
  assert.throws(() => averagePrecision([0, 1], [0.1, NaN]), /score\[1\] is NaN/);
});
