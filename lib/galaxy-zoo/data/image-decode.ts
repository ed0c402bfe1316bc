/**
 * Decoding of the Galaxy Zoo cut-outs and the crop-and-downsample step of the loader.
 *
 * The Kaggle images are 424×424 RGB JPEGs. JPEG decoding needs a package: `jpeg-js` (pure
 * JavaScript, maintained, no native build). It is loaded lazily, only when a JPEG is actually
 * decoded, so the rest of the study works without it; PNG files (same layout) are decoded with
 * `pngjs`, which the project already has. Everything that touches the codecs is in `decodeImage`.
 *
 * Used by `lib/galaxy-zoo/data/loader.ts`.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { projectRoot } from '../../paths';

/** A decoded 8-bit RGB image, row-major `[height, width, 3]`. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** A function that decodes image bytes (JPEG or PNG); injectable for tests. */
export type ImageDecoder = (bytes: Uint8Array, file: string) => RgbImage;

interface JpegJs {
  decode(data: Uint8Array, opts: { useTArray: true; formatAsRGBA?: boolean }): { width: number; height: number; data: Uint8Array };
}

let jpegModule: JpegJs | null | undefined;

/** `jpeg-js` if installed, else `null` (looked up once, from the project root). */
export function loadJpegJs(): JpegJs | null {
  if (jpegModule === undefined) {
    try {
      jpegModule = createRequire(path.join(projectRoot(), 'package.json'))('jpeg-js') as JpegJs;
    } catch {
      jpegModule = null;
    }
  }
  return jpegModule;
}

const isJpeg = (b: Uint8Array): boolean => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPng = (b: Uint8Array): boolean => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

/**
 * Decodes a JPEG (with `jpeg-js`) or PNG (with `pngjs`) file's bytes to RGB.
 * @throws Error naming `file` for an unknown format, a corrupt file, or a JPEG without `jpeg-js` installed.
 */
export function decodeImage(bytes: Uint8Array, file: string): RgbImage {
  if (isPng(bytes)) {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { width: png.width, height: png.height, rgb: rgbaToRgb(png.data, png.width * png.height) };
  }
  if (!isJpeg(bytes)) throw new Error(`${file}: not a JPEG or PNG image (first bytes ${[...bytes.subarray(0, 4)].map((b) => b.toString(16)).join(' ')})`);
  const jpeg = loadJpegJs();
  if (!jpeg) throw new Error(`${file}: decoding JPEG needs the package jpeg-js (npm install jpeg-js), which is not installed`);
  let out: { width: number; height: number; data: Uint8Array };
  try {
    out = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
  } catch (err) {
    throw new Error(`${file}: corrupt JPEG (${(err as Error).message})`, { cause: err });
  }
  const rgb = out.data.length === out.width * out.height * 4 ? rgbaToRgb(out.data, out.width * out.height) : out.data;
  return { width: out.width, height: out.height, rgb };
}

function rgbaToRgb(rgba: Uint8Array, pixels: number): Uint8Array {
  const rgb = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    rgb[p * 3] = rgba[p * 4];
    rgb[p * 3 + 1] = rgba[p * 4 + 1];
    rgb[p * 3 + 2] = rgba[p * 4 + 2];
  }
  return rgb;
}

/**
 * Crops the central `crop`×`crop` pixels and downsamples them to `size`×`size` by area averaging
 * (each output pixel is the mean of the input area it covers, fractional pixels weighted).
 * Returns float32 `[size, size, 3]` in [0, 1]. The Galaxy Zoo challenge winner cropped 207 of 424
 * pixels and downsampled by 3 (Dieleman et al. 2015).
 */
export function cropAndResize(image: RgbImage, crop: number, size: number): Float32Array {
  const { width, height, rgb } = image;
  if (crop > Math.min(width, height)) throw new RangeError(`cropAndResize: crop ${crop} is larger than the ${width}×${height} image`);
  const x0 = (width - crop) / 2;
  const y0 = (height - crop) / 2;
  const step = crop / size;
  const out = new Float32Array(size * size * 3);
  for (let i = 0; i < size; i++) {
    const ya = y0 + i * step;
    for (let j = 0; j < size; j++) {
      const xa = x0 + j * step;
      const acc = [0, 0, 0];
      let wsum = 0;
      for (let y = Math.floor(ya); y < Math.ceil(ya + step); y++) {
        const wy = Math.min(y + 1, ya + step) - Math.max(y, ya);
        for (let x = Math.floor(xa); x < Math.ceil(xa + step); x++) {
          const w = wy * (Math.min(x + 1, xa + step) - Math.max(x, xa));
          if (w <= 0) continue;
          const k = (y * width + x) * 3;
          acc[0] += w * rgb[k];
          acc[1] += w * rgb[k + 1];
          acc[2] += w * rgb[k + 2];
          wsum += w;
        }
      }
      for (let c = 0; c < 3; c++) out[(i * size + j) * 3 + c] = acc[c] / wsum / 255;
    }
  }
  return out;
}
