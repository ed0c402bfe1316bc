import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreModel, confusionAt } from '../../lib/zprime/evaluate';
import { averagePrecision, bestSignificance, rocAuc } from '../../lib/metrics';
import { Random } from '../../lib/random';

function imbalancedSample(rng: Random, n: number): { y: Uint8Array; score: Float64Array; weight: Float64Array } {
  const y = Uint8Array.from({ length: n }, () => (rng.uniform() < 0.05 ? 1 : 0));
  const score = Float64Array.from(y, (v) => 1 / (1 + Math.exp(-(rng.normal() + 2.5 * v - 2))));
  const weight = Float64Array.from(y, (v) => (v ? 0.01 : 1) * (0.5 + rng.uniform()));
  return { y, score, weight };
}

test('scoreModel reports the seed metrics at 0.5 and the generic AP and best s/√b of lib/metrics', () => {
  const { y, score, weight } = imbalancedSample(new Random(3), 2000);
  const row = scoreModel('toy', y, score, weight);
  const sig = bestSignificance(y, score, weight);
  assert.equal(row.model, 'toy');
  assert.equal(row.averagePrecision, averagePrecision(y, score));
  assert.equal(row.auc, rocAuc(y, score));
  assert.equal(row.sOverSqrtB, sig.sOverSqrtB);
  assert.equal(row.bestCut, sig.threshold);
  assert.ok(row.sOverSqrtB > 0 && row.averagePrecision > 0.05 && row.averagePrecision < 1);
});

test('confusionAt counts [[TN, FP], [FN, TP]] at the threshold', () => {
  assert.deepEqual(confusionAt([0, 0, 1, 1, 1], [0.2, 0.6, 0.4, 0.5, 0.9]), [[1, 1], [1, 2]]);
  assert.deepEqual(confusionAt([0, 0, 1, 1, 1], [0.2, 0.6, 0.4, 0.5, 0.9], 0.55), [[1, 1], [2, 1]]);
});
