/** Resolution figures of the standard and corrected reconstructions: one estimator (n − 1), the same as the binned curves. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../helpers';
import { binnedStats } from '../../../lib/telescope-array/evaluate/analysis';
import { residualLog10E, resolutionOf } from '../../../lib/telescope-array/evaluate/resolution';

const errors = (dEOverE: number[], angleDeg: number[]) => ({
  dEOverE: Float64Array.from(dEOverE),
  angleDeg: Float64Array.from(angleDeg),
  dCosZenith: new Float64Array(dEOverE.length),
});

test('bias, σ with Bessel\'s correction, σ/(1 + bias), 68 % angle and σ(Δlog10 E) of a known sample', () => {
  const r = resolutionOf(errors([-0.1, 0.1, 0.3], [0, 1, 2]), [0.1, -0.1, 0.3]);
  assertClose(r.biasE, 0.1, { atol: 1e-15 });
  // Σ(x − x̄)² = 0.08: σ = √(0.08 / 2) = 0.2 with n − 1 (√(0.08 / 3) ≈ 0.163 with n)
  assertClose(r.sigmaE, 0.2, { rtol: 1e-12 });
  assertClose(r.relSigmaE, 0.2 / 1.1, { rtol: 1e-12 });
  assertClose(r.angle68, 1.36, { rtol: 1e-12 }); // position 0.68·2 = 1.36 between 1 and 2
  assertClose(r.sigmaLogE, 0.2, { rtol: 1e-12 });
});

test('the resolution σ equals the binned curves\' σ on the same events (one estimator)', () => {
  const dE = [-0.2, 0.05, 0.1, 0.4, -0.05, 0.15];
  const binned = binnedStats([1, 1, 1, 1, 1, 1], dE, [0.5, 1.5], undefined, 2);
  assertClose(resolutionOf(errors(dE, [0, 0, 0, 0, 0, 0]), [0, 1]).sigmaE, binned.std[0], { rtol: 1e-12 });
});

test('residual log-energy error: the target, minus the prediction once corrected', () => {
  const e = { n: 2, targets: Float32Array.from([0, 0, 0.5, 0, 0, -0.25]), pred: Float32Array.from([9, 9, 0.25, 9, 9, -0.5]) };
  assert.deepEqual(Array.from(residualLog10E(e, 'standard')), [0.5, -0.25]);
  assert.deepEqual(Array.from(residualLog10E(e, 'corrected')), [0.25, 0.25]);
});
