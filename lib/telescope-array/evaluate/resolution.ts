/**
 * The resolution figures of the standard and corrected reconstructions that the notebook tables and
 * records: 68 % containment angle, ΔE/E bias and σ, σ/(1 + bias) and σ(Δlog10 E). One estimator
 * throughout, `lib/stats`: the mean, the sample standard deviation with Bessel's correction (n − 1)
 * and the linearly interpolated quantile (the binned curves of `./analysis.ts` use the same through
 * arquero's `stdev` and `quantile`).
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import { meanStd, quantile } from '../../stats';
import { readSummaries, type ShardInfo } from '../data/shards';
import { TARGETS } from '../data/event';
import type { Resolution, SetNumbers } from '../paper';
import { reconstructionErrors, type Errors } from './analysis';
import type { Evaluation } from './test-set';

const K = TARGETS.length;
const LOG10E = TARGETS.indexOf('dLog10E');

/** The two reconstructions compared. */
export type Stage = 'standard' | 'corrected';

/**
 * Resolution figures of one reconstruction from its per-event errors and its residual log-energy
 * errors Δlog10 E = log10 E_true − log10 E_rec. σ/(1 + bias) is the spread of E_rec/E_true relative to
 * its mean: an energy scaled down by 1 + bias has its spread scaled down too, so only this ratio
 * compares resolutions at different energy scales.
 */
export function resolutionOf(errors: Errors, dLog10E: ArrayLike<number>): Resolution {
  const { mean: biasE, std: sigmaE } = meanStd(errors.dEOverE);
  return { angle68: quantile(errors.angleDeg, 0.68), biasE, sigmaE, relSigmaE: sigmaE / (1 + biasE), sigmaLogE: meanStd(dLog10E).std };
}

/** The residual log10-energy errors of a stage: the target (truth − standard), minus the prediction when corrected. */
export function residualLog10E(e: Pick<Evaluation, 'n' | 'targets' | 'pred'>, stage: Stage): Float64Array {
  return Float64Array.from({ length: e.n }, (_, i) => e.targets[K * i + LOG10E] - (stage === 'corrected' ? e.pred[K * i + LOG10E] : 0));
}

/** The resolution figures of one stage of an evaluated test set. */
export function stageResolution(e: Evaluation, stage: Stage): Resolution {
  return resolutionOf(e[stage], residualLog10E(e, stage));
}

/** EV per target and both stages' resolutions: what `telescopeArrayResults` records for one set. */
export function setNumbers(e: Evaluation): SetNumbers {
  return { ev: e.ev, standard: stageResolution(e, 'standard'), corrected: stageResolution(e, 'corrected') };
}

/** "standard → corrected" of one figure, for generated sentences (4 decimals for σ(Δlog10 E), else 3). */
export function resolutionChange(e: Evaluation, key: keyof Resolution): string {
  const digits = key === 'sigmaLogE' ? 4 : 3;
  return `${stageResolution(e, 'standard')[key].toFixed(digits)} → ${stageResolution(e, 'corrected')[key].toFixed(digits)}`;
}

/** One row of the baseline table: the standard reconstruction's resolution on one test set. */
export type BaselineRow = {
  set: string;
  events: number;
  'angle 68% (deg)': number;
  'ΔE/E bias': number;
  'ΔE/E σ': number;
};

/** The standard reconstruction alone on test sets (read from their shards' summaries, no network). */
export async function baselineResolution(sets: Record<string, readonly ShardInfo[]>): Promise<BaselineRow[]> {
  const rows: BaselineRow[] = [];
  for (const [set, shards] of Object.entries(sets)) {
    const s = await readSummaries(shards);
    const r = resolutionOf(reconstructionErrors(s.standard, s.truth), residualLog10E({ n: s.n, targets: s.targets, pred: new Float32Array(0) }, 'standard'));
    rows.push({ set, events: s.n, 'angle 68% (deg)': r.angle68, 'ΔE/E bias': r.biasE, 'ΔE/E σ': r.sigmaE });
  }
  return rows;
}
