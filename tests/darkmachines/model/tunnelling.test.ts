/** Tests of lib/darkmachines/tunnelling.ts and local-descent.ts: escaping local minima of known functions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { nelderMead } from '../../../lib/darkmachines/model/local-descent';
import { tunnelling } from '../../../lib/darkmachines/model/tunnelling';
import { eggholder, himmelblau, rastrigin, rosenbrock, type TestFunction } from '../../../lib/darkmachines/data/test-functions';
import type { ScanProblem } from '../../../lib/darkmachines/model/scanners';

/** Plain local descent (Nelder–Mead) from `start` in the box's unit cube; returns the minimum's value and place. */
function localDescent(p: ScanProblem, start: readonly number[]) {
  const toBox = (u: ArrayLike<number>) => Array.from(u, (v, j) => p.lower[j] + v * (p.upper[j] - p.lower[j]));
  const r = nelderMead((u) => p.f(toBox(u)), start.map((v, j) => (v - p.lower[j]) / (p.upper[j] - p.lower[j])));
  return { f: r.f, x: toBox(r.x) };
}

// A tilted double well: a local minimum near x = +0.96 (f ≈ +0.29), the global one near x = −1.04 (f ≈ −0.31).
const doubleWell: ScanProblem = { dim: 1, lower: [-2], upper: [2], f: (x) => (x[0] ** 2 - 1) ** 2 + 0.3 * x[0] };

test('Nelder–Mead finds the minimum of its basin: the quadratic bowl exactly, the double well only locally', () => {
  const bowl = nelderMead((u) => (u[0] - 0.3) ** 2 + 2 * (u[1] - 0.7) ** 2, [0.9, 0.1]);
  assert.ok(bowl.converged && Math.abs(bowl.x[0] - 0.3) < 1e-5 && Math.abs(bowl.x[1] - 0.7) < 1e-5);
  const stuck = localDescent(doubleWell, [1.5]);
  assert.ok(Math.abs(stuck.x[0] - 0.96) < 0.01 && stuck.f > 0.29, `descent went to ${stuck.x}`);
});

test('tunnelling escapes the local minimum of the double well and reaches the global one', () => {
  // the global minimiser: the root of f′ = 4x³ − 4x + 0.3 near −1, by bisection
  let [lo, hi] = [-1.2, -0.9];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (4 * mid ** 3 - 4 * mid + 0.3 < 0) lo = mid;
    else hi = mid;
  }
  for (const seed of [1, 2, 3, 4]) {
    const r = tunnelling(doubleWell, 5000, new Random(seed), { start: [1.5] });
    assert.ok(Math.abs(r.bestX[0] - lo) < 1e-4, `seed ${seed}: ended at ${r.bestX[0]}, global minimum at ${lo}`);
    assert.ok(r.calls < 5000, 'stops by itself once tunnelling finds nothing lower');
    assert.equal(r.minima.length, 1);
  }
});

/** Runs tunnelling from `start` with 8 seeds: how many reach f − f_min ≤ tol, and the plain descent's gap. */
function fromStuckStart(fn: TestFunction, start: number[], tol: number) {
  const stuckGap = localDescent(fn, start).f - fn.fMin;
  const runs = Array.from({ length: 8 }, (_, s) => tunnelling(fn, 20_000, new Random(s), { start }));
  const reached = runs.filter((r) => r.bestF - fn.fMin <= tol).length;
  console.log(`# ${fn.name} from (${start}): local descent stops ${stuckGap.toFixed(2)} above the minimum; tunnelling reaches it in ${reached}/8 seeds, ${Math.round(runs.reduce((s, r) => s + r.calls, 0) / 8)} calls on average`);
  return { stuckGap, reached, runs };
}

test('on Rastrigin and Eggholder, tunnelling reaches the global minimum where local descent is stuck', () => {
  const ras = fromStuckStart(rastrigin(2), [3.1, -2.2], 1e-6);
  assert.ok(ras.stuckGap > 5);
  assert.ok(ras.reached >= 6);
  const egg = fromStuckStart(eggholder(2), [-300, 200], 1e-3);
  assert.ok(egg.stuckGap > 100);
  assert.ok(egg.reached >= 6);
  const ros = fromStuckStart(rosenbrock(2), [-3, 8], 1e-8);
  assert.equal(ros.reached, 8);
});

test('tunnelling finds all four equal minima of Himmelblau as separate poles', () => {
  const known = [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]];
  for (const seed of [0, 1, 2]) {
    const r = tunnelling(himmelblau(2), 20_000, new Random(seed), { start: [0, 0] });
    assert.equal(r.minima.length, 4, `seed ${seed}: ${JSON.stringify(r.minima)}`);
    for (const k of known) assert.ok(r.minima.some((m) => Math.hypot(m.x[0] - k[0], m.x[1] - k[1]) < 1e-3), `seed ${seed}: minimum ${k} missing`);
  }
});

test('tunnelling keeps to the budget; with restarts it spends all of it', () => {
  const r = tunnelling(rastrigin(4), 3000, new Random(1), { restarts: true });
  assert.equal(r.calls, 3000);
  assert.ok(r.points.every((v) => v >= -5.12 && v <= 5.12));
  for (let c = 1; c < r.calls; c++) assert.ok(r.bestSoFar[c] <= r.bestSoFar[c - 1]);
  assert.equal(tunnelling(rastrigin(2), 10, new Random(1)).calls, 10);
});
