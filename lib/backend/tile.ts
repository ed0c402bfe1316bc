/**
 * `Tile` on `wasm` as row copies in JS. The gradient of BatchNormalization tiles a [C] vector to the
 * full activation shape every training step, and the stock wasm kernel takes ~250 ns per output element
 * there (it dominated a Conv2D + BatchNormalization step).
 *
 * out[i0, …, ik] = x[i0 mod s0, …, ik mod sk] for out shape s·reps.
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/tile.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { heapView, wasmBackend, type HeapArray } from './wasm-heap';

/**
 * Fills `out` (shape `inShape`·`reps`) with tiled copies of `x` (shape `inShape`): one source row (the
 * last axis) is copied `reps[last]` times per output row; an odometer walks the leading axes.
 */
export function tileRows(x: HeapArray, inShape: number[], reps: number[], out: HeapArray): void {
  const rank = inShape.length;
  const inLast = inShape[rank - 1], outLast = inLast * reps[rank - 1];
  const outShape = inShape.map((d, i) => d * reps[i]);
  const rows = out.length / Math.max(1, outLast);
  const index = new Array<number>(Math.max(0, rank - 1)).fill(0); // output index over the leading axes
  const inStrides = tf.util.computeStrides(inShape); // element strides of x
  for (let row = 0; row < rows; row++) {
    let src = 0;
    for (let a = 0; a < rank - 1; a++) src += (index[a] % inShape[a]) * inStrides[a];
    let dst = row * outLast;
    for (let r = 0; r < reps[rank - 1]; r++, dst += inLast) {
      if (inLast >= 64) out.set(x.subarray(src, src + inLast), dst);
      else for (let j = 0; j < inLast; j++) out[dst + j] = x[src + j];
    }
    for (let a = rank - 2; a >= 0; a--) {
      if (++index[a] < outShape[a]) break;
      index[a] = 0;
    }
  }
}

/** Wraps the stock wasm Tile: numeric tensors of rank ≥ 1 are tiled in JS. */
export function tileKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { reps } = args.attrs as unknown as { reps: number[] };
    if (x.shape.length === 0 || x.dtype === 'string' || x.dtype === 'complex64' || reps.length !== x.shape.length) return stock(args);
    const backend = wasmBackend(args.backend);
    const out = backend.makeOutput(x.shape.map((d, i) => d * reps[i]), x.dtype); // allocate before taking views
    tileRows(heapView(backend, x), x.shape, reps, heapView(backend, out));
    return out;
  };
}
