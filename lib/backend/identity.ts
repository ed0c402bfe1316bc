/**
 * `Identity` and same-dtype `Cast` on `wasm` without a copy: the output shares the input's memory (one
 * more reference), as the cpu backend's Identity does. tfjs's engine clones every tensor a gradient
 * saves for the backward pass (`saveTensorsForBackwardMode` runs Identity) and casts float32 gradients
 * to float32; the stock wasm kernels copy each time (34 full copies of activations per training step
 * of the benchmark MLP, 148 in the Z′ tabular network). Tensors are immutable and every kernel writes
 * only the outputs it allocates, so sharing is safe.
 *
 * `shareSavedTensors` goes one step further for those saved tensors: tfjs's engine makes each one with
 * `clone`, a whole kernel dispatch plus a tape node that the backward pass then filters out again (19
 * per step of the benchmark autoencoder, 44 of the CNN, 113 of the Z′ tabular network). On wasm the
 * saved tensor is now made directly: one more reference to the same memory, which is all Identity does.
 *
 * Registered for `wasm` by ./wasm-kernels; tested in tests/backend/identity.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
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

/** The part of tfjs-core's Engine that saving tensors for the backward pass touches. */
interface EngineInternals {
  backendName: string;
  state: { tensorInfo: Map<object, { backend: unknown }> };
  backend: unknown;
  keep<T extends tf.Tensor>(t: T): T;
  makeTensorFromTensorInfo(info: tf.TensorInfo, backend?: unknown): tf.Tensor;
  saveTensorsForBackwardMode(tensors: tf.Tensor[]): tf.Tensor[];
}

let sharing = false;

/**
 * Replaces tfjs's `Engine.saveTensorsForBackwardMode` (keep(clone(t)) for each tensor) so that, on
 * wasm, each saved tensor is a new kept tensor on the same data (reference count + 1), without a
 * kernel call or tape node; strings and tensors of other backends keep tfjs's own path. Idempotent.
 */
export function shareSavedTensors(): void {
  if (sharing) return;
  sharing = true;
  const engine = tf.engine() as unknown as EngineInternals;
  const proto = Object.getPrototypeOf(engine) as EngineInternals;
  const original = proto.saveTensorsForBackwardMode;
  proto.saveTensorsForBackwardMode = function (this: EngineInternals, tensors: tf.Tensor[]): tf.Tensor[] {
    if (this.backendName !== 'wasm') return original.call(this, tensors);
    return tensors.map((t) => {
      const info = this.state.tensorInfo.get(t.dataId);
      if (t.dtype === 'string' || !info || info.backend !== this.backend) return original.call(this, [t])[0];
      wasmBackend(this.backend).incRef(t.dataId);
      return this.keep(this.makeTensorFromTensorInfo({ dataId: t.dataId, shape: t.shape.slice(), dtype: t.dtype }, this.backend));
    });
  };
}
