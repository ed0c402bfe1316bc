import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracyWithError, comparedModels, comparisonCaption, confusionAt, headlineCurves, HEADLINE_MODELS, rowOf, scoreModel, scoreModels } from '../../../lib/zprime/evaluate/scores';
import { averagePrecision, bestSignificance, rocAuc } from '../../../lib/metrics';
import { Random } from '../../../lib/random';

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

test('accuracyWithError gives the binomial error √(a(1 − a)/n)', () => {
  const a = accuracyWithError(0.99, 10_000);
  assert.equal(a.accuracy, 0.99);
  assert.ok(Math.abs(a.error - 0.000994987) < 1e-9, String(a.error));
});

test('comparedModels names the models as paper.ts compares them; scoreModels scores each; the caption counts signal', () => {
  const { y, score, weight } = imbalancedSample(new Random(4), 500);
  const models = comparedModels({ rfScore: score, bdtScore: score }, score, [{ name: 'net focal, none', score }]);
  assert.deepEqual(models.map(([n]) => n), [HEADLINE_MODELS.rf, HEADLINE_MODELS.bdt, HEADLINE_MODELS.net, 'net focal, none']);
  const rows = scoreModels({ label: y, weight }, models);
  assert.deepEqual(rowOf(rows, 'net focal, none'), scoreModel('net focal, none', y, score, weight));
  assert.throws(() => rowOf(rows, 'svm'), /no scores for model "svm"/);
  assert.deepEqual(headlineCurves({ rfScore: score, bdtScore: score }, score).map(([n]) => n), ['random forest', 'gradient boosting', 'tabular net']);
  const nSig = y.reduce((a, b) => a + b, 0);
  assert.equal(comparisonCaption({ n: 500, label: y }), `Test set: 500 events, ${nSig} signal; seed rows: one run each, with its section`);
});
