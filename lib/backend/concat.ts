/**
 * `Concat` and `SplitV` on `wasm` as row copies straight on the wasm heap. Seen from the joined axis,
 * every piece is a matrix [outer, inner_i] (outer = product of the axes before it, inner_i = the piece's
 * extent along it times the axes after it), and the joined tensor is [outer, Σ inner_i]: row r of the
 * result is row r of each piece, one after the other. The stock Concat makes a typed-array `subarray`
 * per row and piece, and the stock SplitV runs the stock Slice (which copies the whole input out of the
 * heap) once per piece; for the Z′ network's [1024, ~30] embeddings both took ~0.35 ms per call.
 *
 * The copies run in JS (~1.5 ns per element, 45–70 µs for those tensors) unless the oneDNN addon is
 * loaded: then ./native-kernels hands them to its `copyRows` (memcpy per row, one call per piece;
 * float32 and int32 data, bool stays in JS).
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/concat.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { heapView, wasmBackend, type HeapArray } from './wasm-heap';

/** Runs at least this long are copied with `set` (a call), shorter ones element by element. */
const SET_MIN_RUN = 64;

/** The addon's row copy, `copyRows(src, dst, [srcAt, srcStride, dstAt, dstStride, n, rows])`. */
export type RowCopier = (src: Float32Array, dst: Float32Array, geometry: number[]) => void;

let nativeCopy: RowCopier | null = null;

/** Routes the row copies of float32 and int32 tensors to the addon (null: back to JS). */
export function useNativeRowCopies(copier: RowCopier | null): void {
  nativeCopy = copier;
}

/** The same memory as float32 (int32 data is copied as bits), or null for bool. */
function asFloat32(a: HeapArray): Float32Array | null {
  if (a instanceof Float32Array) return a;
  return a instanceof Int32Array ? new Float32Array(a.buffer, a.byteOffset, a.length) : null;
}

/**
 * Copies `rows` runs of `n` elements from `src` (runs `srcStride` apart, from `srcAt`) to `dst` (runs
 * `dstStride` apart, from `dstAt`). One piece at a time keeps the loop monomorphic and short.
 */
function copyRuns(src: HeapArray, srcAt: number, srcStride: number, dst: HeapArray, dstAt: number, dstStride: number, n: number, rows: number): void {
  if (nativeCopy) {
    const [from, to] = [asFloat32(src), asFloat32(dst)];
    if (from && to) return nativeCopy(from, to, [srcAt, srcStride, dstAt, dstStride, n, rows]);
  }
  if (n >= SET_MIN_RUN) {
    for (let r = 0; r < rows; r++, srcAt += srcStride, dstAt += dstStride) dst.set(src.subarray(srcAt, srcAt + n), dstAt);
    return;
  }
  for (let r = 0; r < rows; r++, srcAt += srcStride, dstAt += dstStride) {
    for (let j = 0; j < n; j++) dst[dstAt + j] = src[srcAt + j];
  }
}

/** out[r, off_i + j] = pieces[i][r, j] for `outer` rows, where off_i = Σ_{k<i} inners[k]. */
export function concatRows(pieces: readonly HeapArray[], inners: readonly number[], outer: number, out: HeapArray): void {
  const width = inners.reduce((a, b) => a + b, 0);
  for (let i = 0, offset = 0; i < pieces.length; offset += inners[i++]) {
    copyRuns(pieces[i], 0, inners[i], out, offset, width, inners[i], outer);
  }
}

/** outs[i][r, j] = x[r, off_i + j]: the inverse of {@link concatRows}. */
export function splitRows(x: HeapArray, inners: readonly number[], outer: number, outs: readonly HeapArray[]): void {
  const width = inners.reduce((a, b) => a + b, 0);
  for (let i = 0, offset = 0; i < outs.length; offset += inners[i++]) {
    copyRuns(x, offset, width, outs[i], 0, inners[i], inners[i], outer);
  }
}

/** Dtypes whose tensors we can view on the heap. */
function numeric(dtype: tf.DataType): boolean {
  return dtype === 'float32' || dtype === 'int32' || dtype === 'bool';
}

/** Elements from `axis` on (the row length of a piece seen as [outer, inner]). */
function innerSize(shape: number[], axis: number): number {
  return tf.util.sizeFromShape(shape.slice(axis));
}

/** Wraps the stock wasm Concat: two or more non-empty numeric pieces of one dtype are joined by rows. */
export function concatKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const inputs = args.inputs as unknown as tf.TensorInfo[];
    const dtype = inputs[0]?.dtype;
    if (inputs.length < 2 || !numeric(dtype) || inputs.some((t) => t.dtype !== dtype || t.shape.length === 0)) return stock(args);
    const axis = tf.util.parseAxisParam((args.attrs as { axis: number | number[] }).axis, inputs[0].shape)[0];
    const shapes = inputs.map((t) => t.shape);
    tf.backend_util.assertParamsConsistent(shapes, axis);
    const pieces = inputs.filter((t) => tf.util.sizeFromShape(t.shape) > 0);
    if (pieces.length < 2) return stock(args); // the stock kernel shares the one piece's memory
    const backend = wasmBackend(args.backend);
    const out = backend.makeOutput(tf.backend_util.computeOutShape(shapes, axis), dtype); // allocate before taking views
    const outer = tf.util.sizeFromShape(inputs[0].shape.slice(0, axis));
    const inners = pieces.map((t) => innerSize(t.shape, axis));
    concatRows(pieces.map((t) => heapView(backend, t)), inners, outer, heapView(backend, out));
    return out;
  };
}

/** Wraps the stock wasm SplitV: numeric tensors of rank ≥ 1 are split by rows. */
export function splitVKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (!numeric(x.dtype) || x.shape.length === 0) return stock(args);
    const { numOrSizeSplits, axis } = args.attrs as unknown as { numOrSizeSplits: number | number[]; axis: number | number[] };
    const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, parsedAxis);
    const backend = wasmBackend(args.backend);
    const outs = sizes.map((s) => backend.makeOutput(x.shape.map((d, a) => (a === parsedAxis ? s : d)), x.dtype)); // allocate before taking views
    const nonEmpty = outs.filter((t) => tf.util.sizeFromShape(t.shape) > 0);
    if (nonEmpty.length === 0) return outs;
    const outer = tf.util.sizeFromShape(x.shape.slice(0, parsedAxis));
    const inners = outs.map((t) => innerSize(t.shape, parsedAxis)).filter((n) => n > 0);
    splitRows(heapView(backend, x), inners, outer, nonEmpty.map((t) => heapView(backend, t)));
    return outs;
  };
}
