import { test } from 'node:test';
import assert from 'node:assert/strict';
import { telescopeArrayResults } from '../../lib/telescope-array/paper';
import { resultRow } from '../../lib/results/record';

const resolution = (angle68: number) => ({ angle68, biasE: 0.01, sigmaE: 0.2, relSigmaE: 0.19, sigmaLogE: 0.08 });
const set = { ev: { dNx: 0.1, dNy: 0.12, dLog10E: 0.2 }, standard: resolution(1.2), corrected: resolution(1.0) };

test('every quantity of the TA notebook is recorded without a paper value (the lecture shows plots only)', () => {
  const rows = telescopeArrayResults({ nuclei: set, photons: set }).map(resultRow);
  assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
  assert.ok(rows.every((r) => r.paper === null && r.verdict === 'no-paper-value' && /seed 001/.test(r.source)));
  assert.equal(rows.find((r) => r.key === 'angle68_nuclei_corr_deg')!.ours, 1.0);
  const issue17 = ['ev_nx_nuclei', 'ev_ny_nuclei', 'ev_log10e_nuclei', 'ev_log10e_photons', 'angle68_nuclei_std_deg', 'angle68_nuclei_corr_deg',
    'angle68_photons_std_deg', 'angle68_photons_corr_deg', 'de_over_e_sigma_nuclei_std', 'de_over_e_sigma_nuclei_corr'];
  assert.deepEqual(issue17.filter((k) => !rows.some((r) => r.key === k)), []);
  assert.deepEqual(rows.filter((r) => r.headline).map((r) => r.key), ['ev_log10e_nuclei']);
});

test('a missing explained variance is an error that names it', () => {
  assert.throws(() => telescopeArrayResults({ nuclei: { ...set, ev: { dNx: 0.1 } }, photons: set }), /no explained variance for "dNy" \(have dNx\)/);
});

test('the run\'s scale against the lecture\'s ~10⁶ events, the ablation per bin width and the warm-up are recorded when given', () => {
  const ablation = [{ 'bin (ns)': 80, 'mean val EV': 0.1, dLog10E: 0.2 }, { 'bin (ns)': 20, 'mean val EV': 0.15, dLog10E: 0.25 }];
  const rows = telescopeArrayResults({ nuclei: set, photons: set, training: { trainEvents: 1_000_000, peakRssMb: 900 }, ablation, warmupAccuracy: 0.97 }).map(resultRow);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  assert.equal(byKey.get('train_events')!.paper, 1e6);
  assert.equal(byKey.get('train_events')!.verdict, 'reproduced');
  assert.equal(byKey.get('peak_rss_mb')!.ours, 900);
  assert.equal(byKey.get('ablation_ev_mean_20ns')!.ours, 0.15);
  assert.equal(byKey.get('ablation_ev_log10e_80ns')!.ours, 0.2);
  assert.equal(byKey.get('warmup_digits_accuracy')!.ours, 0.97);
  assert.equal(new Set(rows.map((r) => r.key)).size, rows.length);
});
