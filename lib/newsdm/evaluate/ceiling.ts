/**
 * The best accuracy any classifier can reach on a simulated set (a Bayes ceiling), from the
 * generator's own truth. Clusters that the simulator draws from one and the same distribution
 * whatever their label cannot be told apart by any classifier: the best it can do is call each such
 * group by its majority label, and it then gets the group's minority wrong. The groups of a binary set:
 * every single-grain cluster (a fog grain, or a one-grain C-ion cluster where the set keeps them), and
 * each background class (gamma, dust, fog) — the background that contaminates the signal sample is drawn
 * exactly like the background sample's. Every other cluster is counted as separable, so the ceiling is
 * an upper bound:
 *
 *   ceiling = 1 − Σ_groups min(signal in group, background in group) / all clusters.
 *
 * Used by `notebooks/01-newsdm.ipynb` (recorded as `accuracy_ceiling`).
 */
import type { ClusterSet } from '../data/datasets';
import { CLASS_NAMES, IS_SIGNAL } from '../data/physics';

/** The ceiling and the counts behind it. */
export interface AccuracyCeiling {
  /** best achievable accuracy, in [0, 1] */
  accuracyCeiling: number;
  /** clusters in the indistinguishable groups with the signal label, and with the background label */
  indistinguishableSignal: number;
  indistinguishableBackground: number;
  /** fraction of signal-labelled clusters that are in a group */
  indistinguishableSignalFraction: number;
  /** clusters lost by the best classifier: Σ_groups min(signal, background) */
  unavoidableErrors: number;
}

/**
 * The Bayes ceiling of binary labels `labels` (1 = signal) when the clusters of each group
 * `groupOf(i)` (null: separable) share one distribution.
 */
export function bayesCeilingOfGroups(labels: ArrayLike<number>, groupOf: (i: number) => string | null): AccuracyCeiling {
  if (labels.length === 0) throw new Error('bayesCeiling: no clusters');
  const groups = new Map<string, [number, number]>();
  let allSignal = 0, signal = 0, background = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`bayesCeiling: label ${labels[i]} of cluster ${i} is not 0 or 1`);
    allSignal += labels[i];
    const g = groupOf(i);
    if (g === null) continue;
    const counts = groups.get(g) ?? [0, 0];
    counts[labels[i]]++;
    groups.set(g, counts);
    if (labels[i] === 1) signal++;
    else background++;
  }
  let errors = 0;
  for (const [bg, sig] of groups.values()) errors += Math.min(bg, sig);
  return {
    accuracyCeiling: 1 - errors / labels.length,
    indistinguishableSignal: signal,
    indistinguishableBackground: background,
    indistinguishableSignalFraction: allSignal > 0 ? signal / allSignal : 0,
    unavoidableErrors: errors,
  };
}

/** The Bayes ceiling when the clusters for which `inGroup(i)` holds form one group and all others are separable. */
export function bayesCeiling(labels: ArrayLike<number>, inGroup: (i: number) => boolean): AccuracyCeiling {
  return bayesCeilingOfGroups(labels, (i) => (inGroup(i) ? 'alike' : null));
}

/**
 * The ceiling of a simulated binary set: its groups are the single-grain clusters, and each background
 * class's clusters of two or more grains; C-ion tracks of two or more grains count as separable.
 */
export function accuracyCeiling(set: ClusterSet): AccuracyCeiling {
  if (set.labelNames.length !== 2) throw new Error(`accuracyCeiling: needs a binary set, got labels ${set.labelNames.join(', ')}`);
  return bayesCeilingOfGroups(set.labels, (i) => {
    if (set.nGrains[i] === 1) return 'single grain';
    const cls = set.trueClass[i];
    if (cls < 0) throw new Error(`accuracyCeiling: cluster ${i} has no true class (real scans have no ceiling)`);
    return IS_SIGNAL[cls] ? null : CLASS_NAMES[cls];
  });
}
