/**
 * What a hyper-parameter sampler sees and returns: the finished trials (their parameters, value
 * and whether they were pruned) → the next point of the space. Random search (Bergstra & Bengio
 * 2012, JMLR 13:281) and TPE (`tpe.ts`) share this interface, so a search loop can take either.
 *
 * Used by `tpe.ts`, `optimize.ts` and `lib/zprime/train/tpe-search.ts`.
 */
import type { Random } from '../random';
import { sampleSpace, type ParamValues, type Space } from './space';

/** A finished trial as the sampler sees it. `value` of a pruned trial is its last reported value. */
export type Observation<S extends Space> = { params: ParamValues<S>; value: number; state: 'complete' | 'pruned' };

/** Whether the search looks for the smallest or the largest value (optuna's study direction). */
export type Direction = 'minimize' | 'maximize';

/** Proposes the next point given the history and the search's direction, drawing only from `rng`. */
export interface Sampler {
  readonly name: string;
  sample<S extends Space>(space: S, history: readonly Observation<S>[], rng: Random, direction: Direction): ParamValues<S>;
}

/** Uniform random search: ignores the history. */
export const randomSampler: Sampler = {
  name: 'random',
  sample: (space, _history, rng) => sampleSpace(space, rng),
};
