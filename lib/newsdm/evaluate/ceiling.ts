/**
 * The best accuracy any classifier can reach on a simulated set (a Bayes ceiling), from the
 * generator's own truth. Clusters that the simulator draws from one and the same distribution
 * whatever their label — a single silver grain, whether a one-grain C-ion track, fog contaminating
 * the signal sample, or a fog grain of the background — cannot be told apart by any classifier: the
 * best it can do is call the whole group by its majority label, and it then gets the minority of the
 * group wrong. Every other cluster is counted as separable, so the ceiling is an upper bound:
 *
 *   ceiling = 1 − Σ_groups min(signal in group, background in group) / all clusters.
 *
 * Used by `notebooks/01-newsdm.ipynb` (recorded as `accuracy_ceiling`).
 */
import type { ClusterSet } from '../data/datasets';

/** The ceiling and the counts behind it. */
export interface AccuracyCeiling {
  /** best achievable accuracy, in [0, 1] */
  accuracyCeiling: number;
  /** clusters in the indistinguishable group with the signal label, and with the background label */
  indistinguishableSignal: number;
  indistinguishableBackground: number;
  /** fraction of signal-labelled clusters that are in the group */
  indistinguishableSignalFraction: number;
}

/**
 * The Bayes ceiling of binary labels `labels` (1 = signal) when the clusters for which `inGroup(i)`
 * holds share one distribution and all others are separable.
 */
export function bayesCeiling(labels: ArrayLike<number>, inGroup: (i: number) => boolean): AccuracyCeiling {
  let signal = 0, background = 0, allSignal = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`bayesCeiling: label ${labels[i]} of cluster ${i} is not 0 or 1`);
    allSignal += labels[i];
    if (!inGroup(i)) continue;
    if (labels[i] === 1) signal++;
    else background++;
  }
  if (labels.length === 0) throw new Error('bayesCeiling: no clusters');
  return {
    accuracyCeiling: 1 - Math.min(signal, background) / labels.length,
    indistinguishableSignal: signal,
    indistinguishableBackground: background,
    indistinguishableSignalFraction: allSignal > 0 ? signal / allSignal : 0,
  };
}

/**
 * The ceiling of a simulated binary set: its single-grain clusters (one silver grain, drawn alike
 * for one-grain tracks and fog) form the indistinguishable group. Dust (no anisotropy, many
 * sub-blobs, never one) and every track of two or more grains count as separable.
 */
export function accuracyCeiling(set: ClusterSet): AccuracyCeiling {
  if (set.labelNames.length !== 2) throw new Error(`accuracyCeiling: needs a binary set, got labels ${set.labelNames.join(', ')}`);
  return bayesCeiling(set.labels, (i) => set.nGrains[i] === 1);
}
