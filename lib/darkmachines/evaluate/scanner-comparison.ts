/**
 * The seed's four parameter scanners side by side — the Gaussian particle filter, the genetic
 * algorithm, nested sampling (MultiNest-style) and tunnelling — on the same test functions and on the
 * 19-parameter pMSSM toy, each with the same budget of calls: best value, calls used (nested sampling
 * and tunnelling stop by themselves), calls to reach the optimum, and modes found. Typed tables for a
 * notebook cell (`showTable`).
 *
 * Modes found: on a test function, the separate places (friends-of-friends clusters, linking length
 * 5 % of the box) among the points within the tolerance of the global minimum value; on the pMSSM
 * toy, the toy's hidden modes with at least one point in their good region (`goodRegionCoverage`).
 *
 * Meant for a cell of notebook 04-darkmachines (not yet wired in; `compareScanners` of `scan-study.ts` still runs the three older scanners there).
 */
import type { Random } from '../../random';
import { linkClusters } from '../model/modes';
import { nestedScan } from '../model/nested-sampling';
import { goodRegionCoverage, GOOD_CHI2, type PmssmToy } from '../data/pmssm-toy';
import { callsToReach, gaussianParticleFilter, geneticAlgorithm, type ScanProblem, type ScanResult } from '../model/scanners';
import type { TestFunction } from '../data/test-functions';
import { tunnelling } from '../model/tunnelling';

/**
 * The four scanners by name, each with its default options except nested sampling, which runs with
 * 100 live points (comparable to the particle filter's 200 particles and the GA's 100 individuals;
 * with its default 400 it does not reach the pMSSM toy's good region within 3·10⁴ calls).
 */
export const FOUR_SCANNERS: Readonly<Record<string, (problem: ScanProblem, budget: number, rng: Random) => ScanResult>> = {
  'Gaussian particle filter': gaussianParticleFilter,
  'genetic algorithm': geneticAlgorithm,
  'nested sampling': (problem, budget, rng) => nestedScan(problem, budget, rng, { livePoints: 100 }),
  tunnelling: tunnelling,
};

/** One row of the test-function comparison. */
export type ScannerRow = {
  function: string;
  dim: number;
  method: string;
  bestF: number;
  /** best f found minus the true minimum */
  gap: number;
  /** calls used (≤ the budget) */
  evaluations: number;
  /** calls until f − f_min ≤ tolerance (Infinity: not reached) */
  callsToOptimum: number;
  /** separate places within the tolerance of the minimum value (file header) */
  modesFound: number;
};

/** Distinct places among the (at most `maxPoints` best) points with f ≤ `fGood`. */
export function placesBelow(result: ScanResult, dim: number, lower: readonly number[], upper: readonly number[], fGood: number, maxPoints = 2000, linkLength = 0.05): number {
  const good = Array.from(result.values.keys()).filter((c) => result.values[c] <= fGood);
  good.sort((a, b) => result.values[a] - result.values[b]);
  const kept = good.slice(0, maxPoints);
  const pts = new Float64Array(kept.length * dim);
  kept.forEach((c, k) => pts.set(result.points.subarray(c * dim, (c + 1) * dim), k * dim));
  return linkClusters(pts, dim, lower, upper, linkLength).count;
}

/**
 * Runs the four scanners on each function with `budget` calls. "Reached the optimum": f − f_min ≤
 * `tolerance(fn)` (default 10⁻² per dimension; Eggholder 1 per dimension, its values being ~10³), as in
 * `compareScanners`.
 */
export function compareFourScanners(functions: readonly TestFunction[], budget: number, rng: Random, tolerance?: (fn: TestFunction) => number): ScannerRow[] {
  const tol = tolerance ?? ((fn: TestFunction) => (fn.name.startsWith('Eggholder') ? 1 : 0.01) * fn.dim);
  return functions.flatMap((fn) =>
    Object.entries(FOUR_SCANNERS).map(([method, scan]) => {
      const r = scan(fn, budget, rng.fork(`${fn.name} ${method}`));
      return {
        function: fn.name.split(' ')[0], dim: fn.dim, method, bestF: r.bestF, gap: r.bestF - fn.fMin, evaluations: r.calls,
        callsToOptimum: callsToReach(r, fn.fMin + tol(fn)), modesFound: placesBelow(r, fn.dim, fn.lower, fn.upper, fn.fMin + tol(fn)),
      };
    }),
  );
}

/** One row of the pMSSM-toy comparison. */
export type PmssmScannerRow = {
  method: string;
  bestLogL: number;
  evaluations: number;
  /** calls until a point inside the good region (χ² ≤ GOOD_CHI2 for some mode) */
  callsToGoodRegion: number;
  /** hidden modes with a point in their good region, of `toy.modes.length` */
  modesFound: number;
  /** fraction of the calls that landed in the good region */
  fractionOfCalls: number;
};

/** Calls until the first point of the good region (Infinity: never). */
function callsToGoodRegion(toy: PmssmToy, r: ScanResult): number {
  for (let c = 0; c < r.calls; c++) if (Math.min(...toy.chi2(r.points.subarray(c * toy.dim, (c + 1) * toy.dim))) <= GOOD_CHI2) return c + 1;
  return Infinity;
}

/** The four scanners on the pMSSM toy (minimising −ln L); the table and the scans (for plots). */
export function compareFourOnPmssm(toy: PmssmToy, budget: number, rng: Random): { rows: PmssmScannerRow[]; scans: Record<string, ScanResult> } {
  const problem = { ...toy, f: (x: ArrayLike<number>) => -toy.logL(x) };
  const scans: Record<string, ScanResult> = {};
  const rows = Object.entries(FOUR_SCANNERS).map(([method, scan]) => {
    const r = (scans[method] = scan(problem, budget, rng.fork(method)));
    const cov = goodRegionCoverage(toy, r.points);
    return { method, bestLogL: -r.bestF, evaluations: r.calls, callsToGoodRegion: callsToGoodRegion(toy, r), modesFound: cov.modesFound, fractionOfCalls: cov.fractionOfCalls };
  });
  return { rows, scans };
}
