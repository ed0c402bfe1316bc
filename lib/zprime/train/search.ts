/**
 * Hyper-parameter search with early pruning: random search (Bergstra & Bengio 2012, JMLR 13:281) over
 * a space of layer sizes, embedding scale, dropout, learning rate and loss, with optuna's median
 * pruning rule (Akiba et al. 2019, "Optuna", KDD; `MedianPruner`): after a warm-up, a trial stops
 * when its intermediate value at an epoch is worse than the median of the completed trials' values
 * at that epoch. The seed ran optuna once (§3.2.4); here the trials come back as a table.
 *
 * Used by notebook 05-zprime (`searchTabular` runs trials of the tabular network).
 */
import type { Random } from '../../random';
import type { LossName } from '../model/losses';
import { Stopwatch } from '../../timer';

/** The search space. */
export interface SearchSpace {
  /** Candidate hidden-layer widths (one entry = one architecture). */
  layers: readonly (readonly number[])[];
  embeddingScale: readonly number[];
  /** Dropout, uniform in [lo, hi]. */
  dropout: readonly [number, number];
  /** Peak learning rate, log-uniform in [lo, hi]. */
  lrMax: readonly [number, number];
  loss: readonly LossName[];
}

/** One point of the space. */
export interface TrialParams {
  layers: readonly number[];
  embeddingScale: number;
  dropout: number;
  lrMax: number;
  loss: LossName;
}

/** A finished trial. */
export interface Trial {
  id: number;
  params: TrialParams;
  state: 'complete' | 'pruned';
  /** Intermediate values (e.g. validation AUC after each epoch). */
  values: number[];
  /** Final (last reported) value. */
  value: number;
  seconds: number;
}

/** Draws one point of the space. */
export function sampleParams(space: SearchSpace, rng: Random): TrialParams {
  const [lo, hi] = space.lrMax;
  return {
    layers: rng.choice(space.layers),
    embeddingScale: rng.choice(space.embeddingScale),
    dropout: rng.uniform(space.dropout[0], space.dropout[1]),
    lrMax: Math.exp(rng.uniform(Math.log(lo), Math.log(hi))),
    loss: rng.choice(space.loss),
  };
}

/** Proposes the next trial's parameters from the finished trials (default: {@link sampleParams}; TPE: `tpe-search.ts`). */
export type TrialSampler = (space: SearchSpace, finished: readonly Trial[], rng: Random) => TrialParams;

/** optuna's median rule, for a value to maximise. */
export class MedianPruner {
  constructor(
    /** Epochs before pruning may start (optuna n_warmup_steps; default 1). */
    readonly warmupEpochs = 1,
    /** Completed trials needed before pruning (optuna n_startup_trials; default 2). */
    readonly startupTrials = 2,
  ) {}

  /** Whether a trial with `value` at 0-based `epoch` should stop, given the completed trials. */
  shouldPrune(epoch: number, value: number, completed: readonly Trial[]): boolean {
    if (epoch < this.warmupEpochs || completed.length < this.startupTrials) return false;
    const at = completed.map((t) => t.values[Math.min(epoch, t.values.length - 1)]).sort((a, b) => a - b);
    const m = at.length;
    const median = m % 2 ? at[(m - 1) / 2] : (at[m / 2 - 1] + at[m / 2]) / 2;
    return value < median;
  }
}

/** Options of {@link randomSearch}. */
export interface SearchOptions {
  rng: Random;
  pruner?: MedianPruner;
  /** Called after every trial, replayed ones included (e.g. to save the trials so far). */
  onTrial?: (t: Trial) => void;
  sampler?: TrialSampler;
  /**
   * The finished trials of an earlier run of the same search (same space, sampler, `rng` seed and
   * objective) that stopped: they are replayed, not trained — the sampler draws their parameters
   * again, which must equal the stored ones — and the search goes on from the first missing trial.
   */
  resume?: readonly Trial[];
}

/**
 * Runs `nTrials` random-search trials (or trials proposed by `opts.sampler`, e.g. TPE). `objective(params, report)` trains a model, calls
 * `report(epoch, value)` after each epoch and stops when it returns true (pruned); it returns the
 * final value. Trials run one after the other; the order and the draws depend only on `rng`.
 */
export async function randomSearch(
  space: SearchSpace,
  nTrials: number,
  objective: (params: TrialParams, report: (epoch: number, value: number) => boolean, trialRng: Random) => Promise<number>,
  opts: SearchOptions,
): Promise<Trial[]> {
  const pruner = opts.pruner ?? new MedianPruner();
  const trials: Trial[] = [];
  for (let id = 0; id < nTrials; id++) {
    const params = opts.sampler ? opts.sampler(space, trials, opts.rng) : sampleParams(space, opts.rng);
    const earlier = opts.resume?.[id];
    if (earlier) {
      trials.push(replayed(earlier, id, params));
      opts.onTrial?.(earlier);
      continue;
    }
    const values: number[] = [];
    let pruned = false;
    const clock = new Stopwatch();
    const report = (epoch: number, value: number): boolean => {
      values[epoch] = value;
      pruned = pruner.shouldPrune(epoch, value, trials.filter((t) => t.state === 'complete'));
      return pruned;
    };
    const value = await objective(params, report, opts.rng.fork(`trial ${id}`));
    const trial: Trial = { id, params, state: pruned ? 'pruned' : 'complete', values, value, seconds: clock.seconds() };
    trials.push(trial);
    opts.onTrial?.(trial);
  }
  return trials;
}

/** A stored trial, checked against the parameters this run draws for trial `id`. */
function replayed(earlier: Trial, id: number, params: TrialParams): Trial {
  if (earlier.id !== id || JSON.stringify(earlier.params) !== JSON.stringify(params)) {
    throw new Error(
      `search resume: stored trial ${earlier.id} has ${JSON.stringify(earlier.params)} but this run draws ${JSON.stringify(params)} for trial ${id}: ` +
        'not the same search (space, sampler, seed); delete its checkpoint',
    );
  }
  return earlier;
}

/** The trials as table columns (for `showTable`), best completed first. */
export function trialsTable(trials: readonly Trial[]): Record<string, (string | number)[]> {
  const sorted = [...trials].sort((a, b) => (a.state === b.state ? b.value - a.value : a.state === 'complete' ? -1 : 1));
  return {
    trial: sorted.map((t) => t.id),
    state: sorted.map((t) => t.state),
    'val AUC': sorted.map((t) => t.value),
    epochs: sorted.map((t) => t.values.length),
    layers: sorted.map((t) => t.params.layers.join('/')),
    'emb scale': sorted.map((t) => t.params.embeddingScale),
    dropout: sorted.map((t) => t.params.dropout),
    'lr max': sorted.map((t) => t.params.lrMax),
    loss: sorted.map((t) => t.params.loss),
    seconds: sorted.map((t) => t.seconds),
  };
}
