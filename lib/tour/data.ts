/**
 * A toy image data set for the tour notebook and for tests: short straight "tracks" (a few grains along
 * a line, class 1) against round "blobs" (one diffuse spot, class 0) on a noisy background. It is the
 * NEWSdm problem in miniature (seed 000: recoil tracks vs. fog and dust), small enough to train in seconds.
 *
 * Used by notebooks/00-tour.ipynb, bench/ and the model tests.
 */
import { Random } from '../random';

/** Images and labels, channels-last: `x` is [n, size, size, 1], `y` is [n] with 1 = track. */
export interface ImageSet {
  x: Float32Array;
  y: Float32Array;
  n: number;
  size: number;
}

/** Options of `toyTracks`. */
export interface ToyTrackOptions {
  /** number of images */
  n: number;
  /** image side in pixels */
  size?: number;
  /** fraction of tracks (class 1) */
  trackFraction?: number;
  /** standard deviation of the Gaussian background noise, in units of a grain's peak brightness */
  noise?: number;
}

/** Adds a Gaussian spot of width `sigma` pixels and peak `amplitude` centred at (cx, cy). */
function addSpot(image: Float32Array, size: number, cx: number, cy: number, sigma: number, amplitude: number): void {
  const r = Math.ceil(3 * sigma);
  for (let yy = Math.max(0, Math.floor(cy - r)); yy <= Math.min(size - 1, Math.ceil(cy + r)); yy++) {
    for (let xx = Math.max(0, Math.floor(cx - r)); xx <= Math.min(size - 1, Math.ceil(cx + r)); xx++) {
      const d2 = (xx - cx) ** 2 + (yy - cy) ** 2;
      image[yy * size + xx] += amplitude * Math.exp(-d2 / (2 * sigma * sigma));
    }
  }
}

/** A track: 3–5 grains spaced along a random direction through a point near the centre. */
function drawTrack(image: Float32Array, size: number, rng: Random): void {
  const grains = rng.integer(3, 6);
  const phi = rng.uniform(0, Math.PI);
  const spacing = rng.uniform(1.2, 2.0);
  const cx = size / 2 + rng.normal(0, size / 10);
  const cy = size / 2 + rng.normal(0, size / 10);
  for (let g = 0; g < grains; g++) {
    const t = (g - (grains - 1) / 2) * spacing;
    addSpot(image, size, cx + t * Math.cos(phi), cy + t * Math.sin(phi), 0.9, rng.uniform(0.7, 1.0));
  }
}

/** A blob: one wider round spot of similar total brightness. */
function drawBlob(image: Float32Array, size: number, rng: Random): void {
  const cx = size / 2 + rng.normal(0, size / 10);
  const cy = size / 2 + rng.normal(0, size / 10);
  addSpot(image, size, cx, cy, rng.uniform(1.6, 2.4), rng.uniform(0.8, 1.1));
}

/** Simulates `n` seeded toy images of tracks and blobs. */
export function toyTracks(rng: Random, options: ToyTrackOptions): ImageSet {
  const { n, size = 16, trackFraction = 0.5, noise = 0.1 } = options;
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`toyTracks: n must be a positive integer, got ${n}`);
  const pixels = size * size;
  const x = new Float32Array(n * pixels);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const image = x.subarray(i * pixels, (i + 1) * pixels);
    const isTrack = rng.random() < trackFraction;
    y[i] = isTrack ? 1 : 0;
    if (isTrack) drawTrack(image, size, rng);
    else drawBlob(image, size, rng);
    for (let p = 0; p < pixels; p++) image[p] += noise * rng.normal();
  }
  return { x, y, n, size };
}

/** The images and labels at `indices`, in that order. */
export function subset(set: ImageSet, indices: ArrayLike<number>): ImageSet {
  const pixels = set.size * set.size;
  const x = new Float32Array(indices.length * pixels);
  const y = new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    x.set(set.x.subarray(r * pixels, (r + 1) * pixels), i * pixels);
    y[i] = set.y[r];
  }
  return { x, y, n: indices.length, size: set.size };
}

/**
 * Elongation of image `i`: the ratio of the major to the minor axis variance of its brightness
 * (eigenvalues of the second-moment matrix) above `threshold`, which keeps the camera noise from
 * making every cluster look round. A physicist's one-number baseline: tracks are long, blobs round.
 * @param threshold brightness subtracted from every pixel before clipping at 0 (grain peak ≈ 1)
 */
export function elongation(set: ImageSet, i: number, threshold = 0.3): number {
  const { size } = set;
  const img = set.x.subarray(i * size * size, (i + 1) * size * size);
  const weight = (v: number) => Math.max(0, v - threshold);
  let s = 0, mx = 0, my = 0;
  for (let p = 0; p < img.length; p++) {
    const w = weight(img[p]);
    s += w;
    mx += w * (p % size);
    my += w * Math.floor(p / size);
  }
  mx /= s;
  my /= s;
  let xx = 0, yy = 0, xy = 0;
  for (let p = 0; p < img.length; p++) {
    const w = weight(img[p]);
    const dx = (p % size) - mx, dy = Math.floor(p / size) - my;
    xx += w * dx * dx;
    yy += w * dy * dy;
    xy += w * dx * dy;
  }
  const half = (xx + yy) / 2;
  const root = Math.sqrt(Math.max(0, half * half - (xx * yy - xy * xy)));
  return (half + root) / Math.max(half - root, 1e-12);
}

/** The training, validation (early stopping) and test parts of a toy set. */
export interface ToySplit {
  train: ImageSet;
  validation: ImageSet;
  test: ImageSet;
}

/** Splits `set` into 60 % training, 20 % validation and 20 % test images, stratified by class. */
export function splitToyTracks(set: ImageSet, rng: Random, fractions = { validation: 0.2, test: 0.2 }): ToySplit {
  const idx = rng.split(set.n, fractions, set.y);
  return { train: subset(set, idx.train), validation: subset(set, idx.validation), test: subset(set, idx.test) };
}

/** The sizes of the three parts and the track fraction of the whole set (for the notebook's overview). */
export function splitSummary(set: ImageSet, parts: ToySplit): { train: number; validation: number; test: number; trackFraction: number } {
  const tracks = set.y.reduce((s, v) => s + v, 0);
  return { train: parts.train.n, validation: parts.validation.n, test: parts.test.n, trackFraction: tracks / set.n };
}
