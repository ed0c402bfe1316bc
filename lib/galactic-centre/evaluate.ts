/**
 * Evaluation of the dark-matter classifiers: accuracy and AUC per DM amplitude step (the
 * sensitivity curve), computed for DM maps of one step against all maps without DM.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import { accuracy } from '../metrics/classification';
import { rocAuc } from '../metrics/roc';

/** One point of the sensitivity curve. */
export interface SensitivityPoint {
  step: number;
  /** expected DM counts at this step */
  dmCounts: number;
  /** accuracy on the DM maps of this step and all no-DM maps (threshold 0.5) */
  accuracy: number;
  /** AUC of this step's DM maps against all no-DM maps */
  auc: number;
  /** fraction of this step's DM maps classified as DM */
  efficiency: number;
}

/**
 * Sensitivity per step: `score` [n] in [0, 1], `label` 0/1, `step` of each map, `dmCounts` of each map.
 */
export function sensitivityCurve(score: ArrayLike<number>, label: ArrayLike<number>, step: ArrayLike<number>, dmCounts: ArrayLike<number>): SensitivityPoint[] {
  const steps = [...new Set(Array.from(step))].sort((a, b) => a - b);
  const none: number[] = [];
  for (let i = 0; i < label.length; i++) if (label[i] === 0) none.push(i);
  return steps.map((s) => {
    const dm: number[] = [];
    for (let i = 0; i < label.length; i++) if (label[i] === 1 && step[i] === s) dm.push(i);
    const idx = [...dm, ...none];
    const y = idx.map((i) => label[i]);
    const sc = idx.map((i) => score[i]);
    return {
      step: s,
      dmCounts: dm.length ? dmCounts[dm[0]] : 0,
      accuracy: accuracy(y, sc.map((v) => (v >= 0.5 ? 1 : 0))),
      auc: dm.length && none.length ? rocAuc(y, sc) : NaN,
      efficiency: dm.length ? dm.filter((i) => score[i] >= 0.5).length / dm.length : NaN,
    };
  });
}
