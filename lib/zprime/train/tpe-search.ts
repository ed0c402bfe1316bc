/**
 * TPE for the Z′ network search: the seed searched with optuna (§3.2.4), whose default sampler is
 * TPE (`lib/search/tpe.ts`). This maps the Z′ `SearchSpace` onto the generic space (architectures,
 * embedding scales and losses categorical, dropout uniform, peak learning rate log-uniform) and
 * gives `randomSearch` a TPE sampler, so the trials keep optuna's median pruning; pruned trials
 * count as "bad" for TPE.
 *
 * Used by notebook 05-zprime through `network-search.ts` (`searchNetworks(…, 'tpe', …)` beside the random search).
 */
import type { Random } from '../../random';
import { categorical, logUniform, uniform } from '../../search/space';
import { tpeSampler, type TpeOptions } from '../../search/tpe';
import { randomSearch, type SearchOptions, type SearchSpace, type Trial, type TrialParams, type TrialSampler } from './search';

/** The Z′ space as a generic search space. */
export function genericSpace(space: SearchSpace) {
  return {
    layers: categorical(space.layers),
    embeddingScale: categorical(space.embeddingScale),
    dropout: uniform(space.dropout[0], space.dropout[1]),
    lrMax: logUniform(space.lrMax[0], space.lrMax[1]),
    loss: categorical(space.loss),
  };
}

/** A `randomSearch` sampler proposing trials by TPE, maximising the trials' value (e.g. validation AUC). */
export function tpeTrialSampler(options: TpeOptions = {}): TrialSampler {
  const tpe = tpeSampler(options);
  return (space: SearchSpace, finished: readonly Trial[], rng: Random): TrialParams => {
    const history = finished.map((t) => ({ params: t.params, value: t.value, state: t.state }));
    return tpe.sample(genericSpace(space), history, rng, 'maximize');
  };
}

/** `randomSearch` with TPE proposing the trials (same objective, pruning and trial table). */
export function tpeSearch(
  space: SearchSpace,
  nTrials: number,
  objective: Parameters<typeof randomSearch>[2],
  opts: Omit<SearchOptions, 'sampler'> & { tpe?: TpeOptions },
): Promise<Trial[]> {
  return randomSearch(space, nTrials, objective, { ...opts, sampler: tpeTrialSampler(opts.tpe) });
}
