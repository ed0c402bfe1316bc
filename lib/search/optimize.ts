/**
 * A plain sequential search loop: draw a point with a sampler, evaluate the objective, record it.
 * For objectives that return at once (test functions, cheap fits); the Z′ network search with
 * pruning runs through `lib/zprime/train/search.ts` with the same samplers.
 *
 * Used by the tests of `tpe.ts` (TPE against random search on functions with a known optimum).
 */
import type { Random } from '../random';
import type { Direction, Observation, Sampler } from './sampler';
import type { ParamValues, Space } from './space';

/** The trials of a search and its best one. */
export type SearchRun<S extends Space> = { trials: Observation<S>[]; best: Observation<S>; sampler: string };

/**
 * Runs `nTrials` trials of `objective` with `sampler` (every draw from `rng`); `direction` says
 * whether the objective is minimised (default) or maximised. A non-finite objective value is an error.
 */
export function optimize<S extends Space>(space: S, nTrials: number, objective: (params: ParamValues<S>) => number, opts: { sampler: Sampler; rng: Random; direction?: Direction }): SearchRun<S> {
  if (!(Number.isInteger(nTrials) && nTrials >= 1)) throw new RangeError(`optimize: nTrials must be a positive integer, got ${nTrials}`);
  const sign = opts.direction === 'maximize' ? -1 : 1;
  const trials: Observation<S>[] = [];
  let best: Observation<S> | undefined;
  for (let t = 0; t < nTrials; t++) {
    const params = opts.sampler.sample(space, trials, opts.rng, opts.direction ?? 'minimize');
    const value = objective(params);
    if (!Number.isFinite(value)) throw new RangeError(`optimize: trial ${t} (${JSON.stringify(params)}) gave the non-finite value ${value}`);
    const trial: Observation<S> = { params, value, state: 'complete' };
    trials.push(trial);
    if (!best || sign * value < sign * best.value) best = trial;
  }
  return { trials, best: best!, sampler: opts.sampler.name };
}
