/**
 * One fitted decision tree in flat typed arrays (no node objects), shared by gradient boosting and
 * random forests, plus its builder and the prediction loops.
 *
 * Node k is a leaf when `feature[k] = −1`; otherwise a sample goes to `left[k]` (the right child is
 * always `left[k] + 1`, which prediction relies on to read one array less) when
 * x[feature] ≤ threshold[k] (on raw values) or bin ≤ binThreshold[k] (on binned values), and a missing
 * value (NaN) goes left when `missingLeft[k] = 1`. Each node stores `nOutputs` values
 * (`values[k·nOutputs + o]`): one raw score for gradient boosting, the class fractions for a forest.
 *
 * Used by `gradient-boosting.ts`, `random-forest.ts` and their growers (NEWSdm, Z′ notebooks).
 */
import { MISSING_BIN, type BinnedMatrix } from './binning';

/** A fitted tree. Arrays are indexed by node; node 0 is the root. */
export class Tree {
  constructor(
    /** Split feature of each node, −1 for a leaf. */
    readonly feature: Int32Array,
    /** Raw threshold: x ≤ threshold goes left. */
    readonly threshold: Float64Array,
    /** Bin threshold: bin ≤ binThreshold goes left. */
    readonly binThreshold: Uint8Array,
    /** 1 when missing values go left. */
    readonly missingLeft: Uint8Array,
    /** Left child of each internal node. */
    readonly left: Int32Array,
    /** Right child of each internal node. */
    readonly right: Int32Array,
    /** Node values, `nOutputs` per node. */
    readonly values: Float64Array,
    /** Quality gain of each split (0 at leaves), for feature importances. */
    readonly gain: Float64Array,
    /** Values per node. */
    readonly nOutputs: number,
  ) {}

  /** Number of nodes. */
  get nNodes(): number {
    return this.feature.length;
  }

  /** Number of leaves. */
  get nLeaves(): number {
    let count = 0;
    for (let k = 0; k < this.feature.length; k++) if (this.feature[k] < 0) count++;
    return count;
  }

  /** Depth (a single leaf has depth 0). */
  get depth(): number {
    const depthOf = new Int32Array(this.nNodes);
    let max = 0;
    for (let k = 0; k < this.nNodes; k++) {
      if (this.feature[k] < 0) continue;
      depthOf[this.left[k]] = depthOf[this.right[k]] = depthOf[k] + 1;
      if (depthOf[k] + 1 > max) max = depthOf[k] + 1;
    }
    return max;
  }

  /** Leaf reached by row `r` of a row-major block `rows` with `d` features. */
  leafOf(rows: Float32Array | Float64Array, r: number, d: number): number {
    const { feature, threshold, missingLeft, left } = this;
    const base = r * d;
    let k = 0;
    let f = feature[0];
    while (f >= 0) {
      const x = rows[base + f];
      k = left[k] + (x <= threshold[k] || (x !== x && missingLeft[k] === 1) ? 0 : 1); // right = left + 1
      f = feature[k];
    }
    return k;
  }

  /** Leaf reached by sample i of a binned table. */
  leafOfBinned(binned: BinnedMatrix, i: number): number {
    const { feature, binThreshold, missingLeft, left, right } = this;
    const { bins, nRows } = binned;
    const missing = MISSING_BIN; // read once: an imported binding is a getter once transpiled
    let k = 0;
    while (feature[k] >= 0) {
      const b = bins[feature[k] * nRows + i];
      k = b === missing ? (missingLeft[k] === 1 ? left[k] : right[k]) : b <= binThreshold[k] ? left[k] : right[k];
    }
    return k;
  }
}

/** Grows a {@link Tree} node by node; arrays double as needed. */
export class TreeBuilder {
  private size = 0;
  private capacity: number;
  private feature: Int32Array;
  private threshold: Float64Array;
  private binThreshold: Uint8Array;
  private missingLeft: Uint8Array;
  private left: Int32Array;
  private right: Int32Array;
  private values: Float64Array;
  private gain: Float64Array;

  constructor(readonly nOutputs: number, capacity = 64) {
    this.capacity = capacity;
    this.feature = new Int32Array(capacity).fill(-1);
    this.threshold = new Float64Array(capacity);
    this.binThreshold = new Uint8Array(capacity);
    this.missingLeft = new Uint8Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.values = new Float64Array(capacity * nOutputs);
    this.gain = new Float64Array(capacity);
  }

  /** Adds a leaf (it may be split later) and returns its index; `values` has `nOutputs` entries. */
  addLeaf(values: ArrayLike<number>): number {
    if (this.size === this.capacity) this.grow();
    const k = this.size++;
    for (let o = 0; o < this.nOutputs; o++) this.values[k * this.nOutputs + o] = values[o];
    return k;
  }

  /** Overwrites the values of node k. */
  setValues(k: number, values: ArrayLike<number>): void {
    for (let o = 0; o < this.nOutputs; o++) this.values[k * this.nOutputs + o] = values[o];
  }

  /** Turns leaf k into a split on `feature` with the given thresholds and children; the right child must be `left + 1`. */
  setSplit(k: number, s: { feature: number; threshold: number; binThreshold: number; missingLeft: boolean; left: number; right: number; gain: number }): void {
    if (s.right !== s.left + 1) throw new Error(`TreeBuilder.setSplit: children ${s.left}, ${s.right} must be consecutive (add them one after the other)`);
    this.feature[k] = s.feature;
    this.threshold[k] = s.threshold;
    this.binThreshold[k] = s.binThreshold;
    this.missingLeft[k] = s.missingLeft ? 1 : 0;
    this.left[k] = s.left;
    this.right[k] = s.right;
    this.gain[k] = s.gain;
  }

  /** The finished tree (arrays trimmed to the number of nodes). */
  build(): Tree {
    const n = this.size;
    return new Tree(
      this.feature.slice(0, n), this.threshold.slice(0, n), this.binThreshold.slice(0, n), this.missingLeft.slice(0, n),
      this.left.slice(0, n), this.right.slice(0, n), this.values.slice(0, n * this.nOutputs), this.gain.slice(0, n), this.nOutputs,
    );
  }

  private grow(): void {
    const c = (this.capacity *= 2);
    const extend = <T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    const oldFeature = this.feature;
    this.feature = new Int32Array(c).fill(-1);
    this.feature.set(oldFeature);
    this.threshold = extend(this.threshold, c);
    this.binThreshold = extend(this.binThreshold, c);
    this.missingLeft = extend(this.missingLeft, c);
    this.left = extend(this.left, c);
    this.right = extend(this.right, c);
    this.values = extend(this.values, c * this.nOutputs);
    this.gain = extend(this.gain, c);
  }
}

/** Adds each split's gain to `importances[feature]` (length d), multiplied by `scale`. */
export function accumulateGains(tree: Tree, importances: Float64Array, scale = 1): void {
  for (let k = 0; k < tree.nNodes; k++) if (tree.feature[k] >= 0) importances[tree.feature[k]] += scale * tree.gain[k];
}

/** Scales `v` in place to sum to 1 (left as zeros if it sums to 0) and returns it. */
export function normalise(v: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < v.length; i++) total += v[i];
  if (total > 0) for (let i = 0; i < v.length; i++) v[i] /= total;
  return v;
}
