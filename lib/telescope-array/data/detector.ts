/**
 * The response of one Telescope Array surface detector: two scintillator layers (3 m² each) read
 * out in 20 ns bins. Particles (muons and EM particles, Poisson in number) arrive behind the plane
 * front with Gamma(2) delays; each leaves a deposit in the upper and/or lower layer; a pulse shape
 * spreads it over bins; large signals saturate; the detector time is the leading edge of the trace.
 *
 * A Gamma(2, τ) delay makes the leading edge of n particles arrive ∝ τ n^-1/2 after the plane, which
 * is the (1 + r/RL)^1.5 LDF^-0.5 form of the seed's timing model when τ ∝ (1 + r/RL)^1.5.
 * Used by `simulate.ts` and notebooks/02-telescope-array.ipynb.
 */
import { Random } from '../../random';

/** Scintillator area of one layer, m² (TA SD: 3 m², Abu-Zayyad et al. 2012, NIM A 689, 87). */
export const AREA_M2 = 3;
/** Time bin, ns (seed: "Time step 20 ns"). */
export const BIN_NS = 20;
/** Bins kept before the trigger bin in each trace (model choice). */
export const PRE_TRIGGER_BINS = 8;
/** Detector (level-0) threshold on the layer-averaged signal, VEM (TA: 0.3 MIP, Abu-Zayyad et al. 2012). */
export const HIT_THRESHOLD_VEM = 0.3;
/** Saturation of one 20 ns bin of one layer, VEM (model choice: FADC + PMT non-linearity). */
export const SATURATION_VEM_PER_BIN = 80;
/** Clock jitter of a detector's time stamp, ns (model choice; TA's GPS timing is of order 10–20 ns). */
export const CLOCK_JITTER_NS = 10;
/** Pulse shape: fraction of a deposit in the bin of arrival and the next ones (model choice, ≈ 30 ns FWHM). */
export const PULSE = [0.6, 0.25, 0.1, 0.05] as const;

/** Detector states as stored in the `state` feature. */
export const STATE = { off: 0, quiet: 1, hit: 2, saturated: 3 } as const;

/** Mean layer-averaged signal of one EM particle, VEM: upper 1, lower 0.4 × 0.8 (model choice). */
export const EM_VEM_PER_PARTICLE = (1 + 0.4 * 0.8) / 2;

/** One component's particles reaching a detector. */
export interface ParticleFlux {
  /** expected number of particles */
  mean: number;
  /** Gamma(2) delay scale τ at this distance, ns */
  tauNs: number;
  /** 'mu': ~1 VEM in both layers; 'em': mostly in the upper layer */
  kind: 'mu' | 'em';
}

/** What one detector recorded. */
export interface DetectorRecord {
  state: number;
  /** integral signal (layer average over the trace) per m², VEM/m²; 0 if not hit */
  signal: number;
  /** leading-edge time, ns (NaN if not hit) */
  timeNs: number;
  /** trace [T, 2] (upper, lower) in VEM per bin, starting PRE_TRIGGER_BINS before the trigger; null if not hit */
  waveform: Float32Array | null;
}

/** Gamma(2) CDF, F(x) = 1 − e^−x (1 + x), for x = t/τ ≥ 0. */
export function gammaTwoCdf(x: number): number {
  return x <= 0 ? 0 : 1 - Math.exp(-x) * (1 + x);
}

/** Lognormal with the given mean and log-σ. */
function lognormal(rng: Random, mean: number, sigma: number): number {
  return mean * Math.exp(sigma * rng.normal() - 0.5 * sigma * sigma);
}

/** Layer deposits per particle: [P(upper), mean, σ_log] and the same for the lower layer. */
const DEPOSIT = {
  mu: { upper: [1, 1, 0.3], lower: [1, 1, 0.3] },
  em: { upper: [1, 1, 0.5], lower: [0.4, 0.8, 0.5] },
} as const;

/** Adds one component's particles to the buffer (two interleaved layers) whose bin 0 starts `offsetNs` before the plane front. */
function addParticles(buf: Float64Array, nBins: number, offsetNs: number, flux: ParticleFlux, rng: Random): void {
  const n = flux.mean > 0 ? rng.poisson(flux.mean) : 0;
  if (n === 0) return;
  const dep = DEPOSIT[flux.kind];
  if (n <= 30) {
    for (let i = 0; i < n; i++) {
      const t = offsetNs - flux.tauNs * Math.log(rng.random() * rng.random() + 1e-300);
      const b = Math.floor(t / BIN_NS);
      if (b < 0 || b >= nBins) continue;
      if (rng.random() < dep.upper[0]) buf[2 * b] += lognormal(rng, dep.upper[1], dep.upper[2]);
      if (rng.random() < dep.lower[0]) buf[2 * b + 1] += lognormal(rng, dep.lower[1], dep.lower[2]);
    }
    return;
  }
  // many particles: expected count per bin with Gaussian fluctuations of the summed deposit
  const layers = [dep.upper, dep.lower];
  let prev = gammaTwoCdf((0 - offsetNs) / flux.tauNs);
  for (let b = 0; b < nBins; b++) {
    const next = gammaTwoCdf(((b + 1) * BIN_NS - offsetNs) / flux.tauNs);
    const mu = n * (next - prev);
    prev = next;
    if (mu < 1e-6) continue;
    for (let l = 0; l < 2; l++) {
      const [p, m, s] = layers[l];
      const mean1 = p * m;
      const second = p * m * m * Math.exp(s * s);
      buf[2 * b + l] += Math.max(0, mu * mean1 + Math.sqrt(mu * second) * rng.normal());
    }
  }
}

/** Convolves each layer with the pulse shape (causal) in place. */
function applyPulse(buf: Float64Array, nBins: number): void {
  for (let b = nBins - 1; b >= 0; b--) {
    for (let l = 0; l < 2; l++) {
      let v = 0;
      for (let k = 0; k < PULSE.length && k <= b; k++) v += PULSE[k] * buf[2 * (b - k) + l];
      buf[2 * b + l] = v;
    }
  }
}

/**
 * Simulates one detector.
 * @param planeNs arrival time of the plane front at the detector, ns
 * @param fluxes the particle components reaching it
 * @param T trace length in bins
 * @param on false for a detector that is off
 */
export function detectorResponse(planeNs: number, fluxes: readonly ParticleFlux[], T: number, on: boolean, rng: Random): DetectorRecord {
  if (!on) return { state: STATE.off, signal: 0, timeNs: NaN, waveform: null };
  const lead = 16; // buffer bins before the plane front (room for jitter and the pre-trigger part)
  const nBins = T + 2 * lead + 160;
  const buf = new Float64Array(2 * nBins);
  for (const f of fluxes) addParticles(buf, nBins, lead * BIN_NS, f, rng);
  applyPulse(buf, nBins);
  let cum = 0;
  let k = -1;
  let frac = 0;
  for (let b = 0; b < nBins; b++) {
    const v = 0.5 * (buf[2 * b] + buf[2 * b + 1]);
    if (cum + v >= HIT_THRESHOLD_VEM) {
      k = b;
      frac = (HIT_THRESHOLD_VEM - cum) / v;
      break;
    }
    cum += v;
  }
  if (k < 0) return { state: STATE.quiet, signal: 0, timeNs: NaN, waveform: null };
  const start = k - PRE_TRIGGER_BINS;
  const waveform = new Float32Array(2 * T);
  let total = 0;
  let saturated = false;
  for (let b = 0; b < T; b++) {
    const src = start + b;
    if (src < 0 || src >= nBins) continue;
    for (let l = 0; l < 2; l++) {
      let v = buf[2 * src + l];
      if (v > SATURATION_VEM_PER_BIN) {
        v = SATURATION_VEM_PER_BIN;
        saturated = true;
      }
      waveform[2 * b + l] = v;
      total += 0.5 * v;
    }
  }
  const timeNs = planeNs + (k + frac - lead) * BIN_NS + CLOCK_JITTER_NS * rng.normal();
  return { state: saturated ? STATE.saturated : STATE.hit, signal: total / AREA_M2, timeNs, waveform };
}
