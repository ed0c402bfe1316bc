/**
 * One event as the network sees it (seed, "SD reconstruction NN architecture"): the (N, N, T, 2)
 * waveform tensor of the N × N detectors around the standard reconstruction's core, per-detector
 * features (exact position, state, integral signal, time relative to the plane front of the
 * standard fit), the standard fit's parameters, the truth, and the targets: the standard
 * reconstruction's errors (truth − standard) of the direction cosines and of log10 E.
 *
 * Used by `generate.ts`, `stream.ts` and notebooks/02-telescope-array.ipynb.
 */
import { AREA_M2, STATE } from './detector';
import { axisGeometry, directionVector } from './ldf';
import type { StandardFit } from './reconstruct';
import { GRID_SPACING_M, type SimEvent } from './simulate';

/** Per-detector feature names, in storage order. */
export const DETECTOR_FEATURES = ['dxKm', 'dyKm', 'on', 'hit', 'saturated', 'log10Signal', 'dtPlaneUs'] as const;
/** Standard-reconstruction parameter names, in storage order. */
export const STANDARD_FEATURES = ['zenith', 'cosAzimuth', 'sinAzimuth', 'log10S800', 'log10EnergyEeV', 'a', 'xInCell', 'yInCell', 'chi2PerNdf', 'nHit'] as const;
/** Truth names, in storage order. */
export const TRUTH_FEATURES = ['primary', 'log10EnergyEeV', 'zenith', 'azimuth', 'xCore', 'yCore', 'xmax', 's800'] as const;
/** Target names: truth − standard of the direction cosines n_x, n_y and of log10(E / EeV). */
export const TARGETS = ['dNx', 'dNy', 'dLog10E'] as const;

/** One event's arrays (float32, row-major). */
export interface EventArrays {
  /** [N, N, T, 2] VEM per bin (upper, lower) */
  waveforms: Float32Array;
  /** [N, N, DETECTOR_FEATURES.length] */
  detectors: Float32Array;
  /** [STANDARD_FEATURES.length] */
  standard: Float32Array;
  /** [TRUTH_FEATURES.length] */
  truth: Float32Array;
  /** [TARGETS.length] */
  targets: Float32Array;
}

/** First patch index of the N-wide window centred on coordinate `c` (m). */
function windowStart(c: number, patch: number, N: number): number {
  const first = -(Math.floor(patch / 2) - 1);
  const centre = c / GRID_SPACING_M - first;
  return Math.min(Math.max(Math.round(centre - (N - 1) / 2), 0), patch - N);
}

/**
 * Builds the network's arrays for a simulated and reconstructed event.
 * @param log10EStd the standard energy estimate, log10(E / EeV) (from the energy table)
 * @param N detectors per side of the window (≤ the simulated patch)
 */
export function eventArrays(ev: SimEvent, fit: StandardFit, log10EStd: number, N: number, T: number): EventArrays {
  const patch = Math.round(Math.sqrt(ev.x.length));
  if (N > patch) throw new RangeError(`eventArrays: window ${N} is larger than the simulated patch ${patch}`);
  const F = DETECTOR_FEATURES.length;
  const waveforms = new Float32Array(N * N * T * 2);
  const detectors = new Float32Array(N * N * F);
  const i0 = windowStart(fit.xCore, patch, N);
  const j0 = windowStart(fit.yCore, patch, N);
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < N; i++) {
      const k = (j0 + j) * patch + (i0 + i);
      const d = ev.detectors[k];
      const cell = j * N + i;
      const f = detectors.subarray(cell * F, (cell + 1) * F);
      f[0] = (ev.x[k] - fit.xCore) / 1000;
      f[1] = (ev.y[k] - fit.yCore) / 1000;
      f[2] = d.state === STATE.off ? 0 : 1;
      f[3] = d.state >= STATE.hit ? 1 : 0;
      f[4] = d.state === STATE.saturated ? 1 : 0;
      if (d.state >= STATE.hit && d.waveform) {
        f[5] = Math.log10(d.signal * AREA_M2);
        f[6] = (d.timeNs - fit.t0 - axisGeometry(fit, ev.x[k], ev.y[k]).planeNs) / 1000;
        waveforms.set(d.waveform, cell * T * 2);
      }
    }
  }
  const t = ev.truth;
  const chi2 = fit.chi2 / Math.max(fit.ndf, 1);
  const standard = Float32Array.from([fit.zenith, Math.cos(fit.azimuth), Math.sin(fit.azimuth), Math.log10(fit.s800), log10EStd, fit.a, fit.xCore / GRID_SPACING_M, fit.yCore / GRID_SPACING_M, chi2, fit.nHit]);
  const truth = Float32Array.from([t.primary, Math.log10(t.energyEeV), t.zenith, t.azimuth, t.xCore, t.yCore, t.xmax, t.s800]);
  const nTrue = directionVector(t.zenith, t.azimuth);
  const nStd = directionVector(fit.zenith, fit.azimuth);
  const targets = Float32Array.from([nTrue[0] - nStd[0], nTrue[1] - nStd[1], Math.log10(t.energyEeV) - log10EStd]);
  return { waveforms, detectors, standard, truth, targets };
}
