/**
 * Evaluation of the dark-matter classifiers: accuracy and AUC per DM amplitude step (the
 * sensitivity curve), computed for DM maps of one step against all maps without DM.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import * as aq from 'arquero';
import { accuracy } from '../../metrics/classification';
import { rocAuc } from '../../metrics/roc';

const { op } = aq;

/** One point of the sensitivity curve. */
export interface SensitivityPoint {
  step: number;
  /** the DM visibility z = S/√B of this step (`data/ramp.ts`) */
  z: number;
  /** accuracy on the DM maps of this step and all no-DM maps (threshold 0.5) */
  accuracy: number;
  /** AUC of this step's DM maps against all no-DM maps */
  auc: number;
  /** fraction of this step's DM maps classified as DM */
  efficiency: number;
}

/**
 * Sensitivity per step: `score` [n] in [0, 1], `label` 0/1, `step` of each map, `z` (DM visibility) of each map.
 * Every step found among the maps gives a point (NaN AUC and efficiency when it has no DM maps): an
 * arquero `groupby('step')` of the DM maps, left-joined to the steps, each scored against all no-DM maps.
 */
export function sensitivityCurve(score: ArrayLike<number>, label: ArrayLike<number>, step: ArrayLike<number>, z: ArrayLike<number>): SensitivityPoint[] {
  const maps = aq.table({ score: Float64Array.from(score), label: Float64Array.from(label), step: Float64Array.from(step), z: Float64Array.from(z) });
  const noneScores = Array.from(maps.filter((d: { label: number }) => d.label === 0).array('score') as ArrayLike<number>);
  const dmByStep = maps
    .filter((d: { label: number }) => d.label === 1)
    .groupby('step')
    .rollup({ z: op.min('z'), scores: op.array_agg('score') });
  const steps = maps.select('step').dedupe().join_left(dmByStep, 'step').orderby('step');
  return steps.objects().map((row) => {
    const r = row as { step: number; z?: number; scores?: number[] };
    const dm = r.scores ?? [];
    const y = [...dm.map(() => 1), ...noneScores.map(() => 0)];
    const sc = [...dm, ...noneScores];
    return {
      step: r.step,
      z: r.z ?? 0,
      accuracy: accuracy(y, sc.map((v) => (v >= 0.5 ? 1 : 0))),
      auc: dm.length && noneScores.length ? rocAuc(y, sc) : NaN,
      efficiency: dm.length ? dm.filter((v) => v >= 0.5).length / dm.length : NaN,
    };
  });
}
