/**
 * Astrophysical background templates of the Galactic Centre region, as unit-sum maps on a `SkyGrid`:
 *
 * - interstellar emission (IEM): π⁰ decay on gas, so it follows a gas column-density model — a thin
 *   disk exp(−|b|/h_b) along the plane, a slow fall-off in longitude, and molecular clouds
 *   (a Central Molecular Zone of Gaussian clumps drawn from `gasSeed`);
 * - the Fermi bubbles: two lobes above and below the plane whose width grows with |b|, flat
 *   brightness with soft edges (Su, Slatyer & Finkbeiner 2010 describe flat-intensity lobes);
 * - the exposure: a smooth acceptance falling off from the pointing centre;
 * - point sources: a population with a power-law flux distribution dN/dS ∝ S^−α along the plane.
 *
 * A background *model* fixes the templates' parameters; drawing maps from one model changes only
 * the Poisson counts (and the point-source positions), as in the seed's gammapy simulations.
 *
 * Used by `lib/galactic-centre/data/counts-map.ts`, `gce.ts` and notebook 03-galaxy-zoo-gc.
 */
import { Random } from '../../random';
import { angleFromGC, mapOver, unitSum, type SkyGrid } from './sky';

/** Parameters of the gas-correlated interstellar emission model. */
export interface IemParams {
  /** latitude scale height (deg) */
  scaleHeightDeg: number;
  /** longitude fall-off scale (deg) */
  scaleLengthDeg: number;
  /** seed of the molecular-cloud layout */
  gasSeed: number;
  /** number of molecular clouds */
  clouds: number;
  /** cloud contrast relative to the smooth disk */
  cloudContrast: number;
}

/** Parameters of the Fermi-bubble template. */
export interface BubbleParams {
  /** half-width of the lobes at b = 0 (deg) */
  baseWidthDeg: number;
  /** widening per degree of |b| */
  opening: number;
  /** softness of the edge (deg) */
  edgeDeg: number;
}

/** Parameters of a point-source population. */
export interface PointSourceParams {
  /** mean number of sources in the field */
  meanCount: number;
  /** flux index α of dN/dS ∝ S^−α, fluxes in expected counts per source */
  index: number;
  sMin: number;
  sMax: number;
  /** latitude and longitude spreads (deg) */
  sigmaBDeg: number;
  sigmaLDeg: number;
  /** expected counts of an extra source at the very centre (Sgr A*-like; 0 for none) */
  centralCounts: number;
}

export const DEFAULT_IEM: IemParams = { scaleHeightDeg: 0.6, scaleLengthDeg: 8, gasSeed: 1, clouds: 14, cloudContrast: 1.5 };
export const DEFAULT_BUBBLES: BubbleParams = { baseWidthDeg: 1.2, opening: 0.55, edgeDeg: 0.4 };
export const DEFAULT_POINT_SOURCES: PointSourceParams = { meanCount: 12, index: 1.8, sMin: 30, sMax: 1500, sigmaBDeg: 0.4, sigmaLDeg: 3.5, centralCounts: 0 };

/** Unit-sum IEM template: smooth gas disk plus molecular clouds along the plane. */
export function iemTemplate(grid: SkyGrid, p: IemParams): Float32Array {
  const rng = new Random(p.gasSeed);
  const clouds = Array.from({ length: p.clouds }, () => ({
    l: rng.normal(0, 1.5),
    b: rng.normal(0, 0.25),
    s: rng.uniform(0.15, 0.6),
    w: rng.uniform(0.3, 1),
  }));
  return unitSum(
    mapOver(grid, (l, b) => {
      const smooth = Math.exp(-Math.abs(b) / p.scaleHeightDeg) * Math.exp(-Math.abs(l) / p.scaleLengthDeg);
      let gas = 0;
      for (const c of clouds) gas += c.w * Math.exp(-0.5 * ((l - c.l) ** 2 + (b - c.b) ** 2) / (c.s * c.s));
      return smooth * (1 + p.cloudContrast * gas) + 0.02;
    }),
  );
}

/** Unit-sum Fermi-bubble template: lobes |l| < w0 + k|b| with soft edges, faint in the plane. */
export function bubblesTemplate(grid: SkyGrid, p: BubbleParams): Float32Array {
  return unitSum(
    mapOver(grid, (l, b) => {
      const halfWidth = p.baseWidthDeg + p.opening * Math.abs(b);
      const inside = 1 / (1 + Math.exp((Math.abs(l) - halfWidth) / p.edgeDeg));
      const plane = 1 - 0.5 * Math.exp(-0.5 * (b / 0.5) ** 2);
      return inside * plane + 0.01;
    }),
  );
}

/** Relative exposure: a Gaussian acceptance of width `widthDeg` around the GC, 1 at the centre. */
export function exposureMap(grid: SkyGrid, widthDeg = 6): Float32Array {
  return mapOver(grid, (l, b) => Math.exp(-0.5 * (angleFromGC(l, b) / widthDeg) ** 2));
}

/** One drawn point source: position (deg) and expected counts (all bands). */
export interface PointSource {
  l: number;
  b: number;
  counts: number;
}

/** Draws a point-source population inside the grid's field. */
export function drawPointSources(grid: SkyGrid, p: PointSourceParams, rng: Random): PointSource[] {
  const halfL = (grid.width * grid.pixelDeg) / 2;
  const halfB = (grid.height * grid.pixelDeg) / 2;
  const out: PointSource[] = [];
  const n = rng.poisson(p.meanCount);
  while (out.length < n) {
    const l = rng.normal(0, p.sigmaLDeg);
    const b = rng.normal(0, p.sigmaBDeg);
    if (Math.abs(l) < halfL && Math.abs(b) < halfB) out.push({ l, b, counts: rng.powerLaw(p.index, p.sMin, p.sMax) });
  }
  if (p.centralCounts > 0) out.push({ l: 0.02, b: -0.04, counts: p.centralCounts });
  return out;
}

/** The sources as a map of expected counts per pixel (each source in the pixel holding it; PSF applied later). */
export function pointSourceMap(grid: SkyGrid, sources: readonly PointSource[]): Float32Array {
  const out = new Float32Array(grid.height * grid.width);
  for (const s of sources) {
    const j = Math.floor(grid.width / 2 - s.l / grid.pixelDeg);
    const i = Math.floor(grid.height / 2 - s.b / grid.pixelDeg);
    if (i >= 0 && i < grid.height && j >= 0 && j < grid.width) out[i * grid.width + j] += s.counts;
  }
  return out;
}
