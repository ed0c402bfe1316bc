/**
 * The seed's 64 physical features of an emulsion cluster (§2.1): for each of the 8 polarisations, a
 * second-moment (2D-Gaussian) fit of the cluster — barycentre x, y (nm), axes lx, ly (Gaussian σ
 * along the major / minor axis, nm), ellipticity ε = lx/ly, direction φ (rad, major axis, in
 * (−π/2, π/2]), area npx (pixels in the cluster) and brightness volume vol (background-subtracted
 * sum) — and the barycentre shift across polarisations (seed Fig. 3).
 *
 * The fit: background and noise from the median and MAD of the border pixels; the cluster is the
 * 8-connected region above background + max(3σ, 10 % of the peak) that contains the brightest pixel,
 * found once on the sum of the 8 frames so that all polarisations are measured in the same region
 * (a frame where the grains are dim then does not shrink the region onto noise); moments are weighted
 * by the background-subtracted brightness; npx counts the region's pixels above the frame's own threshold. The moments of a Gaussian are its
 * fit parameters (the maximum-likelihood fit of a 2D normal to a weighted point set).
 *
 * Used by the NEWSdm notebook (BDT / RF inputs, barycentre-shift plot) and the tests.
 */
import { N_POL, PIXEL_NM } from './physics';

/** The 8 feature names per polarisation, in column order. */
export const FEATURE_KINDS = ['x', 'y', 'lx', 'ly', 'eps', 'phi', 'npx', 'vol'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** Column names of the 64 features: `x_p0 … vol_p7` (pk = polarisation k × 22.5°). */
export const FEATURE_NAMES: readonly string[] = Array.from({ length: N_POL }, (_, k) => FEATURE_KINDS.map((f) => `${f}_p${k}`)).flat();

/** Options of the moment fit. */
export interface MomentOptions {
  /** threshold in units of the border noise σ (default 3) */
  nSigma?: number;
  /** threshold as a fraction of the peak above background (default 0.1) */
  peakFraction?: number;
}

/** The fit of one image: the 8 features. */
export interface MomentFit {
  x: number;
  y: number;
  lx: number;
  ly: number;
  eps: number;
  phi: number;
  npx: number;
  vol: number;
}

/** Median of a small array (copied). */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/** Background level and noise σ of one frame, from the median and MAD of its border pixels. */
export function borderBackground(frame: ArrayLike<number>, size: number): { level: number; sigma: number } {
  const border: number[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) if (i === 0 || j === 0 || i === size - 1 || j === size - 1) border.push(frame[i * size + j]);
  }
  const level = median(border);
  const mad = median(border.map((v) => Math.abs(v - level)));
  return { level, sigma: 1.4826 * mad };
}

/** The 8-connected region of pixels above `threshold` containing pixel `start` (flood fill). */
function clusterMask(frame: ArrayLike<number>, size: number, start: number, threshold: number): Uint8Array {
  const mask = new Uint8Array(size * size);
  const stack = [start];
  mask[start] = 1;
  while (stack.length) {
    const p = stack.pop()!;
    const i = Math.floor(p / size);
    const j = p % size;
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        const ii = i + di;
        const jj = j + dj;
        if (ii < 0 || jj < 0 || ii >= size || jj >= size) continue;
        const q = ii * size + jj;
        if (!mask[q] && frame[q] > threshold) {
          mask[q] = 1;
          stack.push(q);
        }
      }
    }
  }
  return mask;
}

/**
 * The cluster region of one frame: the 8-connected pixels above background + max(nSigma·σ,
 * peakFraction·peak height) around the brightest pixel, with the background level and threshold.
 */
export function thresholdRegion(frame: ArrayLike<number>, size: number, options: MomentOptions = {}): { level: number; threshold: number; mask: Uint8Array } {
  const { level, sigma } = borderBackground(frame, size);
  let peak = 0;
  for (let p = 1; p < size * size; p++) if (frame[p] > frame[peak]) peak = p;
  const threshold = level + Math.max((options.nSigma ?? 3) * sigma, (options.peakFraction ?? 0.1) * (frame[peak] - level));
  return { level, threshold, mask: clusterMask(frame, size, peak, threshold) };
}

/**
 * Second-moment fit of the cluster in one frame [size × size] (row y, column x).
 * Coordinates are in nm from the image centre; pixel (i, j) is at ((j − (size−1)/2)·55, (i − (size−1)/2)·55).
 * @param region pixels to fit (default: the frame's own {@link thresholdRegion})
 */
export function fitMoments(frame: ArrayLike<number>, size: number, options: MomentOptions = {}, region?: Uint8Array): MomentFit {
  const { level, threshold, mask: own } = thresholdRegion(frame, size, options);
  const mask = region ?? own;
  const half = (size - 1) / 2;
  let sw = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, npx = 0;
  for (let p = 0; p < size * size; p++) {
    if (!mask[p]) continue;
    const w = Math.max(0, frame[p] - level);
    if (frame[p] > threshold) npx++;
    const x = (p % size) - half;
    const y = Math.floor(p / size) - half;
    sw += w;
    sx += w * x;
    sy += w * y;
    sxx += w * x * x;
    syy += w * y * y;
    sxy += w * x * y;
  }
  if (!(sw > 0)) return { x: 0, y: 0, lx: 0, ly: 0, eps: 1, phi: 0, npx, vol: 0 };
  const mx = sx / sw;
  const my = sy / sw;
  const cxx = sxx / sw - mx * mx;
  const cyy = syy / sw - my * my;
  const cxy = sxy / sw - mx * my;
  // eigenvalues of the 2×2 covariance
  const tr = 0.5 * (cxx + cyy);
  const d = Math.sqrt(0.25 * (cxx - cyy) ** 2 + cxy * cxy);
  const l1 = Math.max(tr + d, 0);
  const l2 = Math.max(tr - d, 0);
  const lx = Math.sqrt(l1) * PIXEL_NM;
  const ly = Math.sqrt(l2) * PIXEL_NM;
  let phi = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
  if (phi <= -Math.PI / 2) phi += Math.PI;
  return { x: mx * PIXEL_NM, y: my * PIXEL_NM, lx, ly, eps: ly > 0 ? lx / ly : lx > 0 ? Infinity : 1, phi, npx, vol: sw };
}

/**
 * The 64 features of each cluster.
 * @param images [n, 8, size, size]
 * @returns row-major Float64Array [n, 64], columns in FEATURE_NAMES order
 */
export function clusterFeatures(images: Float32Array, n: number, size: number, options: MomentOptions = {}): Float64Array {
  const hw = size * size;
  const out = new Float64Array(n * N_POL * FEATURE_KINDS.length);
  const sum = new Float64Array(hw);
  for (let i = 0; i < n; i++) {
    sum.fill(0);
    for (let p = 0; p < N_POL * hw; p++) sum[p % hw] += images[i * N_POL * hw + p];
    const region = thresholdRegion(sum, size, options).mask;
    for (let k = 0; k < N_POL; k++) {
      const frame = images.subarray((i * N_POL + k) * hw, (i * N_POL + k + 1) * hw);
      const f = fitMoments(frame, size, options, region);
      const base = (i * N_POL + k) * FEATURE_KINDS.length;
      FEATURE_KINDS.forEach((kind, c) => (out[base + c] = Number.isFinite(f[kind]) ? f[kind] : 1e3));
    }
  }
  return out;
}

/** Column indices of FEATURE_NAMES to keep; `dropPhi` removes the 8 direction columns (the seed's isotropic study, §2.3). */
export function featureColumns(options: { dropPhi?: boolean } = {}): number[] {
  return FEATURE_NAMES.map((name, c) => [name, c] as const)
    .filter(([name]) => !(options.dropPhi && name.startsWith('phi_')))
    .map(([, c]) => c);
}

/** Keeps the columns `cols` of a row-major [n, nCols] matrix. */
export function selectColumns(X: Float64Array, nCols: number, cols: readonly number[]): Float64Array {
  const n = X.length / nCols;
  const out = new Float64Array(n * cols.length);
  for (let i = 0; i < n; i++) cols.forEach((c, j) => (out[i * cols.length + j] = X[i * nCols + c]));
  return out;
}

/**
 * Barycentre displacement of each cluster at each polarisation from its mean over the 8 (seed Fig. 3).
 * @param features [n, 64] from {@link clusterFeatures}
 * @returns dx, dy [n, 8] in nm, and `shift` [n]: the RMS displacement, nm
 */
export function barycentreShifts(features: Float64Array, n: number): { dx: Float64Array; dy: Float64Array; shift: Float64Array } {
  const F = FEATURE_KINDS.length;
  const dx = new Float64Array(n * N_POL);
  const dy = new Float64Array(n * N_POL);
  const shift = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let mx = 0, my = 0;
    for (let k = 0; k < N_POL; k++) {
      mx += features[(i * N_POL + k) * F] / N_POL;
      my += features[(i * N_POL + k) * F + 1] / N_POL;
    }
    let s2 = 0;
    for (let k = 0; k < N_POL; k++) {
      dx[i * N_POL + k] = features[(i * N_POL + k) * F] - mx;
      dy[i * N_POL + k] = features[(i * N_POL + k) * F + 1] - my;
      s2 += dx[i * N_POL + k] ** 2 + dy[i * N_POL + k] ** 2;
    }
    shift[i] = Math.sqrt(s2 / N_POL);
  }
  return { dx, dy, shift };
}
