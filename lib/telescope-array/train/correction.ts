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
import type { History } from '../../train/history';
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
