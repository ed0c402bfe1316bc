/**
 * MNIST-shaped digits for the lecture's warm-up (seed 001, "MNIST database" and "Convolutional
 * ANN"): 28 × 28 grey images of the digits 0–9 with intensities in [0, 1], written by a seeded
 * generator. The real MNIST set cannot be downloaded on our offline machines, so each digit is drawn
 * from a pen-stroke template (polylines in the unit square) with a random affine distortion
 * (rotation ±15°, scale, shear, shift), a random pen width and pixel noise: the same shape of data
 * and the same translation-invariance lesson, not the same difficulty.
 *
 * Used by notebooks/02-telescope-array.ipynb (the warm-up section).
 */
import { Random } from '../../random';

/** Image side in pixels, as MNIST. */
export const DIGIT_SIZE = 28;

type Point = readonly [number, number];

/** An arc of the ellipse centred (cx, cy) with radii (rx, ry) from angle a0 to a1 (radians, y down). */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, steps = 12): Point[] {
  return Array.from({ length: steps + 1 }, (_, k) => {
    const a = a0 + ((a1 - a0) * k) / steps;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });
}

const PI = Math.PI;

/** Pen strokes of each digit: polylines in [0, 1]² (x right, y down). */
export const DIGIT_STROKES: readonly (readonly Point[][])[] = [
  [arc(0.5, 0.5, 0.28, 0.38, 0, 2 * PI, 20)],
  [[[0.35, 0.25], [0.55, 0.1], [0.55, 0.9]]],
  [[...arc(0.5, 0.32, 0.25, 0.22, PI, 2.2 * PI), [0.22, 0.9], [0.8, 0.9]]],
  [arc(0.48, 0.3, 0.25, 0.2, 1.1 * PI, 2.5 * PI), arc(0.48, 0.7, 0.28, 0.2, 1.5 * PI, 2.9 * PI)],
  [[[0.68, 0.9], [0.68, 0.1], [0.2, 0.62], [0.85, 0.62]]],
  [[[0.78, 0.1], [0.3, 0.1], [0.27, 0.45], ...arc(0.5, 0.65, 0.28, 0.25, 1.2 * PI, 2.8 * PI)]],
  [[[0.7, 0.1], ...arc(0.5, 0.68, 0.25, 0.22, 1.2 * PI, 3.2 * PI)]],
  [[[0.2, 0.1], [0.8, 0.1], [0.4, 0.9]]],
  [arc(0.5, 0.3, 0.22, 0.2, 0, 2 * PI, 16), arc(0.5, 0.7, 0.27, 0.2, 0, 2 * PI, 16)],
  [[...arc(0.5, 0.32, 0.25, 0.22, 0.2 * PI, 2.2 * PI, 16), [0.72, 0.9]]],
];

/** Distance from p to the segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * One digit image [28·28], row-major: the template's strokes mapped through a random affine
 * distortion, inked where the pixel centre lies within the pen's half-width (with a one-pixel soft
 * edge), plus Gaussian pixel noise of σ 0.05, clipped to [0, 1].
 */
export function drawDigit(digit: number, rng: Random): Float32Array {
  if (!(Number.isInteger(digit) && digit >= 0 && digit <= 9)) throw new RangeError(`drawDigit: digit ${digit} is not one of 0–9`);
  const angle = rng.uniform(-15, 15) * (PI / 180);
  const scale = rng.uniform(16, 21); // pixels per template unit (the digit fills ~20 px as MNIST's)
  const shear = rng.uniform(-0.25, 0.25);
  const [cx, cy] = [14 + rng.uniform(-2, 2), 14 + rng.uniform(-2, 2)];
  const halfWidth = rng.uniform(0.8, 1.5);
  const map = ([x, y]: Point): Point => {
    const u = (x - 0.5 + shear * (y - 0.5)) * scale * 0.8;
    const v = (y - 0.5) * scale;
    return [cx + u * Math.cos(angle) - v * Math.sin(angle), cy + u * Math.sin(angle) + v * Math.cos(angle)];
  };
  const strokes = DIGIT_STROKES[digit].map((s) => s.map(map));
  const img = new Float32Array(DIGIT_SIZE * DIGIT_SIZE);
  for (let r = 0; r < DIGIT_SIZE; r++) {
    for (let c = 0; c < DIGIT_SIZE; c++) {
      let d = Infinity;
      for (const s of strokes) for (let k = 1; k < s.length; k++) d = Math.min(d, segmentDistance(c + 0.5, r + 0.5, s[k - 1][0], s[k - 1][1], s[k][0], s[k][1]));
      const ink = Math.min(1, Math.max(0, 1 + halfWidth - d));
      img[r * DIGIT_SIZE + c] = Math.min(1, Math.max(0, ink + 0.05 * rng.normal()));
    }
  }
  return img;
}

/** A set of `n` digits in equal parts (labels 0–9 in a seeded random order): images [n, 28, 28, 1] and one-hot labels [n, 10]. */
export function makeDigits(n: number, rng: Random): { images: Float32Array; labels: Int32Array; oneHot: Float32Array } {
  const labels = Int32Array.from({ length: n }, (_, i) => i % 10);
  rng.shuffle(labels);
  const images = new Float32Array(n * DIGIT_SIZE * DIGIT_SIZE);
  const oneHot = new Float32Array(n * 10);
  labels.forEach((label, i) => {
    images.set(drawDigit(label, rng), i * DIGIT_SIZE * DIGIT_SIZE);
    oneHot[i * 10 + label] = 1;
  });
  return { images, labels, oneHot };
}
