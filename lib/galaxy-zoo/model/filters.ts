/**
 * Hand-made convolution filters and max pooling, to show what a CNN's first layer computes:
 * S(i, j) = Σ_m Σ_n I(i + m, j + n) K(m, n) (cross-correlation, as in every deep-learning library;
 * the seed writes the flipped-kernel convolution, Goodfellow et al. 2016, eq. 9.4), 'same' padding.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import * as tf from '@tensorflow/tfjs';

/** Classic 3×3 kernels, row-major. */
export const KERNELS: Readonly<Record<string, readonly number[]>> = {
  'edges (Sobel x)': [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  'edges (Sobel y)': [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  'Laplacian (spots)': [0, 1, 0, 1, -4, 1, 0, 1, 0],
  'blur (box)': [1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
};

/** Luminance of an RGB image `[h, w, 3]` (Rec. 601 weights) as `[h, w]`. */
export function toGray(rgb: ArrayLike<number>, height: number, width: number): Float32Array {
  const out = new Float32Array(height * width);
  for (let k = 0; k < height * width; k++) out[k] = 0.299 * rgb[3 * k] + 0.587 * rgb[3 * k + 1] + 0.114 * rgb[3 * k + 2];
  return out;
}

/** Convolves a grey image `[h, w]` with a 3×3 kernel using tf.conv2d ('same' padding); returns `[h, w]`. */
export function convolve3x3(gray: Float32Array, height: number, width: number, kernel: readonly number[]): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(gray, [1, height, width, 1]);
    const k = tf.tensor4d([...kernel], [3, 3, 1, 1]);
    return tf.conv2d(x, k, 1, 'same').dataSync() as Float32Array;
  });
}

/** 2×2 max pooling of `[h, w]` with stride 2: `[⌊h/2⌋, ⌊w/2⌋]`. */
export function maxPool2(map: Float32Array, height: number, width: number): Float32Array {
  return tf.tidy(() => tf.maxPool(tf.tensor4d(map, [1, height, width, 1]), 2, 2, 'valid').dataSync() as Float32Array);
}

/** A luminance image and its feature maps under each of `KERNELS`, all `[size, size]`. */
export interface FeatureMaps {
  size: number;
  gray: Float32Array;
  maps: { name: string; map: Float32Array }[];
}

/**
 * The feature maps of the first disk galaxy with two or more spiral arms among `[n, size, size, 3]`
 * images with their morphologies (what notebook 03 convolves by hand).
 * @throws Error when none of the galaxies is such a spiral.
 */
export function spiralFeatureMaps(data: { images: Float32Array; size: number; morphologies: readonly { kind: string; arms: number }[] }): FeatureMaps {
  const { size } = data;
  const spiral = data.morphologies.findIndex((m) => m.arms >= 2 && m.kind === 'disk');
  if (spiral < 0) throw new Error(`spiralFeatureMaps: none of the ${data.morphologies.length} galaxies is a disk with 2 or more arms`);
  const gray = toGray(data.images.subarray(spiral * size * size * 3, (spiral + 1) * size * size * 3), size, size);
  const maps = Object.entries(KERNELS).map(([name, k]) => ({ name, map: convolve3x3(gray, size, size, k) }));
  return { size, gray, maps };
}
