/**
 * `BatchMatMul` on `wasm` without transpose flags. tfjs-backend-wasm 4.22 hands a product to XNNPACK
 * only when neither operand is transposed (and the batch is 1); otherwise it runs a scalar blocked loop.
 * The gradients of every Dense layer (dA = dy·Bᵀ, dB = Aᵀ·dy) set those flags, so we transpose the
 * flagged operand explicitly (O(size), cheap next to the O(m·k·n) product) and call the stock kernel.
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/layers-train.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { tensorOf, wasmBackend } from './wasm-heap';

/** Wraps the stock wasm BatchMatMul kernel (see the file header). */
export function batchMatMulKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { transposeA, transposeB } = args.attrs as unknown as { transposeA: boolean; transposeB: boolean };
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const unbatched = tf.util.sizeFromShape(a.shape.slice(0, -2)) === 1 && tf.util.sizeFromShape(b.shape.slice(0, -2)) === 1;
    if (!(transposeA || transposeB) || !unbatched || a.dtype !== 'float32' || b.dtype !== 'float32') return stock(args);
    const backend = wasmBackend(args.backend);
    const temporaries: tf.Tensor[] = [];
    const materialise = (info: tf.TensorInfo, transpose: boolean): tf.TensorInfo => {
      if (!transpose) return info;
      const { tensor, owned } = tensorOf(backend, info);
      if (owned) temporaries.push(tensor);
      const perm = tensor.shape.map((_, i) => i);
      perm.push(...perm.splice(-2).reverse()); // swap the last two axes
      const t = tf.transpose(tensor, perm);
      temporaries.push(t);
      return t;
    };
    try {
      const inputs = { a: materialise(a, transposeA), b: materialise(b, transposeB) };
      return stock({ ...args, inputs, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of temporaries) t.dispose();
    }
  };
}
