/**
 * Losses of gradient boosting, as functions of the raw score f (the sum of the trees' outputs):
 * value, gradient g = ∂ℓ/∂f and hessian h = ∂²ℓ/∂f², and the constant baseline score (the best
 * constant before any tree). Definitions as scikit-learn 1.2 `_loss` (HalfBinomialLoss,
 * HalfSquaredError, HalfMultinomialLoss) used by HistGradientBoosting:
 *   - binary log-loss:  p = σ(f) = 1/(1 + e^−f), ℓ = log(1 + e^f) − y·f,  g = p − y,  h = p(1 − p);
 *     baseline f₀ = log(p̄/(1 − p̄)) with p̄ the weighted mean of y;
 *   - squared error:    ℓ = ½(f − y)²,  g = f − y,  h = 1;  baseline f₀ = weighted mean of y;
 *   - multi-class softmax over K scores: p_k = e^{f_k}/Σ_l e^{f_l}, ℓ = −log p_y, g_k = p_k − [y = k],
 *     h_k = p_k(1 − p_k) (the diagonal of the hessian, as sklearn); baseline f₀k = log p̄_k − mean_l log p̄_l.
 * Sample weights multiply ℓ, g and h.
 *
 * Raw scores, gradients and hessians of K outputs are stored output-major: entry `k·n + i`.
 *
 * Used by `gradient-boosting.ts` (NEWSdm BDT notebook).
 */

/** The losses that gradient boosting can minimise. */
export type LossName = 'logLoss' | 'squaredError' | 'softmax';

/** Clip for probabilities in baselines, so that log-odds stay finite. */
const EPS = 1e-15;

/** σ(f) = 1/(1 + e^−f), computed without overflow. */
export function sigmoid(f: number): number {
  if (f >= 0) return 1 / (1 + Math.exp(-f));
  const e = Math.exp(f);
  return e / (1 + e);
}

/** log(1 + e^f) without overflow. */
export function log1pExp(f: number): number {
  return f > 0 ? f + Math.log1p(Math.exp(-f)) : Math.log1p(Math.exp(f));
}

/** A boosting loss over n samples with `nOutputs` raw scores each. */
export interface Loss {
  readonly name: LossName;
  /** Raw scores per sample (K for softmax, else 1). */
  readonly nOutputs: number;
  /** The best constant raw score(s) for targets y and weights w. */
  baseline(y: ArrayLike<number>, w: Float64Array): Float64Array;
  /** Fills g and h (output-major, length nOutputs·n; float32 in boosting, as sklearn) at raw scores `raw`. */
  gradHess(y: ArrayLike<number>, raw: Float64Array, w: Float64Array, g: Float32Array | Float64Array, h: Float32Array | Float64Array): void;
  /** Weighted mean loss Σ wᵢℓᵢ / Σ wᵢ. */
  value(y: ArrayLike<number>, raw: Float64Array, w: Float64Array): number;
}

function weightedMean(y: ArrayLike<number>, w: Float64Array): number {
  let s = 0, sw = 0;
  for (let i = 0; i < w.length; i++) {
    s += w[i] * y[i];
    sw += w[i];
  }
  return s / sw;
}

/** Binary log-loss (labels 0/1). */
export const logLoss: Loss = {
  name: 'logLoss',
  nOutputs: 1,
  baseline(y, w) {
    const p = Math.min(Math.max(weightedMean(y, w), EPS), 1 - EPS);
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  gradHess(y, raw, w, g, h) {
    // sklearn's closed forms (_loss.pyx, gradient_hessian_half_binomial), accurate for large |f|.
    for (let i = 0; i < w.length; i++) {
      const f = raw[i], yi = y[i];
      if (f > -37) {
        const e = Math.exp(-f);
        g[i] = (w[i] * ((1 - yi) - yi * e)) / (1 + e);
        h[i] = (w[i] * e) / ((1 + e) * (1 + e));
      } else {
        const e = Math.exp(f);
        g[i] = w[i] * (e - yi);
        h[i] = w[i] * e;
      }
    }
  },
  value(y, raw, w) {
    let s = 0, sw = 0;
    for (let i = 0; i < w.length; i++) {
      s += w[i] * (log1pExp(raw[i]) - y[i] * raw[i]);
      sw += w[i];
    }
    return s / sw;
  },
};

/** Half squared error (regression). */
export const squaredError: Loss = {
  name: 'squaredError',
  nOutputs: 1,
  baseline(y, w) {
    return Float64Array.of(weightedMean(y, w));
  },
  gradHess(y, raw, w, g, h) {
    for (let i = 0; i < w.length; i++) {
      g[i] = w[i] * (raw[i] - y[i]);
      h[i] = w[i];
    }
  },
  value(y, raw, w) {
    let s = 0, sw = 0;
    for (let i = 0; i < w.length; i++) {
      const r = raw[i] - y[i];
      s += 0.5 * w[i] * r * r;
      sw += w[i];
    }
    return s / sw;
  },
};

/** Softmax probabilities of sample i from output-major raw scores (K outputs, n samples) into `out`. */
export function softmaxRow(raw: Float64Array, n: number, K: number, i: number, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, raw[k * n + i]);
  let s = 0;
  for (let k = 0; k < K; k++) s += out[k] = Math.exp(raw[k * n + i] - max);
  for (let k = 0; k < K; k++) out[k] /= s;
}

/** Multi-class cross-entropy over K classes (labels 0 … K−1). */
export function softmaxLoss(K: number): Loss {
  const p = new Float64Array(K);
  return {
    name: 'softmax',
    nOutputs: K,
    baseline(y, w) {
      const prior = new Float64Array(K);
      let sw = 0;
      for (let i = 0; i < w.length; i++) {
        prior[y[i]] += w[i];
        sw += w[i];
      }
      const logs = Float64Array.from(prior, (v) => Math.log(Math.min(Math.max(v / sw, EPS), 1 - EPS)));
      const mean = logs.reduce((a, b) => a + b, 0) / K;
      return logs.map((v) => v - mean);
    },
    gradHess(y, raw, w, g, h) {
      const n = w.length;
      for (let i = 0; i < n; i++) {
        softmaxRow(raw, n, K, i, p);
        for (let k = 0; k < K; k++) {
          g[k * n + i] = w[i] * (p[k] - (y[i] === k ? 1 : 0));
          h[k * n + i] = w[i] * p[k] * (1 - p[k]);
        }
      }
    },
    value(y, raw, w) {
      const n = w.length;
      let s = 0, sw = 0;
      for (let i = 0; i < n; i++) {
        softmaxRow(raw, n, K, i, p);
        s -= w[i] * Math.log(Math.max(p[y[i]], 1e-300));
        sw += w[i];
      }
      return s / sw;
    },
  };
}
