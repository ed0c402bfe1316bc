/**
 * `Identity` and same-dtype `Cast` on `wasm` without a copy: the output shares the input's memory (one
 * more reference), as the cpu backend's Identity does. tfjs's engine clones every tensor a gradient
 * saves for the backward pass (`saveTensorsForBackwardMode` runs Identity) and casts float32 gradients
 * to float32; the stock wasm kernels copy each time (34 full copies of activations per training step
 * of the benchmark MLP, 148 in the Z′ tabular network). Tensors are immutable and every kernel writes
 * only the outputs it allocates, so sharing is safe.
 *
 * Registered for `wasm` by ./wasm-kernels; tested in tests/backend/identity.test.ts.
 */
import type * as tf from '@tensorflow/tfjs';
import { wasmBackend } from './wasm-heap';

/** The input itself under a new reference (strings keep the stock kernel, which rebuilds them). */
function share(args: Parameters<tf.KernelFunc>[0], stock: tf.KernelFunc, dtype: tf.DataType): tf.TensorInfo | tf.TensorInfo[] {
  const { x } = args.inputs as { x: tf.TensorInfo };
  if (x.dtype === 'string' || x.dtype !== dtype) return stock(args);
  wasmBackend(args.backend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
}

/** Identity without a copy (falls back to `stock` for strings). */
export function identityKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => share(args, stock, (args.inputs as { x: tf.TensorInfo }).x.dtype);
}

/** Cast to the dtype the tensor already has without a copy; other casts run `stock`. */
export function castKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => share(args, stock, (args.attrs as unknown as { dtype: tf.DataType }).dtype);
}
