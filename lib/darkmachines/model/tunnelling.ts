/**
 * The tunnelling method for global minimisation (Levy & Montalvo 1985, "The tunneling algorithm for
 * the global minimization of functions", SIAM J. Sci. Stat. Comput. 6 15; several poles for minima
 * of equal value as in Levy & Gómez 1985), one of the scanners the seed lists beside the particle
 * filter. It alternates two phases, both run here with gradient-free Nelder–Mead (`local-descent.ts`)
 * in the unit cube of the box:
 *
 * 1. minimisation: local descent to a minimum x* of the current basin, value f*;
 * 2. tunnelling: from x* + ε·(random direction), minimise the tunnelling function
 *    T(x) = (f(x) − f*) / Π_p ‖x − x*_p‖^{2λ},
 *    whose poles at the minima found (x*_p) push the search out of their basins; any x with T(x) ≤ 0
 *    lies in another basin at least as deep (f(x) ≤ f*). From there, phase 1 again.
 *
 * A lower minimum starts a new level (its pole replaces the old ones); one of the same value (within
 * `levelTolerance`) adds a pole — a further mode. The search stops after `attempts` tunnelling
 * phases in a row that find nothing (the last level is taken as global), or when the budget is spent.
 * With `restarts`, it instead starts again from a uniform random point until the budget is spent.
 *
 * Used by `lib/darkmachines/evaluate/scanner-comparison.ts`; meant for notebook 04-darkmachines (not yet wired in).
 */
import type { Random } from '../../random';
import { nelderMead } from './local-descent';
import { Recorder, type ScanProblem, type ScanResult } from './scanners';

/** Options of {@link tunnelling}. */
export interface TunnellingOptions {
  /** starting point in the box (default: uniform random) */
  start?: readonly number[];
  /** failed tunnelling phases in a row before stopping (default 4 + 2·dim) */
  attempts?: number;
  /** pole strength λ (default 1) */
  lambda?: number;
  /** distance of a tunnelling start from its pole, in units of the box (default 0.05) */
  epsilon?: number;
  /** initial simplex edge of a tunnelling phase (default 0.2) */
  tunnelStep?: number;
  /** two minima of values within this (absolute + relative to |f*|) are at the same level (default 1e-6) */
  levelTolerance?: number;
  /** two minima closer than this (box units) are the same (default 0.01) */
  poleRadius?: number;
  /** function calls of one phase at most (default 200·dim) */
  phaseEvals?: number;
  /** mobile poles per tunnelling phase (default 6) */
  mobilePoles?: number;
  /** after giving up, restart from a random point while budget remains (default false) */
  restarts?: boolean;
}

/** A scan result plus the minima at the final level (in the box) and the number of phases run. */
export type TunnellingResult = ScanResult & { minima: { x: number[]; f: number }[]; phases: number };

const dist2 = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return s;
};

/** Tunnelling (file header): minimises `problem.f` with at most `budget` calls. */
export function tunnelling(problem: ScanProblem, budget: number, rng: Random, opts: TunnellingOptions = {}): TunnellingResult {
  const d = problem.dim, rec = new Recorder(problem, budget);
  const maxAttempts = opts.attempts ?? 4 + 2 * d, lambda = opts.lambda ?? 1, eps = opts.epsilon ?? 0.05;
  const poleR2 = (opts.poleRadius ?? 0.01) ** 2, phaseEvals = opts.phaseEvals ?? 200 * d;
  const sameLevel = (a: number, b: number) => Number.isFinite(b) && Math.abs(a - b) <= (opts.levelTolerance ?? 1e-6) * (1 + Math.abs(b));
  const toBox = (u: ArrayLike<number>) => Float64Array.from({ length: d }, (_, j) => problem.lower[j] + u[j] * (problem.upper[j] - problem.lower[j]));
  let phase = 0;
  const f = (u: Float64Array) => (rec.done ? NaN : rec.eval(toBox(u), phase));
  const descend = (u0: ArrayLike<number>) => {
    phase++;
    return nelderMead(f, u0, { maxEvals: phaseEvals });
  };
  const randomUnit = () => Float64Array.from({ length: d }, () => rng.random());

  let poles: Float64Array[] = [], level = Infinity, failures = 0;
  const settle = (m: { x: Float64Array; f: number }) => {
    if (m.f < level && !sameLevel(m.f, level)) [level, poles, failures] = [m.f, [m.x], 0]; // a new, lower level
    else if (sameLevel(m.f, level) && poles.every((p) => dist2(p, m.x) > poleR2)) [poles, failures] = [[...poles, m.x], 0]; // a further mode
    else failures++;
  };
  const start = opts.start ? Float64Array.from(opts.start, (v, j) => (v - problem.lower[j]) / (problem.upper[j] - problem.lower[j])) : randomUnit();
  settle(descend(start));
  while (!rec.done) {
    if (failures >= maxAttempts) {
      if (!opts.restarts) break;
      failures = 0;
      settle(descend(randomUnit()));
      continue;
    }
    const found = tunnel(f, poles, level, rng, { eps, lambda, step: opts.tunnelStep ?? 0.2, maxEvals: phaseEvals, poleR2, mobilePoles: opts.mobilePoles ?? 6 });
    phase++;
    if (found && (found.f <= level || sameLevel(found.f, level))) settle(descend(found.x));
    else failures++;
  }
  const minima = poles.map((p) => ({ x: Array.from(toBox(p)), f: level }));
  return { ...rec.result('tunnelling'), minima, phases: phase };
}

/**
 * One tunnelling phase: Nelder–Mead on T from near a random pole, stopping as soon as f < level.
 * When the descent ends in a local minimum of T itself (T > 0), that point becomes a mobile pole
 * (Levy & Gómez 1985) and the descent restarts next to it, up to `mobilePoles` times. Returns the
 * point of smallest T outside the fixed poles' radius, with its f, or null.
 */
function tunnel(
  f: (u: Float64Array) => number, poles: readonly Float64Array[], level: number, rng: Random,
  o: { eps: number; lambda: number; step: number; maxEvals: number; poleR2: number; mobilePoles: number },
): { x: Float64Array; f: number } | null {
  const randomStep = (from: Float64Array) => {
    const dir = Float64Array.from(from, () => rng.normal());
    const norm = Math.hypot(...dir);
    return from.map((p, j) => p + (o.eps * dir[j]) / norm);
  };
  const all = [...poles];
  let best: { x: Float64Array; f: number; t: number } | null = null;
  let stop = false;
  const T = (u: Float64Array) => {
    const fu = f(u);
    if (Number.isNaN(fu)) return (stop = true), NaN;
    let denominator = 1;
    for (const p of all) denominator *= Math.pow(Math.max(dist2(u, p), 1e-300), o.lambda);
    const t = (fu - level) / denominator;
    if (poles.every((p) => dist2(u, p) > o.poleR2) && (!best || t < best.t)) best = { x: Float64Array.from(u), f: fu, t };
    if (fu < level) stop = true;
    return t;
  };
  let x0 = randomStep(poles[rng.integer(0, poles.length)]);
  for (let k = 0; k <= o.mobilePoles && !stop; k++) {
    const end = nelderMead(T, x0, { step: o.step, maxEvals: o.maxEvals, target: -1e-300 });
    if (stop) break;
    all.push(end.x); // a local minimum of T: a mobile pole, then start next to it
    x0 = randomStep(end.x);
  }
  return best;
}
