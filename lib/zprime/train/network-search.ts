/**
 * The hyper-parameter search of notebook 05-zprime: tabular networks over widths, depth, embedding
 * scale, dropout, peak learning rate and loss, each trial trained on the first `searchRows` training
 * events and judged by its validation ROC AUC after every epoch, with optuna's median pruning
 * (`search.ts`). The trials are proposed by random search or by TPE (`tpe-search.ts`, optuna's
 * default sampler, which the seed used in §3.2.4).
 *
 * Used by notebook 05-zprime.
 */
import { rocAuc } from '../../metrics';
import type { Random } from '../../random';
import { firstRows, type Split } from '../data/dataset';
import type { Checkpoints } from './checkpoint';
import { CATEGORICAL_FEATURES, CONTINUOUS_FEATURES, fitStandardizer, type FeatureSet } from '../data/features';
import { TabularNet, trainTabular } from '../model/tabular';
import { MedianPruner, randomSearch, type SearchSpace, type Trial, type TrialParams } from './search';
import type { ZprimeSettings } from './settings';
import { tpeSearch } from './tpe-search';
import { signalShare } from './variants';

/** The space searched in `smoke` and `default`. */
export const SEARCH_SPACE: SearchSpace = {
  layers: [[64], [128, 64], [200, 100], [256, 128, 64], [400, 200, 100]],
  embeddingScale: [0.5, 1, 2],
  dropout: [0, 0.4],
  lrMax: [3e-4, 3e-2],
  loss: ['crossEntropy', 'focal', 'labelSmoothing'],
};

/** The seed's best network from its optuna run (§3.2.4): layers 800/1000/1200, embedding size 0.1. */
export const SEED_LAYERS: readonly number[] = [800, 1000, 1200];
export const SEED_EMBEDDING_SCALE = 0.1;

/** The space of a run: `SEARCH_SPACE`, plus the seed's 800/1000/1200 and embedding 0.1 when `s.seedNetwork` (`full`). */
export function searchSpace(s: { seedNetwork: boolean }): SearchSpace {
  if (!s.seedNetwork) return SEARCH_SPACE;
  return { ...SEARCH_SPACE, layers: [...SEARCH_SPACE.layers, SEED_LAYERS], embeddingScale: [SEED_EMBEDDING_SCALE, ...SEARCH_SPACE.embeddingScale] };
}

/** How the trials are proposed. */
export type SamplerName = 'random' | 'tpe';

/** One search: its sampler and its trials in the order they ran. */
export interface SearchRun {
  sampler: SamplerName;
  trials: Trial[];
}

/**
 * The objective of one trial: builds the trial's network on `train` (standardisation and class
 * prior from `train`), trains it for `epochs`, reports the validation AUC after each epoch to the
 * pruner and returns the last one.
 */
export function validationAucObjective(train: FeatureSet, validation: FeatureSet, s: { trialEpochs: number; batch: number }) {
  const normalization = fitStandardizer(train.cont, CONTINUOUS_FEATURES.length);
  const priorProbability = signalShare(train.label);
  const levels = CATEGORICAL_FEATURES.map((c) => c.levels);
  return async (p: TrialParams, report: (epoch: number, value: number) => boolean, r: Random): Promise<number> => {
    const net = new TabularNet({
      nContinuous: CONTINUOUS_FEATURES.length, categoryLevels: levels, layers: p.layers, embeddingScale: p.embeddingScale,
      dropout: p.dropout, rng: r, normalization, priorProbability,
    });
    let auc = NaN;
    const onEpochEnd = (row: { epoch: number }) => {
      auc = rocAuc(validation.label, net.predictProba(validation.cont, validation.cat));
      return report(row.epoch - 1, auc);
    };
    await trainTabular(net, { cont: train.cont, cat: train.cat, y: train.label }, {
      epochs: s.trialEpochs, batchSize: s.batch, lrMax: p.lrMax, loss: p.loss, rng: r.fork('fit'), progress: 'none', callbacks: { onEpochEnd },
    });
    net.dispose();
    return auc;
  };
}

/**
 * Runs `s.trials` trials proposed by `sampler` on the first `s.searchRows` training events, with
 * median pruning after the first epoch once two trials have completed (optuna's `MedianPruner(n_warmup_steps=1, n_startup_trials=2)`).
 * With `opts.checkpoints` on, the finished trials are saved after each one (step `search-<sampler>-trials`)
 * and a rerun replays them and goes on from the next trial. `opts.space` defaults to the profile's `searchSpace(s)`.
 */
export async function searchNetworks(
  split: Split, s: ZprimeSettings, sampler: SamplerName, rng: Random, opts: { space?: SearchSpace; checkpoints?: Checkpoints } = {},
): Promise<SearchRun> {
  const objective = validationAucObjective(firstRows(split.train, s.searchRows), split.validation, s);
  const step = `search-${sampler}-trials`;
  const done: Trial[] = [];
  const common = {
    rng, pruner: new MedianPruner(1, 2), resume: opts.checkpoints?.partial<Trial>(step),
    onTrial: (t: Trial) => (done.push(t), opts.checkpoints?.savePartial(step, done)),
  };
  const space = opts.space ?? searchSpace(s);
  const trials = sampler === 'tpe'
    ? await tpeSearch(space, s.trials, objective, { ...common, tpe: { nStartup: s.tpeStartup } })
    : await randomSearch(space, s.trials, objective, common);
  return { sampler, trials };
}

/** The best value among the completed trials (NaN when none completed). */
export function bestTrialValue(trials: readonly Trial[]): number {
  const complete = trials.filter((t) => t.state === 'complete' && Number.isFinite(t.value)).map((t) => t.value);
  return complete.length ? Math.max(...complete) : NaN;
}

/** Best completed value after each trial, in the order the trials ran (NaN until a trial completes; pruned trials do not count). */
export function bestSoFar(trials: readonly Trial[]): number[] {
  let best = -Infinity;
  return trials.map((t) => {
    if (t.state === 'complete' && Number.isFinite(t.value)) best = Math.max(best, t.value);
    return best === -Infinity ? NaN : best;
  });
}

/** The best validation AUC of the random and of the TPE search of a run (as `paper.ts` records them); an error when one is missing. */
export function searchBests(runs: readonly SearchRun[]): { randomBestAuc: number; tpeBestAuc: number } {
  const best = (sampler: SamplerName) => {
    const run = runs.find((r) => r.sampler === sampler);
    if (!run) throw new Error(`searchBests: no ${sampler} search among the runs (${runs.map((r) => r.sampler).join(', ') || 'none'})`);
    return bestTrialValue(run.trials);
  };
  return { randomBestAuc: best('random'), tpeBestAuc: best('tpe') };
}

/** One row per search: sampler, trials, completed, pruned, best validation AUC and its network, seconds. */
export function searchSummary(runs: readonly SearchRun[]): Record<string, string | number>[] {
  return runs.map((r) => {
    const complete = r.trials.filter((t) => t.state === 'complete');
    const best = complete.find((t) => t.value === bestTrialValue(r.trials));
    return {
      sampler: r.sampler === 'tpe' ? 'TPE' : 'random', trials: r.trials.length, completed: complete.length, pruned: r.trials.length - complete.length,
      'best val AUC': bestTrialValue(r.trials), 'best layers': best ? best.params.layers.join('/') : '—',
      'best emb scale': best ? best.params.embeddingScale : NaN, seconds: +r.trials.reduce((a, t) => a + t.seconds, 0).toFixed(1),
    };
  });
}
