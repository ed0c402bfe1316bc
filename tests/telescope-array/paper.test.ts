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
  assert.equal(rows.find((r) => r.key === 'angle68_nuclei_corrected')!.ours, 1.0);
  assert.deepEqual(rows.filter((r) => r.headline).map((r) => r.key), ['ev_log10e_nuclei']);
});

test('a missing explained variance is an error that names it', () => {
  assert.throws(() => telescopeArrayResults({ nuclei: { ...set, ev: { dNx: 0.1 } }, photons: set }), /no explained variance for "dNy" \(have dNx\)/);
});
