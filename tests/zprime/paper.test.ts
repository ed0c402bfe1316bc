import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zprimeResults, SEED_RUNS } from '../../lib/zprime/paper';
import { resultRow } from '../../lib/results/record';

const scores = (model: string, accuracy: number) => ({ model, accuracy, precision: 0.9, recall: 0.6, f1: 0.7, auc: 0.99, sOverSqrtB: 4 });

test('each seed row comes from one run: the default learner\'s accuracy beside its own F1, recall, precision', () => {
  const defaults = SEED_RUNS.find((r) => r.source.endsWith('§3.2'))!;
  assert.deepEqual([defaults.accuracy, defaults.f1, defaults.recall, defaults.precision], [0.989619, 0.674773, 0.543448, 0.889792]);
  assert.equal(SEED_RUNS.find((r) => r.source.includes('§3.3'))!.f1, undefined); // §3.3 gives an accuracy only
});

test('our models are compared with the matching seed runs, with verdicts by the stated tolerances', () => {
  const rows = zprimeResults([scores('random forest', 0.9972), scores('gradient boosting', 0.997), scores('net crossEntropy, none', 0.99), scores('net labelSmoothing, none', 0.98)]).map(resultRow);
  const row = (key: string) => rows.find((r) => r.key === key)!;
  assert.equal(row('rf_accuracy').verdict, 'exceeds'); // 0.9972 against 0.99535 ± 0.001
  assert.equal(row('rf_accuracy').headline, true);
  assert.equal(row('net_accuracy').verdict, 'reproduced'); // 0.99 against 0.989619
  assert.equal(row('net_f1').paper, 0.674773);
  assert.equal(row('net_f1').verdict, 'reproduced'); // 0.70 against 0.675 ± 0.03
  assert.equal(row('net_label_smoothing_accuracy').verdict, 'short');
  assert.equal(row('bdt_accuracy').verdict, 'no-paper-value');
  assert.equal(rows.some((r) => r.key.startsWith('net_under_not_majority')), false); // not run in this profile: left out
  assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
});
