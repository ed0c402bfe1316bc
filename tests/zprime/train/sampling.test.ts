import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { balancedWeights, classCounts, overSample, resampledClasses, underSample, type SamplingStrategy } from '../../../lib/zprime/train/sampling';

// 990 background (class 0, the majority) and 10 signal (class 1, the minority).
const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i % 100 === 7 ? 1 : 0));

test('under-sampling strategies give the class counts of imbalanced-learn', () => {
  const expected: Record<string, number[]> = { majority: [10, 10], 'not minority': [10, 10], 'not majority': [990, 10], all: [10, 10] };
  for (const [strategy, counts] of Object.entries(expected)) {
    const rows = underSample(labels, strategy as SamplingStrategy, new Random(1));
    assert.deepEqual(classCounts(labels, rows), counts, strategy);
    assert.equal(new Set(rows).size, rows.length, `${strategy}: no repeats`);
  }
  assert.throws(() => underSample(labels, 'minority', new Random(1)), /not a valid/);
});

test('over-sampling strategies give the class counts of imbalanced-learn', () => {
  const expected: Record<string, number[]> = { minority: [990, 990], 'not minority': [990, 10], 'not majority': [990, 990], all: [990, 990] };
  for (const [strategy, counts] of Object.entries(expected)) {
    const rows = overSample(labels, strategy as SamplingStrategy, new Random(2));
    assert.deepEqual(classCounts(labels, rows), counts, strategy);
    for (let i = 0; i < labels.length; i++) if (labels[i] === 1) assert.ok(rows.includes(i), 'every original signal row is kept');
  }
  assert.throws(() => overSample(labels, 'majority', new Random(1)), /not a valid/);
});

test('resampled classes and balanced weights', () => {
  assert.deepEqual(resampledClasses('not minority', [990, 10]), [0]);
  assert.deepEqual(resampledClasses('not majority', [990, 10]), [1]);
  assert.deepEqual(balancedWeights(labels), [1000 / (2 * 990), 1000 / (2 * 10)]);
});
