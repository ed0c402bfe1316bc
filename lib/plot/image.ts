/**
 * Pixel images (detector images, jet images, galaxy cut-outs, filters) → PNG, alone or in a grid.
 *
 * One channel is coloured with a colour map (`colormap.ts`: matplotlib's exact tables); three
 * channels are shown as RGB. Images are encoded with pngjs and upscaled by an integer factor with
 * nearest-neighbour sampling, so pixels stay sharp. A grid is one PNG composed in JS; its titles
 * are SVG text laid over it (`ImageGrid.svg()`), shown in the notebook as an image.
 *
 * Used by the notebooks that look at images (inputs, averages, saliency, convolution filters).
 */
import { PNG } from 'pngjs';
import { displayPng, displaySvg, escapeHtml } from '../display';
import { saveOutput } from './figure';
import { colormapLut, colormapIndex, type ColormapName } from './colormap';

/** How to turn numbers into pixels. */
export interface ImageOptions {
  /** Interleaved channels per pixel in `data` (default 1): data holds height × width × channels values. */
  channels?: number;
  /** Memory order of `data`: 'hwc' (tfjs, default) or 'chw' (PyTorch, numpy from papers). */
  layout?: 'hwc' | 'chw';
  /** Show this channel with the colour map (default: all three as RGB when channels = 3, else 0). */
  channel?: number;
  /** Colour map of single-channel images (default 'viridis'). */
  colormap?: ColormapName;
  /**
   * Value mapped to the bottom of the colour map / to 0 in RGB. Defaults: the minimum of the
   * shown channel (colour-mapped), 0 (RGB).
   */
  vmin?: number;
  /** Value mapped to the top of the colour map / to 255 in RGB. Defaults: the maximum (colour-mapped); 1 if all values ≤ 1 else 255 (RGB), as matplotlib. */
  vmax?: number;
  /** Integer upscaling factor, nearest neighbour (default 1). */
  scale?: number;
}

/** An RGBA pixel buffer (row-major, 4 bytes per pixel). */
export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Reads value (row, col, channel) from data in the given layout. */
function sampler(data: ArrayLike<number>, height: number, width: number, channels: number, layout: 'hwc' | 'chw') {
  return layout === 'hwc'
    ? (r: number, c: number, k: number) => data[(r * width + c) * channels + k]
    : (r: number, c: number, k: number) => data[(k * height + r) * width + c];
}

/** Min and max of one channel (finite values only), or of all channels when `channel` < 0. */
function channelExtent(data: ArrayLike<number>, channels: number, channel: number, layout: 'hwc' | 'chw', n: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < n; p++) {
    for (let k = channel < 0 ? 0 : channel; k < (channel < 0 ? channels : channel + 1); k++) {
      const v = layout === 'hwc' ? data[p * channels + k] : data[k * n + p];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/**
 * Colours an image: height × width pixels of `channels` values each → RGBA (NaN pixels transparent).
 * @throws when `data.length` is not height × width × channels.
 */
export function imageToRgba(data: ArrayLike<number>, height: number, width: number, options: ImageOptions = {}): RgbaImage {
  const { channels = 1, layout = 'hwc', scale = 1 } = options;
  if (data.length !== height * width * channels) {
    throw new Error(`image: ${data.length} values for ${height}×${width}×${channels}`);
  }
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`image: scale must be a positive integer, got ${scale}`);
  const rgb = channels === 3 && options.channel === undefined;
  const channel = options.channel ?? 0;
  const at = sampler(data, height, width, channels, layout);
  const [lo, hi] = channelExtent(data, channels, rgb ? -1 : channel, layout, height * width);
  const vmin = options.vmin ?? (rgb ? 0 : lo);
  const vmax = options.vmax ?? (rgb ? (hi <= 1 ? 1 : 255) : hi);
  const lut = colormapLut(options.colormap ?? 'viridis');
  const W = width * scale;
  const out = new Uint8Array(W * height * scale * 4);
  const span = vmax > vmin ? vmax - vmin : 1;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const px = [0, 0, 0, 255];
      if (rgb) {
        for (let k = 0; k < 3; k++) {
          const v = at(r, c, k);
          if (Number.isNaN(v)) px[3] = 0;
          px[k] = Math.max(0, Math.min(255, Math.round(((v - vmin) / span) * 255)));
        }
      } else {
        const idx = colormapIndex(at(r, c, channel), vmin, vmax);
        if (idx < 0) px[3] = 0;
        else for (let k = 0; k < 3; k++) px[k] = lut[3 * idx + k];
      }
      if (px[3] === 0) px[0] = px[1] = px[2] = 0;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) out.set(px, ((r * scale + dy) * W + c * scale + dx) * 4);
      }
    }
  }
  return { width: W, height: height * scale, rgba: out };
}

/** Encodes RGBA pixels as a PNG file (RGB when fully opaque, else RGBA). */
export function encodePng(image: RgbaImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength);
  let opaque = true;
  for (let i = 3; i < image.rgba.length; i += 4) if (image.rgba[i] !== 255) opaque = false;
  return new Uint8Array(PNG.sync.write(png, { colorType: opaque ? 2 : 6 }));
}

/**
 * An image as PNG file bytes: height × width pixels, one colour-mapped channel or RGB (see `ImageOptions`).
 * @example imageToPng(jetImage, 32, 32, { colormap: 'magma', scale: 4 })
 */
export function imageToPng(data: ArrayLike<number>, height: number, width: number, options: ImageOptions = {}): Uint8Array {
  return encodePng(imageToRgba(data, height, width, options));
}

/** A PNG image to show in the notebook or save under `reports/figures/`. */
export class ImageFigure {
  constructor(
    /** PNG file bytes. */
    readonly png: Uint8Array,
    readonly title = 'image',
  ) {}

  /** Shows the image in the notebook (image/png output). */
  async show(): Promise<void> {
    displayPng(this.png, this.title);
  }

  /** Saves the PNG (relative names go under `reports/figures/`, `.png` added); returns the path. */
  async save(name: string): Promise<string> {
    return saveOutput(name, '.png', this.png);
  }
}

/**
 * One image as an `ImageFigure`, upscaled so it is about 160 px wide unless `scale` is given.
 * @example await image(x.slice(0, 1024), 32, 32, { colormap: 'magma', title: 'Average signal jet' }).show()
 */
export function image(data: ArrayLike<number>, height: number, width: number, options: ImageOptions & { title?: string } = {}): ImageFigure {
  const scale = options.scale ?? autoScale(height, width, 160);
  return new ImageFigure(imageToPng(data, height, width, { ...options, scale }), options.title);
}

/** Largest integer factor (at least 1) that keeps max(height, width) × factor near `target` px. */
export function autoScale(height: number, width: number, target: number): number {
  return Math.max(1, Math.round(target / Math.max(height, width)));
}

/** One tile of an image grid. */
export interface GridImage {
  data: ArrayLike<number>;
  height: number;
  width: number;
  /** Caption above the tile. */
  title?: string;
}

/** Options of `imageGrid`: image options applied to every tile, plus layout. */
export interface ImageGridOptions extends ImageOptions {
  /** Tiles per row (default: up to 8). */
  columns?: number;
  /** Gap between tiles in px (default 6). */
  gap?: number;
  /** Title of the whole grid. */
  title?: string;
  /** One vmin/vmax over all tiles (default false: each tile scaled to its own range, as matplotlib). */
  sharedScale?: boolean;
}

const TITLE_PX = 18;
const FONT = 'Helvetica, Arial, sans-serif';

/** Several images composed into one PNG, with SVG captions. */
export class ImageGrid {
  constructor(
    /** The composed tiles as PNG bytes (captions are not in it; see `svg()`). */
    readonly png: Uint8Array,
    readonly width: number,
    readonly height: number,
    /** Captions and where they go: centre x, baseline y in px. */
    readonly captions: { text: string; x: number; y: number; size: number }[],
    readonly title = 'image grid',
  ) {}

  /** The grid as SVG: the PNG as an embedded image with the captions as text. */
  svg(): string {
    const href = `data:image/png;base64,${Buffer.from(this.png).toString('base64')}`;
    const text = this.captions
      .map((c) => `<text x="${c.x}" y="${c.y}" text-anchor="middle" font-family="${FONT}" font-size="${c.size}" fill="#222">${escapeHtml(c.text)}</text>`)
      .join('');
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">` +
      `<rect width="${this.width}" height="${this.height}" fill="white"/>` +
      `<image x="0" y="0" width="${this.width}" height="${this.height}" href="${href}" xlink:href="${href}" style="image-rendering:pixelated"/>` +
      text +
      '</svg>'
    );
  }

  /** Shows the grid in the notebook (as SVG with captions, or as PNG when there are none). */
  async show(): Promise<void> {
    if (this.captions.length) displaySvg(this.svg(), this.title);
    else displayPng(this.png, this.title);
  }

  /** Saves as SVG with captions, or as PNG without when `name` ends in `.png`; returns the path. */
  async save(name: string): Promise<string> {
    return name.toLowerCase().endsWith('.png') ? saveOutput(name, '.png', this.png) : saveOutput(name, '.svg', this.svg());
  }
}

/** Copies an RGBA tile into a larger RGBA canvas at (x0, y0). */
function blit(tile: RgbaImage, canvas: Uint8Array, canvasWidth: number, x0: number, y0: number): void {
  for (let r = 0; r < tile.height; r++) {
    canvas.set(tile.rgba.subarray(r * tile.width * 4, (r + 1) * tile.width * 4), ((y0 + r) * canvasWidth + x0) * 4);
  }
}

/**
 * A grid of images (same or different sizes), `columns` per row, each centred in a cell, with optional
 * captions and title. Tiles are upscaled to about 96 px unless `scale` is given.
 * @example imageGrid(samples.map((s, i) => ({ data: s, height: 28, width: 28, title: `label ${labels[i]}` })), { columns: 5, colormap: 'gray' })
 */
export function imageGrid(images: GridImage[], options: ImageGridOptions = {}): ImageGrid {
  if (images.length === 0) throw new Error('imageGrid: no images');
  const columns = Math.max(1, Math.min(options.columns ?? 8, images.length));
  const gap = options.gap ?? 6;
  const maxSide = Math.max(...images.map((im) => Math.max(im.height, im.width)));
  const scale = options.scale ?? autoScale(maxSide, maxSide, 96);
  let shared: Pick<ImageOptions, 'vmin' | 'vmax'> = {};
  if (options.sharedScale && options.vmin === undefined && options.vmax === undefined) {
    const extents = images.map((im) => channelExtent(im.data, options.channels ?? 1, options.channels === 3 && options.channel === undefined ? -1 : (options.channel ?? 0), options.layout ?? 'hwc', im.height * im.width));
    shared = { vmin: Math.min(...extents.map((e) => e[0])), vmax: Math.max(...extents.map((e) => e[1])) };
  }
  const tiles = images.map((im) => imageToRgba(im.data, im.height, im.width, { ...options, ...shared, scale }));
  const cellW = Math.max(...tiles.map((t) => t.width));
  const cellH = Math.max(...tiles.map((t) => t.height));
  const captionH = images.some((im) => im.title) ? TITLE_PX : 0;
  const titleH = options.title ? TITLE_PX + 6 : 0;
  const rows = Math.ceil(images.length / columns);
  const width = columns * cellW + (columns - 1) * gap;
  const height = titleH + rows * (captionH + cellH) + (rows - 1) * gap;
  const canvas = new Uint8Array(width * height * 4).fill(255);
  const captions: ImageGrid['captions'] = [];
  if (options.title) captions.push({ text: options.title, x: width / 2, y: TITLE_PX, size: 14 });
  tiles.forEach((tile, i) => {
    const x0 = (i % columns) * (cellW + gap);
    const y0 = titleH + Math.floor(i / columns) * (captionH + cellH + gap);
    blit(tile, canvas, width, x0 + Math.floor((cellW - tile.width) / 2), y0 + captionH + Math.floor((cellH - tile.height) / 2));
    const title = images[i].title;
    if (title) captions.push({ text: title, x: x0 + cellW / 2, y: y0 + TITLE_PX - 5, size: 12 });
  });
  return new ImageGrid(encodePng({ width, height, rgba: canvas }), width, height, captions, options.title);
}
