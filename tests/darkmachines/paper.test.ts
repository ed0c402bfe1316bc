import { test } from 'node:test';
import assert from 'node:assert/strict';
import { darkMachinesResults, betaVarianceQuantity, SEED_BETA_TABLE } from '../../lib/darkmachines/paper';
import { resultRow } from '../../lib/results/record';

test('β-table entries are reproduced within ±50 % of the talk\'s value, else short', () => {
  const rows = darkMachinesResults({
    betaVariance: [{ beta: 1, avgVar: 0.98 }, { beta: 5e-3, avgVar: 0.2 }, { beta: 0, avgVar: 6e-5 }],
    bestDetector: { name: 'GMM (VAE latent)', meanAuc: 0.74 }, metMeanAuc: 0.7, generatorEventsPerSecond: 5000, pmssmModes: { gpf: 1, random: 0 },
  }).map(resultRow);
  const row = (key: string) => rows.find((r) => r.key === key)!;
  assert.equal(row('beta_avg_var_1e0').verdict, 'reproduced');
  assert.equal(row('beta_avg_var_5e_3').verdict, 'short'); // 0.2 against 0.555
  assert.equal(row('beta_avg_var_0').verdict, 'reproduced'); // 6e-5 against 4.4e-5
  assert.equal(row('generator_events_per_second').verdict, 'short');
  assert.equal(row('generator_events_per_second').paper!.toFixed(0), '55556');
  assert.match(row('best_detector_mean_auc').label, /GMM \(VAE latent\)/);
  assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
});

test('a β that is not in the talk\'s table is an error listing the table', () => {
  assert.throws(() => betaVarianceQuantity(0.1), /no row for β = 0.1 \(it has 1, 0.5, 0.05/);
  assert.equal(SEED_BETA_TABLE.get(5e-3)![0], 0.554529);
});
