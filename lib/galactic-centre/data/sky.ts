/**
 * The pixel grid of a Galactic Centre counts map: Galactic longitude l along the width (increasing
 * to the left, as on the sky), latitude b along the height (increasing upwards), centred on
 * (l, b) = (0°, 0°), square pixels of `pixelDeg` degrees.
 *
 * Used by every file of `lib/galactic-centre/` and notebook 03-galaxy-zoo-gc.
 */

/** A map grid: `height` rows (b) × `width` columns (l), pixel side in degrees. */
export interface SkyGrid {
  height: number;
  width: number;
  pixelDeg: number;
}

/** The seed's small maps: 90×120 pixels; we give them 0.1° pixels (a 9° × 12° field). */
export const SEED_SMALL_GRID: SkyGrid = { height: 90, width: 120, pixelDeg: 0.1 };

/** Galactic coordinates (deg) of the centre of pixel (row i, column j), offset by (di, dj) pixels. */
export function pixelLB(grid: SkyGrid, i: number, j: number, di = 0.5, dj = 0.5): { l: number; b: number } {
  return { l: (grid.width / 2 - (j + dj)) * grid.pixelDeg, b: (grid.height / 2 - (i + di)) * grid.pixelDeg };
}

/** Angular distance (deg) from the Galactic Centre of (l, b) in degrees (exact spherical formula). */
export function angleFromGC(l: number, b: number): number {
  const d2r = Math.PI / 180;
  return Math.acos(Math.min(1, Math.cos(l * d2r) * Math.cos(b * d2r))) / d2r;
}

/** Evaluates `f(l, b)` at every pixel centre; row-major `[height * width]`. */
export function mapOver(grid: SkyGrid, f: (l: number, b: number) => number): Float32Array {
  const out = new Float32Array(grid.height * grid.width);
  for (let i = 0; i < grid.height; i++) {
    for (let j = 0; j < grid.width; j++) {
      const { l, b } = pixelLB(grid, i, j);
      out[i * grid.width + j] = f(l, b);
    }
  }
  return out;
}

/** Scales a non-negative map to unit sum. */
export function unitSum(map: Float32Array): Float32Array {
  let s = 0;
  for (const v of map) s += v;
  if (!(s > 0)) throw new RangeError('unitSum: the map has no positive value');
  for (let k = 0; k < map.length; k++) map[k] /= s;
  return map;
}
