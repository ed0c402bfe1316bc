import { test } from 'node:test';
import assert from 'node:assert/strict';
import { galacticCentreResults } from '../../lib/galactic-centre/paper';
import { galaxyZooResults } from '../../lib/galaxy-zoo/paper';
import { countParameters, smallModelSpec, largeModelSpec } from '../../lib/galactic-centre/model/architecture';
import { resultRow } from '../../lib/results/record';

const numbers = {
  samePool: { accuracy: 0.8, auc: 0.995 }, unseen: { accuracy: 0.6, auc: 0.7 }, comparisons: { batch100: 0.7, lr5e3: 0.5 }, smallEpochSeconds: 3, largeEpochSeconds: NaN,
  smallModelParameters: countParameters([90, 120, 3], smallModelSpec(1)), largeModelParameters: countParameters([920, 920, 3], largeModelSpec()),
  profileAccuracy: 0.6, gce: { coverage68: 0.7, coverage95: 0.97, r2: 0.5 },
};

test('the GC numbers go beside Aasen 2022 with verdicts; our parameter counts reproduce its tables exactly', () => {
  const rows = galacticCentreResults(numbers).map(resultRow);
  const row = (key: string) => rows.find((r) => r.key === key)!;
  assert.equal(row('gc_small_auc').verdict, 'reproduced'); // within 0.01 of 1
  assert.equal(row('gc_small_accuracy').verdict, 'short'); // 0.8 against 99 %
  assert.equal(row('gc_small_model_parameters').verdict, 'reproduced');
  assert.equal(row('gc_large_model_parameters').verdict, 'reproduced');
  assert.equal(row('gc_lr5e3_accuracy').verdict, 'no-paper-value');
  assert.equal(row('gc_batch100_accuracy').ours, 0.7);
  assert.ok(row('gc_small_epoch_seconds'));
  assert.equal(rows.find((r) => r.key === 'gc_large_epoch_seconds'), undefined, 'not timed: not recorded');
  assert.ok(galacticCentreResults({ ...numbers, largeEpochSeconds: 9000 }).some((r) => r.key === 'gc_large_epoch_seconds'));
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
