import { test } from 'node:test';
import assert from 'node:assert/strict';
import { galacticCentreResults } from '../../lib/galactic-centre/paper';
import { galaxyZooResults } from '../../lib/galaxy-zoo/paper';
import { countParameters, smallModelSpec, largeModelSpec } from '../../lib/galactic-centre/model/architecture';
import { resultRow } from '../../lib/results/record';

const numbers = {
  samePool: { accuracy: 0.8, auc: 0.995 }, unseen: { accuracy: 0.6, auc: 0.7 }, lrRuns: [{ lr: 5e-3, finalValAccuracy: 0.5 }, { lr: 5e-2, finalValAccuracy: 0.5 }],
  smallModelParameters: countParameters([90, 120, 3], smallModelSpec(1)), largeModelParameters: countParameters([920, 920, 3], largeModelSpec()),
  profileAccuracy: 0.6, gce: { coverage68: 0.7, coverage95: 0.97, r2: 0.5 },
};

test('the GC numbers go beside Aasen 2022 with verdicts; our parameter counts reproduce its tables exactly', () => {
  const rows = galacticCentreResults(numbers).map(resultRow);
  const row = (key: string) => rows.find((r) => r.key === key)!;
  assert.equal(row('gc_auc_same_pool').verdict, 'reproduced'); // within 0.01 of 1
  assert.equal(row('gc_accuracy_same_pool').verdict, 'short'); // 0.8 against 99 %
  assert.equal(row('gc_small_model_parameters').verdict, 'reproduced');
  assert.equal(row('gc_large_model_parameters').verdict, 'reproduced');
  assert.equal(row('gc_val_accuracy_lr_0_005').verdict, 'no-paper-value');
  assert.ok(row('gc_val_accuracy_lr_0_05'));
  assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
});

test('a parameter count that differs by one is short of the seed', () => {
  const rows = galacticCentreResults({ ...numbers, smallModelParameters: 274466 }).map(resultRow);
  assert.equal(rows.find((r) => r.key === 'gc_small_model_parameters')!.verdict, 'short');
});

test('the Galaxy Zoo RMSEs have no paper value (the lecture gives no score)', () => {
  const rows = galaxyZooResults({ baseline: 0.2, cnn: 0.12 }).map(resultRow);
  assert.deepEqual(rows.map((r) => [r.key, r.verdict]), [['gz_rmse_baseline', 'no-paper-value'], ['gz_rmse_cnn', 'no-paper-value']]);
});
