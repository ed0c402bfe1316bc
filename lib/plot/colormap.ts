/**
 * Colour maps for images and heat maps: value → RGB with matplotlib's lookup rules.
 *
 * viridis, magma and coolwarm use matplotlib's exact 256-entry tables (`colormap-tables.ts`);
 * gray is (i, i, i). A value v maps to t = (v − vmin)/(vmax − vmin) and entry ⌊256·t⌋ clamped to
 * [0, 255] — the same entry matplotlib's `Colormap.__call__` picks — so our PNGs match matplotlib's.
 *
 * Used by `lib/plot/image.ts` (PNG images) and `lib/plot/heatmap.ts` (cell colours and colour bar).
 */
import { COLORMAP_TABLES } from './colormap-tables';

/** Names of the available colour maps. */
export type ColormapName = 'viridis' | 'magma' | 'gray' | 'coolwarm';

/** Every colour map name, e.g. to validate user input. */
export const COLORMAP_NAMES: readonly ColormapName[] = ['viridis', 'magma', 'gray', 'coolwarm'];

const luts = new Map<ColormapName, Uint8Array>();

/** The 256 × RGB lookup table of a colour map (entry i at [3i, 3i + 3)). */
export function colormapLut(name: ColormapName): Uint8Array {
  let lut = luts.get(name);
  if (lut) return lut;
  lut = new Uint8Array(256 * 3);
  if (name === 'gray') {
    for (let i = 0; i < 256; i++) lut.fill(i, 3 * i, 3 * i + 3);
  } else {
    const hex = COLORMAP_TABLES[name];
    if (!hex) throw new Error(`Unknown colormap "${name}"; use one of ${COLORMAP_NAMES.join(', ')}`);
    for (let i = 0; i < 256 * 3; i++) lut[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  luts.set(name, lut);
  return lut;
}

/** Table index of a value: ⌊256·(v − vmin)/(vmax − vmin)⌋ clamped to [0, 255]; −1 for NaN. */
export function colormapIndex(v: number, vmin: number, vmax: number): number {
  if (Number.isNaN(v)) return -1;
  const t = vmax > vmin ? (v - vmin) / (vmax - vmin) : 0;
  return Math.min(255, Math.max(0, Math.floor(t * 256)));
}

/** RGB of a value under a colour map scaled to [vmin, vmax] (NaN gives null). */
export function colormapRgb(name: ColormapName, v: number, vmin: number, vmax: number): [number, number, number] | null {
  const k = colormapIndex(v, vmin, vmax);
  if (k < 0) return null;
  const lut = colormapLut(name);
  return [lut[3 * k], lut[3 * k + 1], lut[3 * k + 2]];
}

/** '#rrggbb' of an RGB triple. */
export function rgbHex([r, g, b]: readonly number[]): string {
  return '#' + [r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('');
}

/**
 * `n` evenly spaced colours of a map, from entry 0 to 255, as '#rrggbb' (for a vega colour scale
 * `range`, which interpolates linearly between them: 17 stops differ from the table by a few units).
 */
export function colormapStops(name: ColormapName, n = 17): string[] {
  const lut = colormapLut(name);
  return Array.from({ length: n }, (_, i) => {
    const k = Math.round((i * 255) / (n - 1));
    return rgbHex([lut[3 * k], lut[3 * k + 1], lut[3 * k + 2]]);
  });
}

/** Relative luminance of an sRGB colour (WCAG 2.x definition), 0 (black) to 1 (white). */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** 'black' or 'white', whichever reads better on the given background (WCAG contrast ratio). */
export function textColorOn(rgb: readonly number[]): 'black' | 'white' {
  const l = luminance(rgb);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? 'black' : 'white';
}
