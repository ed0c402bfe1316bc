/**
 * The Telescope Array surface-detector shower model of the seed (Kalashev, Baksan school 2019,
 * lecture 5, "Event reconstruction: standard parametric approach"): the lateral distribution
 * function (LDF) of the signal, its zenith-dependent slope η, the timing model of the shower front,
 * and the shower geometry (arrival direction, distance from the shower axis).
 *
 * These are the formulas the standard reconstruction fits (`reconstruct.ts`) and, with
 * composition-dependent parameters, the ones the simulator draws from (`simulate.ts`).
 * Used by notebooks/02-telescope-array.ipynb.
 */

/** Rm = 90 m, the Molière-like scale of the LDF (seed, LDF slide). */
export const RM_M = 90.0;
/** R1 = 1000 m, the outer scale of the LDF (seed, LDF slide). */
export const R1_M = 1000.0;
/** RL = 30 m, the scale of the front-thickness term of the timing model (seed, timing slide). */
export const RL_M = 30.0;
/** Speed of light in m/ns. */
export const C_M_PER_NS = 0.299792458;

/**
 * η(θ) = 3.97 − 1.79 (sec θ − 1), the LDF slope at large distance (seed, LDF slide).
 * @param zenithRad zenith angle θ in radians
 */
export function etaOfZenith(zenithRad: number): number {
  return 3.97 - 1.79 * (1 / Math.cos(zenithRad) - 1);
}

/**
 * f(r) = (r/Rm)^-1.2 (1 + r/Rm)^-(η−1.2) (1 + r²/R1²)^-0.6 (seed, LDF slide); not normalised.
 * @param rM distance from the shower axis in m (clamped below at 1 m, where f is finite)
 * @param eta the slope η (see {@link etaOfZenith})
 */
export function ldfShape(rM: number, eta: number): number {
  const r = Math.max(rM, 1);
  return Math.pow(r / RM_M, -1.2) * Math.pow(1 + r / RM_M, -(eta - 1.2)) * Math.pow(1 + (r * r) / (R1_M * R1_M), -0.6);
}

/** LDF(r) = f(r) / f(800 m), so that S(r) = S800 · LDF(r) (seed). Dimensionless. */
export function ldf(rM: number, eta: number): number {
  return ldfShape(rM, eta) / ldfShape(800, eta);
}

/**
 * The delay of the shower front behind the plane front, a (1 + r/RL)^1.5 LDF(r)^-0.5 in ns (seed,
 * timing slide; Linsley's curvature-and-thickness form).
 * @param rM distance from the shower axis in m
 * @param eta LDF slope
 * @param aNs the curvature parameter a in ns
 */
export function frontDelayNs(rM: number, eta: number, aNs: number): number {
  return aNs * Math.pow(1 + Math.max(rM, 0) / RL_M, 1.5) * Math.pow(ldf(rM, eta), -0.5);
}

/** A shower axis: core on the ground (z = 0) and the direction towards the source. */
export interface ShowerAxis {
  /** core position in m */
  xCore: number;
  yCore: number;
  /** zenith angle θ in rad */
  zenith: number;
  /** azimuth φ in rad, counter-clockwise from the x axis, of the direction the shower comes from */
  azimuth: number;
}

/** Unit vector towards the source, n = (sin θ cos φ, sin θ sin φ, cos θ). */
export function directionVector(zenith: number, azimuth: number): [number, number, number] {
  const s = Math.sin(zenith);
  return [s * Math.cos(azimuth), s * Math.sin(azimuth), Math.cos(zenith)];
}

/**
 * Geometry of one ground detector (z = 0) relative to the axis: the distance from the axis in m
 * (r² = |d|² − (n·d)², d = detector − core) and the plane-front time in ns, −n·d / c (detectors
 * on the side the shower comes from are reached first; the core at t = 0).
 */
export function axisGeometry(axis: ShowerAxis, x: number, y: number): { rM: number; planeNs: number } {
  const [nx, ny] = directionVector(axis.zenith, axis.azimuth);
  const dx = x - axis.xCore;
  const dy = y - axis.yCore;
  const along = nx * dx + ny * dy;
  const r2 = dx * dx + dy * dy - along * along;
  return { rM: Math.sqrt(Math.max(r2, 0)), planeNs: -along / C_M_PER_NS };
}

/** Shower-model parameters of the standard reconstruction (the seed's free parameters). */
export interface ShowerParams extends ShowerAxis {
  /** S800, the signal density 800 m from the axis, in VEM/m² */
  s800: number;
  /** time of the plane front at the core, ns */
  t0: number;
  /** curvature parameter a, ns */
  a: number;
}

/** The model's signal density at a detector, S800 · LDF(r) in VEM/m² (η from the zenith angle). */
export function modelSignal(p: ShowerParams, x: number, y: number): number {
  const { rM } = axisGeometry(p, x, y);
  return p.s800 * ldf(rM, etaOfZenith(p.zenith));
}

/** The model's detector time t_r = t0 + t_plane + a (1 + r/RL)^1.5 LDF(r)^-0.5, in ns (seed). */
export function modelTime(p: ShowerParams, x: number, y: number): number {
  const { rM, planeNs } = axisGeometry(p, x, y);
  return p.t0 + planeNs + frontDelayNs(rM, etaOfZenith(p.zenith), p.a);
}
