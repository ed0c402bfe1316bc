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

test('the run facts give the issue-17 keys; the seed network is compared with the seed’s optuna run', () => {
  const models = [scores('random forest', 0.9972), scores('gradient boosting', 0.997), scores('net crossEntropy, none', 0.99), { ...scores('net 800/1000/1200, embedding 0.1', 0.9893), sOverSqrtB: 6 }];
  const rows = zprimeResults(models, { randomBestAuc: 0.97, tpeBestAuc: 0.98, trainEvents: 550_000, peakRssMB: 900 }).map(resultRow);
  const row = (key: string) => rows.find((r) => r.key === key)!;
  for (const key of ['rf_accuracy', 'net_accuracy', 'net_f1', 'net_precision', 'net_recall', 'best_significance', 'tpe_best_auc', 'random_best_auc', 'train_events', 'peak_rss_mb']) {
    assert.ok(row(key), `key ${key}`);
  }
  assert.equal(row('best_significance').ours, 6, 'the best over all models');
  assert.equal(row('tpe_best_auc').ours, 0.98);
  assert.equal(row('peak_rss_mb').unit, 'MB');
  assert.equal(row('net_seed_layers_accuracy').paper, 0.989318);
  assert.equal(row('net_seed_layers_f1').source, 'seed 004 (Foster & Bakøy 2022), §3.2.4');
  assert.equal(zprimeResults(models).some((r) => r.key === 'tpe_best_auc'), false, 'no run facts, no run keys');
});
