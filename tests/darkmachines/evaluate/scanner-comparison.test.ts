/** Tests of lib/darkmachines/scanner-comparison.ts on a small budget. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { compareFourOnPmssm, compareFourScanners, FOUR_SCANNERS, placesBelow } from '../../../lib/darkmachines/evaluate/scanner-comparison';
import { himmelblau, rastrigin } from '../../../lib/darkmachines/data/test-functions';
import { pmssmToy } from '../../../lib/darkmachines/data/pmssm-toy';
import { randomScan } from '../../../lib/darkmachines/model/scanners';

test('the four scanners on two test functions: one row each, honest counts', () => {
  const budget = 4000;
  const rows = compareFourScanners([himmelblau(2), rastrigin(2)], budget, new Random(5));
  assert.equal(rows.length, 8);
  assert.deepEqual([...new Set(rows.map((r) => r.method))], Object.keys(FOUR_SCANNERS));
  for (const r of rows) {
    assert.ok(r.evaluations >= 1 && r.evaluations <= budget, `${r.method}: ${r.evaluations} calls`);
    assert.ok(r.gap >= 0 && Math.abs(r.gap - r.bestF) < 1e-12, 'both minima are 0');
    assert.ok(r.callsToOptimum === Infinity || r.callsToOptimum <= r.evaluations);
    assert.equal(r.modesFound === 0, r.callsToOptimum === Infinity, `${r.method} on ${r.function}: a mode found iff the optimum was reached`);
  }
  for (const method of ['Gaussian particle filter', 'genetic algorithm']) assert.ok(rows.filter((r) => r.method === method).every((r) => r.evaluations === budget));
  const tun = rows.find((r) => r.method === 'tunnelling' && r.function === 'Himmelblau')!;
  console.log(`# Himmelblau 2D, ${budget} calls: ${rows.filter((r) => r.function === 'Himmelblau').map((r) => `${r.method} ${r.modesFound} modes / ${r.evaluations} calls`).join(', ')}`);
  assert.equal(tun.modesFound, 4, 'tunnelling finds all four Himmelblau minima');
});

test('places below a level: the four Himmelblau minima are four places, random points near none', () => {
  const fn = himmelblau(2);
  const minima = [3, 2, -2.805118, 3.131312, -3.77931, -3.283186, 3.584428, -1.848126];
  const scan = { ...randomScan(fn, 10, new Random(1)) };
  const pts = Float64Array.from([...minima, ...minima.map((v) => v + 1e-4), ...scan.points]);
  const values = Float64Array.from({ length: pts.length / 2 }, (_, c) => fn.f(pts.subarray(2 * c, 2 * c + 2)));
  assert.equal(placesBelow({ ...scan, points: pts, values, calls: values.length }, 2, fn.lower, fn.upper, 0.01), 4);
});

test('the four scanners on the pMSSM toy: typed rows, hidden modes counted', () => {
  const { rows, scans } = compareFourOnPmssm(pmssmToy(), 3000, new Random(6));
  assert.equal(rows.length, 4);
  for (const r of rows) {
    assert.ok(r.modesFound >= 0 && r.modesFound <= 3 && r.evaluations <= 3000 && Number.isFinite(r.bestLogL));
    assert.equal(scans[r.method].calls, r.evaluations);
    assert.equal(r.modesFound === 0, r.callsToGoodRegion === Infinity);
  }
  console.log(`# pMSSM toy, 3000 calls: ${rows.map((r) => `${r.method}: best ln L ${r.bestLogL.toFixed(2)}, ${r.modesFound} modes, ${r.evaluations} calls`).join('; ')}`);
});
