/**
 * Grows one regression tree of a gradient-boosting ensemble on gradients and hessians, best-first
 * (LightGBM's leaf-wise growth, as scikit-learn's `TreeGrower`): the leaf with the largest split gain
 * is split next, until `maxLeafNodes` leaves exist or no leaf can be split (depth limit, fewer than
 * 2·minSamplesLeaf samples, no split with positive gain). Histograms: the smaller child is built from
 * its samples, the larger one by subtraction from the parent (see `histogram.ts`).
 *
 * Leaf values are shrinkage · (−G/(H + λ)) (sklearn and XGBoost), so the tree's output is added as is.
 *
 * Used by `gradient-boosting.ts` (NEWSdm BDT notebook).
 */
import type { BinMapper, BinnedMatrix } from './binning';
import { findBestSplit, leafValue, type GbdtSplit, type SplitParams } from './gbdt-split';
import { buildHistogram, newHistogram, subtractHistogram } from './histogram';
import { TreeBuilder, type Tree } from './tree';
import { partitionRows } from './partition';

/** Parameters of one boosted tree. */
export interface GrowerParams extends SplitParams {
  /** Maximum number of leaves (sklearn default 31); Infinity for no limit. */
  maxLeafNodes: number;
  /** Maximum depth of a leaf (root = 0); Infinity for no limit. */
  maxDepth: number;
  /** Learning rate ν multiplying every leaf value. */
  shrinkage: number;
}

/** A grown tree and where its training samples ended up. */
export interface GrownTree {
  tree: Tree;
  /** The sample indices, reordered so that each leaf's samples are contiguous. */
  partition: Int32Array;
  /** For each leaf: [node, start, end) into `partition`, flattened as triples. */
  leafRanges: Int32Array;
}

interface GrowNode {
  id: number;
  start: number;
  end: number;
  depth: number;
  sumG: number;
  sumH: number;
  hist: Float64Array | null;
  split: GbdtSplit | null;
}

/** Reusable buffers of a grower (one per ensemble), so that boosting rounds allocate nothing large. */
export class GrowerWorkspace {
  private pool: Float64Array[] = [];
  readonly orderedG: Float32Array;
  readonly orderedH: Float32Array;
  readonly scratch: Int32Array;

  constructor(readonly nRows: number, readonly nFeatures: number) {
    this.orderedG = new Float32Array(nRows);
    this.orderedH = new Float32Array(nRows);
    this.scratch = new Int32Array(nRows);
  }

  acquire(): Float64Array {
    return this.pool.pop() ?? newHistogram(this.nFeatures);
  }

  release(h: Float64Array | null): void {
    if (h) this.pool.push(h);
  }
}

/**
 * Grows one tree on the samples `rows` (indices into `binned`; the array is reordered in place and
 * returned as `partition`). `gradients`/`hessians` are per sample (float32, as sklearn), already
 * multiplied by the sample weights.
 */
export function growTree(
  binned: BinnedMatrix,
  mapper: BinMapper,
  rows: Int32Array,
  gradients: Float32Array,
  hessians: Float32Array,
  params: GrowerParams,
  ws: GrowerWorkspace,
): GrownTree {
  const builder = new TreeBuilder(1);
  let sumG = 0, sumH = 0;
  for (let i = 0; i < rows.length; i++) {
    sumG += gradients[rows[i]];
    sumH += hessians[rows[i]];
  }
  const value = (g: number, h: number) => [params.shrinkage * leafValue(g, h, params.l2)];
  const root: GrowNode = { id: builder.addLeaf(value(sumG, sumH)), start: 0, end: rows.length, depth: 0, sumG, sumH, hist: null, split: null };
  const open: GrowNode[] = [];
  const leaves: GrowNode[] = [];
  const canSplit = (n: GrowNode) => n.end - n.start >= 2 * params.minSamplesLeaf && n.depth < params.maxDepth && params.maxLeafNodes > 1;
  const evaluate = (n: GrowNode) => {
    n.split = findBestSplit(n.hist!, mapper.nBins, n.sumG, n.sumH, n.end - n.start, params);
    if (n.split.feature >= 0) open.push(n);
    else close(n);
  };
  const close = (n: GrowNode) => {
    ws.release(n.hist);
    n.hist = null;
    leaves.push(n);
  };

  if (canSplit(root)) {
    root.hist = ws.acquire();
    buildHistogram(root.hist, binned, rows, 0, rows.length, gradients, hessians, ws.orderedG, ws.orderedH);
    evaluate(root);
  } else close(root);

  let nLeaves = 1;
  while (open.length > 0 && nLeaves < params.maxLeafNodes) {
    let bestIdx = 0;
    for (let i = 1; i < open.length; i++) if (open[i].split!.gain > open[bestIdx].split!.gain) bestIdx = i;
    const node = open.splice(bestIdx, 1)[0];
    const s = node.split!;
    const mid = partitionRows(binned, rows, node.start, node.end, s, ws.scratch);
    const gR = node.sumG - s.gLeft, hR = node.sumH - s.hLeft;
    const left: GrowNode = { id: builder.addLeaf(value(s.gLeft, s.hLeft)), start: node.start, end: mid, depth: node.depth + 1, sumG: s.gLeft, sumH: s.hLeft, hist: null, split: null };
    const right: GrowNode = { id: builder.addLeaf(value(gR, hR)), start: mid, end: node.end, depth: node.depth + 1, sumG: gR, sumH: hR, hist: null, split: null };
    const nb = mapper.nBins[s.feature];
    builder.setSplit(node.id, {
      feature: s.feature,
      threshold: s.binThreshold < nb - 1 ? mapper.threshold(s.feature, s.binThreshold) : Infinity,
      binThreshold: s.binThreshold, missingLeft: s.missingLeft, left: left.id, right: right.id, gain: s.gain,
    });
    nLeaves++;
    const children = [left, right];
    if (nLeaves < params.maxLeafNodes && (canSplit(left) || canSplit(right))) {
      const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
      small.hist = ws.acquire();
      buildHistogram(small.hist, binned, rows, small.start, small.end, gradients, hessians, ws.orderedG, ws.orderedH);
      large.hist = node.hist;
      subtractHistogram(large.hist!, small.hist);
      node.hist = null;
      for (const c of children) {
        if (canSplit(c)) evaluate(c);
        else close(c);
      }
    } else {
      ws.release(node.hist);
      node.hist = null;
      for (const c of children) close(c);
    }
  }
  for (const n of open) close(n);
  const leafRanges = new Int32Array(leaves.length * 3);
  leaves.forEach((n, i) => leafRanges.set([n.id, n.start, n.end], 3 * i));
  return { tree: builder.build(), partition: rows, leafRanges };
}
