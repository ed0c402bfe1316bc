/**
 * Counting the modes a scan found.
 *
 * - `posteriorModes`: the modes of a weighted posterior sample (nested sampling): draw equally
 *   weighted points, split them with the recursive 2-means / bounding-ellipsoid rule of
 *   `ellipsoids.ts` (MultiNest's mode separation, Feroz, Hobson & Bridges 2009, §5), and report each
 *   cluster's posterior mass, mean and spread.
 * - `linkClusters`: friends-of-friends (single linkage) on box-scaled coordinates, for "how many
 *   separate places did a scanner reach within the tolerance of the optimum" (`lib/darkmachines/evaluate/scanner-comparison.ts`).
 *
 * Used by `nested-sampling.ts` and `lib/darkmachines/evaluate/scanner-comparison.ts`.
 */
import type { Random } from '../../random';
import { coveringEllipsoids } from './ellipsoids';

/** One mode of a posterior: its share of the posterior mass, mean and standard deviation per parameter. */
export type PosteriorMode = { weight: number; mean: number[]; sd: number[]; draws: number };

/** Systematic resampling: `m` indices drawn with probabilities `weights` (summing to 1), one uniform draw. */
export function systematicResample(weights: ArrayLike<number>, m: number, rng: Random): Int32Array {
  const out = new Int32Array(m);
  let c = weights[0], i = 0;
  const u0 = rng.random() / m;
  for (let k = 0; k < m; k++) {
    const u = u0 + k / m;
    while (u > c && i < weights.length - 1) c += weights[++i];
    out[k] = i;
  }
  return out;
}

/**
 * The modes of the posterior given by `samples` (n × dim, physical units in the box [lower, upper])
 * with normalised `weights`: `draws` equally weighted points are clustered (file header); clusters
 * holding less than `minWeight` of the mass are left out. Sorted by weight, largest first.
 */
export function posteriorModes(
  samples: Float64Array, weights: ArrayLike<number>, dim: number, lower: readonly number[], upper: readonly number[], rng: Random,
  opts: { draws?: number; minWeight?: number } = {},
): PosteriorMode[] {
  const m = opts.draws ?? 1000, minWeight = opts.minWeight ?? 0.02;
  const idx = systematicResample(weights, m, rng);
  const unit = new Float64Array(m * dim);
  idx.forEach((s, k) => {
    for (let j = 0; j < dim; j++) unit[k * dim + j] = (samples[s * dim + j] - lower[j]) / (upper[j] - lower[j]);
  });
  const clusters = coveringEllipsoids(unit, dim, rng).map((e) => e.members);
  const modes = clusters.map((members) => {
    const mean = new Array(dim).fill(0), sd = new Array(dim).fill(0);
    for (const k of members) for (let j = 0; j < dim; j++) mean[j] += samples[idx[k] * dim + j] / members.length;
    for (const k of members) for (let j = 0; j < dim; j++) sd[j] += (samples[idx[k] * dim + j] - mean[j]) ** 2 / members.length;
    return { weight: members.length / m, mean, sd: sd.map(Math.sqrt), draws: members.length };
  });
  return modes.filter((mode) => mode.weight >= minWeight).sort((a, b) => b.weight - a.weight);
}

/**
 * Friends-of-friends clusters of `points` (n × dim): two points are linked when their distance in
 * box-scaled coordinates (each parameter divided by its range) is ≤ `linkLength`. Returns each
 * point's cluster label (0, 1, … in order of first appearance) and the number of clusters.
 */
export function linkClusters(points: Float64Array, dim: number, lower: readonly number[], upper: readonly number[], linkLength: number): { labels: Int32Array; count: number } {
  const n = points.length / dim;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const inv = upper.map((u, j) => 1 / (u - lower[j]));
  const l2 = linkLength * linkLength;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let s = 0;
      for (let j = 0; j < dim && s <= l2; j++) s += ((points[a * dim + j] - points[b * dim + j]) * inv[j]) ** 2;
      if (s <= l2) parent[root(a)] = root(b);
    }
  }
  const labels = new Int32Array(n), ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    if (!ids.has(r)) ids.set(r, ids.size);
    labels[i] = ids.get(r)!;
  }
  return { labels, count: ids.size };
}
