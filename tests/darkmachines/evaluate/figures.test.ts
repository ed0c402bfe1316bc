/** Tests of lib/darkmachines/evaluate/figures.ts: the multiplicity table of the generator, the latent PCA figure. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latentPcaFigure, multiplicityRows } from '../../../lib/darkmachines/evaluate/figures';
import type { DmEvent } from '../../../lib/darkmachines/data/event';
import { assertClose } from '../../helpers';

const jet = (pt: number) => ({ type: 'j' as const, E: pt, pt, eta: 0, phi: 0 });
const ev = (nJets: number, MET = 10): DmEvent => ({ id: '1', process: 'p', weight: 1, MET, METphi: 0, objects: Array.from({ length: nJets }, (_, k) => jet(100 - k)) });

test('multiplicity rows: slot cut, mixture, prior and noise floor, KS against the independent sample', () => {
  const truth = [ev(2), ev(4), ev(7), ev(8)];
  const rows = multiplicityRows({ truth, simulated: truth, generated: [ev(2), ev(4), ev(7), ev(8)], generatedFromPrior: [ev(1, 50), ev(1, 50), ev(1, 50), ev(1, 50)] }, 6);
  assert.equal(rows.length, 4);
  assertClose(rows[0]['KS nJets'], 0.5, { atol: 1e-12 }); // half the events have more than 6 jets
  assert.equal(rows[1]['KS nJets'], 0);
  assert.equal(rows[2]['KS nJets'], 1);
  assert.equal(rows[2]['KS MET'], 1);
  assert.equal(rows[3]['KS HT'], 0);
});

test('latent PCA figure: one point per event', () => {
  const fig = latentPcaFigure(Float64Array.from([0, 1, 2, 3, 4, 5]), [ev(1), ev(2), ev(3)], [0.5, 0.2]);
  assert.match(JSON.stringify(fig.spec), /PC 1 \(50 % of the latent variance\)/);
});
