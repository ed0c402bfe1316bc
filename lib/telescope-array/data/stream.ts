/**
 * Streaming the Telescope Array shards into the network: blocks of events are read from the HDF5
 * shards in a seeded random order (never the whole set in memory), scaled, and collated into
 * batches by `lib/train`'s `streamSource` (shard-block shuffling + a shuffle buffer).
 *
 * Inputs: `waveforms` [N, N, T, 2] as log(1 + VEM per bin); `detectors` [N, N, F] and `standard` [P]
 * standardised with means and spreads measured on one shard; targets multiplied by TARGET_SCALE.
 * Used by notebooks/02-telescope-array.ipynb and bench/telescope-array.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { openHdf5, withHdf5 } from '../../io/hdf5';
import { Random } from '../../random';
import type { BatchSource } from '../../train/batches';
import { streamSource, type Sample } from '../../train/stream';
import { DETECTOR_FEATURES, STANDARD_FEATURES, TARGETS } from './event';
import { readRows, type EventBlock, type ShardInfo } from './shards';

/** Targets are trained as (truth − standard) × scale: direction cosines in 0.01, log10 E in 0.05 dex (spreads of ≈ 1.3 and 1.5 for nuclei, so the MSE weighs them alike). */
export const TARGET_SCALE = [100, 100, 20] as const;

/** Per-channel offsets and scales of the detector features and standard parameters. */
export interface Normalizer {
  detMean: Float32Array;
  detScale: Float32Array;
  stdMean: Float32Array;
  stdScale: Float32Array;
}

/** Mean and standard deviation per channel of rows of `width` values. */
function channelStats(data: Float32Array, width: number): { mean: Float32Array; scale: Float32Array } {
  const rows = data.length / width;
  const mean = new Float32Array(width);
  const scale = new Float32Array(width);
  for (let c = 0; c < width; c++) {
    let s = 0, s2 = 0;
    for (let r = 0; r < rows; r++) {
      const v = data[r * width + c];
      s += v;
      s2 += v * v;
    }
    const m = s / rows;
    mean[c] = m;
    scale[c] = Math.sqrt(Math.max(s2 / rows - m * m, 0)) || 1;
  }
  return { mean, scale };
}

/** Measures the normaliser on (up to `rows` events of) one shard. */
export async function fitNormalizer(shard: ShardInfo, rows = 2000): Promise<Normalizer> {
  return withHdf5(shard.path, 'r', (f) => {
    const n = Math.min(rows, shard.n);
    const det = f.readSlice('detectors', [[0, n]]).data as Float32Array;
    const std = f.readSlice('standard', [[0, n]]).data as Float32Array;
    const d = channelStats(det, DETECTOR_FEATURES.length);
    const s = channelStats(std, STANDARD_FEATURES.length);
    // binary flags keep 0/1
    for (const c of [2, 3, 4]) {
      d.mean[c] = 0;
      d.scale[c] = 1;
    }
    return { detMean: d.mean, detScale: d.scale, stdMean: s.mean, stdScale: s.scale };
  });
}

/**
 * The network's inputs and scaled targets of event `i` of a block; with `noise` > 0, Gaussian noise of
 * that σ (in standardised units) is added to the detector features and standard parameters.
 */
export function sampleOf(block: EventBlock, i: number, norm: Normalizer, noise = 0, rng?: Random): Sample {
  const wfSize = block.waveforms.length / block.n;
  const F = DETECTOR_FEATURES.length;
  const P = STANDARD_FEATURES.length;
  const dSize = block.detectors.length / block.n;
  const wf = new Float32Array(wfSize);
  const src = block.waveforms.subarray(i * wfSize, (i + 1) * wfSize);
  for (let k = 0; k < wfSize; k++) wf[k] = Math.log1p(src[k]);
  const det = new Float32Array(dSize);
  for (let k = 0; k < dSize; k++) {
    const c = k % F;
    det[k] = (block.detectors[i * dSize + k] - norm.detMean[c]) / norm.detScale[c];
  }
  if (noise > 0 && rng) for (let k = 0; k < dSize; k++) det[k] += noise * rng.normal();
  const std = new Float32Array(P);
  for (let c = 0; c < P; c++) std[c] = (block.standard[i * P + c] - norm.stdMean[c]) / norm.stdScale[c] + (noise > 0 && rng ? noise * rng.normal() : 0);
  const y = new Float32Array(TARGETS.length);
  for (let c = 0; c < TARGETS.length; c++) y[c] = block.targets[i * TARGETS.length + c] * TARGET_SCALE[c];
  return { x: { waveforms: wf, detectors: det, standard: std }, y };
}

/** A block of rows of one shard: the unit the stream shuffles. */
export interface ShardBlock {
  shard: ShardInfo;
  start: number;
  stop: number;
}

/** Splits shards into blocks of `rows` events. */
export function shardBlocks(shards: readonly ShardInfo[], rows: number): ShardBlock[] {
  const out: ShardBlock[] = [];
  for (const shard of shards) for (let s = 0; s < shard.n; s += rows) out.push({ shard, start: s, stop: Math.min(shard.n, s + rows) });
  return out;
}

/** Reads one block of events from disk. */
export async function readBlock(b: ShardBlock): Promise<EventBlock> {
  const f = await openHdf5(b.shard.path, 'r');
  try {
    return readRows(f, b.start, b.stop);
  } finally {
    f.close();
  }
}

/** Options of {@link shardSource}. */
export interface ShardSourceOptions {
  shards: readonly ShardInfo[];
  norm: Normalizer;
  batchSize: number;
  /** events per block read from disk (default 128) */
  blockRows?: number;
  /** shuffle-buffer size in events (default 1024; 0 for validation / test: keep the order) */
  bufferSize?: number;
  /** shuffle the block order every epoch (default true) */
  shuffle?: boolean;
  /** σ of the input-noise augmentation (default 0; training only) */
  noise?: number;
}

/** A `BatchSource` streaming the shards: inputs `{ waveforms, detectors, standard }`, targets [b, 3]. */
export function shardSource(opts: ShardSourceOptions): BatchSource {
  const { shards, norm, batchSize, blockRows = 128, bufferSize = 1024, shuffle = true, noise = 0 } = opts;
  const { N, T } = shards[0];
  return streamSource<ShardBlock>({
    shards: shardBlocks(shards, blockRows),
    read: async function* (b: ShardBlock, rng: Random) {
      const block = await readBlock(b);
      for (let i = 0; i < block.n; i++) yield sampleOf(block, i, norm, noise, rng);
    },
    batchSize,
    xShape: { waveforms: [N, N, T, 2], detectors: [N, N, DETECTOR_FEATURES.length], standard: [STANDARD_FEATURES.length] },
    yShape: [TARGETS.length],
    shuffleShards: shuffle,
    bufferSize: shuffle ? bufferSize : 0,
    size: shards.reduce((a, s) => a + s.n, 0),
  });
}

/**
 * The model's predicted corrections (truth − standard, unscaled) for every event of `shards`, in
 * file order, streamed batch by batch: Float32Array [n, 3].
 */
export async function predictShards(model: tf.LayersModel, shards: readonly ShardInfo[], norm: Normalizer, batchSize = 256): Promise<Float32Array> {
  const n = shards.reduce((a, s) => a + s.n, 0);
  const out = new Float32Array(n * TARGETS.length);
  const source = shardSource({ shards, norm, batchSize, shuffle: false });
  let at = 0;
  for await (const batch of source.batches(0, new Random(0))) {
    const x = batch.x as Record<string, tf.Tensor>;
    const pred = model.predict([x.waveforms, x.detectors, x.standard]) as tf.Tensor;
    const values = await pred.data();
    for (let k = 0; k < values.length; k++) out[at + k] = values[k] / TARGET_SCALE[k % TARGETS.length];
    at += values.length;
    tf.dispose([pred, ...Object.values(x), batch.y as tf.Tensor]);
  }
  return out;
}
