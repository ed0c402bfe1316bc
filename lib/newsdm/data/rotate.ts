/**
 * Rotation augmentation of the seed's isotropy study (§4.2.3): every cluster's 8 polarisation frames
 * rotated by the same random angle in −90° … 90° (tracks have no head-tail, so a half turn covers
 * every direction), the angle kept as a regression target for the network's second output.
 *
 * Rotation is bilinear about the image centre; pixels that come from outside the original frame get
 * the frame's border median (`fill: 'median'`, like a constant `cval` in scipy.ndimage.rotate) or
 * that median plus noise of the border's spread (`fill: 'noise'`). The constant fill leaves
 * noise-free corners whose shape gives the rotation away even for isotropic background — the seed's
 * caveat that "the background is already isotropic, but we rotate it as well and algorithm succeed in
 * identifying this angle". Note too that rotating an image does not rotate the polarisation
 * analyser: the resonance pattern across the 8 frames stays that of the unrotated grains (seed:
 * "rotating the images after scanning may not reproduce some physical peculiarities").
 *
 * Used by the NEWSdm notebook.
 */
import { Random } from '../../random';
import { wrapHalfTurn } from './clusters';
import type { ClusterSet } from './datasets';
import { borderBackground } from './features';
import { N_POL } from './physics';

/** How pixels from outside the frame are filled. */
export type RotationFill = 'median' | 'noise';

/**
 * Rotates one frame [size × size] by `angle` rad (a direction φ becomes φ + angle, with x along
 * columns and y down the rows) into `out`.
 */
export function rotateFrame(frame: ArrayLike<number>, size: number, angle: number, out: Float32Array, fill: RotationFill = 'median', rng?: Random): void {
  const { level, sigma } = borderBackground(frame, size);
  const half = (size - 1) / 2;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      // the source of output pixel (x', y') is R(−angle)(x', y')
      const xo = j - half;
      const yo = i - half;
      const xs = c * xo + s * yo + half;
      const ys = -s * xo + c * yo + half;
      const j0 = Math.floor(xs);
      const i0 = Math.floor(ys);
      if (j0 < 0 || i0 < 0 || j0 + 1 > size - 1 || i0 + 1 > size - 1) {
        out[i * size + j] = fill === 'noise' && rng ? level + rng.normal(0, sigma) : level;
        continue;
      }
      const fx = xs - j0;
      const fy = ys - i0;
      const p = i0 * size + j0;
      out[i * size + j] = (1 - fy) * ((1 - fx) * frame[p] + fx * frame[p + 1]) + fy * ((1 - fx) * frame[p + size] + fx * frame[p + size + 1]);
    }
  }
}

/** Options of {@link augmentRotations}. */
export interface RotationOptions {
  /** rotated copies per cluster (the seed: 6) */
  copies: number;
  /** angle range, degrees (default [−90, 90]) */
  rangeDeg?: readonly [number, number];
  fill?: RotationFill;
  rng: Random;
}

/** A rotated set with its rotation angles in degrees and the regression target of the angle head. */
export interface RotatedSet {
  set: ClusterSet;
  angleDeg: Float32Array;
  /** target of the angle head: (cos 2θ, sin 2θ) per cluster, [n, 2] row-major */
  target: Float32Array;
}

/** The angle head's target (cos 2θ, sin 2θ) for angles in degrees, [n, 2] row-major. */
export function angleTargets(angleDeg: ArrayLike<number>): Float32Array {
  const out = new Float32Array(2 * angleDeg.length);
  for (let i = 0; i < angleDeg.length; i++) {
    const a = (2 * angleDeg[i] * Math.PI) / 180;
    out[2 * i] = Math.cos(a);
    out[2 * i + 1] = Math.sin(a);
  }
  return out;
}

/** Decodes (cos 2θ, sin 2θ) rows [n, 2] into θ in degrees, (−90°, 90°]. */
export function decodeAngles(vectors: ArrayLike<number>): Float32Array {
  const n = vectors.length / 2;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (Math.atan2(vectors[2 * i + 1], vectors[2 * i]) * 90) / Math.PI;
  return out;
}

/** Each cluster of `set` rotated by `copies` random angles (see the file header); directions rotate with it. */
export function augmentRotations(set: ClusterSet, o: RotationOptions): RotatedSet {
  const [lo, hi] = o.rangeDeg ?? [-90, 90];
  const m = set.n * o.copies;
  const hw = set.size * set.size;
  const stride = N_POL * hw;
  const out: ClusterSet = {
    ...set,
    n: m,
    images: new Float32Array(m * stride),
    labels: new Int32Array(m),
    trueClass: new Int32Array(m),
    direction: new Float64Array(m),
    nGrains: new Int32Array(m),
  };
  const angleDeg = new Float32Array(m);
  for (let i = 0; i < set.n; i++) {
    for (let r = 0; r < o.copies; r++) {
      const k = i * o.copies + r;
      const deg = o.rng.uniform(lo, hi);
      const rad = (deg * Math.PI) / 180;
      for (let p = 0; p < N_POL; p++) {
        const src = set.images.subarray(i * stride + p * hw, i * stride + (p + 1) * hw);
        rotateFrame(src, set.size, rad, out.images.subarray(k * stride + p * hw, k * stride + (p + 1) * hw), o.fill, o.rng);
      }
      angleDeg[k] = deg;
      out.labels[k] = set.labels[i];
      out.trueClass[k] = set.trueClass[i];
      out.nGrains[k] = set.nGrains[i];
      out.direction[k] = wrapHalfTurn(set.direction[i] + rad);
    }
  }
  return { set: out, angleDeg, target: angleTargets(angleDeg) };
}

/**
 * Mean absolute angle error in degrees between predicted and true angles (both in degrees), over the
 * rows where `mask` holds. Differences are taken modulo 180° (a line's direction), so they lie in
 * [0°, 90°] and guessing gives 45°.
 */
export function angleMae(predictedDeg: ArrayLike<number>, angleDeg: ArrayLike<number>, mask?: (i: number) => boolean): number {
  let s = 0;
  let m = 0;
  for (let i = 0; i < angleDeg.length; i++) {
    if (mask && !mask(i)) continue;
    const d = Math.abs((((predictedDeg[i] - angleDeg[i]) % 180) + 180) % 180);
    s += Math.min(d, 180 - d);
    m++;
  }
  return m ? s / m : NaN;
}
