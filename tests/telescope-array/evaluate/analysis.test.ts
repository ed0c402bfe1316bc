/** Evaluation helpers: EV per target, corrected errors, binned statistics, containment. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAllClose, assertClose } from '../../helpers';
import { binnedStats, breakdownByPrimary, explainedVariancePerTarget, reconstructionErrors, truthOf } from '../../../lib/telescope-array/evaluate/analysis';
import { quantile } from '../../../lib/stats';
import { directionVector } from '../../../lib/telescope-array/data/ldf';

test('EV per target: perfect, useless and half-right predictions', () => {
  const t = Float32Array.from([1, 2, 3, -1, 0, 1, 0, 4, -2, 2, 1, 0]);
  const perfect = explainedVariancePerTarget(t, t);
  assert.deepEqual(Object.keys(perfect), ['dNx', 'dNy', 'dLog10E']);
  for (const v of Object.values(perfect)) assertClose(v, 1);
  const zero = explainedVariancePerTarget(t, new Float32Array(12));
  for (const v of Object.values(zero)) assertClose(v, 0, { atol: 1e-12 });
  const half = explainedVariancePerTarget(t, t.map((v) => v / 2));
  for (const v of Object.values(half)) assertClose(v, 0.75, { rtol: 1e-6 });
});

/** standard [n, 10] and truth [n, 8] rows for given directions and energies. */
function rows(std: [number, number, number][], truth: [number, number, number][]) {
  const s = new Float32Array(std.length * 10);
  const t = new Float32Array(truth.length * 8);
  std.forEach(([zen, az, logE], i) => s.set([zen, Math.cos(az), Math.sin(az), 1, logE], i * 10));
  truth.forEach(([zen, az, logE], i) => t.set([i % 5, logE, zen, az], i * 8));
  return { s, t };
}

test('errors of the standard reconstruction and of a correction that adds the true error', () => {
  const { s, t } = rows([[0.3, 1, 1], [0.5, -2, 0.5]], [[0.32, 1.1, 1.1], [0.45, -2, 0.4]]);
  const e0 = reconstructionErrors(s, t);
  assertClose(e0.dEOverE[0], 10 ** -0.1 - 1, { rtol: 1e-5 });
  assertClose(e0.dCosZenith[1], Math.cos(0.5) - Math.cos(0.45), { rtol: 1e-5 });
  assert.ok(e0.angleDeg[0] > 1);
  // the exact correction (truth − standard) removes every error
  const pred = new Float32Array(6);
  [[0.3, 1, 1, 0.32, 1.1, 1.1], [0.5, -2, 0.5, 0.45, -2, 0.4]].forEach(([z, a, le, tz, ta, tle], i) => {
    const u = directionVector(z, a);
    const v = directionVector(tz, ta);
    pred.set([v[0] - u[0], v[1] - u[1], tle - le], i * 3);
  });
  const e1 = reconstructionErrors(s, t, pred);
  assertAllClose(e1.dEOverE, [0, 0], { atol: 1e-5 });
  assertAllClose(e1.angleDeg, [0, 0], { atol: 0.02 });
  const tr = truthOf(t);
  assert.deepEqual(Array.from(tr.primary), [0, 1]);
  assert.equal(breakdownByPrimary(tr, e0, e1).length, 2);
});

test('binned mean, standard deviation and 68 % quantile', () => {
  const x = [0.1, 0.2, 0.3, 1.1, 1.2, 1.3, 1.4, 1.5, 5];
  const v = [1, 2, 3, 10, 20, 30, 40, 50, 99];
  const b = binnedStats(x, v, [0, 1, 2], undefined, 3);
  assert.deepEqual(b.centres, [0.5, 1.5]);
  assert.deepEqual(b.n, [3, 5]);
  assertAllClose(b.mean, [2, 30]);
  assertAllClose(b.std, [1, Math.sqrt(250)], { rtol: 1e-12 });
  assertClose(b.q68[1], quantile([10, 20, 30, 40, 50], 0.68));
  assert.ok(Number.isNaN(binnedStats(x, v, [0, 1], undefined, 4).mean[0]));
  assertClose(quantile([3, 1, 2], 0.5), 2);
});

test('breakdownByPrimary: per-primary counts, 68 % angles, ΔE/E bias and resolution, in PRIMARIES order', () => {
  // primaries Fe (3), H (0), Fe, photon (4), H, Fe
  const truth = { primary: Int32Array.from([3, 0, 3, 4, 0, 3]) } as ReturnType<typeof truthOf>;
  const errors = (angle: number[], dE: number[]) => ({ angleDeg: Float64Array.from(angle), dEOverE: Float64Array.from(dE) }) as ReturnType<typeof reconstructionErrors>;
  const std = errors([1, 2, 3, 4, 5, 6], [0.1, -0.2, 0.3, 0.4, 0.2, -0.1]);
  const corr = errors([0.5, 1, 1.5, 2, 2.5, 3], [0, 0.1, 0, -0.1, 0.1, 0.2]);
  const rows = breakdownByPrimary(truth, std, corr);
  assert.deepEqual(rows.map((r) => [r.primary, r.events]), [['H', 2], ['Fe', 3], ['photon', 1]]);
  const fe = rows[1];
  assertClose(fe['angle68 std (deg)'] as number, quantile([1, 3, 6], 0.68), { rtol: 5e-3 });
  assertClose(fe['ΔE/E bias std'] as number, (0.1 + 0.3 - 0.1) / 3, { rtol: 5e-3 });
  const m = (0 + 0 + 0.2) / 3;
  assertClose(fe['ΔE/E res corr'] as number, Math.sqrt((2 * m * m + (0.2 - m) ** 2) / 2), { rtol: 5e-3 });
  assert.ok(Number.isNaN(rows[2]['ΔE/E res std'] as number), 'no spread from a single event');
});

test('binnedStats keeps empty bins, skips unselected events and values outside the edges', () => {
  const x = [0.5, 0.5, 2.5, 2.5, 2.5, -1, 3, NaN];
  const v = [1, 3, 10, 20, 60, 99, 99, 99];
  const b = binnedStats(x, v, [0, 1, 2, 3], (i) => i !== 4, 2);
  assert.deepEqual(b.centres, [0.5, 1.5, 2.5]);
  assert.deepEqual(b.n, [2, 0, 2]);
  assertAllClose(b.mean, [2, NaN, 15]);
  assertAllClose(b.std, [Math.SQRT2, NaN, Math.sqrt(50)], { rtol: 1e-12 });
});
