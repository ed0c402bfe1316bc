/**
 * Cluster geometry of the NEWSdm simulator: the silver grains (or dust sub-blobs) of one cluster, in
 * nm around the image centre, for each of the six classes of the seed (C60/C80/C100 carbon tracks,
 * gamma electron tracks, dust, fog). `./render` turns a cluster into its 8 polarisation images.
 *
 * Used by `./datasets` (the binary and six-class sets) and the NEWSdm notebook.
 */
import { Random } from '../../random';
import {
  BEAM_SPREAD_RAD,
  CARBON_ENERGY_KEV,
  CENTRING_SIGMA_NM,
  DUST,
  GAMMA_LENGTH_NM,
  GAMMA_SPACING_NM,
  GRAIN_ANISOTROPY,
  GRAIN_BRIGHTNESS_LOG_SIGMA,
  GRAIN_FLUX,
  GRAIN_LENGTH_NM,
  GRAIN_SPACING_NM,
  GRAIN_WIDTH_NM,
  RANGE_STRAGGLING,
  carbonRangeNm,
  type ClusterClass,
} from './physics';

/** One light-emitting component of a cluster: a developed silver grain or a piece of a dust blob. */
export interface Grain {
  /** centre, nm (x to the right, y down the image rows; 0 at the image centre) */
  x: number;
  y: number;
  /** integrated brightness b₀ (image units × pixels) */
  flux: number;
  /** polarisation anisotropy a ∈ [0, 1] (0: the same at every polarisation) */
  anisotropy: number;
  /** long-axis direction α, rad */
  axis: number;
  /** Gaussian σ along the long and short axis of the grain's own shape, nm (before the PSF) */
  sigmaLong: number;
  sigmaShort: number;
}

/** A simulated cluster: its grains and the truth the studies need. */
export interface Cluster {
  cls: ClusterClass;
  grains: Grain[];
  /** direction of the track (or the blob's long axis), rad in (−π/2, π/2]; NaN for a single grain */
  direction: number;
  /** true track length, nm (0 for fog and dust) */
  lengthNm: number;
}

/** Options of {@link simulateCluster}. */
export interface ClusterOptions {
  /** draw signal directions uniformly instead of along the beam (the seed's isotropic study, §2.3) */
  isotropic?: boolean;
}

/** One developed silver grain at (x, y): random size, orientation, anisotropy and brightness. */
export function silverGrain(rng: Random, x: number, y: number, fluxScale = 1): Grain {
  const length = rng.uniform(GRAIN_LENGTH_NM[0], GRAIN_LENGTH_NM[1]);
  const width = Math.min(length, rng.uniform(GRAIN_WIDTH_NM[0], GRAIN_WIDTH_NM[1]));
  return {
    x,
    y,
    flux: fluxScale * GRAIN_FLUX * Math.exp(rng.normal(0, GRAIN_BRIGHTNESS_LOG_SIGMA)),
    anisotropy: rng.uniform(GRAIN_ANISOTROPY[0], GRAIN_ANISOTROPY[1]),
    axis: rng.uniform(0, Math.PI),
    // a uniform ellipse of semi-axis r has σ = r / 2 along that axis
    sigmaLong: length / 4,
    sigmaShort: width / 4,
  };
}

/** Wraps an angle to (−π/2, π/2] (tracks have no head-tail: φ and φ + π are the same line). */
export function wrapHalfTurn(angle: number): number {
  let a = angle % Math.PI;
  if (a > Math.PI / 2) a -= Math.PI;
  if (a <= -Math.PI / 2) a += Math.PI;
  return a;
}

/**
 * Grains spread along a straight segment of `length` nm at angle `phi` through the cluster centre
 * (cx, cy): `n` positions uniform along it (sorted), with a small transverse scatter.
 */
function grainsAlong(rng: Random, n: number, length: number, phi: number, cx: number, cy: number, transverseNm = 8): Grain[] {
  const c = Math.cos(phi);
  const s = Math.sin(phi);
  const t = n === 1 ? [0] : Array.from({ length: n }, () => rng.uniform(-length / 2, length / 2)).sort((a, b) => a - b);
  return t.map((ti) => {
    const u = rng.normal(0, transverseNm);
    return silverGrain(rng, cx + ti * c - u * s, cy + ti * s + u * c);
  });
}

/**
 * A carbon-ion recoil track of the given energy: range from {@link carbonRangeNm} with straggling,
 * 1 + Poisson(range / GRAIN_SPACING_NM) grains along it, direction along the beam (x axis) with
 * BEAM_SPREAD_RAD, or uniform when `isotropic`.
 */
export function carbonTrack(rng: Random, cls: 'C60' | 'C80' | 'C100', options: ClusterOptions = {}): Cluster {
  const range = Math.max(20, carbonRangeNm(CARBON_ENERGY_KEV[cls]) * (1 + RANGE_STRAGGLING * rng.normal()));
  const n = 1 + rng.poisson(range / GRAIN_SPACING_NM);
  const phi = options.isotropic ? rng.uniform(-Math.PI / 2, Math.PI / 2) : rng.normal(0, BEAM_SPREAD_RAD);
  const [cx, cy] = [rng.normal(0, CENTRING_SIGMA_NM), rng.normal(0, CENTRING_SIGMA_NM)];
  return { cls, grains: grainsAlong(rng, n, range, phi, cx, cy), direction: n === 1 ? NaN : wrapHalfTurn(phi), lengthNm: range };
}

/** A gamma-induced electron track: longer, sparser grains, isotropic, slightly bent (multiple scattering). */
export function gammaTrack(rng: Random): Cluster {
  const length = rng.uniform(GAMMA_LENGTH_NM[0], GAMMA_LENGTH_NM[1]);
  const n = 2 + rng.poisson(length / GAMMA_SPACING_NM - 1);
  const phi = rng.uniform(-Math.PI / 2, Math.PI / 2);
  // a random walk of direction: grains placed step by step along a bent path, centred afterwards
  const step = length / (n - 1);
  let [x, y, dir] = [0, 0, phi];
  const pts: Array<[number, number]> = [[0, 0]];
  for (let i = 1; i < n; i++) {
    dir += rng.normal(0, 0.25);
    const d = step * rng.uniform(0.5, 1.5);
    x += d * Math.cos(dir);
    y += d * Math.sin(dir);
    pts.push([x, y]);
  }
  const mx = pts.reduce((a, p) => a + p[0], 0) / n;
  const my = pts.reduce((a, p) => a + p[1], 0) / n;
  const [cx, cy] = [rng.normal(0, CENTRING_SIGMA_NM), rng.normal(0, CENTRING_SIGMA_NM)];
  const grains = pts.map(([px, py]) => silverGrain(rng, px - mx + cx, py - my + cy, rng.uniform(0.6, 1.0)));
  return { cls: 'gamma', grains, direction: wrapHalfTurn(phi), lengthNm: length };
}

/** A dust particle: an irregular blob of several overlapping sub-blobs that scatter light the same at every polarisation. */
export function dustBlob(rng: Random): Cluster {
  const parts = rng.integer(DUST.parts[0], DUST.parts[1] + 1);
  const radius = rng.uniform(DUST.radiusNm[0], DUST.radiusNm[1]);
  const totalFlux = GRAIN_FLUX * Math.exp(rng.normal(DUST.fluxLogMean, DUST.fluxLogSigma));
  // an elongated envelope: blobs are irregular, not round
  const elong = rng.uniform(1, 2);
  const phi = rng.uniform(-Math.PI / 2, Math.PI / 2);
  const [cx, cy] = [rng.normal(0, CENTRING_SIGMA_NM), rng.normal(0, CENTRING_SIGMA_NM)];
  const grains: Grain[] = [];
  for (let i = 0; i < parts; i++) {
    const u = rng.normal(0, radius / 2) * elong;
    const v = rng.normal(0, radius / 2) / elong;
    const r = rng.uniform(DUST.partRadiusNm[0], DUST.partRadiusNm[1]);
    grains.push({
      x: cx + u * Math.cos(phi) - v * Math.sin(phi),
      y: cy + u * Math.sin(phi) + v * Math.cos(phi),
      flux: (totalFlux / parts) * rng.uniform(0.5, 1.5),
      anisotropy: 0,
      axis: 0,
      sigmaLong: r / 2,
      sigmaShort: r / 2,
    });
  }
  return { cls: 'dust', grains, direction: wrapHalfTurn(phi), lengthNm: 0 };
}

/** A fog grain: one silver grain developed by a thermal fluctuation, no track. */
export function fogGrain(rng: Random): Cluster {
  const grain = silverGrain(rng, rng.normal(0, CENTRING_SIGMA_NM), rng.normal(0, CENTRING_SIGMA_NM));
  return { cls: 'fog', grains: [grain], direction: NaN, lengthNm: 0 };
}

/** One cluster of class `cls` (see the class functions above). */
export function simulateCluster(rng: Random, cls: ClusterClass, options: ClusterOptions = {}): Cluster {
  switch (cls) {
    case 'C60':
    case 'C80':
    case 'C100':
      return carbonTrack(rng, cls, options);
    case 'gamma':
      return gammaTrack(rng);
    case 'dust':
      return dustBlob(rng);
    case 'fog':
      return fogGrain(rng);
  }
}
