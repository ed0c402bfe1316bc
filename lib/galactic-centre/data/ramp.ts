/**
 * The dark-matter amplitude ramp of the seed's data set, defined by how visible the signal is.
 *
 * The seed (Aasen 2022, §3.1): "Instead, we start at an amplitude that is barely visible to the naked
 * eye compared to the background and gradually increase it until it becomes clearly visible. This is
 * done in a for-loop with 10 iterations."
 *
 * We turn that sentence into numbers. Visibility at a step is the DM excess S in a central disc of
 * radius `radiusDeg` around the Galactic Centre (all bands), in standard deviations of the
 * background's Poisson fluctuation there: z = S / √B, B the expected background counts in the disc
 * (the diffuse emission of the map's background plus the mean point-source population). The DM
 * counts of a map are chosen so that its step has the stated z against *its own* background (IEM,
 * bubbles or both; familiar or unseen model): "compared to the background".
 *
 * - First step z = 3: "barely visible to the naked eye". A human observer sees a uniform patch in
 *   white noise at a signal-to-noise ratio k of about 3–5 (Rose 1948, J. Opt. Soc. Am. 38, 196,
 *   "the Rose criterion"); barely visible is the low end, k = 3. (A 1–2σ excess in a 1° disc cannot
 *   be told from a fluctuation by eye.)
 * - Last step z = 20: "clearly visible", four times Rose's k = 5 for a certain detection.
 * - Geometric in between (ratio (20/3)^(1/9) ≈ 1.23 per step): the seed "gradually" raises the
 *   amplitude without a scale; equal ratios look like equal steps in brightness (Weber–Fechner), and
 *   they sample the faint end, where detection is decided, more densely than a linear ramp.
 * - Radius 1°: the DM cusp after the PSF puts about a fifth of its counts there, and the disc is the
 *   region of the notebook's likelihood-ratio exercise.
 *
 * The point sources make the real scatter of the disc's counts larger than √B (a bright source can
 * fall into it); z counts the Poisson part only, as the definition says.
 *
 * Used by `./dataset.ts` and notebook 03-galaxy-zoo-gc.
 */
import { addComponent, CTA_INSTRUMENT, expectedCounts, type GcScene, type Instrument, type SimulatedMap } from './counts-map';
import type { PointSourceParams } from './backgrounds';
import { jFactorMap, type DmProfile } from './dark-matter';
import { angleFromGC, mapOver, pixelLB, unitSum, type SkyGrid } from './sky';
import { Random } from '../../random';

/** A ramp of DM visibility: `steps` steps from z = `zFirst` to `zLast` (geometric), z measured in a disc of `radiusDeg`. */
export interface VisibilityRamp {
  steps: number;
  zFirst: number;
  zLast: number;
  radiusDeg: number;
}

/** The seed's ramp (§3.1, see the file comment): 10 steps, z = 3 ("barely visible") to 20 ("clearly visible") in the central 1°. */
export const DM_VISIBILITY_RAMP: VisibilityRamp = { steps: 10, zFirst: 3, zLast: 20, radiusDeg: 1 };

/** z at step s (1-based) of the ramp: geometric from `zFirst` to `zLast`. */
export function zAtStep(ramp: VisibilityRamp, step: number): number {
  if (!(Number.isInteger(step) && step >= 1 && step <= ramp.steps)) throw new RangeError(`zAtStep: step ${step} outside 1…${ramp.steps}`);
  return ramp.steps <= 1 ? ramp.zLast : ramp.zFirst * (ramp.zLast / ramp.zFirst) ** ((step - 1) / (ramp.steps - 1));
}

/** 1 for the pixels whose centre lies within `radiusDeg` of the GC, else 0 (`[height * width]`). */
export function centralMask(grid: SkyGrid, radiusDeg: number): Uint8Array {
  const mask = new Uint8Array(grid.height * grid.width);
  for (let i = 0; i < grid.height; i++) {
    for (let j = 0; j < grid.width; j++) {
      const p = pixelLB(grid, i, j);
      mask[i * grid.width + j] = angleFromGC(p.l, p.b) <= radiusDeg ? 1 : 0;
    }
  }
  if (!mask.some((m) => m)) throw new RangeError(`centralMask: no pixel centre within ${radiusDeg}° of the GC on a ${grid.height}×${grid.width} grid of ${grid.pixelDeg}° pixels`);
  return mask;
}

/** Sum over the masked pixels and all bands of a `[height, width, bands]` map. */
export function regionSum(map: ArrayLike<number>, mask: Uint8Array, bands: number): number {
  let s = 0;
  for (let k = 0; k < map.length; k++) if (mask[Math.floor(k / bands)]) s += map[k];
  return s;
}

/** Mean expected counts of one source of `p` (dN/dS ∝ S^−α on [sMin, sMax]; the mean of `Random.powerLaw`). */
export function meanSourceCounts(p: PointSourceParams): number {
  const moment = (k: number): number => {
    const g = k + 1 - p.index; // ∫ S^(k−α) dS
    return Math.abs(g) < 1e-12 ? Math.log(p.sMax / p.sMin) : (p.sMax ** g - p.sMin ** g) / g;
  };
  return moment(1) / moment(0);
}

/**
 * Mean expected counts map of a point-source population: positions from the Gaussian in (l, b) that
 * `drawPointSources` samples inside the field, each with the mean source counts, plus the central
 * source; then exposure and PSF as for every component.
 */
export function meanPointSourceMap(grid: SkyGrid, p: PointSourceParams, instrument: Instrument = CTA_INSTRUMENT): Float32Array {
  const out = new Float32Array(grid.height * grid.width * instrument.bands.length);
  const density = unitSum(mapOver(grid, (l, b) => Math.exp(-0.5 * ((l / p.sigmaLDeg) ** 2 + (b / p.sigmaBDeg) ** 2)) + 1e-30));
  const positions = density.map((d) => d * p.meanCount * meanSourceCounts(p));
  if (p.centralCounts > 0) {
    const j = Math.floor(grid.width / 2 - 0.02 / grid.pixelDeg); // the position `drawPointSources` gives it
    const i = Math.floor(grid.height / 2 + 0.04 / grid.pixelDeg);
    positions[i * grid.width + j] += p.centralCounts;
  }
  const total = positions.reduce((a, v) => a + v, 0);
  addComponent(out, grid, instrument, unitSum(positions), total, instrument.spectra.pointSources);
  return out;
}

/** B: expected background counts in the central disc of a background scene (diffuse emission plus mean point sources). */
export function backgroundInRegion(grid: SkyGrid, scene: GcScene, radiusDeg: number, instrument: Instrument = CTA_INSTRUMENT): number {
  const mask = centralMask(grid, radiusDeg);
  const nb = instrument.bands.length;
  const diffuse = expectedCounts(grid, { iem: scene.iem, bubbles: scene.bubbles }, new Random(0), instrument); // no random component
  let b = Object.values(diffuse).reduce((a, m) => a + regionSum(m, mask, nb), 0);
  if (scene.pointSources) b += regionSum(meanPointSourceMap(grid, scene.pointSources, instrument), mask, nb);
  return b;
}

/** Fraction of a DM halo's expected counts (after exposure and PSF) that falls in the central disc. */
export function dmFractionInRegion(grid: SkyGrid, profile: DmProfile, radiusDeg: number, instrument: Instrument = CTA_INSTRUMENT): number {
  const out = new Float32Array(grid.height * grid.width * instrument.bands.length);
  addComponent(out, grid, instrument, jFactorMap(grid, profile), 1, instrument.spectra.dm, `dm${JSON.stringify(profile)}${JSON.stringify([grid, instrument])}`);
  return regionSum(out, centralMask(grid, radiusDeg), instrument.bands.length);
}

const rampCache = new Map<string, number[]>();

/**
 * Expected DM counts (whole map) at each step of `ramp` for a DM `profile` over a background `scene`:
 * z_s · √B / f, B the background in the disc and f the DM fraction there. Cached per grid, scene,
 * profile, ramp and instrument.
 */
export function rampDmCounts(grid: SkyGrid, scene: GcScene, profile: DmProfile, ramp: VisibilityRamp, instrument: Instrument = CTA_INSTRUMENT): number[] {
  const key = JSON.stringify([grid, scene.iem, scene.bubbles, scene.pointSources, profile, ramp, instrument]);
  const hit = rampCache.get(key);
  if (hit) return hit;
  const b = backgroundInRegion(grid, scene, ramp.radiusDeg, instrument);
  const f = dmFractionInRegion(grid, profile, ramp.radiusDeg, instrument);
  const counts = Array.from({ length: ramp.steps }, (_, s) => (zAtStep(ramp, s + 1) * Math.sqrt(b)) / f);
  rampCache.set(key, counts);
  return counts;
}

/**
 * The visibility a simulated map shows: its counts in the disc minus its own expected background
 * there (every component but `dm`, its point sources as drawn), over √B. Averaged over maps of one
 * step it estimates that step's z.
 */
export function excessZ(sim: SimulatedMap, mask: Uint8Array, bands: number, background: number): number {
  let expectedBackground = 0;
  for (const [name, m] of Object.entries(sim.expected)) if (name !== 'dm') expectedBackground += regionSum(m, mask, bands);
  return (regionSum(sim.counts, mask, bands) - expectedBackground) / Math.sqrt(background);
}
