/** The notebook's small tables: angles in degrees, θ from sec θ, joined layer widths, event counts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../helpers';
import { energyTableRows, eventCount, fitVersusTruth, showerTitle, trialRows } from '../../../lib/telescope-array/evaluate/tables';
import type { TrueShower } from '../../../lib/telescope-array/data/simulate';
import type { StandardFit } from '../../../lib/telescope-array/data/reconstruct';

const truth = { primary: 3, energyEeV: 31.2, zenith: Math.PI / 6, azimuth: -Math.PI / 2, xCore: 10, yCore: 20, xmax: 700, s800: 40, s800Mu: 10 } as TrueShower;

test('fit beside truth in degrees, χ²/ndf for the fit only', () => {
  const fit = { ...truth, zenith: Math.PI / 4, chi2: 12, ndf: 6 } as unknown as StandardFit;
  const rows = new Map(fitVersusTruth(truth, fit).map((r) => [r.quantity, r]));
  assertClose(rows.get('zenith (deg)')!.truth, 30, { rtol: 1e-12 });
  assertClose(rows.get('zenith (deg)')!.standard, 45, { rtol: 1e-12 });
  assertClose(rows.get('azimuth (deg)')!.truth, -90, { rtol: 1e-12 });
  assert.equal(rows.get('χ² / ndf')!.standard, 2);
  assert.ok(Number.isNaN(rows.get('χ² / ndf')!.truth));
  assert.equal(showerTitle(truth), 'Fe, 31 EeV, θ = 30°');
});

test('energy table rows: θ = arccos(1 / sec θ)', () => {
  const rows = energyTableRows({ secCentres: [1, 2], alpha: [0.1, 0.2], beta: [1.0, 1.1] });
  assertClose(rows[1]['θ (deg)'], 60, { rtol: 1e-12 });
  assert.equal(rows[0]['θ (deg)'], 0);
  assert.equal(rows[1].β, 1.1);
});

test('search trials joined for the table; events summed over shards', () => {
  const [row] = trialRows([{ conv1d: [8, 16], conv2d: [], dense: [64, 32], l2: 1e-5, dropout: 0.1, params: 5, valLoss: 1, valEV: 0.1, seconds: 2 }]);
  assert.equal(row.conv1d, '8-16');
  assert.equal(row.conv2d, 'none');
  assert.equal(row.dense, '64-32');
  assert.equal(eventCount([{ n: 3 }, { n: 4 }]), 7);
});
