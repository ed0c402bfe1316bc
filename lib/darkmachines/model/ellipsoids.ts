/**
 * Bounding ellipsoids of point clouds in the unit cube, for nested sampling's constrained-prior step
 * and for finding the modes of a posterior.
 *
 * - One ellipsoid: the points' covariance, scaled until every point lies inside (Mukherjee,
 *   Parkinson & Liddle 2006, ApJ 638 L51, the single-ellipsoid scheme MultiNest starts from).
 * - Several (MultiNest's idea, Feroz & Hobson 2008, MNRAS 384 449, §5.2; here with nestle's simpler
 *   rule instead of X-means): split the points in two with 2-means and keep the two child ellipsoids
 *   when their volumes add up to less than half of the parent's, recursively. Each ellipsoid is at
 *   least as large as its share of the expected prior volume (`minVolumePerPoint` × points), so it
 *   cannot collapse onto a few points.
 * - Uniform draws from the union: pick an ellipsoid ∝ volume, draw uniformly inside, accept with
 *   probability 1/q where q is the number of ellipsoids containing the point (Feroz & Hobson 2008, §5.1.3).
 *
 * An ellipsoid is {x : (x − c)ᵀ A⁻¹ (x − c) ≤ 1}; we keep c and the Cholesky factor L of A.
 * Used by `nested-sampling.ts` and `modes.ts`.
 */
import type { Random } from '../../random';
import { logGamma } from '../../random';

export type Ellipsoid = {
  dim: number;
  centre: Float64Array;
  /** lower-triangular Cholesky factor of A, row-major dim × dim */
  chol: Float64Array;
  logVolume: number;
  /** indices of the points it was fitted to */
  members: Int32Array;
};

/** ln of the volume of the unit d-ball, π^(d/2) / Γ(d/2 + 1). */
export function logUnitBallVolume(d: number): number {
  return (d / 2) * Math.log(Math.PI) - logGamma(d / 2 + 1);
}

/** Cholesky factor of a symmetric positive-definite d × d matrix (row-major); adds a ridge when needed. */
function cholesky(a: Float64Array, d: number): Float64Array {
  for (let ridge = 0; ; ridge = ridge === 0 ? 1e-12 : ridge * 100) {
    const l = new Float64Array(d * d);
    let ok = true;
    for (let i = 0; i < d && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let s = a[i * d + j] + (i === j ? ridge : 0);
        for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
        if (i === j) {
          if (!(s > 0)) ok = false;
          else l[i * d + i] = Math.sqrt(s);
        } else l[i * d + j] = s / l[j * d + j];
      }
    }
    if (ok) return l;
    if (ridge > 1) throw new Error('ellipsoid: covariance is not positive definite (points degenerate)');
  }
}

/** |L⁻¹ (x − c)|², the squared Mahalanobis distance of x from the ellipsoid's centre in units of A. */
export function mahalanobis2(e: Ellipsoid, x: ArrayLike<number>, offset = 0): number {
  const d = e.dim, y = new Float64Array(d);
  let s = 0;
  for (let i = 0; i < d; i++) {
    let v = x[offset + i] - e.centre[i];
    for (let k = 0; k < i; k++) v -= e.chol[i * d + k] * y[k];
    y[i] = v / e.chol[i * d + i];
    s += y[i] * y[i];
  }
  return s;
}

function logVolumeOf(chol: Float64Array, d: number): number {
  let s = logUnitBallVolume(d);
  for (let i = 0; i < d; i++) s += Math.log(chol[i * d + i]);
  return s;
}

/** Multiplies A by `factor` (the volume by factor^(d/2)). */
function scaleEllipsoid(e: Ellipsoid, factor: number): Ellipsoid {
  const r = Math.sqrt(factor);
  return { ...e, chol: e.chol.map((v) => v * r), logVolume: e.logVolume + (e.dim / 2) * Math.log(factor) };
}

/**
 * The covariance ellipsoid of the points `members` of `points` (n × dim, row-major), scaled to
 * contain all of them, then to a volume of at least exp(`logMinVolume`).
 */
export function boundingEllipsoid(points: Float64Array, dim: number, members: Int32Array, logMinVolume = -Infinity): Ellipsoid {
  const n = members.length, d = dim;
  if (n < 2) throw new RangeError(`boundingEllipsoid: need at least 2 points, got ${n}`);
  const centre = new Float64Array(d);
  for (const m of members) for (let j = 0; j < d; j++) centre[j] += points[m * d + j] / n;
  const cov = new Float64Array(d * d);
  for (const m of members) {
    for (let i = 0; i < d; i++) {
      const di = points[m * d + i] - centre[i];
      for (let j = 0; j <= i; j++) cov[i * d + j] += (di * (points[m * d + j] - centre[j])) / (n - 1);
    }
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) cov[j * d + i] = cov[i * d + j];
    cov[i * d + i] = Math.max(cov[i * d + i], 1e-20); // points on a line in some dimension
  }
  let e: Ellipsoid = { dim: d, centre, chol: cholesky(cov, d), logVolume: 0, members };
  e.logVolume = logVolumeOf(e.chol, d);
  let k = 0;
  for (const m of members) k = Math.max(k, mahalanobis2(e, points, m * d));
  e = scaleEllipsoid(e, k * (1 + 1e-9));
  if (e.logVolume < logMinVolume) e = scaleEllipsoid(e, Math.exp((2 / d) * (logMinVolume - e.logVolume)));
  return e;
}

/** 2-means (Lloyd, k-means++ start) of the points `members`; returns the label (0/1) of each member. */
function twoMeans(points: Float64Array, dim: number, members: Int32Array, rng: Random): Uint8Array {
  const n = members.length, d = dim;
  const dist2 = (m: number, c: Float64Array) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (points[m * d + j] - c[j]) ** 2;
    return s;
  };
  const first = members[rng.integer(0, n)];
  const cA = points.slice(first * d, first * d + d);
  const second = rng.choice(Array.from(members), Array.from(members, (m) => dist2(m, cA) + 1e-300));
  const cB = points.slice(second * d, second * d + d);
  const labels = new Uint8Array(n);
  for (let it = 0; it < 50; it++) {
    let changed = false;
    members.forEach((m, i) => {
      const l = dist2(m, cA) <= dist2(m, cB) ? 0 : 1;
      if (l !== labels[i]) [labels[i], changed] = [l, true];
    });
    for (const [c, label] of [[cA, 0], [cB, 1]] as const) {
      c.fill(0);
      let count = 0;
      members.forEach((m, i) => {
        if (labels[i] !== label) return;
        count++;
        for (let j = 0; j < d; j++) c[j] += points[m * d + j];
      });
      if (count > 0) for (let j = 0; j < d; j++) c[j] /= count;
    }
    if (!changed && it > 0) break;
  }
  return labels;
}

/**
 * Ellipsoids covering the points `members` (all points when omitted): the bounding ellipsoid,
 * split recursively while 2-means children shrink the total volume below half (file header).
 * `logPointVolume`: ln of the prior volume each point stands for (each ellipsoid ≥ members × it).
 */
export function coveringEllipsoids(points: Float64Array, dim: number, rng: Random, opts: { members?: Int32Array; logPointVolume?: number; single?: boolean } = {}): Ellipsoid[] {
  const members = opts.members ?? Int32Array.from({ length: points.length / dim }, (_, i) => i);
  const logMin = (n: number) => (opts.logPointVolume ?? -Infinity) + Math.log(n);
  const root = boundingEllipsoid(points, dim, members, logMin(members.length));
  if (opts.single) return [root];
  const split = (e: Ellipsoid): Ellipsoid[] => {
    if (e.members.length < 2 * (dim + 1)) return [e];
    const labels = twoMeans(points, dim, e.members, rng);
    const parts = [0, 1].map((l) => e.members.filter((_, i) => labels[i] === l));
    if (parts.some((p) => p.length < dim + 1)) return [e];
    const children = parts.map((p) => boundingEllipsoid(points, dim, p, logMin(p.length)));
    const childVolume = Math.log(Math.exp(children[0].logVolume - e.logVolume) + Math.exp(children[1].logVolume - e.logVolume));
    return childVolume < Math.log(0.5) ? children.flatMap(split) : [e];
  };
  return split(root);
}

/** Multiplies every ellipsoid's volume by `factor` (≥ 1: room for the contour beyond the points). */
export function enlarge(ellipsoids: Ellipsoid[], factor: number): Ellipsoid[] {
  return ellipsoids.map((e) => scaleEllipsoid(e, Math.pow(factor, 2 / e.dim)));
}

/**
 * Bootstrap expansion (Buchner 2016, Stat. Comput. 26 383, as in dynesty): refit each ellipsoid to
 * `rounds` resamples (with replacement) of its members and grow it until it would also have held
 * the members each resample left out. With few points per dimension, the covariance ellipsoid of
 * the points alone cuts off part of the region they were drawn from, which biases nested sampling's
 * ln Z upwards; this estimates how much larger it must be.
 */
export function bootstrapExpand(ellipsoids: Ellipsoid[], points: Float64Array, rng: Random, rounds = 5): Ellipsoid[] {
  return ellipsoids.map((e) => {
    const n = e.members.length;
    let factor = 1;
    for (let r = 0; r < rounds; r++) {
      const drawn = new Uint8Array(n);
      const sample = Int32Array.from({ length: n }, () => {
        const i = rng.integer(0, n);
        drawn[i] = 1;
        return e.members[i];
      });
      const distinct = new Set(sample).size;
      if (distinct <= e.dim + 1 || distinct === n) continue;
      const fit = boundingEllipsoid(points, e.dim, sample);
      e.members.forEach((m, i) => {
        if (!drawn[i]) factor = Math.max(factor, mahalanobis2(fit, points, m * e.dim));
      });
    }
    return scaleEllipsoid(e, factor);
  });
}

/** ln of the total volume (overlaps counted twice). */
export function logTotalVolume(ellipsoids: readonly Ellipsoid[]): number {
  const m = Math.max(...ellipsoids.map((e) => e.logVolume));
  return m + Math.log(ellipsoids.reduce((s, e) => s + Math.exp(e.logVolume - m), 0));
}

/** A uniform point inside one ellipsoid. */
function sampleInside(e: Ellipsoid, rng: Random): Float64Array {
  const d = e.dim, z = new Float64Array(d);
  let norm2 = 0;
  for (let i = 0; i < d; i++) norm2 += (z[i] = rng.normal()) ** 2;
  const scale = Math.pow(rng.random(), 1 / d) / Math.sqrt(norm2);
  const x = Float64Array.from(e.centre);
  for (let i = 0; i < d; i++) for (let k = 0; k <= i; k++) x[i] += e.chol[i * d + k] * z[k] * scale;
  return x;
}

/**
 * A uniform point of the union of the ellipsoids (file header), or null when it fails `keep`
 * (a cheap test applied before the overlap count, e.g. "inside the unit cube").
 */
export function sampleUnion(ellipsoids: readonly Ellipsoid[], rng: Random, keep: (x: Float64Array) => boolean = () => true): Float64Array | null {
  const weights = ellipsoids.map((e) => Math.exp(e.logVolume - ellipsoids[0].logVolume));
  while (true) {
    const x = sampleInside(ellipsoids.length === 1 ? ellipsoids[0] : rng.choice(ellipsoids, weights), rng);
    if (!keep(x)) return null;
    if (ellipsoids.length === 1) return x;
    const q = ellipsoids.reduce((s, e) => s + (mahalanobis2(e, x) <= 1 ? 1 : 0), 0);
    if (rng.random() * q < 1) return x;
  }
}
