/** Tests of lib/zprime/evaluate/masses.ts: the masses a selection picks, overall and per Z′ mass point. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeatureSet } from '../../../lib/zprime/data/features';
import { massPointSeries, selectedMasses } from '../../../lib/zprime/evaluate/masses';

// five events: background ttbar, Z′ → ℓℓ at 1 TeV, Z′ → jj at 1 TeV, Z′ → ℓℓ at 2 TeV, background Zjets
const test5 = {
  n: 5,
  label: Uint8Array.from([0, 1, 1, 1, 0]),
  process: Uint8Array.from([0, 1, 2, 3, 4]),
  processNames: ['ttbar', 'Zprime_ll_1000', 'Zprime_jj_1000', 'Zprime_ll_2000', 'Zjets'],
  mll: Float32Array.from([300, 990, NaN, 2010, 91]),
  mjj: Float32Array.from([400, NaN, 1020, NaN, 150]),
} as unknown as FeatureSet;
const score = [0.9, 0.8, 0.7, 0.95, 0.1];

test('selectedMasses: the pair mass of the events at or above the cut', () => {
  assert.deepEqual(Array.from(selectedMasses(test5, { name: 'm', score, cut: 0.8 }, 'lep')), [300, 990, 2010]);
  assert.deepEqual(Array.from(selectedMasses(test5, { name: 'm', score, cut: 0.7 }, 'jet')), [400, 1020]);
});

test('massPointSeries: background plus one Z′ mass; truth is that mass in the chosen channel', () => {
  const lep = massPointSeries(test5, score, 0.5, 1000, 'lep');
  assert.deepEqual(Array.from(lep.predicted), [300, 990], 'the 2 TeV Z′ and the low-score Z+jets are not in it');
  assert.deepEqual(Array.from(lep.truth), [990]);
  const jet = massPointSeries(test5, score, 0.5, 1000, 'jet');
  assert.deepEqual(Array.from(jet.predicted), [400, 1020]);
  assert.deepEqual(Array.from(jet.truth), [1020]);
});
