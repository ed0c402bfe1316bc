/**
 * Batches for training: seeded shuffling of in-memory arrays, and a streaming interface for data
 * larger than memory (HDF5 / CSV shards) with shard-order shuffling and a shuffle buffer.
 *
 * A `BatchSource` yields the batches of one epoch as tf tensors; whoever consumes a batch (the
 * `fit` loop) disposes its tensors after use (`disposeBatch`). Its `batches(epoch, rng)` gets a
 * generator forked per epoch, so the order of epoch e depends only on the seed and e.
 *
 * Used by `lib/train/fit.ts` and by notebooks that stream their data.
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../random';

/** Model inputs of a batch: one tensor, one per input, or by input name. */
export type BatchInputs = tf.Tensor | tf.Tensor[] | Record<string, tf.Tensor>;

/** One batch: inputs `x`, targets `y` (per output when the model has several), optional per-sample `weight` [batch]. */
export interface Batch {
  x: BatchInputs;
  y: BatchInputs;
  weight?: tf.Tensor;
}

/** The batches of one epoch, made on demand: in memory (`fromArrays`), streamed (`streamSource`) or custom. */
export interface BatchSource<B = Batch> {
  /** samples per epoch, if known (for display) */
  size?: number;
  /** batches per epoch, if known (needed by schedules over the whole run and for the ETA) */
  batchesPerEpoch?: number;
  /** the batches of 0-based `epoch`; `rng` is forked for this epoch */
  batches(epoch: number, rng: Random): AsyncIterable<B> | Iterable<B>;
}

/** Typed arrays accepted as data (Uint8 is converted to float32, e.g. image bytes). */
export type NumericArray = Float32Array | Int32Array | Uint8Array;

/** An array of `shape[0]` samples stored row-major, e.g. images `[n, 64, 64, 3]`. */
export interface ArrayBlock {
  data: NumericArray;
  shape: readonly number[];
}

/** In-memory data: blocks per input / output (a plain `Float32Array` of targets means shape [n, 1]). */
export interface ArrayData {
  x: ArrayBlock | readonly ArrayBlock[] | Readonly<Record<string, ArrayBlock>>;
  y: Float32Array | ArrayBlock | readonly ArrayBlock[] | Readonly<Record<string, ArrayBlock>>;
  /** per-sample weights [n] */
  weight?: Float32Array;
}

/** Wraps `data` with its shape (`[n, ...sample shape]`), checking the length. */
export function arrayBlock(data: NumericArray, shape: readonly number[]): ArrayBlock {
  const size = shape.reduce((a, b) => a * b, 1);
  if (data.length !== size) throw new RangeError(`arrayBlock: ${data.length} values do not fill shape [${shape.join(', ')}] (${size})`);
  return { data, shape: [...shape] };
}

/** Whether `value` is an `ArrayBlock` (rather than a record of them). */
export function isArrayBlock(value: unknown): value is ArrayBlock {
  const v = value as Partial<ArrayBlock>;
  return typeof v === 'object' && v !== null && ArrayBuffer.isView(v.data) && Array.isArray(v.shape);
}

/** Options of `fromArrays`. */
export interface ArrayBatchOptions {
  /** samples per batch (default 32) */
  batchSize?: number;
  /** reshuffle every epoch (default true; use false for validation) */
  shuffle?: boolean;
  /** drop the last, smaller batch (default false) */
  dropRemainder?: boolean;
}

/** A `BatchSource` over in-memory arrays, reshuffled every epoch with the epoch's generator. */
export function fromArrays(data: ArrayData, opts: ArrayBatchOptions = {}): BatchSource {
  const { batchSize = 32, shuffle = true, dropRemainder = false } = opts;
  if (!(batchSize >= 1) || !Number.isInteger(batchSize)) throw new RangeError(`fromArrays: batchSize must be a positive integer, got ${batchSize}`);
  const x = normaliseBlocks(data.x, 'x');
  const y = data.y instanceof Float32Array ? arrayBlock(data.y, [data.y.length, 1]) : normaliseBlocks(data.y, 'y');
  const n = countSamples([...blocksOf(x), ...blocksOf(y)]);
  if (data.weight && data.weight.length !== n) throw new RangeError(`fromArrays: ${n} samples but ${data.weight.length} weights`);
  const batchesPerEpoch = dropRemainder ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
  return {
    size: n,
    batchesPerEpoch,
    *batches(_epoch: number, rng: Random) {
      const order = shuffle ? rng.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
      for (let b = 0; b < batchesPerEpoch; b++) {
        const rows = order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
        yield {
          x: mapBlocks(x, (blk) => gatherRows(blk, rows)),
          y: mapBlocks(y, (blk) => gatherRows(blk, rows)),
          ...(data.weight ? { weight: gatherRows(arrayBlock(data.weight, [n]), rows) } : {}),
        };
      }
    },
  };
}

type Blocks = ArrayBlock | readonly ArrayBlock[] | Readonly<Record<string, ArrayBlock>>;

function normaliseBlocks(value: Blocks, name: string): Blocks {
  if (isArrayBlock(value)) return value;
  if (Array.isArray(value)) return value.map((b, i) => checkBlock(b, `${name}[${i}]`));
  const rec = value as Readonly<Record<string, ArrayBlock>>;
  return Object.fromEntries(Object.entries(rec).map(([k, b]) => [k, checkBlock(b, `${name}.${k}`)]));
}

function checkBlock(b: ArrayBlock, name: string): ArrayBlock {
  if (!isArrayBlock(b)) throw new TypeError(`fromArrays: ${name} is not an ArrayBlock ({ data, shape })`);
  return b;
}

function blocksOf(value: Blocks): ArrayBlock[] {
  if (isArrayBlock(value)) return [value];
  return Array.isArray(value) ? [...value] : Object.values(value as Record<string, ArrayBlock>);
}

function countSamples(blocks: ArrayBlock[]): number {
  const ns = new Set(blocks.map((b) => b.shape[0]));
  if (ns.size !== 1) throw new RangeError(`fromArrays: inputs and targets disagree on the number of samples (${[...ns].join(', ')})`);
  return blocks[0].shape[0];
}

function mapBlocks(value: Blocks, f: (b: ArrayBlock) => tf.Tensor): BatchInputs {
  if (isArrayBlock(value)) return f(value);
  if (Array.isArray(value)) return value.map(f);
  return Object.fromEntries(Object.entries(value as Record<string, ArrayBlock>).map(([k, b]) => [k, f(b)]));
}

/** The rows `rows` of a block as a tensor [rows.length, ...sample shape]. */
export function gatherRows(block: ArrayBlock, rows: ArrayLike<number>): tf.Tensor {
  const rowSize = block.shape.slice(1).reduce((a, b) => a * b, 1);
  const src = block.data;
  const out = src instanceof Int32Array ? new Int32Array(rows.length * rowSize) : new Float32Array(rows.length * rowSize);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out.set(src.subarray(r * rowSize, (r + 1) * rowSize), i * rowSize);
  }
  return tf.tensor(out, [rows.length, ...block.shape.slice(1)], out instanceof Int32Array ? 'int32' : 'float32');
}

/** Disposes every tensor of a batch (inputs, targets, weights). */
export function disposeBatch(batch: Batch): void {
  tf.dispose([...tensorsOf(batch.x), ...tensorsOf(batch.y), ...(batch.weight ? [batch.weight] : [])]);
}

/** The tensors of a `BatchInputs`, in order (records in key order). */
export function tensorsOf(inputs: BatchInputs): tf.Tensor[] {
  if (inputs instanceof tf.Tensor) return [inputs];
  return Array.isArray(inputs) ? inputs : Object.values(inputs);
}

/** Number of samples in a batch (first dimension of its first tensor). */
export function batchLength(batch: Batch): number {
  const first = tensorsOf(batch.x)[0] ?? tensorsOf(batch.y)[0];
  return first ? first.shape[0] ?? 1 : 0;
}
