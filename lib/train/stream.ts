/**
 * Streaming batches for data larger than memory: read shards (HDF5 chunks, CSV files) one after
 * another in a seeded random order, mix samples through a shuffle buffer, and collate them into
 * tensor batches.
 *
 * Shuffling a stream cannot be perfect without holding it all; shuffling the shard order each
 * epoch plus a buffer of a few thousand samples (as tf.data's `shuffle(bufferSize)`) is the usual
 * compromise. Make shards small relative to the buffer.
 *
 * Used by notebooks whose data come as shards on disk; `lib/train/fit.ts` consumes the batches.
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../random';
import type { Batch, BatchSource } from './batches';

/** One sample: features (flat, row-major; by input name for several inputs), target(s), optional weight. */
export interface Sample {
  x: ArrayLike<number> | Readonly<Record<string, ArrayLike<number>>>;
  y: ArrayLike<number> | number;
  weight?: number;
}

/** Per-sample shapes: one for a single input, or by input name. */
export type SampleShape = readonly number[] | Readonly<Record<string, readonly number[]>>;

/**
 * Yields `items` in a random order using a buffer of `bufferSize` (tf.data `shuffle` semantics:
 * fill the buffer, then emit a random element and put the next item in its place).
 * `bufferSize` ≤ 1 passes the items through unchanged.
 */
export async function* shuffleBuffer<T>(items: AsyncIterable<T> | Iterable<T>, bufferSize: number, rng: Random): AsyncGenerator<T, void, undefined> {
  if (bufferSize <= 1) {
    yield* items;
    return;
  }
  const buffer: T[] = [];
  for await (const item of items) {
    if (buffer.length < bufferSize) {
      buffer.push(item);
      continue;
    }
    const j = rng.integer(0, bufferSize);
    const out = buffer[j];
    buffer[j] = item;
    yield out;
  }
  rng.shuffle(buffer);
  yield* buffer;
}

/** Groups items into arrays of `size` (the last one may be shorter unless `dropRemainder`). */
export async function* chunk<T>(items: AsyncIterable<T> | Iterable<T>, size: number, dropRemainder = false): AsyncGenerator<T[]> {
  let group: T[] = [];
  for await (const item of items) {
    group.push(item);
    if (group.length === size) {
      yield group;
      group = [];
    }
  }
  if (group.length > 0 && !dropRemainder) yield group;
}

/** Stacks samples into a batch of tensors: x [b, ...xShape] (per input), y [b, ...yShape], weight [b]. */
export function collate(samples: readonly Sample[], xShape: SampleShape, yShape: readonly number[] = [1]): Batch {
  const b = samples.length;
  const stack = (get: (s: Sample) => ArrayLike<number> | number, shape: readonly number[], what: string): tf.Tensor => {
    const size = shape.reduce((p, q) => p * q, 1);
    const out = new Float32Array(b * size);
    samples.forEach((s, i) => {
      const v = get(s);
      if (typeof v === 'number') {
        if (size !== 1) throw new RangeError(`collate: ${what} of sample ${i} is a number, expected ${size} values`);
        out[i] = v;
      } else {
        if (v.length !== size) throw new RangeError(`collate: ${what} of sample ${i} has ${v.length} values, expected ${size}`);
        out.set(v, i * size);
      }
    });
    return tf.tensor(out, [b, ...shape]);
  };
  const x = Array.isArray(xShape)
    ? stack((s) => s.x as ArrayLike<number>, xShape as readonly number[], 'x')
    : Object.fromEntries(
        Object.entries(xShape as Record<string, readonly number[]>).map(([name, shape]) => [
          name,
          stack((s) => (s.x as Record<string, ArrayLike<number>>)[name], shape, `x.${name}`),
        ]),
      );
  const y = stack((s) => s.y, yShape, 'y');
  const weighted = samples.some((s) => s.weight !== undefined);
  return weighted ? { x, y, weight: tf.tensor1d(samples.map((s) => s.weight ?? 1)) } : { x, y };
}

/** Options of `streamSource`. */
export interface StreamSourceOptions<S> {
  /** the shards (file names, HDF5 ranges, …) */
  shards: readonly S[];
  /** reads one shard's samples; `rng` may be used for augmentation */
  read: (shard: S, rng: Random) => AsyncIterable<Sample> | Iterable<Sample>;
  /** samples per batch */
  batchSize: number;
  /** per-sample input shape(s) */
  xShape: SampleShape;
  /** per-sample target shape (default [1]) */
  yShape?: readonly number[];
  /** shuffle the shard order every epoch (default true) */
  shuffleShards?: boolean;
  /** shuffle-buffer size in samples (default 1024; 0: keep the order within shards) */
  bufferSize?: number;
  /** samples per epoch, if known: gives `batchesPerEpoch` (for schedules and the ETA) */
  size?: number;
  /** drop the last, smaller batch (default false) */
  dropRemainder?: boolean;
}

/** A `BatchSource` that streams shards in a seeded random order through a shuffle buffer. */
export function streamSource<S>(opts: StreamSourceOptions<S>): BatchSource {
  const { shards, read, batchSize, xShape, yShape = [1], shuffleShards = true, bufferSize = 1024, size, dropRemainder = false } = opts;
  if (!(batchSize >= 1) || !Number.isInteger(batchSize)) throw new RangeError(`streamSource: batchSize must be a positive integer, got ${batchSize}`);
  const batchesPerEpoch = size === undefined ? undefined : dropRemainder ? Math.floor(size / batchSize) : Math.ceil(size / batchSize);
  return {
    size,
    batchesPerEpoch,
    async *batches(_epoch: number, rng: Random) {
      const order = shuffleShards ? rng.fork('shards').permutation(shards.length) : Int32Array.from(shards.keys());
      const readRng = rng.fork('read');
      async function* samples(): AsyncGenerator<Sample, void, undefined> {
        for (const i of order) yield* read(shards[i], readRng);
      }
      const mixed = shuffleBuffer(samples(), bufferSize, rng.fork('buffer'));
      for await (const group of chunk(mixed, batchSize, dropRemainder)) yield collate(group, xShape, yShape);
    },
  };
}
