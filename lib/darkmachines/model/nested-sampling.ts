/**
 * Nested sampling (Skilling 2004, AIP Conf. Proc. 735 395; Skilling 2006, Bayesian Analysis 1 833),
 * the method behind MultiNest (Feroz, Hobson & Bridges 2009, MNRAS 398 1601), for the seed's parameter
 * scans: it computes the Bayesian evidence Z = ∫ L(θ) π(θ) dθ of a uniform prior on a box and, on the way,
 * weighted posterior samples and the posterior's modes.
 *
 * The classic algorithm: N live points drawn from the prior; at iteration i the worst live point
 * (likelihood L_i) dies and is replaced by a prior draw with L > L_i; the prior volume inside the
 * contour shrinks as X_i = exp(−i/N), so Z ≈ Σ L_i (X_{i−1} − X_i) + the live points' share X_final ⟨L⟩.
 * The information H = ∫ P ln(P/π) sets the statistical error of ln Z, √(H/N) (Skilling 2006, §9).
 * It stops when the live points could add at most `dlogZ` to ln Z (max L_live · X_i < (e^dlogZ − 1) Z).
 *
 * The replacement step (which prior draw with L > L_i): ellipsoidal rejection sampling in the unit
 * cube, as in MultiNest — draws uniform in ellipsoids bounding the live points, enlarged by the volume
 * factor `enlargement`, rejected when outside the cube (free) or below the contour (costs a likelihood
 * call). `ellipsoids: 'single'` is the single-ellipsoid scheme (Mukherjee, Parkinson & Liddle 2006);
 * `'multi'` (default) splits the live points into several ellipsoids (`ellipsoids.ts`), which keeps the
 * acceptance rate up for separated modes. The bounds are refitted every `refitEvery` iterations; while
 * their volume inside the cube is not smaller than the cube, draws come from the whole cube.
 *
 * Limits, measured on the 19-parameter pMSSM toy (closed-form ln Z = −23.69, 3 modes, 11 flat
 * directions): with 100 live points it converges in ~1.5·10⁴ calls but finds one mode and reports
 * ln Z ≈ −20.3 ± 0.4 — with ~5 points per dimension the ellipsoids fitted to the live points cut off
 * part of the contour, which biases ln Z upwards; `bootstrap` sizes the ellipsoids from resamples
 * (unbiased in principle) but then the draws are so inefficient in 19 dimensions that 2·10⁵ calls do
 * not converge. In 2–5 dimensions ln Z agrees with closed forms within √(H/N) (tests).
 *
 * Used by `lib/darkmachines/evaluate/scanner-comparison.ts`; meant for notebook 04-darkmachines (not yet wired in).
 */
import type { Random } from '../../random';
import { bootstrapExpand, coveringEllipsoids, enlarge, logTotalVolume, sampleUnion, type Ellipsoid } from './ellipsoids';
import { posteriorModes, type PosteriorMode } from './modes';
import { Recorder, type ScanProblem, type ScanResult } from './scanners';
import { logAddExp, logSumExp, normalCdf } from '../../search/normal';

/** A likelihood on a box with a uniform prior. */
export type LikelihoodProblem = { dim: number; lower: readonly number[]; upper: readonly number[]; logL(theta: ArrayLike<number>): number };

/** Options of {@link nestedSampling}. */
export interface NestedSamplingOptions {
  /** live points N (default 400, MultiNest's default) */
  livePoints?: number;
  /** stop when the live points can add less than this to ln Z (default 0.01) */
  dlogZ?: number;
  /** volume factor of the bounding ellipsoids (default 1.5) */
  enlargement?: number;
  /** 'multi' (default) or 'single' ellipsoid */
  ellipsoids?: 'single' | 'multi';
  /** bootstrap rounds that size each ellipsoid (`bootstrapExpand`; default 0 = off) */
  bootstrap?: number;
  /** iterations between refits of the ellipsoids (default max(1, N / 10)) */
  refitEvery?: number;
  /** equally weighted draws used to find the modes (default 1000) */
  modeDraws?: number;
}

/** What a nested-sampling run returns. */
export type NestedSamplingResult = {
  logZ: number;
  /** √(H / N) */
  logZError: number;
  /** information H in nats */
  information: number;
  iterations: number;
  /** likelihood calls used */
  evaluations: number;
  /** whether the dlogZ criterion was met within the budget */
  converged: boolean;
  /** dead points then the final live points, n × dim (physical units) */
  samples: Float64Array;
  logL: Float64Array;
  /** posterior weight of each sample, summing to 1 */
  weights: Float64Array;
  modes: PosteriorMode[];
  bestX: Float64Array;
  bestLogL: number;
  /** every likelihood call, as a scan minimising −ln L */
  scan: ScanResult;
};

/** Maps a point of the unit cube to the box. */
function toBox(u: ArrayLike<number>, lower: readonly number[], upper: readonly number[]): Float64Array {
  return Float64Array.from({ length: lower.length }, (_, j) => lower[j] + u[j] * (upper[j] - lower[j]));
}

function insideCube(u: Float64Array): boolean {
  for (let j = 0; j < u.length; j++) if (!(u[j] >= 0 && u[j] <= 1)) return false;
  return true;
}

/** The constrained-prior step: bounds of the live points and draws from them. */
class Proposer {
  private bounds: Ellipsoid[] | null = null;
  constructor(
    readonly dim: number,
    readonly opts: { enlargement: number; single: boolean; bootstrap: number },
  ) {}

  refit(live: Float64Array, logX: number, nLive: number, rng: Random): void {
    const covering = coveringEllipsoids(live, this.dim, rng, { logPointVolume: logX - Math.log(nLive), single: this.opts.single });
    const e = enlarge(this.opts.bootstrap > 0 ? bootstrapExpand(covering, live, rng, this.opts.bootstrap) : covering, this.opts.enlargement);
    // Draws outside the cube are rejected for free, so what counts is the bounds' volume inside the
    // cube: estimated from 1000 draws; when it is not smaller than the cube, draw from the cube.
    let inside = 0;
    for (let t = 0; t < 1000; t++) if (sampleUnion(e, rng, insideCube)) inside++;
    this.bounds = inside > 0 && logTotalVolume(e) + Math.log(inside / 1000) < 0 ? e : null;
  }

  /** A point of the unit cube drawn uniformly from the bounds (or the cube). */
  draw(rng: Random): Float64Array {
    if (!this.bounds) return Float64Array.from({ length: this.dim }, () => rng.random());
    for (let t = 0; t < 100_000; t++) {
      const u = sampleUnion(this.bounds, rng, insideCube);
      if (u) return u;
    }
    this.bounds = null; // the bounds lie almost entirely outside the cube: fall back to the cube
    return this.draw(rng);
  }
}

/** Runs nested sampling (file header) with at most `budget` likelihood calls (≥ N). */
export function nestedSampling(problem: LikelihoodProblem, budget: number, rng: Random, options: NestedSamplingOptions = {}): NestedSamplingResult {
  const d = problem.dim, N = options.livePoints ?? 400;
  if (!(Number.isInteger(N) && N > d + 1)) throw new RangeError(`nestedSampling: livePoints must be an integer > dim + 1 = ${d + 1}, got ${N}`);
  if (!(budget >= N)) throw new RangeError(`nestedSampling: budget ${budget} is smaller than the ${N} live points`);
  const dlogZ = options.dlogZ ?? 0.01, refitEvery = options.refitEvery ?? Math.max(1, Math.round(N / 10));
  const rec = new Recorder({ dim: d, lower: problem.lower, upper: problem.upper, f: (x) => -problem.logL(x) }, budget);
  const proposer = new Proposer(d, { enlargement: options.enlargement ?? 1.5, single: options.ellipsoids === 'single', bootstrap: options.bootstrap ?? 0 });
  const evalAt = (u: Float64Array, it: number) => -rec.eval(toBox(u, problem.lower, problem.upper), it);

  const live = new Float64Array(N * d), liveLogL = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const u = Float64Array.from({ length: d }, () => rng.random());
    live.set(u, i * d);
    liveLogL[i] = evalAt(u, 0);
  }
  const dead: { u: Float64Array; logL: number; logWidth: number }[] = [];
  const logShrink = Math.log(-Math.expm1(-1 / N)); // ln(1 − e^{−1/N}): X_{i−1} − X_i = X_{i−1} (1 − e^{−1/N})
  let logX = 0, logZ = -Infinity, converged = false, it = 0;
  while (true) {
    let worst = 0;
    for (let i = 1; i < N; i++) if (liveLogL[i] < liveLogL[worst]) worst = i;
    const maxLive = Math.max(...liveLogL);
    if (logAddExp(logZ, maxLive + logX) - logZ < dlogZ) {
      converged = true;
      break;
    }
    if (it % refitEvery === 0) proposer.refit(live, logX, N, rng);
    const threshold = liveLogL[worst];
    let replacement: Float64Array | null = null, replacementLogL = -Infinity;
    while (!rec.done) {
      const u = proposer.draw(rng);
      const l = evalAt(u, it + 1);
      if (l > threshold) [replacement, replacementLogL] = [u, l];
      if (replacement) break;
    }
    if (!replacement) break; // budget spent: the worst point stays live
    const logWidth = logX + logShrink;
    dead.push({ u: live.slice(worst * d, worst * d + d), logL: threshold, logWidth });
    logZ = logAddExp(logZ, logWidth + threshold);
    logX -= 1 / N;
    live.set(replacement, worst * d);
    liveLogL[worst] = replacementLogL;
    it++;
  }
  return summarise(problem, dead, live, liveLogL, logX, rec, { converged, iterations: it, modeDraws: options.modeDraws ?? 1000 }, rng);
}

/** Evidence, information, posterior weights and modes from the dead and the final live points. */
function summarise(
  problem: LikelihoodProblem, dead: { u: Float64Array; logL: number; logWidth: number }[], live: Float64Array, liveLogL: Float64Array, logX: number,
  rec: Recorder, run: { converged: boolean; iterations: number; modeDraws: number }, rng: Random,
): NestedSamplingResult {
  const d = problem.dim, N = liveLogL.length, n = dead.length + N;
  const samples = new Float64Array(n * d), logL = new Float64Array(n), logW = new Float64Array(n);
  dead.forEach((p, i) => {
    samples.set(toBox(p.u, problem.lower, problem.upper), i * d);
    [logL[i], logW[i]] = [p.logL, p.logWidth + p.logL];
  });
  for (let k = 0; k < N; k++) {
    const i = dead.length + k;
    samples.set(toBox(live.subarray(k * d, k * d + d), problem.lower, problem.upper), i * d);
    [logL[i], logW[i]] = [liveLogL[k], logX - Math.log(N) + liveLogL[k]]; // each live point holds X_final / N
  }
  const logZ = logSumExp(logW);
  const weights = logW.map((w) => Math.exp(w - logZ));
  // H = Σ p_i ln(L_i / Z) (Skilling 2006, eq. 16 in sum form)
  let information = 0;
  weights.forEach((p, i) => {
    if (p > 0) information += p * (logL[i] - logZ);
  });
  information = Math.max(0, information);
  const scan = rec.result('nested sampling');
  return {
    logZ, logZError: Math.sqrt(information / N), information, iterations: run.iterations, evaluations: rec.calls, converged: run.converged,
    samples, logL, weights,
    modes: posteriorModes(samples, weights, d, problem.lower, problem.upper, rng.fork('modes'), { draws: run.modeDraws }),
    bestX: scan.bestX, bestLogL: -scan.bestF, scan,
  };
}

/** Nested sampling as a scanner minimising f (ln L = −f), for the scanner comparison. */
export function nestedScan(problem: ScanProblem, budget: number, rng: Random, options: NestedSamplingOptions = {}): ScanResult {
  return nestedSampling({ ...problem, logL: (x) => -problem.f(x) }, budget, rng, options).scan;
}

/**
 * ln Z of a normalised isotropic Gaussian likelihood N(θ; μ, σ² I) under a uniform prior on the box
 * [lower, upper]: Z = Π_j [Φ((u_j − μ_j)/σ) − Φ((l_j − μ_j)/σ)] / (u_j − l_j). The closed form the
 * nested-sampling tests compare with.
 */
export function gaussianBoxLogEvidence(mu: readonly number[], sigma: number, lower: readonly number[], upper: readonly number[]): number {
  return mu.reduce((s, m, j) => s + Math.log(normalCdf((upper[j] - m) / sigma) - normalCdf((lower[j] - m) / sigma)) - Math.log(upper[j] - lower[j]), 0);
}
