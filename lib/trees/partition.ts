/**
 * In-place partition of a node's samples by a split, as tree growers keep each node's samples as a
 * contiguous range [start, end) of one index array (no per-node allocation).
 *
 * Used by `gbdt-grower.ts` (the forest grower has its own, which also moves labels and weights).
 */
import { MISSING_BIN, type BinnedMatrix } from './binning';

/** A split on binned values: bin ≤ binThreshold goes left, missing values go left when `missingLeft`. */
export interface BinSplit {
  feature: number;
  binThreshold: number;
  missingLeft: boolean;
}

/**
 * Reorders `rows[start … end−1]` so that the samples going left come first (order kept within each
 * side; `scratch` needs end − start entries); returns the index of the first right sample.
 */
export function partitionRows(binned: BinnedMatrix, rows: Int32Array, start: number, end: number, s: BinSplit, scratch: Int32Array): number {
  const { bins, nRows } = binned;
  const offset = s.feature * nRows;
  const t = s.binThreshold, missLeft = s.missingLeft;
  const missing = MISSING_BIN; // read once: an imported binding is a getter once transpiled
  let l = start, r = 0;
  for (let i = start; i < end; i++) {
    const row = rows[i];
    const b = bins[offset + row];
    if (b === missing ? missLeft : b <= t) rows[l++] = row;
    else scratch[r++] = row;
  }
  rows.set(scratch.subarray(0, r), l);
  return l;
}
