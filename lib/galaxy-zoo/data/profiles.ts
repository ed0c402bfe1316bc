/**
 * Light profiles for the galaxy-image simulator, evaluated on a square pixel grid: Sérsic bulges and
 * ellipticals (with boxy isophotes), inclined exponential disks with logarithmic spiral arms, bars,
 * rings, arcs and Gaussian clumps. Every function returns a unit-sum map `[size*size]` (row-major,
 * row 0 at the top) so that the caller scales it by a flux.
 *
 * Formulas: Sérsic (1968) I(r) ∝ exp(−b_n((r/R_e)^{1/n} − 1)) with b_n ≈ 2n − 1/3 + 0.009876/n
 * (Prugniel & Simien 1997); exponential disk R_e = 1.678 h; logarithmic spiral θ = ln(R)/tan(p).
 *
 * Used by `lib/galaxy-zoo/data/render.ts`.
 */

/** A centred, rotated frame: pixel → (u along the major axis, v along the minor axis), in units of the image width. */
export interface Frame {
  size: number;
  /** centre, fractions of the width from the image centre */
  cx: number;
  cy: number;
  /** position angle (rad) */
  angle: number;
}

/** Calls `f(u, v, index)` for every pixel of the frame. */
export function forEachPixel(frame: Frame, f: (u: number, v: number, k: number) => number): Float32Array {
  const { size, cx, cy, angle } = frame;
  const out = new Float32Array(size * size);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  for (let i = 0; i < size; i++) {
    const y = (i + 0.5) / size - 0.5 - cy;
    for (let j = 0; j < size; j++) {
      const x = (j + 0.5) / size - 0.5 - cx;
      const k = i * size + j;
      out[k] = f(x * c + y * s, -x * s + y * c, k);
    }
  }
  return normalise(out);
}

/** Scales a non-negative map to unit sum (all-zero maps stay zero). */
export function normalise(map: Float32Array): Float32Array {
  let sum = 0;
  for (const v of map) sum += v;
  if (sum > 0) for (let k = 0; k < map.length; k++) map[k] /= sum;
  return map;
}

/** b_n of the Sérsic profile (Prugniel & Simien 1997 approximation, good to 1e-3 for n > 0.36). */
export function sersicB(n: number): number {
  return 2 * n - 1 / 3 + 0.009876 / n;
}

/**
 * Sérsic profile of index `n`, half-light radius `re` and axis ratio `q`; `boxiness` c > 2 makes
 * boxy isophotes (|u|^c + |v/q|^c = r^c).
 */
export function sersic(frame: Frame, n: number, re: number, q: number, boxiness = 2): Float32Array {
  const b = sersicB(n);
  const pixel = 1 / frame.size;
  return forEachPixel(frame, (u, v) => {
    const r = Math.max(pixel * 0.3, Math.pow(Math.abs(u) ** boxiness + Math.abs(v / q) ** boxiness, 1 / boxiness));
    return Math.exp(-b * (Math.pow(r / re, 1 / n) - 1));
  });
}

/** Projected axis ratio of a disk of intrinsic thickness `q0` seen at inclination `i` (Hubble 1926). */
export function diskAxisRatio(inclination: number, q0 = 0.12): number {
  const c = Math.cos(inclination);
  return Math.sqrt(c * c + q0 * q0 * (1 - c * c));
}

/** Options of {@link disk}. */
export interface DiskOptions {
  /** scale length (fraction of the width) */
  h: number;
  inclination: number;
  /** number of arms (0: plain disk) */
  arms?: number;
  /** pitch angle (rad) */
  pitch?: number;
  /** arm contrast 0 … 1 */
  armStrength?: number;
  /** phase of the arms (rad) */
  phase?: number;
  /** return only the arm modulation (the arm light), not the smooth disk */
  armsOnly?: boolean;
}

/** Exponential disk, optionally with an m-armed logarithmic spiral modulating it. */
export function disk(frame: Frame, o: DiskOptions): Float32Array {
  const q = diskAxisRatio(o.inclination);
  const arms = o.arms ?? 0;
  const tanP = Math.tan(o.pitch ?? 0.3);
  const a = o.armStrength ?? 0;
  return forEachPixel(frame, (u, v) => {
    const vd = v / q;
    const r = Math.hypot(u, vd);
    const base = Math.exp(-r / o.h);
    if (arms === 0) return o.armsOnly ? 0 : base;
    const theta = Math.atan2(vd, u);
    const phi = arms * (theta - Math.log(Math.max(r, 1e-4) / o.h) / tanP) + (o.phase ?? 0);
    const ridge = Math.pow(0.5 + 0.5 * Math.cos(phi), 4);
    const inner = Math.min(1, (r / o.h) ** 2); // arms fade into the bulge
    const armLight = base * a * 3 * ridge * inner;
    return o.armsOnly ? armLight : base * (1 - a * inner * 0.7) + armLight;
  });
}

/** Elongated Gaussian bar of half-length `length` and axis ratio 0.25, at angle `barAngle` in the frame. */
export function bar(frame: Frame, length: number, barAngle: number, inclination: number): Float32Array {
  const q = diskAxisRatio(inclination);
  const c = Math.cos(barAngle);
  const s = Math.sin(barAngle);
  const w = length * 0.22;
  return forEachPixel(frame, (u, v) => {
    const vd = v / q;
    const a = u * c + vd * s;
    const b = -u * s + vd * c;
    return Math.exp(-0.5 * ((a / length) ** 4 + (b / w) ** 2));
  });
}

/** Gaussian ring of radius `radius` and width `width` in the disk plane, projected with `inclination`. */
export function ring(frame: Frame, radius: number, width: number, inclination: number): Float32Array {
  const q = diskAxisRatio(inclination);
  return forEachPixel(frame, (u, v) => Math.exp(-0.5 * ((Math.hypot(u, v / q) - radius) / width) ** 2));
}

/** Arc of a circle of radius `radius` about a centre `(ux, uy)`, spanning `span` rad around angle `at`. */
export function arc(frame: Frame, radius: number, width: number, at: number, span: number): Float32Array {
  return forEachPixel(frame, (u, v) => {
    const r = Math.hypot(u, v);
    let d = Math.atan2(v, u) - at;
    d = Math.atan2(Math.sin(d), Math.cos(d));
    return Math.exp(-0.5 * ((r - radius) / width) ** 2) * Math.exp(-0.5 * (d / (span / 2)) ** 4);
  });
}

/** Circular Gaussian blob of standard deviation `sigma` at `(u0, v0)`. */
export function blob(frame: Frame, u0: number, v0: number, sigma: number): Float32Array {
  return forEachPixel(frame, (u, v) => Math.exp(-0.5 * (((u - u0) ** 2 + (v - v0) ** 2) / (sigma * sigma))));
}
