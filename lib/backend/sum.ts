/**
 * `Sum` over the leading axes on `wasm` (e.g. the bias gradient of a convolution, Σ over N, H, W of
 * dy [N, H, W, C]). The stock wasm kernel first transposes the reduced axes to the end (a full copy)
 * and then reduces; summing rows directly in one pass over wasm memory avoids that copy.
 * Accumulates in float64, like the cpu backend.
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/layers-train.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { f32View, wasmBackend } from './wasm-heap';

/** out[j] = Σ_i x[i·inner + j] for i < outer, j < inner. */
export function sumRows(x: Float32Array, outer: number, inner: number, out: Float32Array): void {
  const acc = new Float64Array(inner);
  for (let i = 0, base = 0; i < outer; i++, base += inner) {
    for (let j = 0; j < inner; j++) acc[j] += x[base + j];
  }
  out.set(acc);
}

/** Wraps the stock wasm Sum: float32 reductions over leading axes [0, k) with k < rank run in JS. */
export function sumKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const leading = axes.length > 0 && axes.length < rank && axes.every((a, i) => a === i);
    if (!leading || x.dtype !== 'float32' || tf.util.sizeFromShape(x.shape) === 0) return stock(args);
    const inner = tf.util.sizeFromShape(x.shape.slice(axes.length));
    const outer = tf.util.sizeFromShape(x.shape.slice(0, axes.length));
    const outShape = keepDims ? x.shape.map((d, i) => (i < axes.length ? 1 : d)) : x.shape.slice(axes.length);
    const backend = wasmBackend(args.backend);
    const out = backend.makeOutput(outShape, 'float32'); // allocate before taking views
    sumRows(f32View(backend, x), outer, inner, f32View(backend, out));
    return out;
  };
}
