/**
 * Parameter scanners for "find the optimum of an unknown (log-)likelihood you can only evaluate" (the
 * seed's high-dimensional scan problem): plain random sampling, a Gaussian particle filter and a
 * genetic algorithm, each with a budget of function calls and a full record of the points it asked
 * for (for plots of the scan's progress and for "calls needed to reach the optimum").
 *
 * - Random sampling: uniform in the box.
 * - Gaussian particle filter (the method of the seed, cf. Hendriks et al., arXiv 1709.10429 / 1502.05703):
 *   start from uniform points; each iteration keeps the best `keepFraction` of the particles and
 *   draws the next generation from a Gaussian kernel density estimate of them — a Gaussian around a
 *   chosen survivor, widths = the survivors' per-parameter spread × Scott's factor M^(−1/(d+4)) × `widthScale`
 *   — so the cloud contracts onto good regions while keeping several modes alive.
 * - Genetic algorithm (Holland 1975; real-coded as in Deb, "Multi-objective optimization using
 *   evolutionary algorithms", 2001): tournament selection, BLX-α crossover, Gaussian mutation with a
 *   decaying step, elitism.
 *
 * All minimise `f` (use f = −ln L for a likelihood). Used by notebook 04-darkmachines.
 */
import type { Random } from '../../random';

/** A minimisation problem on a box. */
export interface ScanProblem {
  dim: number;
  lower: readonly number[];
  upper: readonly number[];
  f(x: ArrayLike<number>): number;
}

/** Every point a scan evaluated, in call order. */
export interface ScanResult {
  method: string;
  calls: number;
  /** calls × dim, row-major */
  points: Float64Array;
  values: Float64Array;
  /** iteration (generation) of each call, 0-based */
  iteration: Int32Array;
  /** best value after each call */
  bestSoFar: Float64Array;
  bestX: Float64Array;
  bestF: number;
}

/** Records calls up to the budget (shared with `nested-sampling.ts` and `tunnelling.ts`). */
export class Recorder {
  readonly points: Float64Array;
  readonly values: Float64Array;
  readonly iteration: Int32Array;
  readonly bestSoFar: Float64Array;
  calls = 0;
  bestF = Infinity;
  bestX: Float64Array;
  constructor(
    readonly problem: ScanProblem,
    readonly budget: number,
  ) {
    this.points = new Float64Array(budget * problem.dim);
    this.values = new Float64Array(budget);
    this.iteration = new Int32Array(budget);
    this.bestSoFar = new Float64Array(budget);
    this.bestX = new Float64Array(problem.dim);
  }
  get done(): boolean {
    return this.calls >= this.budget;
  }
  /** Evaluates x (clipped into the box); returns f(x). */
  eval(x: Float64Array, iteration: number): number {
    const { dim, lower, upper } = this.problem;
    for (let j = 0; j < dim; j++) x[j] = Math.min(upper[j], Math.max(lower[j], x[j]));
    const v = this.problem.f(x);
    const c = this.calls++;
    this.points.set(x, c * dim);
    this.values[c] = v;
    this.iteration[c] = iteration;
    if (v < this.bestF) {
      this.bestF = v;
      this.bestX.set(x);
    }
    this.bestSoFar[c] = this.bestF;
    return v;
  }
  result(method: string): ScanResult {
    const n = this.calls, d = this.problem.dim;
    return {
      method, calls: n, points: this.points.slice(0, n * d), values: this.values.slice(0, n), iteration: this.iteration.slice(0, n),
      bestSoFar: this.bestSoFar.slice(0, n), bestX: this.bestX, bestF: this.bestF,
    };
  }
}

function uniformPoint(p: ScanProblem, rng: Random): Float64Array {
  return Float64Array.from({ length: p.dim }, (_, j) => rng.uniform(p.lower[j], p.upper[j]));
}

/** Uniform random sampling; `batch` points count as one iteration (for plots). */
export function randomScan(problem: ScanProblem, budget: number, rng: Random, batch = 500): ScanResult {
  const rec = new Recorder(problem, budget);
  while (!rec.done) rec.eval(uniformPoint(problem, rng), Math.floor(rec.calls / batch));
  return rec.result('random sampling');
}

/** Options of {@link gaussianParticleFilter}. */
export interface ParticleFilterOptions {
  /** particles per iteration (default 200) */
  particles?: number;
  /** fraction kept as parents (default 0.1) */
  keepFraction?: number;
  /** multiplies the kernel width (default 1) */
  widthScale?: number;
}

/** Gaussian particle filter (file header). */
export function gaussianParticleFilter(problem: ScanProblem, budget: number, rng: Random, opts: ParticleFilterOptions = {}): ScanResult {
  const N = opts.particles ?? 200, d = problem.dim;
  const M = Math.max(2, Math.round(N * (opts.keepFraction ?? 0.1)));
  const rec = new Recorder(problem, budget);
  let pool: { x: Float64Array; v: number }[] = [];
  for (let i = 0; i < N && !rec.done; i++) {
    const x = uniformPoint(problem, rng);
    pool.push({ x, v: rec.eval(x, 0) });
  }
  const scott = Math.pow(M, -1 / (d + 4)) * (opts.widthScale ?? 1);
  for (let it = 1; !rec.done; it++) {
    pool.sort((a, b) => a.v - b.v);
    const parents = pool.slice(0, M);
    const sigma = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      let m = 0, s2 = 0;
      for (const p of parents) m += p.x[j] / M;
      for (const p of parents) s2 += (p.x[j] - m) ** 2 / M;
      sigma[j] = Math.max(Math.sqrt(s2) * scott, 1e-9 * (problem.upper[j] - problem.lower[j]));
    }
    const children: { x: Float64Array; v: number }[] = [];
    for (let i = 0; i < N && !rec.done; i++) {
      const parent = parents[rng.integer(0, M)].x;
      const x = Float64Array.from(parent, (v, j) => v + sigma[j] * rng.normal());
      children.push({ x, v: rec.eval(x, it) });
    }
    pool = parents.concat(children); // the survivors compete with their children (elitist)
  }
  return rec.result('Gaussian particle filter');
}

/** Options of {@link geneticAlgorithm}. */
export interface GeneticOptions {
  /** individuals per generation (default 100) */
  population?: number;
  /** crossover probability (default 0.9) */
  crossover?: number;
  /** BLX-α (default 0.5) */
  alpha?: number;
  /** initial mutation step as a fraction of the range (default 0.1), decaying to 1 % of it */
  mutationScale?: number;
  /** best individuals copied unchanged (default 2) */
  elite?: number;
}

/** Real-coded genetic algorithm (file header). */
export function geneticAlgorithm(problem: ScanProblem, budget: number, rng: Random, opts: GeneticOptions = {}): ScanResult {
  const P = opts.population ?? 100, d = problem.dim, elite = opts.elite ?? 2, alpha = opts.alpha ?? 0.5;
  const range = problem.upper.map((u, j) => u - problem.lower[j]);
  const rec = new Recorder(problem, budget);
  let pop: { x: Float64Array; v: number }[] = [];
  for (let i = 0; i < P && !rec.done; i++) {
    const x = uniformPoint(problem, rng);
    pop.push({ x, v: rec.eval(x, 0) });
  }
  const generations = Math.max(1, Math.ceil(budget / P));
  const tournament = () => {
    let best = pop[rng.integer(0, pop.length)];
    for (let k = 1; k < 3; k++) {
      const c = pop[rng.integer(0, pop.length)];
      if (c.v < best.v) best = c;
    }
    return best.x;
  };
  for (let g = 1; !rec.done; g++) {
    pop.sort((a, b) => a.v - b.v);
    const step = (opts.mutationScale ?? 0.1) * Math.pow(0.1, g / generations);
    const next = pop.slice(0, elite);
    while (next.length < P && !rec.done) {
      const [a, b] = [tournament(), tournament()];
      const x = new Float64Array(d);
      const cross = rng.random() < (opts.crossover ?? 0.9);
      for (let j = 0; j < d; j++) {
        const [lo, hi] = a[j] < b[j] ? [a[j], b[j]] : [b[j], a[j]];
        x[j] = cross ? rng.uniform(lo - alpha * (hi - lo), hi + alpha * (hi - lo)) : a[j];
        if (rng.random() < Math.max(1 / d, 0.1)) x[j] += step * range[j] * rng.normal();
      }
      next.push({ x, v: rec.eval(x, g) });
    }
    pop = next;
  }
  return rec.result('genetic algorithm');
}

/** Calls needed until the best value is ≤ `target` (Infinity if never). */
export function callsToReach(result: ScanResult, target: number): number {
  for (let c = 0; c < result.calls; c++) if (result.bestSoFar[c] <= target) return c + 1;
  return Infinity;
}

/** The three scanners by name, for loops in the notebook. */
export const SCANNERS = {
  'random sampling': randomScan,
  'Gaussian particle filter': gaussianParticleFilter,
  'genetic algorithm': geneticAlgorithm,
} as const;
