/**
 * The notebook's training section: the same architecture trained on the nuclei with Adadelta (the
 * seed's optimizer, Zeiler 2012) and with Adam from the same initial weights and the same batch order;
 * the optimizer whose network explains more of the validation set's errors (mean EV, the seed's
 * figure of merit) is kept, and the photon network starts from its weights and is fine-tuned on the
 * photon shards.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import * as path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { Random } from '../../random';
import type { ShardInfo } from '../data/shards';
import type { Normalizer } from '../data/stream';
import { evaluate } from '../evaluate/test-set';
import { compiledNet, type NetOptions, type OptimizerName } from '../model';
import { trainCorrection, type TrainResult } from './correction';
import { meanEV } from './search';

/** The optimizers compared, the seed's first. */
export const OPTIMIZERS: readonly OptimizerName[] = ['adadelta', 'adam'];

/** An architecture without its generator (each network gets its own). */
export type Architecture = Omit<NetOptions, 'rng'>;

/** Options of {@link compareOptimizers}. */
export interface CompareOptions {
  arch: Architecture;
  train: readonly ShardInfo[];
  validation: readonly ShardInfo[];
  norm: Normalizer;
  epochs: number;
  batchSize: number;
  /** seed of the initial weights (the same for every optimizer) and of the batch order */
  seed: number;
  /** a folder for per-epoch checkpoints, one subfolder per optimizer (resumable training, see `./checkpoint.ts`) */
  checkpoint?: string;
}

/** One trained network per optimizer, its validation EV, and the optimizer kept. */
export interface OptimizerComparison {
  runs: Record<OptimizerName, TrainResult>;
  models: Record<OptimizerName, tf.LayersModel>;
  valEV: Record<OptimizerName, Record<string, number>>;
  chosen: OptimizerName;
}

/** The better of two optimizers by mean validation EV; Adam wins a tie. */
export function chooseOptimizer(valEV: Record<OptimizerName, Record<string, number>>): OptimizerName {
  return meanEV(valEV.adam) >= meanEV(valEV.adadelta) ? 'adam' : 'adadelta';
}

/** Trains the architecture with each optimizer and keeps the one with the higher mean validation EV. */
export async function compareOptimizers(o: CompareOptions): Promise<OptimizerComparison> {
  const runs = {} as Record<OptimizerName, TrainResult>;
  const models = {} as Record<OptimizerName, tf.LayersModel>;
  const valEV = {} as Record<OptimizerName, Record<string, number>>;
  for (const opt of OPTIMIZERS) {
    models[opt] = compiledNet({ ...o.arch, rng: new Random(o.seed) }, opt);
    const checkpoint = o.checkpoint === undefined ? {} : { checkpoint: path.join(o.checkpoint, opt) };
    const fitOptions = { epochs: o.epochs, batchSize: o.batchSize, rng: new Random(o.seed + 1), label: opt, ...checkpoint };
    runs[opt] = await trainCorrection(models[opt], { train: o.train, validation: o.validation, norm: o.norm, ...fitOptions });
    valEV[opt] = (await evaluate(models[opt], o.validation, o.norm)).ev;
  }
  return { runs, models, valEV, chosen: chooseOptimizer(valEV) };
}

/** The comparison as table rows: best validation loss, mean and per-target validation EV, throughput, memory. */
export function optimizerRows(c: OptimizerComparison): Record<string, number | string>[] {
  return OPTIMIZERS.map((opt) => ({
    optimizer: opt,
    'best val_loss': bestValLoss(c.runs[opt]),
    'mean val EV': meanEV(c.valEV[opt]),
    ...c.valEV[opt],
    'samples/s': Math.round(c.runs[opt].samplesPerSecond),
    'peak RSS (MiB)': Math.round(c.runs[opt].peakRssMiB),
    'RSS at start (MiB)': Math.round(c.runs[opt].startRssMiB),
  }));
}

/** The lowest finite validation loss of a run (NaN when none is finite). */
export function bestValLoss(run: TrainResult): number {
  const finite = run.history.column('val_loss').filter(Number.isFinite);
  return finite.length > 0 ? Math.min(...finite) : NaN;
}

/** Options of {@link fineTunePhotons}. */
export interface FineTuneOptions {
  arch: Architecture;
  optimizer: OptimizerName;
  train: readonly ShardInfo[];
  validation: readonly ShardInfo[];
  norm: Normalizer;
  epochs: number;
  batchSize: number;
  seed: number;
  /** early-stopping patience on val_loss (default 3) */
  patience?: number;
}

/**
 * The photon network: the nuclei network's architecture and weights, fine-tuned on the photon shards
 * with the same optimizer (fresh accumulators), keeping the weights of its best validation epoch.
 */
export async function fineTunePhotons(nuclei: tf.LayersModel, o: FineTuneOptions): Promise<{ model: tf.LayersModel; run: TrainResult }> {
  const model = compiledNet({ ...o.arch, rng: new Random(o.seed) }, o.optimizer);
  model.setWeights(nuclei.getWeights());
  const run = await trainCorrection(model, {
    train: o.train,
    validation: o.validation,
    norm: o.norm,
    epochs: o.epochs,
    batchSize: o.batchSize,
    rng: new Random(o.seed + 1),
    patience: o.patience ?? 3,
    label: `photons, ${o.optimizer}, fine-tuned`,
  });
  return { model, run };
}

/** The run's scale for the results: training events streamed (nuclei + photons) and the peak resident memory (MB). */
export function runScale(train: readonly (readonly ShardInfo[])[], runs: readonly TrainResult[]): { trainEvents: number; peakRssMb: number } {
  const trainEvents = train.flat().reduce((a, s) => a + s.n, 0);
  const peakRssMb = (Math.max(...runs.map((r) => r.peakRssMiB)) * 1024 * 1024) / 1e6;
  return { trainEvents, peakRssMb };
}
