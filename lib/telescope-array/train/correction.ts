/**
 * Training the correction network from the streamed shards with `lib/train`'s `fit`, recording the
 * stream's throughput and the process's peak resident memory (to show that streaming keeps memory
 * flat however many events there are).
 *
 * Used by notebooks/02-telescope-array.ipynb and bench/telescope-array.ts.
 */
import type * as tf from '@tensorflow/tfjs';
import { Random } from '../../random';
import { fit } from '../../train/fit';
import { History } from '../../train/history';
import { loadCheckpoint, saveCheckpoint } from './checkpoint';
import type { ProgressMode } from '../../train/progress';
import type { ShardInfo } from '../data/shards';
import { shardSource, type Normalizer } from '../data/stream';
import { Stopwatch } from '../../timer';

/** Options of {@link trainCorrection}. */
export interface TrainCorrectionOptions {
  train: readonly ShardInfo[];
  validation: readonly ShardInfo[];
  norm: Normalizer;
  epochs: number;
  batchSize: number;
  rng: Random;
  /** input-noise σ in standardised units (default 0.02) */
  noise?: number;
  /** early-stopping patience on val_loss (default: none) */
  patience?: number;
  progress?: ProgressMode;
  label?: string;
  /**
   * a folder for checkpoints (see `./checkpoint.ts`): training goes epoch by epoch, saving after each,
   * and continues after the last saved epoch when the folder holds one (early stopping is not
   * available then)
   */
  checkpoint?: string;
}

/** History plus throughput and memory of a training run. */
export interface TrainResult {
  history: History;
  /** training samples streamed per second (whole epochs, including validation) */
  samplesPerSecond: number;
  /** peak resident set size seen at batch ends, MiB */
  peakRssMiB: number;
  /** resident set size at the start, MiB */
  startRssMiB: number;
}

const MIB = 1024 * 1024;

/** Trains a compiled model; see {@link TrainCorrectionOptions}. */
export async function trainCorrection(model: tf.LayersModel, opts: TrainCorrectionOptions): Promise<TrainResult> {
  return opts.checkpoint === undefined ? trainAtOnce(model, opts) : trainResumably(model, { ...opts, checkpoint: opts.checkpoint });
}

/**
 * Epoch by epoch with a checkpoint after each; epoch e streams the batches of `rng.fork('epoch e')`,
 * so that a resumed run trains on the same batches as an uninterrupted one. Throughput and memory
 * are those of the epochs run by this call.
 */
async function trainResumably(model: tf.LayersModel, opts: TrainCorrectionOptions & { checkpoint: string }): Promise<TrainResult> {
  if (opts.patience) throw new Error('trainCorrection: early stopping (patience) cannot be combined with checkpoints');
  const restored = await loadCheckpoint(opts.checkpoint, model);
  const history = new History();
  for (const row of restored?.history ?? []) history.push(row);
  const startRssMiB = process.memoryUsage().rss / MIB;
  let peakRssMiB = startRssMiB;
  let seconds = 0;
  let samples = 0;
  for (let epoch = (restored?.epoch ?? 0) + 1; epoch <= opts.epochs; epoch++) {
    const one = await trainAtOnce(model, { ...opts, epochs: 1, rng: opts.rng.fork(`epoch ${epoch}`), label: `${opts.label ?? 'train'} ${epoch}/${opts.epochs}` });
    const row = one.history.last();
    if (row) history.push({ ...row, epoch });
    await saveCheckpoint(opts.checkpoint, model, { epoch, history: history.toRows() });
    peakRssMiB = Math.max(peakRssMiB, one.peakRssMiB);
    const nTrain = opts.train.reduce((a, s) => a + s.n, 0);
    seconds += nTrain / one.samplesPerSecond;
    samples += nTrain;
  }
  return { history, samplesPerSecond: seconds > 0 ? samples / seconds : NaN, peakRssMiB, startRssMiB };
}

async function trainAtOnce(model: tf.LayersModel, opts: TrainCorrectionOptions): Promise<TrainResult> {
  const startRssMiB = process.memoryUsage().rss / MIB;
  let peak = startRssMiB;
  const clock = new Stopwatch();
  const history = await fit(
    model,
    {
      train: shardSource({ shards: opts.train, norm: opts.norm, batchSize: opts.batchSize, noise: opts.noise ?? 0.02 }),
      validation: shardSource({ shards: opts.validation, norm: opts.norm, batchSize: 256, shuffle: false }),
    },
    {
      epochs: opts.epochs,
      rng: opts.rng,
      progress: opts.progress,
      label: opts.label,
      ...(opts.patience ? { earlyStopping: { monitor: 'val_loss', patience: opts.patience } } : {}),
      callbacks: {
        onBatchEnd: () => {
          peak = Math.max(peak, process.memoryUsage().rss / MIB);
        },
      },
    },
  );
  const seconds = clock.seconds();
  const nTrain = opts.train.reduce((a, s) => a + s.n, 0);
  return { history, samplesPerSecond: (nTrain * history.length) / seconds, peakRssMiB: peak, startRssMiB };
}
