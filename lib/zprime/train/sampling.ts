/**
 * Class-imbalance remedies on row indices: random under- and over-sampling with the sampling
 * strategies of imbalanced-learn (`RandomUnderSampler` / `RandomOverSampler`, the names the seed used)
 * and 'balanced' class weights.
 *
 * imbalanced-learn's rule: the strategy names WHICH classes are resampled; under-sampling brings each
 * of them down to the size of the minority class, over-sampling brings each up to the size of the
 * majority class. With two classes (signal = minority, background = majority) that gives:
 *
 * | strategy       | under-sampling                         | over-sampling                              |
 * |----------------|----------------------------------------|--------------------------------------------|
 * | 'majority'     | background cut to #signal (balanced)   | — (not defined)                            |
 * | 'minority'     | — (not defined)                        | signal repeated up to #background (balanced)|
 * | 'not minority' | background cut to #signal (balanced)   | background resampled to its own size: no change |
 * | 'not majority' | signal resampled to its own size: no change | signal repeated up to #background (balanced) |
 * | 'all'          | both to #signal (balanced)             | both to #background (balanced)             |
 *
 * So the seed's best variants ("not majority" under-sampling, "not minority" over-sampling) are the
 * two that leave the class mix as it was. Used by notebook 05-zprime.
 */
import type { Random } from '../../random';

/** imbalanced-learn sampling strategies. */
export type SamplingStrategy = 'majority' | 'minority' | 'not minority' | 'not majority' | 'all';

/** The classes a strategy resamples, for labels whose counts are `counts` (index = class). */
export function resampledClasses(strategy: SamplingStrategy, counts: readonly number[]): number[] {
  const present = counts.map((c, k) => [c, k] as const).filter(([c]) => c > 0);
  const minority = present.reduce((a, b) => (b[0] < a[0] ? b : a))[1];
  const majority = present.reduce((a, b) => (b[0] > a[0] ? b : a))[1];
  const all = present.map(([, k]) => k);
  switch (strategy) {
    case 'majority': return [majority];
    case 'minority': return [minority];
    case 'not minority': return all.filter((k) => k !== minority);
    case 'not majority': return all.filter((k) => k !== majority);
    case 'all': return all;
  }
}

function classRows(labels: ArrayLike<number>): { rows: number[][]; counts: number[] } {
  const rows: number[][] = [];
  for (let i = 0; i < labels.length; i++) (rows[labels[i]] ??= []).push(i);
  for (let k = 0; k < rows.length; k++) rows[k] ??= [];
  return { rows, counts: rows.map((r) => r.length) };
}

/**
 * Random under-sampling: each class named by `strategy` keeps a random subset (without replacement)
 * of the size of the minority class; other classes keep all rows. Returns row indices, shuffled.
 */
export function underSample(labels: ArrayLike<number>, strategy: SamplingStrategy, rng: Random): Int32Array {
  if (strategy === 'minority') throw new RangeError("underSample: 'minority' is not a valid under-sampling strategy (imbalanced-learn)");
  const { rows, counts } = classRows(labels);
  const target = Math.min(...counts.filter((c) => c > 0));
  const chosen = new Set(resampledClasses(strategy, counts));
  const out: number[] = [];
  rows.forEach((r, k) => {
    if (!chosen.has(k)) for (const i of r) out.push(i);
    else for (const i of rng.sampleIndices(r.length, target)) out.push(r[i]);
  });
  return rng.shuffle(Int32Array.from(out));
}

/**
 * Random over-sampling: each class named by `strategy` is brought up to the size of the majority
 * class by adding rows drawn with replacement; its original rows are all kept. Returns row indices, shuffled.
 */
export function overSample(labels: ArrayLike<number>, strategy: SamplingStrategy, rng: Random): Int32Array {
  if (strategy === 'majority') throw new RangeError("overSample: 'majority' is not a valid over-sampling strategy (imbalanced-learn)");
  const { rows, counts } = classRows(labels);
  const target = Math.max(...counts);
  const chosen = new Set(resampledClasses(strategy, counts));
  const out: number[] = [];
  rows.forEach((r, k) => {
    for (const i of r) out.push(i);
    if (chosen.has(k) && r.length > 0) for (let i = r.length; i < target; i++) out.push(r[rng.integer(0, r.length)]);
  });
  return rng.shuffle(Int32Array.from(out));
}

/** Class counts of `labels` (index = class). */
export function classCounts(labels: ArrayLike<number>, rows?: ArrayLike<number>): number[] {
  const counts: number[] = [];
  const n = rows ? rows.length : labels.length;
  // a typed loop, not an arquero group-by: it runs on every resampling of up to 10⁶ training rows
  for (let i = 0; i < n; i++) {
    const k = labels[rows ? rows[i] : i];
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return Array.from(counts, (c) => c ?? 0);
}

/** 'balanced' class weights n / (K · n_k) (scikit-learn's `compute_class_weight`). */
export function balancedWeights(labels: ArrayLike<number>): number[] {
  const counts = classCounts(labels);
  const present = counts.filter((c) => c > 0).length;
  return counts.map((c) => (c > 0 ? labels.length / (present * c) : 0));
}
