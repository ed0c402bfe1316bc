/**
 * The parameter-scan comparison of notebook 04-darkmachines: every scanner on every test function
 * and dimension at the same budget of likelihood calls, and on the 19-parameter pMSSM-like toy;
 * tables of calls-to-optimum and of the good region found, and the points of a scan for plots.
 *
 * Used by notebook 04-darkmachines.
 */
import type { Random } from '../../random';
import { goodRegionCoverage, GOOD_CHI2, type PmssmToy } from '../data/pmssm-toy';
import { callsToReach, SCANNERS, type ScanResult } from '../model/scanners';
import type { TestFunction } from '../data/test-functions';

/** One row of the test-function table. */
export type ScanRow = {
  function: string;
  dim: number;
  method: string;
  /** best f found minus the true minimum */
  gap: number;
  /** likelihood calls until f − f_min ≤ tolerance (Infinity: not within the budget) */
  callsToOptimum: number;
};

/**
 * Runs the three scanners on each function with `budget` calls. "Reached the optimum" means
 * f − f_min ≤ `tolerance(fn)` (default 10⁻² per dimension; for Eggholder 1 per dimension, its
 * values being ~10³).
 */
export function compareScanners(functions: readonly TestFunction[], budget: number, rng: Random, tolerance?: (fn: TestFunction) => number): ScanRow[] {
  const tol = tolerance ?? ((fn: TestFunction) => (fn.name.startsWith('Eggholder') ? 1 : 0.01) * fn.dim);
  const rows: ScanRow[] = [];
  for (const fn of functions) {
    for (const [method, scan] of Object.entries(SCANNERS)) {
      const r = scan(fn, budget, rng.fork(`${fn.name} ${method}`));
      rows.push({ function: fn.name.split(' ')[0], dim: fn.dim, method, gap: r.bestF - fn.fMin, callsToOptimum: callsToReach(r, fn.fMin + tol(fn)) });
    }
  }
  return rows;
}

/** One row of the pMSSM-toy table. */
export type PmssmRow = {
  method: string;
  bestLogL: number;
  /** calls until a point inside the good region (χ² ≤ GOOD_CHI2 for some mode) */
  callsToGoodRegion: number;
  modesFound: number;
  fractionOfModes: number;
  /** fraction of all calls that landed in the good region */
  fractionOfCalls: number;
};

/** Scans the toy with each scanner (minimising −ln L); returns the table and the scans (for plots). */
export function scanPmssm(toy: PmssmToy, budget: number, rng: Random): { rows: PmssmRow[]; scans: Record<string, ScanResult> } {
  const problem = { ...toy, f: (x: ArrayLike<number>) => -toy.logL(x) };
  const scans: Record<string, ScanResult> = {};
  const rows = Object.entries(SCANNERS).map(([method, scan]) => {
    const r = (scans[method] = scan(problem, budget, rng.fork(method)));
    const cov = goodRegionCoverage(toy, r.points);
    let first = Infinity;
    for (let c = 0; c < r.calls && first === Infinity; c++) if (Math.min(...toy.chi2(r.points.subarray(c * toy.dim, (c + 1) * toy.dim))) <= GOOD_CHI2) first = c + 1;
    return { method, bestLogL: -r.bestF, callsToGoodRegion: first, modesFound: cov.modesFound, fractionOfModes: cov.fractionOfModes, fractionOfCalls: cov.fractionOfCalls };
  });
  return { rows, scans };
}

/** Coordinates i, j of a scan's points and each point's iteration, for a 2D-projection scatter plot. */
export function projection(result: ScanResult, dim: number, i: number, j: number): { x: Float64Array; y: Float64Array; iteration: Float64Array } {
  const n = result.calls;
  return {
    x: Float64Array.from({ length: n }, (_, c) => result.points[c * dim + i]),
    y: Float64Array.from({ length: n }, (_, c) => result.points[c * dim + j]),
    iteration: Float64Array.from(result.iteration),
  };
}
