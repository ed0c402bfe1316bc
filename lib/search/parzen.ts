/**
 * One-dimensional Parzen estimators of the Tree-structured Parzen Estimator (Bergstra, Bardenet,
 * Bengio & Kégl 2011, "Algorithms for Hyper-Parameter Optimization", NeurIPS, §4): a weighted
 * mixture of Gaussians, one at each observation plus one "prior" component spanning the whole range,
 * truncated to the range; each Gaussian's width is the larger of the distances to its left and right
 * neighbours, clipped to [range / min(100, 1 + n), range] (hyperopt's `adaptive_parzen_normal` and its
 * "magic clip", which optuna's default TPE sampler also uses). Categorical dimensions get a smoothed
 * histogram: prior weight spread evenly over the k choices plus each observation's weight on its choice.
 *
 * Used by `tpe.ts`.
 */
import type { Random } from '../random';
import { logNormalPdf, logSumExp, normalCdf } from './normal';

/** A truncated Gaussian mixture on [low, high]. */
export type NumericParzen = { low: number; high: number; mus: Float64Array; sigmas: Float64Array; logWeights: Float64Array; logMass: Float64Array };

/** Fits the estimator to observations `x` (internal coordinates) with weights `w`. */
export function fitNumericParzen(x: readonly number[], w: readonly number[], low: number, high: number, priorWeight = 1): NumericParzen {
  const range = high - low;
  const comps = x.map((v, i) => ({ mu: v, w: w[i], prior: false }));
  comps.push({ mu: 0.5 * (low + high), w: priorWeight, prior: true });
  comps.sort((a, b) => a.mu - b.mu);
  const n = comps.length;
  const minSigma = range / Math.min(100, 1 + n);
  const sigmas = comps.map((c, i) => {
    if (c.prior) return range;
    const left = i > 0 ? c.mu - comps[i - 1].mu : 0;
    const right = i + 1 < n ? comps[i + 1].mu - c.mu : 0;
    return Math.min(range, Math.max(minSigma, left, right));
  });
  const total = comps.reduce((s, c) => s + c.w, 0);
  const mus = Float64Array.from(comps, (c) => c.mu);
  const sig = Float64Array.from(sigmas);
  return {
    low, high, mus, sigmas: sig,
    logWeights: Float64Array.from(comps, (c) => Math.log(c.w / total)),
    // ln of each component's mass inside [low, high] (the truncation's normalisation)
    logMass: Float64Array.from(comps, (c, i) => Math.log(Math.max(1e-300, normalCdf((high - c.mu) / sig[i]) - normalCdf((low - c.mu) / sig[i])))),
  };
}

/** ln of the estimator's density at x. */
export function numericLogPdf(p: NumericParzen, x: number): number {
  const terms = Array.from(p.mus, (mu, k) => p.logWeights[k] + logNormalPdf(x, mu, p.sigmas[k]) - p.logMass[k]);
  return logSumExp(terms);
}

/** ln of the estimator's probability of the integer bin [x − ½, x + ½] (integer dimensions). */
export function integerLogMass(p: NumericParzen, x: number): number {
  const terms = Array.from(p.mus, (mu, k) => {
    const s = p.sigmas[k];
    const mass = normalCdf((x + 0.5 - mu) / s) - normalCdf((x - 0.5 - mu) / s);
    return p.logWeights[k] + Math.log(Math.max(1e-300, mass)) - p.logMass[k];
  });
  return logSumExp(terms);
}

/** One draw from the truncated mixture (rejection from the chosen component, at most 100 tries). */
export function sampleNumericParzen(p: NumericParzen, rng: Random): number {
  const k = rng.choice(Array.from(p.mus, (_, i) => i), Array.from(p.logWeights, Math.exp));
  for (let t = 0; t < 100; t++) {
    const v = rng.normal(p.mus[k], p.sigmas[k]);
    if (v >= p.low && v <= p.high) return v;
  }
  return rng.uniform(p.low, p.high); // a component almost entirely outside the range
}

/** Smoothed category probabilities (ln), k = number of choices. */
export function fitCategoricalParzen(indices: readonly number[], w: readonly number[], k: number, priorWeight = 1): Float64Array {
  const p = new Float64Array(k).fill(priorWeight / k);
  indices.forEach((c, i) => (p[c] += w[i]));
  const total = p.reduce((s, v) => s + v, 0);
  return p.map((v) => Math.log(v / total));
}
