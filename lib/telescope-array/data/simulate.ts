/**
 * Event simulator of the Telescope Array surface array: a square grid of detectors 1.2 km apart;
 * primaries drawn as in the seed (E^-1 spectrum over 10^18.5–10^20 eV, isotropic with zenith < 45°,
 * H/He/N/Fe 1:1:1:1 or photons, core uniform over the array); each detector's traces from
 * `detector.ts` with the EM and muon signals of `primaries.ts` following the seed's LDF.
 *
 * The array is infinite and the core uniform in one grid cell (the same as uniform over a large
 * array, without edge effects); a patch of `patch × patch` detectors around it is simulated.
 * Used by `generate.ts`, the tests and notebooks/02-telescope-array.ipynb.
 */
import { Random } from '../../random';
import { AREA_M2, detectorResponse, EM_VEM_PER_PARTICLE, STATE, type DetectorRecord } from './detector';
import { axisGeometry, ldf, RL_M, type ShowerAxis } from './ldf';
import { groundShower, meanXmax, PRIMARIES, xmaxSigma } from './primaries';

/** Grid spacing of the TA surface array, m (seed; Abu-Zayyad et al. 2012). */
export const GRID_SPACING_M = 1200;
/** Event trigger: at least 3 detectors with ≥ 3 VEM (TA level-1: 3 MIP in 3 adjacent detectors, Abu-Zayyad et al. 2012). */
export const TRIGGER_VEM = 3;
export const TRIGGER_COUNT = 3;

/** Simulation settings. */
export interface SimConfig {
  /** which set: nuclei H/He/N/Fe in equal parts, or photons */
  set: 'nuclei' | 'photons';
  /** trace length in bins (default 128, the seed's T) */
  T?: number;
  /** detectors per side of the simulated patch (default 8) */
  patch?: number;
  /** probability that a detector is off (default 0.02, model choice) */
  pOff?: number;
  /** log10(E/eV) range (default 18.5–20) */
  logEnergy?: [number, number];
  /** maximum zenith angle, degrees (default 45) */
  zenithMaxDeg?: number;
}

/** The true shower. */
export interface TrueShower extends ShowerAxis {
  /** index into PRIMARIES */
  primary: number;
  energyEeV: number;
  /** depth of shower maximum, g/cm² */
  xmax: number;
  /** true signal density 800 m from the axis (EM + muons), VEM/m² */
  s800: number;
  /** muon part of it, VEM/m² */
  s800Mu: number;
}

/** One simulated event: the truth and every detector of the patch. */
export interface SimEvent {
  truth: TrueShower;
  /** detector positions, m, [patch²] row-major (row = y index) */
  x: Float64Array;
  y: Float64Array;
  detectors: DetectorRecord[];
  /** whether the event trigger fired */
  triggered: boolean;
}

/** Draws the primary and its geometry. */
export function drawShower(cfg: SimConfig, rng: Random): TrueShower {
  const [lo, hi] = cfg.logEnergy ?? [18.5, 20];
  const energyEeV = rng.powerLaw(1, Math.pow(10, lo - 18), Math.pow(10, hi - 18));
  const cosMax = Math.cos(((cfg.zenithMaxDeg ?? 45) * Math.PI) / 180);
  // isotropic flux on a flat array: dN ∝ cos θ d(cos θ) → cos²θ uniform
  const zenith = Math.acos(Math.sqrt(rng.uniform(cosMax * cosMax, 1)));
  const azimuth = rng.uniform(-Math.PI, Math.PI);
  const primary = cfg.set === 'photons' ? 4 : rng.integer(0, 4);
  const name = PRIMARIES[primary];
  const xmax = meanXmax(name, energyEeV) + xmaxSigma(name) * rng.normal();
  const g = groundShower(name, energyEeV, zenith, xmax);
  return {
    primary,
    energyEeV,
    zenith,
    azimuth,
    xCore: rng.uniform(0, GRID_SPACING_M),
    yCore: rng.uniform(0, GRID_SPACING_M),
    xmax,
    s800: g.sEm800 + g.sMu800,
    s800Mu: g.sMu800,
  };
}

/** Detector positions of a patch around the cell [0, s)²: offsets −(patch/2 − 1) … patch/2 spacings. */
export function patchPositions(patch: number): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(patch * patch);
  const y = new Float64Array(patch * patch);
  const first = -(Math.floor(patch / 2) - 1);
  for (let j = 0; j < patch; j++) {
    for (let i = 0; i < patch; i++) {
      x[j * patch + i] = (first + i) * GRID_SPACING_M;
      y[j * patch + i] = (first + j) * GRID_SPACING_M;
    }
  }
  return { x, y };
}

/** Simulates one event (triggered or not). */
export function simulateEvent(cfg: SimConfig, rng: Random): SimEvent {
  const T = cfg.T ?? 128;
  const patch = cfg.patch ?? 8;
  const pOff = cfg.pOff ?? 0.02;
  const truth = drawShower(cfg, rng);
  const g = groundShower(PRIMARIES[truth.primary], truth.energyEeV, truth.zenith, truth.xmax);
  const { x, y } = patchPositions(patch);
  const detectors: DetectorRecord[] = [];
  let strong = 0;
  for (let i = 0; i < x.length; i++) {
    const { rM, planeNs } = axisGeometry(truth, x[i], y[i]);
    const thickness = Math.pow(1 + rM / RL_M, 1.5);
    const rec = detectorResponse(
      planeNs,
      [
        { kind: 'em', mean: (g.sEm800 * ldf(rM, g.etaEm) * AREA_M2) / EM_VEM_PER_PARTICLE, tauNs: g.tau0Em * thickness },
        { kind: 'mu', mean: g.sMu800 * ldf(rM, g.etaMu) * AREA_M2, tauNs: g.tau0Mu * thickness },
      ],
      T,
      rng.random() >= pOff,
      rng,
    );
    if (rec.state >= STATE.hit && rec.signal * AREA_M2 >= TRIGGER_VEM) strong++;
    detectors.push(rec);
  }
  return { truth, x, y, detectors, triggered: strong >= TRIGGER_COUNT };
}

/**
 * The first triggered event of `cfg` with at least `minEnergyEeV` (the notebook's sample event, as the
 * seed shows one: a high-energy event with many counters); gives up after `maxTries` draws.
 */
export function drawSampleEvent(cfg: SimConfig, rng: Random, minEnergyEeV = 20, maxTries = 100_000): SimEvent {
  for (let k = 0; k < maxTries; k++) {
    const ev = simulateEvent(cfg, rng);
    if (ev.triggered && ev.truth.energyEeV >= minEnergyEeV) return ev;
  }
  throw new Error(`drawSampleEvent: no triggered ${cfg.set} event above ${minEnergyEeV} EeV in ${maxTries} draws`);
}
