/**
 * `Slice` on `wasm` as copies of contiguous runs straight from wasm memory. The stock kernel first
 * copies the whole input out of the heap (`readSync`) and, for rank 5, gathers element by element
 * (slicing depth planes for a Conv3D layer took longer than the convolutions).
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/slice.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { heapView, wasmBackend, type HeapArray } from './wasm-heap';

/**
 * out = x[begin : begin + size] for x of shape `shape`: the trailing axes the slice takes whole, with
 * the first partial axis before them, form one contiguous run per index of the leading axes.
 */
export function sliceRuns(x: HeapArray, shape: number[], begin: number[], size: number[], out: HeapArray): void {
  const rank = shape.length;
  const strides = tf.util.computeStrides(shape);
  let axis = rank - 1, run = 1;
  while (axis > 0 && begin[axis] === 0 && size[axis] === shape[axis]) run *= shape[axis--];
  run *= size[axis];
  const start = axis === rank - 1 ? begin[axis] : begin[axis] * (strides[axis] ?? 1);
  const index = new Array<number>(axis).fill(0); // position over the leading axes 0 … axis−1
  const runs = out.length / Math.max(1, run);
  for (let r = 0, dst = 0; r < runs; r++, dst += run) {
    let src = start;
    for (let a = 0; a < axis; a++) src += (begin[a] + index[a]) * strides[a];
    if (run >= 64) out.set(x.subarray(src, src + run), dst);
    else for (let j = 0; j < run; j++) out[dst + j] = x[src + j];
    for (let a = axis - 1; a >= 0; a--) {
      if (++index[a] < size[a]) break;
      index[a] = 0;
    }
  }
}

/** Wraps the stock wasm Slice: numeric tensors are sliced by runs. */
export function sliceKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string' || x.dtype === 'complex64' || x.shape.length === 0) return stock(args);
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size: number | number[] };
    const [begin_, size_] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
    const backend = wasmBackend(args.backend);
    const out = backend.makeOutput(size_, x.dtype); // allocate before taking views
    if (tf.util.sizeFromShape(size_) > 0) sliceRuns(heapView(backend, x), x.shape, begin_, size_, heapView(backend, out));
    return out;
  };
}
