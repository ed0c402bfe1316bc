/**
 * Rotation / flip augmentation for galaxy images: galaxies have no preferred orientation, so each
 * training image is shown in one of the 8 symmetries of the square (rotations by multiples of 90°,
 * with or without a mirror flip) — exact on a pixel grid, unlike arbitrary rotations. The winner of
 * the challenge (Dieleman, Willett & Dambre 2015) built these symmetries into the network.
 *
 * Used by `lib/galaxy-zoo/train/cnn-training.ts` and notebook 03-galaxy-zoo-gc.
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../random';
import type { BatchSource } from '../../train/batches';

/**
 * Applies symmetry `k` (0 … 7: rotation by k mod 4 quarter turns, then a left-right flip when k ≥ 4)
 * to a square image `[size, size, channels]`; returns a new array.
 */
export function dihedral(image: ArrayLike<number>, size: number, channels: number, k: number): Float32Array {
  const out = new Float32Array(size * size * channels);
  const rot = k % 4;
  const flip = k >= 4;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      // source pixel of output (i, j)
      let si = i;
      let sj = flip ? size - 1 - j : j;
      for (let r = 0; r < rot; r++) [si, sj] = [sj, size - 1 - si];
      const src = (si * size + sj) * channels;
      const dst = (i * size + j) * channels;
      for (let c = 0; c < channels; c++) out[dst + c] = image[src + c];
    }
  }
  return out;
}

/** Options of {@link augmentedSource}. */
export interface AugmentOptions {
  batchSize: number;
  /** apply random symmetries (default true; false gives plain shuffled batches) */
  augment?: boolean;
}

/**
 * A training `BatchSource` over images `[n, size, size, channels]` and targets `[n, k]`: shuffled each
 * epoch, each image in a random one of the 8 symmetries drawn from the epoch's generator.
 */
export function augmentedSource(images: Float32Array, targets: Float32Array, shape: readonly [number, number, number, number], k: number, o: AugmentOptions): BatchSource {
  const [n, size, , channels] = shape;
  const px = size * size * channels;
  const batchesPerEpoch = Math.ceil(n / o.batchSize);
  return {
    size: n,
    batchesPerEpoch,
    *batches(_epoch: number, rng: Random) {
      const order = rng.permutation(n);
      for (let b = 0; b < batchesPerEpoch; b++) {
        const rows = order.subarray(b * o.batchSize, Math.min(n, (b + 1) * o.batchSize));
        const x = new Float32Array(rows.length * px);
        const y = new Float32Array(rows.length * k);
        rows.forEach((r, i) => {
          const img = images.subarray(r * px, (r + 1) * px);
          x.set(o.augment === false ? img : dihedral(img, size, channels, rng.integer(0, 8)), i * px);
          y.set(targets.subarray(r * k, (r + 1) * k), i * k);
        });
        yield { x: tf.tensor4d(x, [rows.length, size, size, channels]), y: tf.tensor2d(y, [rows.length, k]) };
      }
    },
  };
}
