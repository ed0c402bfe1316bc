/** The Levenberg–Marquardt solver: known minima, analytic vs numerical Jacobians, bounds, Cholesky. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAllClose, assertClose } from '../../helpers';
import { choleskySolve, levenbergMarquardt, numericalJacobian } from '../../../lib/telescope-array/data/lm';

test('Cholesky solves a symmetric positive-definite system and rejects an indefinite one', () => {
  const A = Float64Array.from([4, 2, 0, 2, 5, 1, 0, 1, 3]);
  const x = choleskySolve(A, Float64Array.from([2, 1, 4]))!;
  const back = [4 * x[0] + 2 * x[1], 2 * x[0] + 5 * x[1] + x[2], x[1] + 3 * x[2]];
  assertAllClose(back, [2, 1, 4], { rtol: 1e-12 });
  assert.equal(choleskySolve(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1])), null);
});

test('Rosenbrock residuals (10(y − x²), 1 − x) reach (1, 1) from (−1.2, 1)', () => {
  const res = levenbergMarquardt((p) => Float64Array.from([10 * (p[1] - p[0] * p[0]), 1 - p[0]]), [-1.2, 1], { maxIterations: 200 });
  assertAllClose(res.params, [1, 1], { atol: 1e-6 });
  assert.ok(res.cost < 1e-12);
  assert.ok(res.converged);
});

test('exponential decay: noise-free data give the true parameters; analytic Jacobian agrees', () => {
  const xs = Array.from({ length: 20 }, (_, i) => i * 0.25);
  const ys = xs.map((x) => 3 * Math.exp(-0.7 * x) + 0.5);
  const r = (p: Float64Array) => Float64Array.from(xs.map((x, i) => p[0] * Math.exp(-p[1] * x) + p[2] - ys[i]));
  const jac = (p: Float64Array) => Float64Array.from(xs.flatMap((x) => [Math.exp(-p[1] * x), -p[0] * x * Math.exp(-p[1] * x), 1]));
  const num = levenbergMarquardt(r, [1, 0.1, 0]);
  const ana = levenbergMarquardt(r, [1, 0.1, 0], { jacobian: jac });
  assertAllClose(num.params, [3, 0.7, 0.5], { rtol: 1e-5 });
  assertAllClose(ana.params, [3, 0.7, 0.5], { rtol: 1e-7 });
  const p = Float64Array.from([2, 0.5, 1]);
  assertAllClose(numericalJacobian(r, p, r(p)), jac(p), { atol: 1e-5 });
});

test('bounds are respected: the minimum of (x − 3)² with x ≤ 2 is at 2', () => {
  const res = levenbergMarquardt((p) => Float64Array.from([p[0] - 3]), [0], { upper: [2] });
  assertClose(res.params[0], 2, { atol: 1e-12 });
});

test('covariance of a straight-line fit with unit errors matches (XᵀX)⁻¹', () => {
  const xs = [0, 1, 2, 3];
  const res = levenbergMarquardt((p) => Float64Array.from(xs.map((x) => p[0] + p[1] * x - (1 + 2 * x))), [0, 0]);
  // XᵀX = [[4, 6], [6, 14]] → inverse = [[0.7, −0.3], [−0.3, 0.2]]
  assertAllClose(res.covariance!, [0.7, -0.3, -0.3, 0.2], { atol: 1e-6 });
});
