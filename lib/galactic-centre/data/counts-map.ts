/**
 * CTA-like counts maps of the Galactic Centre: expected counts per pixel and energy band for each
 * emission component (interstellar emission, Fermi bubbles, point sources, dark-matter annihilation),
 * after exposure and the band's PSF, then Poisson counts. Maps are `[height, width, bands]`
 * row-major, the bands acting as image channels (the seed used RGB renderings of matplotlib plots;
 * we keep the counts).
 *
 * Conservation: a component's expected map sums to exactly its `counts` (split over the bands by
 * its spectrum), so the total expected counts of a map are the sum of its components' counts.
 *
 * Used by `lib/galactic-centre/data/dataset.ts`, `gce.ts` and notebook 03-galaxy-zoo-gc.
 */
import { Random } from '../../random';
import { gaussianBlur } from '../../image';
import { bubblesTemplate, drawPointSources, exposureMap, iemTemplate, pointSourceMap, type BubbleParams, type IemParams, type PointSourceParams } from './backgrounds';
import { jFactorMap, type DmProfile } from './dark-matter';
import type { SkyGrid } from './sky';

/** An energy band: name, PSF σ (deg). */
export interface EnergyBand {
  name: string;
  psfSigmaDeg: number;
}

/**
 * Three CTA bands. PSF 68 % radii of CTA-South (about 0.15°, 0.07°, 0.04° at 0.1, 1, 10 TeV, CTA
 * performance curves prod3b) turned into Gaussian σ ≈ r68 / 1.5.
 */
export const CTA_BANDS: readonly EnergyBand[] = [
  { name: '0.03–0.3 TeV', psfSigmaDeg: 0.1 },
  { name: '0.3–3 TeV', psfSigmaDeg: 0.05 },
  { name: '3–100 TeV', psfSigmaDeg: 0.03 },
];

/**
 * Fraction of each component's counts per CTA band: power laws E^−Γ folded with a rising effective
 * area (IEM Γ ≈ 2.7, bubbles Γ ≈ 2.1, sources Γ ≈ 2.4) and a 1 TeV WIMP annihilating to b b̄
 * (peaked near m/20), rounded; an illustrative choice, not a fit.
 */
export const CTA_SPECTRA = {
  iem: [0.72, 0.24, 0.04],
  bubbles: [0.52, 0.34, 0.14],
  pointSources: [0.6, 0.3, 0.1],
  dm: [0.45, 0.5, 0.05],
} as const;

/** The content of one scene; `counts` are expected counts in the whole map, all bands. */
export interface GcScene {
  iem?: { params: IemParams; counts: number };
  bubbles?: { params: BubbleParams; counts: number };
  pointSources?: PointSourceParams;
  dm?: { profile: DmProfile; counts: number };
}

/** Instrument and spectra of a simulation. */
export interface Instrument {
  bands: readonly EnergyBand[];
  spectra: { iem: readonly number[]; bubbles: readonly number[]; pointSources: readonly number[]; dm: readonly number[] };
  /** Gaussian acceptance width (deg) */
  exposureWidthDeg: number;
}

export const CTA_INSTRUMENT: Instrument = { bands: CTA_BANDS, spectra: CTA_SPECTRA, exposureWidthDeg: 6 };

/** Expected and observed counts of one map. */
export interface SimulatedMap {
  /** Poisson counts `[height * width * bands]` */
  counts: Float32Array;
  /** expected counts per component, same layout */
  expected: Record<string, Float32Array>;
}

const shapeCache = new Map<string, Float32Array[]>();

/**
 * Spreads `counts` expected counts of a unit-sum `template` over the bands: per band, times exposure,
 * blurred with the band's PSF, renormalised, times `counts · spectrum[band]`. Adds into `out` (HWC).
 */
export function addComponent(out: Float32Array, grid: SkyGrid, instrument: Instrument, template: Float32Array, counts: number, spectrum: readonly number[], cacheKey?: string): void {
  const nb = instrument.bands.length;
  if (spectrum.length !== nb) throw new RangeError(`spectrum has ${spectrum.length} bands, instrument ${nb}`);
  let shapes = cacheKey ? shapeCache.get(cacheKey) : undefined;
  if (!shapes) {
    const exposure = exposureMap(grid, instrument.exposureWidthDeg);
    shapes = instrument.bands.map((band) => {
      const m = gaussianBlur(template.map((v, k) => v * exposure[k]), grid.height, grid.width, band.psfSigmaDeg / grid.pixelDeg);
      let s = 0;
      for (const v of m) s += v;
      return s > 0 ? m.map((v) => v / s) : m;
    });
    if (cacheKey) shapeCache.set(cacheKey, shapes);
  }
  const sSum = spectrum.reduce((a, b) => a + b, 0);
  for (let b = 0; b < nb; b++) {
    const w = (counts * spectrum[b]) / sSum;
    const shape = shapes[b];
    for (let k = 0; k < shape.length; k++) out[k * nb + b] += w * shape[k];
  }
}

/** Expected counts of each component of `scene` (point sources drawn with `rng`). */
export function expectedCounts(grid: SkyGrid, scene: GcScene, rng: Random, instrument: Instrument = CTA_INSTRUMENT): Record<string, Float32Array> {
  const size = grid.height * grid.width * instrument.bands.length;
  const out: Record<string, Float32Array> = {};
  const add = (name: string, template: Float32Array, counts: number, spectrum: readonly number[], key?: string): void => {
    out[name] = new Float32Array(size);
    addComponent(out[name], grid, instrument, template, counts, spectrum, key);
  };
  const gridKey = JSON.stringify([grid, instrument]);
  if (scene.iem) add('iem', iemTemplate(grid, scene.iem.params), scene.iem.counts, instrument.spectra.iem, `iem${JSON.stringify(scene.iem.params)}${gridKey}`);
  if (scene.bubbles) add('bubbles', bubblesTemplate(grid, scene.bubbles.params), scene.bubbles.counts, instrument.spectra.bubbles, `bub${JSON.stringify(scene.bubbles.params)}${gridKey}`);
  if (scene.pointSources) {
    const ps = pointSourceMap(grid, drawPointSources(grid, scene.pointSources, rng));
    let total = 0;
    for (const v of ps) total += v;
    if (total > 0) add('pointSources', ps.map((v) => v / total), total, instrument.spectra.pointSources);
    else out.pointSources = new Float32Array(size);
  }
  if (scene.dm && scene.dm.counts > 0) add('dm', jFactorMap(grid, scene.dm.profile), scene.dm.counts, instrument.spectra.dm, `dm${JSON.stringify(scene.dm.profile)}${gridKey}`);
  return out;
}

/** Sum of the component maps. */
export function totalExpected(expected: Record<string, Float32Array>): Float32Array {
  const maps = Object.values(expected);
  const out = new Float32Array(maps[0]?.length ?? 0);
  for (const m of maps) for (let k = 0; k < m.length; k++) out[k] += m[k];
  return out;
}

/** Poisson counts with means `expected`. */
export function poissonCounts(expected: Float32Array, rng: Random): Float32Array {
  return Float32Array.from(expected, (mu) => rng.poisson(mu));
}

/** Simulates one map of `scene`: expected counts per component and Poisson counts. */
export function simulateMap(grid: SkyGrid, scene: GcScene, rng: Random, instrument: Instrument = CTA_INSTRUMENT): SimulatedMap {
  const expected = expectedCounts(grid, scene, rng, instrument);
  return { counts: poissonCounts(totalExpected(expected), rng), expected };
}
