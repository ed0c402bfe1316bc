/**
 * Row gathers (kernel `GatherV2` with axis 0, no batch dims) on `wasm` as typed-array copies.
 * Every `model.fit` step gathers its batch this way (and Embedding layers look up their rows); the
 * stock wasm kernel copies element by element through a generic strided loop.
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/layers-train.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { heapView, wasmBackend, type HeapArray } from './wasm-heap';

/** Throws (as tfjs does) if an index lies outside [0, numRows). */
export function checkIndices(indices: HeapArray, numRows: number): void {
  for (let k = 0; k < indices.length; k++) {
    const row = indices[k];
    if (!(row >= 0 && row < numRows)) throw new Error(`GatherV2: the index value ${row} is not in [0, ${numRows - 1}]`);
  }
}

/** out[k, …] = x[indices[k], …] for rows of `rowSize` elements (indices already checked). */
export function gatherRows(x: HeapArray, rowSize: number, indices: HeapArray, out: HeapArray): void {
  for (let k = 0; k < indices.length; k++) {
    const src = indices[k] * rowSize, dst = k * rowSize;
    if (rowSize >= 64) {
      out.set(x.subarray(src, src + rowSize), dst);
    } else {
      for (let j = 0; j < rowSize; j++) out[dst + j] = x[src + j];
    }
  }
}

/** The kernel function registered as `GatherV2` for `wasm`: axis 0 fast path, else the stock kernel. */
export function gatherV2Kernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = args.attrs as unknown as { axis: number; batchDims: number };
    const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0];
    if (parsedAxis !== 0 || (batchDims ?? 0) !== 0 || x.dtype === 'string' || x.dtype === 'complex64' || x.shape.length === 0) return stock(args);
    const backend = wasmBackend(args.backend);
    checkIndices(heapView(backend, indices), x.shape[0]);
    const rowSize = tf.util.sizeFromShape(x.shape.slice(1));
    const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype); // allocate before taking views
    gatherRows(heapView(backend, x), rowSize, heapView(backend, indices), heapView(backend, out));
    return out;
  };
}
