/**
 * The mean squared error of compiled models in two kernels instead of seventeen, with the same bits.
 *
 * tfjs-layers' `meanSquaredError` is `mean(square(sub(yPred, yTrue)), -1)`: forward Sub, Multiply and
 * Mean, and a backward pass of Multiply, RealDiv, Reshape, two Casts, two Multiplies and an Add over
 * the whole batch (17 kernel calls per step of the benchmark autoencoder, a tenth of its step on
 * wasm, where each call costs several µs of dispatch). On wasm, a model compiled with the loss
 * `'meanSquaredError'` gets instead one kernel for the per-sample losses and one for their gradient,
 * which repeat tfjs's float32 operations in tfjs's order, so values and gradients are bit-identical
 * (tested in tests/backend/fused-mse.test.ts):
 *   forward   d = p − y,  s = Σⱼ d² (float32, in order),  loss = s / D
 *   backward  g = dy / D,  ∂loss/∂p = g·d + g·d  (tfjs's gradient of d·d is the sum of its two factors' terms)
 * Other backends, dtypes or losses keep tfjs's own function.
 *
 * Installed by ./wasm-kernels (`installFusedMse`).
 */
import * as tf from '@tensorflow/tfjs';
import { f32View, wasmBackend } from './wasm-heap';

export const SQUARED_ERROR_KERNEL = 'SquaredErrorRows';
export const SQUARED_ERROR_GRAD_KERNEL = 'SquaredErrorRowsGrad';

/** Calls of the fused loss so far (the tests check that it ran). */
export let fusedMseCalls = 0;

const f = Math.fround;

/** Per-row mean of (p − y)² over the last axis: out[i] = fround(Σⱼ fround(d²)) / D, summed in order. */
function squaredErrorKernel({ inputs, backend }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const { pred, y } = inputs as { pred: tf.TensorInfo; y: tf.TensorInfo };
  const b = wasmBackend(backend);
  const cols = pred.shape[pred.shape.length - 1];
  const out = b.makeOutput(pred.shape.slice(0, -1), 'float32');
  const p = f32View(b, pred), t = f32View(b, y), o = f32View(b, out);
  for (let i = 0, k = 0; i < o.length; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++, k++) {
      const d = f(p[k] - t[k]);
      s = f(s + f(d * d));
    }
    o[i] = f(s / cols);
  }
  return out;
}

/** Gradient of the per-row losses for dy: ∂/∂p = g·d + g·d with g = dy / D, as tfjs computes it. */
function squaredErrorGradKernel({ inputs, backend }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const { dy, pred, y } = inputs as { dy: tf.TensorInfo; pred: tf.TensorInfo; y: tf.TensorInfo };
  const b = wasmBackend(backend);
  const cols = pred.shape[pred.shape.length - 1];
  const out = b.makeOutput(pred.shape, 'float32');
  const g = f32View(b, dy), p = f32View(b, pred), t = f32View(b, y), o = f32View(b, out);
  for (let i = 0, k = 0; i < g.length; i++) {
    const gi = f(g[i] / cols);
    for (let j = 0; j < cols; j++, k++) {
      const term = f(gi * f(p[k] - t[k]));
      o[k] = f(term + term);
    }
  }
  return out;
}

/** A loss function; the fused one keeps tfjs's as `original` (the tests compare the two). */
type Loss = ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor) & { original?: Loss };

/** tfjs's loss `original`, or on wasm for float32 tensors of one shape, the two fused kernels. */
function fusedMse(original: Loss): Loss {
  const fused: Loss = (yTrue, yPred) => {
    const fits = tf.getBackend() === 'wasm' && yPred.dtype === 'float32' && yTrue.dtype === 'float32' && yPred.rank >= 1 &&
      tf.util.arraysEqual(yPred.shape, yTrue.shape) && yPred.shape[yPred.rank - 1] > 0;
    if (!fits) return original(yTrue, yPred);
    fusedMseCalls++;
    // yTrue and yPred stay alive until the gradient is taken (the train step's scope holds them).
    const perSample = (pred: tf.Tensor) => ({
      value: tf.engine().runKernel(SQUARED_ERROR_KERNEL, { pred, y: yTrue }) as tf.Tensor,
      gradFunc: (dy: tf.Tensor) => tf.engine().runKernel(SQUARED_ERROR_GRAD_KERNEL, { dy, pred, y: yTrue }) as tf.Tensor,
    });
    return tf.customGrad(perSample as unknown as Parameters<typeof tf.customGrad>[0])(yPred);
  };
  fused.original = original;
  return fused;
}

/** The loss named for output `i` of a compile call (a string, an array entry or a dictionary entry). */
function lossName(loss: unknown, i: number, outputNames: string[]): unknown {
  if (typeof loss === 'string') return loss;
  if (Array.isArray(loss)) return loss[i];
  if (loss && typeof loss === 'object') return (loss as Record<string, unknown>)[outputNames[i]];
  return undefined;
}

interface CompiledInternals {
  lossFunctions: Loss[];
  outputNames: string[];
}

let installed = false;

/** Registers the two kernels on wasm and makes `compile` use them for `'meanSquaredError'` (once). */
export function installFusedMse(): void {
  if (installed) return;
  installed = true;
  tf.registerKernel({ kernelName: SQUARED_ERROR_KERNEL, backendName: 'wasm', kernelFunc: squaredErrorKernel as tf.KernelFunc });
  tf.registerKernel({ kernelName: SQUARED_ERROR_GRAD_KERNEL, backendName: 'wasm', kernelFunc: squaredErrorGradKernel as tf.KernelFunc });
  const proto = tf.LayersModel.prototype as unknown as { compile(args: tf.ModelCompileArgs): void };
  const compile = proto.compile;
  proto.compile = function (this: CompiledInternals, args: tf.ModelCompileArgs): void {
    compile.call(this, args);
    this.lossFunctions = this.lossFunctions.map((fn, i) => (lossName(args.loss, i, this.outputNames) === 'meanSquaredError' ? fusedMse(fn) : fn));
  };
}
