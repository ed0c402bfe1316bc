import { test } from 'node:test';
import assert from 'node:assert/strict';
import { darkMachinesResults, betaAblationRows, betaKey, betaVarianceQuantity, generatorKs, SEED_BETA_TABLE } from '../../lib/darkmachines/paper';
import { assertClose } from '../helpers';
import { resultRow } from '../../lib/results/record';

test('β-table entries are reproduced within a factor 3 of the talk\'s value, else short', () => {
  const rows = darkMachinesResults({
    betaVariance: [{ beta: 1, avgVar: 0.98 }, { beta: 5e-3, avgVar: 0.15 }, { beta: 5e-5, avgVar: 0.2 }, { beta: 0, avgVar: 1.3e-4 }],
    bestDetector: { name: 'GMM (VAE latent)', meanAuc: 0.74 }, metMeanAuc: 0.7,
    spaceMeanAuc: { input: { ae: 0.6, if: 0.65, gmm: NaN }, latent: { ae: 0.7, if: 0.71, gmm: 0.74 } }, generator: { eventsPerSecond: 5000, ks: { njets: 0.05, met: 0.02, ht: 0.03, lead_pt: 0.04 } }, pmssmModes: { gpf: 1, random: 0 },
  }).map(resultRow);
  const row = (key: string) => rows.find((r) => r.key === key)!;
  assert.equal(row('beta_var_1').verdict, 'reproduced');
  assert.equal(row('beta_var_5e_3').verdict, 'short'); // 0.15 against 0.555: a factor 3.7
  assert.equal(row('beta_var_5e_5').verdict, 'reproduced'); // 0.2 against 0.097: a factor 2.1
  assert.equal(row('beta_var_0').verdict, 'reproduced'); // 1.3e-4 against 4.4e-5: a factor 2.9
  assert.equal(row('mean_auc_latent_gmm').ours, 0.74);
  assert.equal(row('mean_auc_input_gmm').ours, null); // not run: no number, never a made-up one
  assert.equal(row('mean_auc_input_if').verdict, 'no-paper-value');
  assert.equal(row('generator_events_per_s').verdict, 'short');
  assert.equal(row('generator_events_per_s').paper!.toFixed(0), '55556');
  assert.deepEqual(['njets', 'met', 'ht', 'lead_pt'].map((k) => row(`generator_ks_${k}`).ours), [0.05, 0.02, 0.03, 0.04]);
  assert.equal(row('generator_ks_njets').verdict, 'no-paper-value');
  assert.match(row('best_detector_mean_auc').label, /GMM \(VAE latent\)/);
  assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
});

test('β-table keys follow the issue: beta_var_1, beta_var_5e_3, beta_var_5e_5, beta_var_0', () => {
  assert.deepEqual([1, 5e-1, 5e-3, 5e-5, 5e-6, 0].map(betaKey), ['beta_var_1', 'beta_var_5e_1', 'beta_var_5e_3', 'beta_var_5e_5', 'beta_var_5e_6', 'beta_var_0']);
});

test('a β that is not in the talk\'s table is an error listing the table', () => {
  assert.throws(() => betaVarianceQuantity(0.1), /no row for β = 0.1 \(it has 1, 0.5, 0.05/);
  assert.equal(SEED_BETA_TABLE.get(5e-3)![0], 0.554529);
});

test('generatorKs takes the KS of nJets, MET, HT and leadPt from the comparison rows, and names a missing one', () => {
  const rows = ['MET', 'HT', 'nJets', 'leadPt'].map((variable, i) => ({ variable, ks: i / 10 }));
  assert.deepEqual(generatorKs(rows), { njets: 0.2, met: 0, ht: 0.1, lead_pt: 0.3 });
  assert.throws(() => generatorKs(rows.slice(1)), /no row "MET"/);
});

test('β ablation table: the scan and each variant beside the talk, ratios, NaN where a variant did not run a β', () => {
  const scan = [{ beta: 5e-3, avgVar: 0.14, activeDims: 8 }, { beta: 0, avgVar: 4.4e-4, activeDims: 8 }];
  const ablation = [{ variant: 'Z = 20', beta: 5e-3, avgVar: 0.45, activeDims: 12, latentDim: 20 }, { variant: 'long', beta: 0, avgVar: 4.4e-5, activeDims: 8, latentDim: 8 }];
  const rows = betaAblationRows(scan, ablation, 'ours');
  assert.equal(rows[0].talk, 0.554529);
  assertClose(rows[0]['ours: ratio'] as number, 0.14 / 0.554529, { rtol: 1e-12 });
  assert.equal(rows[0]['Z = 20: active'], '12/20');
  assert.ok(Number.isNaN(rows[0]['long'] as number));
  assertClose(rows[1]['long: ratio'] as number, 4.4e-5 / 4.42e-5, { rtol: 1e-12 });
});
