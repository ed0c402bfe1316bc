/**
 * Prediction of tree ensembles after every few trees in one pass ("staged" prediction): the sums of
 * the trees' leaf values after the first s stages, for several s at once, so that a curve such as
 * "ROC AUC against the number of trees" (NEWSdm, seed 000, Fig. 7) costs one prediction of the full
 * ensemble instead of one per point.
 *
 * Rows are processed in chunks of 4096 and trees in order inside each chunk, so the tree arrays and
 * the chunk stay in cache.
 *
 * Used by `gradient-boosting.ts` and `random-forest.ts`.
 */
import { forEachRowChunk, type FeatureMatrix, type MatrixShape } from './matrix';
import type { Tree } from './tree';

/** How the trees of an ensemble add up. */
export interface StagedSumSpec {
  /** Number of summed outputs per sample, m. */
  nOutputs: number;
  /** Trees per stage (K per boosting iteration, 1 per forest tree). */
  treesPerStage: number;
  /** Tree t's `tree.nOutputs` values are added to outputs `offsetOf(t)`, `offsetOf(t) + 1`, … */
  offsetOf: (t: number) => number;
  /** Starting value of each output (the boosting baseline, or zeros), length m. */
  init: Float64Array;
}

/**
 * Checks a list of stage counts: integers in 1 … nStages, strictly increasing. `undefined` gives every
 * stage 1 … nStages.
 */
export function checkStages(fn: string, stages: readonly number[] | undefined, nStages: number): number[] {
  if (stages === undefined) return Array.from({ length: nStages }, (_, s) => s + 1);
  for (let s = 0; s < stages.length; s++) {
    const v = stages[s];
    if (!(Number.isInteger(v) && v >= 1 && v <= nStages)) throw new RangeError(`${fn}: number of trees ${v} must be an integer in [1, ${nStages}]`);
    if (s > 0 && v <= stages[s - 1]) throw new RangeError(`${fn}: the numbers of trees must be strictly increasing, got ${stages[s - 1]} then ${v}`);
  }
  return [...stages];
}

/**
 * For each entry s of `stages`, the row-major n × m sums `init + Σ_{trees of the first s stages}`
 * of the leaf values reached by every row of X.
 */
export function stagedTreeSums(X: FeatureMatrix, shape: MatrixShape, trees: readonly Tree[], spec: StagedSumSpec, stages: readonly number[]): Float64Array[] {
  const { nRows: n, nFeatures: d } = shape;
  const m = spec.nOutputs;
  const out = stages.map(() => new Float64Array(n * m));
  const acc = new Float64Array(Math.min(n, 4096) * m);
  forEachRowChunk(X, shape, (rows, start, count) => {
    for (let i = 0; i < count; i++) acc.set(spec.init, i * m);
    let t = 0;
    for (let s = 0; s < stages.length; s++) {
      for (const tEnd = stages[s] * spec.treesPerStage; t < tEnd; t++) addTree(trees[t], rows, count, d, acc, m, spec.offsetOf(t));
      out[s].set(acc.subarray(0, count * m), start * m);
    }
  });
  return out;
}

/** acc[i·m + offset + o] += value o of the leaf that row i reaches in `tree`. */
function addTree(tree: Tree, rows: Float32Array | Float64Array, count: number, d: number, acc: Float64Array, m: number, offset: number): void {
  const { values, nOutputs } = tree;
  if (nOutputs === 1) {
    for (let i = 0; i < count; i++) acc[i * m + offset] += values[tree.leafOf(rows, i, d)];
    return;
  }
  for (let i = 0; i < count; i++) {
    const leaf = tree.leafOf(rows, i, d) * nOutputs;
    const base = i * m + offset;
    for (let o = 0; o < nOutputs; o++) acc[base + o] += values[leaf + o];
  }
}
