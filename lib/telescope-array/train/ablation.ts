/**
 * The time-resolution ablation (issue 17): the same architecture, events, epochs and seeds, once
 * with the 20 ns bins pooled into 80 ns ones before the time convolutions (the cheap setting) and
 * once at the full 20 ns resolution of the traces, which keeps the muon spikes and rise times that
 * the seed's network reads. Scored by the explained variance on the validation set.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import { Random } from '../../random';
import type { ShardInfo } from '../data/shards';
import type { Normalizer } from '../data/stream';
import { BIN_NS } from '../data/detector';
import { evaluate } from '../evaluate/test-set';
import { compiledNet } from '../model';
import { trainCorrection } from './correction';
import type { Architecture } from './optimizers';
import { meanEV } from './search';

/** Options of {@link timeResolutionAblation}. */
export interface AblationOptions {
  arch: Architecture;
  /** the time poolings compared (default [4, 1]: 80 ns against 20 ns) */
  pools?: readonly number[];
  train: readonly ShardInfo[];
  validation: readonly ShardInfo[];
  norm: Normalizer;
  epochs: number;
  batchSize: number;
  seed: number;
}

/** One variant of the ablation. */
export type AblationRow = {
  'bin (ns)': number;
  timePool: number;
  weights: number;
  'mean val EV': number;
  dNx: number;
  dNy: number;
  dLog10E: number;
  'samples/s': number;
  seconds: number;
};

/** Trains and scores one network per time pooling, from the same seeds (Adam, as in the search). */
export async function timeResolutionAblation(o: AblationOptions): Promise<AblationRow[]> {
  const rows: AblationRow[] = [];
  for (const timePool of o.pools ?? [4, 1]) {
    const model = compiledNet({ ...o.arch, timePool, rng: new Random(o.seed) }, 'adam');
    const options = { epochs: o.epochs, batchSize: o.batchSize, rng: new Random(o.seed + 1), label: `${timePool * BIN_NS} ns`, progress: 'none' as const };
    const run = await trainCorrection(model, { train: o.train, validation: o.validation, norm: o.norm, ...options });
    const ev = (await evaluate(model, o.validation, o.norm)).ev;
    const events = o.train.reduce((a, s) => a + s.n, 0) * run.history.length;
    rows.push({
      'bin (ns)': timePool * BIN_NS,
      timePool,
      weights: model.countParams(),
      'mean val EV': meanEV(ev),
      dNx: ev.dNx,
      dNy: ev.dNy,
      dLog10E: ev.dLog10E,
      'samples/s': Math.round(run.samplesPerSecond),
      seconds: Number((events / run.samplesPerSecond).toFixed(1)),
    });
    model.dispose();
  }
  return rows;
}
