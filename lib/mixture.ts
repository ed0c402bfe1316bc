/**
 * Gaussian mixture models fitted by expectation–maximisation (Dempster, Laird & Rubin 1977; Bishop,
 * "Pattern Recognition and Machine Learning", Sec. 9.2), with full or diagonal covariances, following
 * scikit-learn 1.2's `GaussianMixture` (same regularisation `regCovar` on the covariance diagonal, same
 * convergence test on the change of the mean log-likelihood, k-means++-seeded k-means initialisation).
 * Checked against sklearn from a common initialisation in `tests/mixture.test.ts`.
 *
 * Scores: `scoreSamples(X)` is log p(x) per row (sklearn's `score_samples`); its negative is an
 * anomaly score. `sample(n, rng)` draws from the fitted density (the VAE event generator's latent prior).
 *
 * Used by notebook 04-darkmachines (latent-space anomaly detector, VAE event generator).
 */
import type { Random } from './random';

/** Covariance structure: one full d × d matrix per component, or its diagonal only. */
export type CovarianceType = 'full' | 'diag';

/** Options of {@link GaussianMixture}. */
export interface GaussianMixtureOptions {
  /** number of components K */
  nComponents: number;
  covarianceType?: CovarianceType;
  /** seeded generator for the k-means++ initialisation (required unless `init` is given) */
  rng?: Random;
  /** EM iterations at most (default 100) */
  maxIter?: number;
  /** stop when the mean log-likelihood changes by less (default 1e-3, sklearn's) */
  tol?: number;
  /** added to covariance diagonals (default 1e-6, sklearn's) */
  regCovar?: number;
  /** explicit start: weights [K], means [K·d], covariances [K·d·d] (full) or [K·d] (diag) */
  init?: { weights: ArrayLike<number>; means: ArrayLike<number>; covariances: ArrayLike<number> };
}

const LOG_2PI = Math.log(2 * Math.PI);

/** A Gaussian mixture; rows of X are samples (row-major, `d` columns). */
export class GaussianMixture {
  weights = new Float64Array(0);
  /** K × d */
  means = new Float64Array(0);
  /** K × d × d (full) or K × d (diag) */
  covariances = new Float64Array(0);
  /** EM iterations run and whether the tolerance was met */
  nIter = 0;
  converged = false;
  /** mean log-likelihood per sample at the end of fitting */
  lowerBound = -Infinity;
  private d = 0;
  /** Cholesky factors of the covariances (full) or standard deviations (diag) */
  private chol = new Float64Array(0);
  private logDet = new Float64Array(0);

  constructor(readonly options: GaussianMixtureOptions) {
    if (!(options.nComponents >= 1) || !Number.isInteger(options.nComponents)) throw new RangeError(`GaussianMixture: nComponents must be a positive integer, got ${options.nComponents}`);
  }

  /** A mixture with given parameters (no fitting), e.g. to sample from a known density. */
  static fromParameters(d: number, params: NonNullable<GaussianMixtureOptions['init']>, covarianceType: CovarianceType = 'full'): GaussianMixture {
    const gm = new GaussianMixture({ nComponents: params.weights.length, covarianceType });
    gm.d = d;
    gm.setParameters(params);
    return gm;
  }

  get covarianceType(): CovarianceType {
    return this.options.covarianceType ?? 'full';
  }

  /** Fits on X (n × d row-major, n ≥ K); returns this. */
  fit(X: ArrayLike<number>, d: number): this {
    const n = X.length / d;
    const K = this.options.nComponents;
    if (!Number.isInteger(n) || n < K) throw new RangeError(`GaussianMixture.fit: ${X.length} values do not make ≥ ${K} rows of ${d}`);
    this.d = d;
    const tol = this.options.tol ?? 1e-3;
    const resp = new Float64Array(n * K);
    if (this.options.init) this.setParameters(this.options.init);
    else {
      if (!this.options.rng) throw new RangeError('GaussianMixture.fit: options.rng is required without options.init');
      kmeansResponsibilities(X, n, d, K, this.options.rng, resp);
      this.mStep(X, n, resp);
    }
    let prev = -Infinity;
    this.converged = false;
    const maxIter = this.options.maxIter ?? 100;
    for (this.nIter = 1; this.nIter <= maxIter; this.nIter++) {
      const ll = this.eStep(X, n, resp);
      this.mStep(X, n, resp);
      this.lowerBound = ll;
      if (Math.abs(ll - prev) < tol) {
        this.converged = true;
        break;
      }
      prev = ll;
    }
    this.nIter = Math.min(this.nIter, maxIter);
    return this;
  }

  /** log p(x) for each row of X (n × d). */
  scoreSamples(X: ArrayLike<number>): Float64Array {
    const n = X.length / this.d;
    const out = new Float64Array(n);
    const lp = new Float64Array(this.options.nComponents);
    for (let i = 0; i < n; i++) out[i] = this.logJoint(X, i, lp);
    return out;
  }

  /** Posterior probabilities of the components, n × K. */
  predictProba(X: ArrayLike<number>): Float64Array {
    const n = X.length / this.d;
    const resp = new Float64Array(n * this.options.nComponents);
    this.eStep(X, n, resp);
    return resp;
  }

  /** n draws from the mixture (n × d row-major). */
  sample(n: number, rng: Random): Float64Array {
    const d = this.d, K = this.options.nComponents;
    const out = new Float64Array(n * d);
    const z = new Float64Array(d);
    const comps = Array.from({ length: K }, (_, k) => k);
    for (let i = 0; i < n; i++) {
      const k = rng.choice(comps, this.weights);
      for (let a = 0; a < d; a++) z[a] = rng.normal();
      for (let a = 0; a < d; a++) {
        let v = this.means[k * d + a];
        if (this.covarianceType === 'diag') v += this.chol[k * d + a] * z[a];
        else for (let b = 0; b <= a; b++) v += this.chol[k * d * d + a * d + b] * z[b];
        out[i * d + a] = v;
      }
    }
    return out;
  }

  /** Bayesian information criterion −2 ln L + p ln n (lower is better). */
  bic(X: ArrayLike<number>): number {
    const n = X.length / this.d, d = this.d, K = this.options.nComponents;
    const cov = this.covarianceType === 'full' ? (K * d * (d + 1)) / 2 : K * d;
    const p = cov + K * d + K - 1;
    let ll = 0;
    for (const v of this.scoreSamples(X)) ll += v;
    return -2 * ll + p * Math.log(n);
  }

  private setParameters(p: NonNullable<GaussianMixtureOptions['init']>): void {
    const K = this.options.nComponents, d = this.d;
    const covLen = this.covarianceType === 'full' ? K * d * d : K * d;
    if (p.weights.length !== K || p.means.length !== K * d || p.covariances.length !== covLen) {
      throw new RangeError(`GaussianMixture: init needs ${K} weights, ${K * d} means, ${covLen} covariance values`);
    }
    this.weights = Float64Array.from(p.weights);
    this.means = Float64Array.from(p.means);
    this.covariances = Float64Array.from(p.covariances);
    this.factorise();
  }

  /** log Σ_k w_k N(x_i | μ_k, Σ_k), filling `lp[k]` with the per-component log joint. */
  private logJoint(X: ArrayLike<number>, i: number, lp: Float64Array): number {
    const d = this.d, K = this.options.nComponents, diag = this.covarianceType === 'diag';
    const y = new Float64Array(d);
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      let q = 0;
      if (diag) {
        for (let a = 0; a < d; a++) {
          const t = (X[i * d + a] - this.means[k * d + a]) / this.chol[k * d + a];
          q += t * t;
        }
      } else {
        const L = k * d * d;
        for (let a = 0; a < d; a++) {
          let s = X[i * d + a] - this.means[k * d + a];
          for (let b = 0; b < a; b++) s -= this.chol[L + a * d + b] * y[b];
          y[a] = s / this.chol[L + a * d + a];
          q += y[a] * y[a];
        }
      }
      lp[k] = Math.log(this.weights[k]) - 0.5 * (d * LOG_2PI + this.logDet[k] + q);
      if (lp[k] > max) max = lp[k];
    }
    let s = 0;
    for (let k = 0; k < K; k++) s += Math.exp(lp[k] - max);
    return max + Math.log(s);
  }

  /** E-step: responsibilities into `resp`; returns the mean log-likelihood. */
  private eStep(X: ArrayLike<number>, n: number, resp: Float64Array): number {
    const K = this.options.nComponents;
    const lp = new Float64Array(K);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const norm = this.logJoint(X, i, lp);
      total += norm;
      for (let k = 0; k < K; k++) resp[i * K + k] = Math.exp(lp[k] - norm);
    }
    return total / n;
  }

  /** M-step (Bishop eq. 9.24–9.26) with `regCovar` added to the diagonal. */
  private mStep(X: ArrayLike<number>, n: number, resp: Float64Array): void {
    const K = this.options.nComponents, d = this.d, diag = this.covarianceType === 'diag';
    const reg = this.options.regCovar ?? 1e-6;
    const nk = new Float64Array(K);
    const means = new Float64Array(K * d);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        const r = resp[i * K + k];
        nk[k] += r;
        for (let a = 0; a < d; a++) means[k * d + a] += r * X[i * d + a];
      }
    }
    for (let k = 0; k < K; k++) {
      nk[k] += 10 * Number.EPSILON; // sklearn's guard against empty components
      for (let a = 0; a < d; a++) means[k * d + a] /= nk[k];
    }
    const cov = new Float64Array(diag ? K * d : K * d * d);
    const diff = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        const r = resp[i * K + k];
        if (r === 0) continue;
        for (let a = 0; a < d; a++) diff[a] = X[i * d + a] - means[k * d + a];
        if (diag) for (let a = 0; a < d; a++) cov[k * d + a] += r * diff[a] * diff[a];
        else for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) cov[k * d * d + a * d + b] += r * diff[a] * diff[b];
      }
    }
    for (let k = 0; k < K; k++) {
      if (diag) for (let a = 0; a < d; a++) cov[k * d + a] = cov[k * d + a] / nk[k] + reg;
      else {
        for (let a = 0; a < d; a++) {
          for (let b = 0; b <= a; b++) {
            const v = cov[k * d * d + a * d + b] / nk[k] + (a === b ? reg : 0);
            cov[k * d * d + a * d + b] = v;
            cov[k * d * d + b * d + a] = v;
          }
        }
      }
    }
    this.weights = nk.map((v) => v / n);
    this.means = means;
    this.covariances = cov;
    this.factorise();
  }

  /** Cholesky factors (full) or square roots (diag) and log-determinants of the covariances. */
  private factorise(): void {
    const K = this.options.nComponents, d = this.d;
    this.logDet = new Float64Array(K);
    if (this.covarianceType === 'diag') {
      this.chol = this.covariances.map(Math.sqrt);
      for (let k = 0; k < K; k++) for (let a = 0; a < d; a++) this.logDet[k] += Math.log(this.covariances[k * d + a]);
      return;
    }
    this.chol = new Float64Array(K * d * d);
    for (let k = 0; k < K; k++) {
      const off = k * d * d;
      for (let a = 0; a < d; a++) {
        for (let b = 0; b <= a; b++) {
          let s = this.covariances[off + a * d + b];
          for (let c = 0; c < b; c++) s -= this.chol[off + a * d + c] * this.chol[off + b * d + c];
          if (a === b) {
            if (!(s > 0)) throw new Error(`GaussianMixture: covariance of component ${k} is not positive definite; increase regCovar`);
            this.chol[off + a * d + a] = Math.sqrt(s);
            this.logDet[k] += 2 * Math.log(this.chol[off + a * d + a]);
          } else this.chol[off + a * d + b] = s / this.chol[off + b * d + b];
        }
      }
    }
  }
}

/** Hard responsibilities from k-means (Lloyd, 20 iterations) seeded by k-means++ (Arthur & Vassilvitskii 2007). */
function kmeansResponsibilities(X: ArrayLike<number>, n: number, d: number, K: number, rng: Random, resp: Float64Array): void {
  const centers = new Float64Array(K * d);
  const dist = new Float64Array(n).fill(Infinity);
  const sq = (i: number, k: number) => {
    let s = 0;
    for (let a = 0; a < d; a++) s += (X[i * d + a] - centers[k * d + a]) ** 2;
    return s;
  };
  const first = rng.integer(0, n);
  for (let a = 0; a < d; a++) centers[a] = X[first * d + a];
  for (let k = 1; k < K; k++) {
    for (let i = 0; i < n; i++) dist[i] = Math.min(dist[i], sq(i, k - 1));
    let total = 0;
    for (let i = 0; i < n; i++) total += dist[i];
    let r = rng.random() * total, pick = n - 1;
    for (let i = 0; i < n; i++) if ((r -= dist[i]) < 0) { pick = i; break; }
    for (let a = 0; a < d; a++) centers[k * d + a] = X[pick * d + a];
  }
  const label = new Int32Array(n);
  for (let iter = 0; iter < 20; iter++) {
    for (let i = 0; i < n; i++) {
      let best = 0, bestD = Infinity;
      for (let k = 0; k < K; k++) {
        const s = sq(i, k);
        if (s < bestD) [best, bestD] = [k, s];
      }
      label[i] = best;
    }
    const count = new Float64Array(K);
    const sums = new Float64Array(K * d);
    for (let i = 0; i < n; i++) {
      count[label[i]]++;
      for (let a = 0; a < d; a++) sums[label[i] * d + a] += X[i * d + a];
    }
    for (let k = 0; k < K; k++) if (count[k] > 0) for (let a = 0; a < d; a++) centers[k * d + a] = sums[k * d + a] / count[k];
  }
  resp.fill(0);
  for (let i = 0; i < n; i++) resp[i * K + label[i]] = 1;
}
