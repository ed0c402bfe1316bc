/**
 * Maps for the Galactic Centre excess (GCE) as in the DarkMachines talk (Hendriks, "Bayesian NN for
 * the GCE"): Fermi-LAT-like counts maps in 5 energy bins of a ~16° × 16° field, drawn from several
 * background models (train on 3, test on 2 others), with an excess made of smooth dark-matter
 * annihilation (generalised NFW with inner slope γ drawn in [0.5, 1.2]) and unresolved point
 * sources (millisecond pulsars) following the same morphology. The regression target is the
 * fraction of the excess coming from the point sources.
 *
 * The MSPs are faint (a few to tens of expected counts each), so the only handle on them is the
 * graininess of the counts — the non-Poissonian statistics the talk's CNN learns from.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import { Random } from '../../random';
import { type BubbleParams, type IemParams } from './backgrounds';
import { addComponent, poissonCounts, totalExpected, expectedCounts, type Instrument } from './counts-map';
import { jFactorMap } from './dark-matter';
import { unitSum, type SkyGrid } from './sky';

/** The GCE field: 32 × 32 pixels of 0.5°. */
export const GCE_GRID: SkyGrid = { height: 32, width: 32, pixelDeg: 0.5 };

/**
 * Five Fermi-LAT-like bins (≈ 0.5–1, 1–2, 2–5, 5–10, 10–50 GeV) with PSF σ falling with energy
 * (Fermi-LAT P8R3 68 % containment ~0.8° at 1 GeV, ~0.15° above 10 GeV, σ ≈ r68 / 1.5).
 * GCE spectrum peaked at 1–3 GeV (Calore, Cholis & Weniger 2015), shared by DM and MSPs.
 */
export const FERMI_INSTRUMENT: Instrument = {
  bands: [
    { name: '0.5–1 GeV', psfSigmaDeg: 0.6 },
    { name: '1–2 GeV', psfSigmaDeg: 0.35 },
    { name: '2–5 GeV', psfSigmaDeg: 0.2 },
    { name: '5–10 GeV', psfSigmaDeg: 0.12 },
    { name: '10–50 GeV', psfSigmaDeg: 0.1 },
  ],
  spectra: {
    iem: [0.42, 0.28, 0.17, 0.08, 0.05],
    bubbles: [0.24, 0.24, 0.22, 0.17, 0.13],
    pointSources: [0.35, 0.28, 0.2, 0.11, 0.06],
    dm: [0.18, 0.32, 0.3, 0.14, 0.06],
  },
  exposureWidthDeg: 100,
};

/** One GCE background model: IEM and bubble templates and their counts. */
export interface GceBackground {
  name: string;
  iem: IemParams;
  bubbles: BubbleParams;
  iemCounts: number;
  bubbleCounts: number;
}

/** Five background models (different gas layouts, disk thickness and bubble shapes); the talk trains on 3 and tests on 2. */
export const GCE_BACKGROUNDS: readonly GceBackground[] = [
  { name: 'A', iem: { scaleHeightDeg: 1.5, scaleLengthDeg: 20, gasSeed: 11, clouds: 20, cloudContrast: 1.2 }, bubbles: { baseWidthDeg: 3, opening: 0.5, edgeDeg: 1 }, iemCounts: 60000, bubbleCounts: 8000 },
  { name: 'B', iem: { scaleHeightDeg: 2.0, scaleLengthDeg: 15, gasSeed: 12, clouds: 30, cloudContrast: 0.8 }, bubbles: { baseWidthDeg: 4, opening: 0.4, edgeDeg: 1.5 }, iemCounts: 55000, bubbleCounts: 10000 },
  { name: 'C', iem: { scaleHeightDeg: 1.2, scaleLengthDeg: 25, gasSeed: 13, clouds: 16, cloudContrast: 1.6 }, bubbles: { baseWidthDeg: 2.5, opening: 0.6, edgeDeg: 0.8 }, iemCounts: 65000, bubbleCounts: 6000 },
  { name: 'D', iem: { scaleHeightDeg: 1.7, scaleLengthDeg: 18, gasSeed: 14, clouds: 24, cloudContrast: 1.0 }, bubbles: { baseWidthDeg: 3.5, opening: 0.45, edgeDeg: 1.2 }, iemCounts: 58000, bubbleCounts: 9000 },
  { name: 'E', iem: { scaleHeightDeg: 1.3, scaleLengthDeg: 22, gasSeed: 15, clouds: 18, cloudContrast: 1.4 }, bubbles: { baseWidthDeg: 2.8, opening: 0.55, edgeDeg: 0.9 }, iemCounts: 62000, bubbleCounts: 7000 },
];

/** Inner slopes at which the gNFW J-maps are tabulated (γ in between is interpolated linearly). */
const GAMMA_TABLE = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2];

/** Unit-sum J-map of a gNFW with inner slope `gamma` ∈ [0.5, 1.2] on `grid`. */
export function gnfwMap(grid: SkyGrid, gamma: number): Float32Array {
  const g = Math.min(1.2, Math.max(0.5, gamma));
  const k = Math.min(GAMMA_TABLE.length - 2, Math.floor((g - 0.5) / 0.1 + 1e-9));
  const t = (g - GAMMA_TABLE[k]) / 0.1;
  const a = jFactorMap(grid, { kind: 'gnfw', gamma: GAMMA_TABLE[k] }, 2);
  const b = jFactorMap(grid, { kind: 'gnfw', gamma: GAMMA_TABLE[k + 1] }, 2);
  return a.map((v, i) => (1 - t) * v + t * b[i]);
}

/** Draws MSP positions from `template` (unit sum) until their expected counts reach `total`; returns the map of their counts. */
export function mspMap(grid: SkyGrid, template: Float32Array, total: number, rng: Random, sMin = 2, sMax = 60, index = 1.9): Float32Array {
  const cdf = new Float64Array(template.length);
  let acc = 0;
  template.forEach((v, k) => (cdf[k] = acc += v));
  const out = new Float32Array(grid.height * grid.width);
  let sum = 0;
  while (sum < total) {
    const s = Math.min(rng.powerLaw(index, sMin, sMax), total - sum + 1e-9);
    const u = rng.random() * acc;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    out[lo] += s;
    sum += s;
  }
  return out;
}

/** Options of {@link simulateGceDataset}. */
export interface GceOptions {
  n: number;
  /** indices into `GCE_BACKGROUNDS` to draw from, in turn */
  backgrounds: readonly number[];
  grid?: SkyGrid;
  /** excess counts as a fraction of the background counts, drawn uniformly in this range */
  excessFraction?: readonly [number, number];
}

/** GCE maps `[n, 32, 32, 5]`, the point-source fraction, γ and the background model of each. */
export interface GceDataset {
  maps: Float32Array;
  n: number;
  shape: readonly [number, number, number];
  /** fraction of the excess from point sources, in [0, 1] */
  psFraction: Float32Array;
  gamma: Float32Array;
  background: Int32Array;
}

/** Simulates GCE maps; map i uses `rng.fork('gce i')`. */
export function simulateGceDataset(o: GceOptions, rng: Random): GceDataset {
  const grid = o.grid ?? GCE_GRID;
  const nb = FERMI_INSTRUMENT.bands.length;
  const pixels = grid.height * grid.width * nb;
  const [fLo, fHi] = o.excessFraction ?? [0.08, 0.15];
  const ds: GceDataset = { maps: new Float32Array(o.n * pixels), n: o.n, shape: [grid.height, grid.width, nb], psFraction: new Float32Array(o.n), gamma: new Float32Array(o.n), background: new Int32Array(o.n) };
  for (let i = 0; i < o.n; i++) {
    const g = rng.fork(`gce ${i}`);
    const bgIndex = o.backgrounds[i % o.backgrounds.length];
    const bg = GCE_BACKGROUNDS[bgIndex];
    const gamma = g.uniform(0.5, 1.2);
    const f = g.random();
    const excess = (bg.iemCounts + bg.bubbleCounts) * g.uniform(fLo, fHi);
    const expected = expectedCounts(grid, { iem: { params: bg.iem, counts: bg.iemCounts }, bubbles: { params: bg.bubbles, counts: bg.bubbleCounts } }, g, FERMI_INSTRUMENT);
    const template = gnfwMap(grid, gamma);
    expected.dm = new Float32Array(pixels);
    addComponent(expected.dm, grid, FERMI_INSTRUMENT, template, (1 - f) * excess, FERMI_INSTRUMENT.spectra.dm);
    expected.msp = new Float32Array(pixels);
    if (f > 0) addComponent(expected.msp, grid, FERMI_INSTRUMENT, unitSum(mspMap(grid, template, f * excess, g)), f * excess, FERMI_INSTRUMENT.spectra.dm);
    ds.maps.set(poissonCounts(totalExpected(expected), g), i * pixels);
    ds.psFraction[i] = f;
    ds.gamma[i] = gamma;
    ds.background[i] = bgIndex;
  }
  return ds;
}
