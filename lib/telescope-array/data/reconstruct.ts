/**
 * The standard parametric reconstruction of a TA surface-detector event (seed, "Event
 * reconstruction: standard parametric approach"): a plane fit of the detector times for a start,
 * then a joint fit of the LDF S(r) = S800 LDF(r) to the signals and of the timing model
 * t = t0 + t_plane + a (1 + r/RL)^1.5 LDF(r)^-0.5 to the times, by Levenberg–Marquardt, over the
 * free parameters x_core, y_core, θ, φ, S800, t0, a. Saturated detectors enter as lower bounds on
 * the signal; working detectors without a signal as upper bounds.
 *
 * Used by `generate.ts` (the data pipeline) and notebooks/02-telescope-array.ipynb.
 */
import { AREA_M2, BIN_NS, CLOCK_JITTER_NS, EM_VEM_PER_PARTICLE, HIT_THRESHOLD_VEM, STATE } from './detector';
import { axisGeometry, C_M_PER_NS, etaOfZenith, ldf, RL_M, type ShowerParams } from './ldf';
import { levenbergMarquardt } from './lm';
import { TAU0_EM_NS } from './primaries';

/** What the reconstruction sees of one event: every detector's position, state, signal and time. */
export interface Observations {
  /** positions, m */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** STATE codes (off, quiet, hit, saturated) */
  state: ArrayLike<number>;
  /** integral signal density, VEM/m² (0 if not hit) */
  signal: ArrayLike<number>;
  /** leading-edge time, ns (ignored if not hit) */
  time: ArrayLike<number>;
}

/** Result of the standard reconstruction. */
export interface StandardFit extends ShowerParams {
  /** χ² of the joint fit and its degrees of freedom */
  chi2: number;
  ndf: number;
  converged: boolean;
  /** number of hit (incl. saturated) detectors */
  nHit: number;
  /** 1σ uncertainties of zenith (rad) and log10 S800 from the fit's covariance (NaN if singular) */
  sigmaZenith: number;
  sigmaLogS800: number;
}

/** Plane-fit start: signal-weighted core, and the direction from t_i = t0 − n·(x_i − core)/c. */
export function planeFit(obs: Observations): ShowerParams {
  const hits = hitIndices(obs);
  let sw = 0, sx = 0, sy = 0;
  for (const i of hits) {
    const w = Math.sqrt(Math.max(obs.signal[i], 0));
    sw += w;
    sx += w * obs.x[i];
    sy += w * obs.y[i];
  }
  const xCore = sx / sw;
  const yCore = sy / sw;
  // weighted linear least squares for (t0, nx, ny): t = t0 − (nx dx + ny dy)/c
  const A = new Float64Array(9);
  const b = new Float64Array(3);
  for (const i of hits) {
    const w = Math.min(obs.signal[i], 50);
    const row = [1, -(obs.x[i] - xCore) / C_M_PER_NS, -(obs.y[i] - yCore) / C_M_PER_NS];
    for (let p = 0; p < 3; p++) {
      b[p] += w * row[p] * obs.time[i];
      for (let q = 0; q < 3; q++) A[p * 3 + q] += w * row[p] * row[q];
    }
  }
  const sol = solve3(A, b) ?? [obs.time[hits[0]], 0, 0];
  let nx = sol[1];
  let ny = sol[2];
  const s = Math.hypot(nx, ny);
  const sMax = Math.sin((55 * Math.PI) / 180);
  if (s > sMax) {
    nx *= sMax / s;
    ny *= sMax / s;
  }
  return { xCore, yCore, zenith: Math.asin(Math.min(Math.hypot(nx, ny), 1)), azimuth: Math.atan2(ny, nx), s800: 10, t0: sol[0], a: 0.2 };
}

/** Solves a 3×3 system by Cramer's rule; null if singular. */
function solve3(A: Float64Array, b: Float64Array): number[] | null {
  const det = (m: ArrayLike<number>) =>
    m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  const d = det(A);
  if (!(Math.abs(d) > 1e-300)) return null;
  return [0, 1, 2].map((c) => {
    const M = Float64Array.from(A);
    for (let r = 0; r < 3; r++) M[r * 3 + c] = b[r];
    return det(M) / d;
  });
}

function hitIndices(obs: Observations): number[] {
  const out: number[] = [];
  for (let i = 0; i < obs.state.length; i++) if (obs.state[i] >= STATE.hit) out.push(i);
  return out;
}

/** Timing uncertainty of a detector, ns: clock, bin width and the leading-edge spread of n particles (≈ 0.66 τ/√n for Gamma(2) delays, τ = τ0 (1 + r/RL)^1.5 with the simulation's nominal τ0). */
export function timeSigmaNs(rM: number, signal: number): number {
  const n = Math.max((signal * AREA_M2) / EM_VEM_PER_PARTICLE, 1);
  const lead = (0.66 * TAU0_EM_NS * Math.pow(1 + rM / RL_M, 1.5)) / Math.sqrt(n);
  return Math.sqrt(CLOCK_JITTER_NS ** 2 + BIN_NS ** 2 / 12 + lead * lead);
}

/** Signal uncertainty, VEM/m²: Poisson in the number of particles plus 10 % (model-consistent choice). */
export function signalSigma(signal: number): number {
  const s = Math.max(signal, HIT_THRESHOLD_VEM / AREA_M2);
  return Math.sqrt(s / AREA_M2 + 0.01 * s * s);
}

const toParams = (p: Float64Array): ShowerParams => ({ xCore: p[0], yCore: p[1], zenith: p[2], azimuth: p[3], s800: Math.pow(10, p[4]), t0: p[5], a: p[6] });

/** Residuals of the joint LDF + timing fit (in units of σ) for parameters [x, y, θ, φ, log10 S800, t0, a]. */
export function jointResiduals(obs: Observations, sigmaT: Float64Array, use: number[]): (p: Float64Array) => Float64Array {
  return (p) => {
    const sp = toParams(p);
    const eta = etaOfZenith(sp.zenith);
    const out = new Float64Array(2 * use.length);
    for (let k = 0; k < use.length; k++) {
      const i = use[k];
      const { rM, planeNs } = axisGeometry(sp, obs.x[i], obs.y[i]);
      const l = ldf(rM, eta);
      const model = sp.s800 * l;
      const st = obs.state[i];
      if (st >= STATE.hit) {
        const t = sp.t0 + planeNs + sp.a * Math.pow(1 + rM / RL_M, 1.5) / Math.sqrt(l);
        out[2 * k] = (obs.time[i] - t) / sigmaT[i];
        const d = obs.signal[i] - model;
        out[2 * k + 1] = st === STATE.saturated && d < 0 ? 0 : d / signalSigma(obs.signal[i]);
      } else {
        // quiet detector: the model should stay below the threshold
        const limit = HIT_THRESHOLD_VEM / AREA_M2;
        out[2 * k + 1] = model > limit ? (model - limit) / signalSigma(limit) : 0;
      }
    }
    return out;
  };
}

/**
 * The standard reconstruction of one event: plane fit, then the joint LDF + timing fit.
 * @param maxIterations LM iterations (default 60)
 */
export function reconstruct(obs: Observations, maxIterations = 60): StandardFit {
  const start = planeFit(obs);
  const hits = hitIndices(obs);
  // S800 start: from the detectors' signals with the start geometry
  let num = 0, den = 0;
  const eta0 = etaOfZenith(start.zenith);
  for (const i of hits) {
    if (obs.state[i] === STATE.saturated) continue;
    const l = ldf(axisGeometry(start, obs.x[i], obs.y[i]).rM, eta0);
    num += Math.log10(obs.signal[i] / l);
    den += 1;
  }
  const logS = den > 0 ? num / den : 1;
  const use: number[] = [];
  const sigmaT = new Float64Array(obs.state.length);
  for (let i = 0; i < obs.state.length; i++) {
    const st = obs.state[i];
    if (st === STATE.off) continue;
    const { rM } = axisGeometry(start, obs.x[i], obs.y[i]);
    if (st === STATE.quiet && rM > 2500) continue;
    sigmaT[i] = timeSigmaNs(rM, obs.signal[i]);
    use.push(i);
  }
  const res = levenbergMarquardt(jointResiduals(obs, sigmaT, use), [start.xCore, start.yCore, Math.max(start.zenith, 0.02), start.azimuth, logS, start.t0, start.a], {
    steps: [0.05, 0.05, 1e-6, 1e-6, 1e-6, 1e-3, 1e-5],
    lower: [-Infinity, -Infinity, 0, -Infinity, -2, -Infinity, 0],
    upper: [Infinity, Infinity, 1.3, Infinity, 5, Infinity, 50],
    maxIterations,
    tolerance: 1e-7,
  });
  const p = res.params;
  const cov = res.covariance;
  const nParams = 7;
  return {
    ...toParams(p),
    azimuth: Math.atan2(Math.sin(p[3]), Math.cos(p[3])),
    chi2: res.cost,
    ndf: Math.max(2 * hits.length - nParams, 1),
    converged: res.converged,
    nHit: hits.length,
    sigmaZenith: cov ? Math.sqrt(Math.max(cov[2 * nParams + 2], 0)) : NaN,
    sigmaLogS800: cov ? Math.sqrt(Math.max(cov[4 * nParams + 4], 0)) : NaN,
  };
}
