/** Why the photons' ΔE/E σ grows with the correction: the scale-only row and the within/between split of σ². */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../helpers';
import { meanStd } from '../../../lib/stats';
import { energyScaleTable, splitVariance } from '../../../lib/telescope-array/evaluate/energy-scale';
import type { Evaluation } from '../../../lib/telescope-array/evaluate/test-set';

test('σ² splits into the spread within energy bins and the spread of the bins\' means (n − 1 throughout)', () => {
  const x = [0.6, 0.6, 0.6, 1.6, 1.6, 1.6, 3];
  const v = [0.1, 0.2, 0.3, -0.1, -0.2, 0.0, 99]; // the last event lies outside the edges
  const s = splitVariance(x, v, [0.5, 1, 2]);
  assertClose(s.total, meanStd(v.slice(0, 6)).std ** 2, { rtol: 1e-12 });
  assertClose(s.within + s.between, s.total, { rtol: 1e-12 });
  // within: two bins of σ² = 0.01 with n − 1 = 2 each → 0.04 / 5
  assertClose(s.within, 0.04 / 5, { rtol: 1e-12 });
});

test('a correction that only rescales the standard energies widens σ by 1/(1 + bias) and leaves σ/(1 + bias) alone', () => {
  const dEOverE = Float64Array.from([-0.5, -0.3, -0.4, -0.2, -0.35, -0.45]);
  const e = {
    standard: { dEOverE, angleDeg: new Float64Array(6), dCosZenith: new Float64Array(6) },
    corrected: { dEOverE: Float64Array.from([0.1, -0.1, 0.05, -0.05, 0, 0]), angleDeg: new Float64Array(6), dCosZenith: new Float64Array(6) },
    truth: { log10E: Float64Array.from([0.6, 0.7, 0.8, 1.1, 1.2, 1.3]), primary: new Int32Array(6) },
  } as unknown as Evaluation;
  const [std, scaleOnly, corrected] = energyScaleTable(e, [0.5, 1, 1.5]);
  const b = meanStd(dEOverE).mean;
  assertClose(scaleOnly['ΔE/E bias'], 0, { atol: 1e-12 });
  assertClose(scaleOnly['ΔE/E σ'], std['ΔE/E σ'] / (1 + b), { rtol: 1e-12 });
  assertClose(scaleOnly['σ / (1 + bias)'], std['σ / (1 + bias)'], { rtol: 1e-12 });
  assert.ok(scaleOnly['ΔE/E σ'] > std['ΔE/E σ'], 'removing a negative bias widens σ');
  assert.equal(corrected.reconstruction, 'corrected');
});
