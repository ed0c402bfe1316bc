/**
 * A small random search over the correction network's depth, width and regularisation (the seed
 * tuned its architecture with hyperopt; random search is the simpler baseline of Bergstra & Bengio
 * 2012, JMLR 13, 281): each trial trains a few epochs from the streamed shards and is scored by the
 * seed's figure of merit, the explained variance on the validation set (mean over the targets; the
 * loss would favour whichever target has the largest spread). Trial 0 is the hand-picked default
 * architecture. Returns the trials' table.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import { Random } from '../../random';
import { fit } from '../../train/fit';
import { evaluate } from '../evaluate/test-set';
import { compiledNet, type NetOptions } from '../model';
import { shardSource, type Normalizer } from '../data/stream';
import type { ShardInfo } from '../data/shards';
import { Stopwatch } from '../../timer';

/** The searched hyperparameters. */
export interface Trial {
  conv1d: number[];
  conv2d: number[];
  dense: number[];
  l2: number;
  dropout: number;
}

/** The default architecture of `model.ts`, tried first. */
export const DEFAULT_TRIAL: Trial = { conv1d: [8, 16], conv2d: [32], dense: [64, 32], l2: 1e-5, dropout: 0.1 };

/** Draws one trial: conv1d depth 1–2 of width 4–16, 0–2 grid convolutions of 16–32, dense 32–96, L2 10^-6–10^-3, dropout 0–0.3. */
export function drawTrial(rng: Random): Trial {
  const w1 = rng.choice([4, 8, 16]);
  const conv1d = rng.random() < 0.5 ? [w1] : [w1, 2 * w1];
  const w2 = rng.choice([16, 32]);
  const conv2d = Array.from({ length: rng.integer(0, 3) }, () => w2);
  const width = rng.choice([32, 64, 96]);
  return { conv1d, conv2d, dense: [width, Math.max(16, width / 2)], l2: Math.pow(10, rng.uniform(-6, -3)), dropout: rng.choice([0, 0.1, 0.2, 0.3]) };
}

/** Options of {@link randomSearch}. */
export interface SearchOptions {
  train: readonly ShardInfo[];
  validation: readonly ShardInfo[];
  norm: Normalizer;
  trials: number;
  epochs: number;
  batchSize: number;
  rng: Random;
}

/** One row of the search's table. */
export type TrialResult = Trial & { params: number; valLoss: number; valEV: number; seconds: number };

/** Runs the search; rows sorted by mean validation EV (best first). */
export async function randomSearch(opts: SearchOptions): Promise<TrialResult[]> {
  const { N, T } = opts.train[0];
  const rows: TrialResult[] = [];
  for (let k = 0; k < opts.trials; k++) {
    const trial = k === 0 ? DEFAULT_TRIAL : drawTrial(opts.rng.fork(`trial ${k}`));
    const net: NetOptions = { N, T, ...trial, rng: opts.rng.fork(`init ${k}`) };
    const model = compiledNet(net, 'adam');
    const clock = new Stopwatch();
    const history = await fit(
      model,
      {
        train: shardSource({ shards: opts.train, norm: opts.norm, batchSize: opts.batchSize }),
        validation: shardSource({ shards: opts.validation, norm: opts.norm, batchSize: 256, shuffle: false }),
      },
      { epochs: opts.epochs, rng: opts.rng.fork(`fit ${k}`), progress: 'none' },
    );
    const valLoss = Math.min(...history.column('val_loss').filter(Number.isFinite));
    const valEV = meanEV((await evaluate(model, opts.validation, opts.norm)).ev);
    rows.push({ ...trial, l2: Number(trial.l2.toPrecision(2)), params: model.countParams(), valLoss: Number(valLoss.toPrecision(4)), valEV: Number(valEV.toPrecision(3)), seconds: Number((clock.seconds()).toFixed(1)) });
    model.dispose();
  }
  return rows.sort((a, b) => b.valEV - a.valEV);
}

/** Mean of the EVs of the targets (NaN counts as −∞ so that a diverged model never wins). */
export function meanEV(ev: Record<string, number>): number {
  const values = Object.values(ev);
  return values.some((v) => !Number.isFinite(v)) ? -Infinity : values.reduce((a, v) => a + v, 0) / values.length;
}
