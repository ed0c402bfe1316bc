/**
 * Image operations shared by the studies (core). The Gaussian point-spread function: separable blur
 * of a 2-D map, used for the seeing of the galaxy images and the instrument PSF of the Galactic
 * Centre counts maps.
 *
 * The blur is an edge-normalised convolution (each output pixel is the weighted mean of the pixels
 * inside the map), so a flat map stays flat and no light piles up or vanishes at the borders
 * except for what the kernel would carry outside.
 *
 * Used by `lib/galaxy-zoo/data/render.ts` and `lib/galactic-centre/data/counts-map.ts`.
 */

/** Normalised 1-D Gaussian kernel of standard deviation `sigma` (pixels), truncated at 3σ. */
export function gaussianKernel(sigma: number): Float32Array {
  const half = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * half + 1);
  let sum = 0;
  for (let i = -half; i <= half; i++) {
    k[i + half] = Math.exp(-0.5 * (i / sigma) ** 2);
    sum += k[i + half];
  }
  for (let i = 0; i < k.length; i++) k[i] /= sum;
  return k;
}

/** Blurs a row-major map `[height, width]` with a Gaussian of `sigma` pixels (returns a new map; σ ≤ 0 copies). */
export function gaussianBlur(map: ArrayLike<number>, height: number, width: number, sigma: number): Float32Array {
  if (map.length !== height * width) throw new RangeError(`gaussianBlur: ${map.length} values for a ${height}×${width} map`);
  if (!(sigma > 0)) return Float32Array.from(map);
  const k = gaussianKernel(sigma);
  const tmp = pass(Float32Array.from(map), height, width, k, width, 1); // along rows
  return pass(tmp, width, height, k, 1, width); // along columns
}

/** One 1-D pass: along the axis with stride `step`, for `lines` lines starting `lineStep` apart. */
function pass(src: Float32Array, lines: number, length: number, k: Float32Array, lineStep: number, step: number): Float32Array {
  const out = new Float32Array(src.length);
  const half = (k.length - 1) / 2;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    for (let i = 0; i < length; i++) {
      let acc = 0;
      let wsum = 0;
      const lo = Math.max(0, i - half);
      const hi = Math.min(length - 1, i + half);
      for (let j = lo; j <= hi; j++) {
        const w = k[j - i + half];
        acc += w * src[base + j * step];
        wsum += w;
      }
      out[base + i * step] = acc / wsum;
    }
  }
  return out;
}
