/**
 * Best split of one node of a gradient-boosted tree, from its gradient histogram (see `histogram.ts`).
 *
 * With G, H the sums of gradients and hessians of a node and λ the L2 penalty, the optimal leaf value
 * is v = −G/(H + λ) and the split gain is (Chen & Guestrin 2016, XGBoost, eq. 7, without the ½ and γ)
 *     gain = G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ).
 * It is evaluated in scikit-learn 1.2's floating-point form (`_split_gain`, `compute_node_value`):
 * v = −G/(H + λ + 1e-15), gain = G·v − G_L·v_L − G_R·v_R — splits whose gain is zero up to rounding
 * (e.g. inside a node where all samples have the same gradient) are then rejected exactly as sklearn does. Candidate splits "bin ≤ b" are scanned as sklearn's
 * `find_node_split`: left to right with missing values going right (including, when the node has
 * missing values, the split "all non-missing left / missing right"), then — only when the node has
 * missing values — right to left with missing values going left; a later candidate wins only with a
 * strictly larger gain. A child needs ≥ minSamplesLeaf samples and a hessian sum ≥ minHessian; with no
 * missing values in training, missing values at prediction follow the larger child.
 *
 * Used by `gbdt-grower.ts`.
 */
import { MISSING_BIN } from './binning';
import { HIST_BINS, HIST_STRIDE } from './histogram';

// Local copies (an imported binding is a getter once transpiled, too slow in the scan loops).
const STRIDE = HIST_STRIDE;
const FEATURE_STRIDE = HIST_BINS * HIST_STRIDE;
const MISSING = MISSING_BIN;

/** Constraints of a split. */
export interface SplitParams {
  /** Minimum number of samples in each child. */
  minSamplesLeaf: number;
  /** Minimum hessian sum in each child (sklearn's min_hessian_to_split, 1e-3). */
  minHessian: number;
  /** L2 penalty λ on leaf values. */
  l2: number;
  /** A split must gain strictly more than this (default 0). */
  minGain: number;
}

/** The best split found for a node, or gain −1 when none is allowed. */
export interface GbdtSplit {
  gain: number;
  feature: number;
  /** Samples with bin ≤ binThreshold go left. */
  binThreshold: number;
  missingLeft: boolean;
  /** Σg, Σh and sample count of the left child. */
  gLeft: number;
  hLeft: number;
  nLeft: number;
}

/** Node value −G/(H + λ + 1e-15) (before shrinkage; sklearn's `compute_node_value`). */
export function leafValue(sumG: number, sumH: number, l2: number): number {
  return -sumG / (sumH + l2 + 1e-15);
}

/** G·v(G, H): the node's loss up to a constant, from which gains are differences (sklearn's `_loss_from_value`). */
export function nodeLoss(sumG: number, sumH: number, l2: number): number {
  return sumG * leafValue(sumG, sumH, l2);
}

/** The split gain of the file header for children (G_L, H_L), (G_R, H_R) of a node with loss `parentLoss`. */
export function splitGain(gL: number, hL: number, gR: number, hR: number, l2: number, parentLoss = nodeLoss(gL + gR, hL + hR, l2)): number {
  return parentLoss - nodeLoss(gL, hL, l2) - nodeLoss(gR, hR, l2);
}

/** An empty split (gain −1). */
export function noSplit(): GbdtSplit {
  return { gain: -1, feature: -1, binThreshold: 0, missingLeft: false, gLeft: 0, hLeft: 0, nLeft: 0 };
}

/**
 * Scans every feature's histogram for the best split of a node with totals (sumG, sumH, count).
 * `nBins[j]` is the number of non-missing bins of feature j.
 */
export function findBestSplit(hist: Float64Array, nBins: Int32Array, sumG: number, sumH: number, count: number, p: SplitParams): GbdtSplit {
  const best = noSplit();
  const parentLoss = nodeLoss(sumG, sumH, p.l2);
  for (let j = 0; j < nBins.length; j++) {
    const base = j * FEATURE_STRIDE;
    const nb = nBins[j];
    const miss = base + MISSING * STRIDE;
    const nMissing = hist[miss + 2];
    scanLeftToRight(hist, base, nMissing > 0 ? nb : nb - 1, j, sumG, sumH, count, parentLoss, nMissing > 0, p, best);
    if (nMissing > 0) scanRightToLeft(hist, base, nb, j, sumG, sumH, count, parentLoss, p, best);
  }
  return best;
}

function scanLeftToRight(
  hist: Float64Array, base: number, end: number, feature: number,
  sumG: number, sumH: number, count: number, parentLoss: number, hasMissing: boolean, p: SplitParams, best: GbdtSplit,
): void {
  let gL = 0, hL = 0, nL = 0;
  for (let b = 0; b < end; b++) {
    const idx = base + b * STRIDE;
    gL += hist[idx];
    hL += hist[idx + 1];
    nL += hist[idx + 2];
    const nR = count - nL, hR = sumH - hL;
    if (nL < p.minSamplesLeaf) continue;
    if (nR < p.minSamplesLeaf) break;
    if (hL < p.minHessian) continue;
    if (hR < p.minHessian) break;
    const gain = splitGain(gL, hL, sumG - gL, hR, p.l2, parentLoss);
    if (gain > best.gain && gain > p.minGain) {
      best.gain = gain;
      best.feature = feature;
      best.binThreshold = b;
      // Without missing values in training, missing values follow the larger child (sklearn).
      best.missingLeft = !hasMissing && nL >= nR;
      best.gLeft = gL;
      best.hLeft = hL;
      best.nLeft = nL;
    }
  }
}

function scanRightToLeft(
  hist: Float64Array, base: number, nb: number, feature: number,
  sumG: number, sumH: number, count: number, parentLoss: number, p: SplitParams, best: GbdtSplit,
): void {
  let gR = 0, hR = 0, nR = 0;
  for (let b = nb - 2; b >= 0; b--) {
    const idx = base + (b + 1) * STRIDE;
    gR += hist[idx];
    hR += hist[idx + 1];
    nR += hist[idx + 2];
    const nL = count - nR, hL = sumH - hR;
    if (nR < p.minSamplesLeaf) continue;
    if (nL < p.minSamplesLeaf) break;
    if (hR < p.minHessian) continue;
    if (hL < p.minHessian) break;
    const gain = splitGain(sumG - gR, hL, gR, hR, p.l2, parentLoss);
    if (gain > best.gain && gain > p.minGain) {
      best.gain = gain;
      best.feature = feature;
      best.binThreshold = b;
      best.missingLeft = true;
      best.gLeft = sumG - gR;
      best.hLeft = hL;
      best.nLeft = nL;
    }
  }
}
