/**
 * The Tree-structured Parzen Estimator sampler (Bergstra, Bardenet, Bengio & Kégl 2011,
 * "Algorithms for Hyper-Parameter Optimization", NeurIPS; optuna's default sampler, with optuna's
 * defaults). After `nStartup` random trials, the completed trials are split at the γ-quantile of
 * their loss into "good" (the best γ(n) = min(⌈0.1 n⌉, 25)) and "bad" (the rest, and every pruned
 * trial); per dimension, a Parzen estimator l(x) is fitted to the good and g(x) to the bad values,
 * `nCandidates` points are drawn from l, and the one with the largest l(x)/g(x) is proposed —
 * maximising l/g maximises the expected improvement (paper, eq. 4). Dimensions are sampled
 * independently (optuna's default, `multivariate=False`). Older trials weigh less once there are more
 * than 25 (optuna's `default_weights`: a ramp from 1/n to 1, the last 25 at 1).
 *
 * Used by `optimize.ts` and `lib/zprime/train/tpe-search.ts`.
 */
import type { Random } from '../random';
import { fitCategoricalParzen, fitNumericParzen, integerLogMass, numericLogPdf, sampleNumericParzen } from './parzen';
import type { Direction, Observation, Sampler } from './sampler';
import { fromInternal, internalRange, sampleSpace, toInternal, type ParamSpec, type ParamValues, type Space } from './space';

/** Options of {@link tpeSampler}. */
export interface TpeOptions {
  /** random trials before TPE starts (optuna n_startup_trials; default 10) */
  nStartup?: number;
  /** candidates drawn from l(x) per dimension (optuna n_ei_candidates; default 24) */
  nCandidates?: number;
  /** number of "good" trials among n completed ones (default min(⌈0.1 n⌉, 25)) */
  gamma?: (n: number) => number;
  /** weight of the prior component of each estimator (default 1) */
  priorWeight?: number;
}

/** optuna's `default_gamma`. */
export const defaultGamma = (n: number): number => Math.min(Math.ceil(0.1 * n), 25);

/** optuna's `default_weights`: n trials in time order → their weights. */
export function forgettingWeights(n: number): number[] {
  if (n < 25) return new Array(n).fill(1);
  const ramp = Array.from({ length: n - 25 }, (_, i) => (n - 25 === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (n - 26)));
  return ramp.concat(new Array(25).fill(1));
}

/** Splits the history (indices in time order) into the good and the bad group. */
export function splitGoodBad<S extends Space>(history: readonly Observation<S>[], gamma: (n: number) => number, maximize: boolean): { good: number[]; bad: number[] } {
  const loss = (o: Observation<S>) => (maximize ? -o.value : o.value);
  const complete = history.map((o, i) => i).filter((i) => history[i].state === 'complete' && Number.isFinite(history[i].value));
  const ranked = [...complete].sort((a, b) => loss(history[a]) - loss(history[b]) || a - b);
  const nGood = Math.max(1, Math.min(gamma(complete.length), complete.length - 1));
  const good = new Set(ranked.slice(0, nGood));
  const all = history.map((_, i) => i);
  return { good: all.filter((i) => good.has(i)), bad: all.filter((i) => !good.has(i)) };
}

/** The candidate of one dimension with the largest ln l − ln g. */
function sampleDimension(name: string, spec: ParamSpec, goodX: number[], badX: number[], opts: Required<Omit<TpeOptions, 'gamma'>>, rng: Random): unknown {
  const wGood = forgettingWeights(goodX.length), wBad = forgettingWeights(badX.length);
  let best = NaN, bestScore = -Infinity;
  if (spec.kind === 'categorical') {
    const k = spec.choices.length;
    const l = fitCategoricalParzen(goodX, wGood, k, opts.priorWeight), g = fitCategoricalParzen(badX, wBad, k, opts.priorWeight);
    const pl = Array.from(l, Math.exp);
    for (let c = 0; c < opts.nCandidates; c++) {
      const x = rng.choice(Array.from(pl, (_, i) => i), pl);
      if (l[x] - g[x] > bestScore) [best, bestScore] = [x, l[x] - g[x]];
    }
    return fromInternal(spec, best);
  }
  const [lo, hi] = internalRange(spec);
  const l = fitNumericParzen(goodX, wGood, lo, hi, opts.priorWeight), g = fitNumericParzen(badX, wBad, lo, hi, opts.priorWeight);
  for (let c = 0; c < opts.nCandidates; c++) {
    let x = sampleNumericParzen(l, rng);
    if (spec.kind === 'int') x = Math.min(spec.high, Math.max(spec.low, Math.round(x)));
    const score = spec.kind === 'int' ? integerLogMass(l, x) - integerLogMass(g, x) : numericLogPdf(l, x) - numericLogPdf(g, x);
    if (score > bestScore) [best, bestScore] = [x, score];
  }
  if (!Number.isFinite(best)) throw new Error(`tpe: no finite candidate for parameter ${name}`);
  return fromInternal(spec, best);
}

/** A TPE sampler (file header). */
export function tpeSampler(options: TpeOptions = {}): Sampler {
  const opts = { nStartup: options.nStartup ?? 10, nCandidates: options.nCandidates ?? 24, priorWeight: options.priorWeight ?? 1 };
  const gamma = options.gamma ?? defaultGamma;
  if (!(opts.nStartup >= 2)) throw new RangeError(`tpeSampler: nStartup must be ≥ 2 (one good and one bad trial), got ${opts.nStartup}`);
  return {
    name: 'TPE',
    sample<S extends Space>(space: S, history: readonly Observation<S>[], rng: Random, direction: Direction): ParamValues<S> {
      const completed = history.filter((o) => o.state === 'complete' && Number.isFinite(o.value)).length;
      if (history.length < opts.nStartup || completed < 2) return sampleSpace(space, rng);
      const { good, bad } = splitGoodBad(history, gamma, direction === 'maximize');
      const out: Record<string, unknown> = {};
      for (const name of Object.keys(space)) {
        const spec = space[name];
        const coord = (i: number) => toInternal(name, spec, (history[i].params as Record<string, unknown>)[name]);
        out[name] = sampleDimension(name, spec, good.map(coord), bad.map(coord), opts, rng);
      }
      return out as ParamValues<S>;
    },
  };
}
