/**
 * Batch normalisation in training mode as two native kernels on the oneDNN path: `NativeBatchNormTrain`
 * (y, batch mean and variance in one call) and its gradient `NativeBatchNormGrad` (dx, dγ, dβ in one
 * call), both in native/src/batchnorm.cc. tfjs-layers 4.22's BatchNormalization runs `tf.moments`,
 * `FusedBatchNorm` and, backwards, their composite gradients — about thirty wasm kernels per layer and
 * step, each over the whole activation; in the Z′ tabular network (three such layers) they were the
 * largest share of a training step.
 *
 * `BatchNormalization.prototype.call` is wrapped: in training, on wasm, for float32 inputs normalised
 * over every axis but the last (channels last) with both γ and β, it runs the kernel and then updates
 * the moving statistics exactly as tfjs-layers does (biased batch variance, `momentum`; one JS kernel,
 * `BatchNormMovingAverage`, instead of six small ones); every other call runs the layer's own method.
 *
 * Installed by ./native-kernels; tested against tfjs's layer on cpu in tests/backend/native-batchnorm.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import type { NativeAddon } from './native-addon';
import { f32View, wasmBackend } from './wasm-heap';

export const BATCH_NORM_KERNEL = 'NativeBatchNormTrain';
export const BATCH_NORM_GRAD_KERNEL = 'NativeBatchNormGrad';
/** The update of both moving statistics after a training call (JS on the heap; no addon call). */
export const MOVING_AVERAGE_KERNEL = 'BatchNormMovingAverage';

/** Training calls of BatchNormalization that ran the native kernel (the tests check that it really ran). */
export let nativeBatchNormCalls = 0;

type Info = tf.TensorInfo;

/** The fields of tfjs-layers' BatchNormalization that the training path reads. */
interface BatchNormLayer {
  axis: number;
  momentum: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
  gamma: { read(): tf.Tensor };
  beta: { read(): tf.Tensor };
  movingMean: { read(): tf.Tensor; write(value: tf.Tensor): void };
  movingVariance: { read(): tf.Tensor; write(value: tf.Tensor): void };
}

type Call = (this: BatchNormLayer, inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>) => tf.Tensor | tf.Tensor[];

/** Rows × columns of a channels-last tensor. */
function rowsCols(shape: number[]): [number, number] {
  const cols = shape[shape.length - 1];
  return [tf.util.sizeFromShape(shape) / cols, cols];
}

/** Forward kernel: inputs x, gamma, beta; attr epsilon; outputs y, mean, variance. */
function forwardKernel(addon: NativeAddon): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { x, gamma, beta } = inputs as Record<string, Info>;
    const [rows, cols] = rowsCols(x.shape);
    const b = wasmBackend(backend);
    const outs = [b.makeOutput(x.shape, 'float32'), b.makeOutput([cols], 'float32'), b.makeOutput([cols], 'float32')];
    const [xv, gv, bv, yv, mv, vv] = [x, gamma, beta, ...outs].map((t) => f32View(b, t));
    addon.batchNormForward(xv, gv, bv, yv, mv, vv, rows, cols, (attrs as { epsilon: number }).epsilon);
    return outs;
  };
}

/** Gradient kernel: inputs x, gamma, mean, variance, dy, dMean, dVariance; attr epsilon; outputs dx, dGamma, dBeta. */
function gradientKernel(addon: NativeAddon): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { x, gamma, mean, variance, dy, dMean, dVariance } = inputs as Record<string, Info>;
    const [rows, cols] = rowsCols(x.shape);
    const b = wasmBackend(backend);
    const outs = [b.makeOutput(x.shape, 'float32'), b.makeOutput([cols], 'float32'), b.makeOutput([cols], 'float32')];
    const v = [x, gamma, mean, variance, dy, dMean, dVariance, ...outs].map((t) => f32View(b, t));
    addon.batchNormBackward(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], rows, cols, (attrs as { epsilon: number }).epsilon);
    return outs;
  };
}

/** The gradient of the forward kernel: one gradient kernel for all three inputs. */
const gradientConfig: tf.GradConfig = {
  kernelName: BATCH_NORM_KERNEL,
  inputsToSave: ['x', 'gamma'],
  outputsToSave: [false, true, true],
  gradFunc: (dys, saved, attrs) => {
    const [dy, dMean, dVariance] = dys as tf.Tensor[];
    const [x, gamma, mean, variance] = saved;
    const [dx, dGamma, dBeta] = tf.engine().runKernel(BATCH_NORM_GRAD_KERNEL, { x, gamma, mean, variance, dy, dMean, dVariance }, attrs) as tf.Tensor[];
    return { x: () => dx, gamma: () => dGamma, beta: () => dBeta };
  },
};

/** True when the native kernel can take this training call. */
function fits(layer: BatchNormLayer, input: tf.Tensor): boolean {
  const lastAxis = layer.axis === -1 || layer.axis === input.rank - 1;
  return tf.getBackend() === 'wasm' && lastAxis && layer.center && layer.scale && input.dtype === 'float32' && input.rank >= 2 && input.size > 0;
}

/**
 * moving ← moving − (moving − batch)·(1 − momentum), as tfjs-layers' BatchNormalization writes it with
 * three kernels (Sub, Mul by the float32 scalar 1 − momentum, Sub) per statistic; here one JS pass over
 * the heap does both statistics, each step rounded to float32 as the kernels round it (same numbers).
 */
function movingAverageKernel(): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { movingMean, movingVariance, mean, variance } = inputs as Record<string, Info>;
    const rate = Math.fround(1 - (attrs as { momentum: number }).momentum);
    const b = wasmBackend(backend);
    const outs = [b.makeOutput(movingMean.shape, 'float32'), b.makeOutput(movingVariance.shape, 'float32')]; // allocate before taking views
    const [mm, mv, m, v, outMean, outVariance] = [movingMean, movingVariance, mean, variance, ...outs].map((t) => f32View(b, t));
    for (let j = 0; j < m.length; j++) {
      outMean[j] = Math.fround(mm[j] - Math.fround(Math.fround(mm[j] - m[j]) * rate));
      outVariance[j] = Math.fround(mv[j] - Math.fround(Math.fround(mv[j] - v[j]) * rate));
    }
    return outs;
  };
}

/** Writes the moving mean and variance after a training call (kernel {@link MOVING_AVERAGE_KERNEL}). */
function updateMovingStatistics(layer: BatchNormLayer, mean: tf.Tensor, variance: tf.Tensor): void {
  tf.tidy(() => {
    const inputs = { movingMean: layer.movingMean.read(), movingVariance: layer.movingVariance.read(), mean, variance };
    const [newMean, newVariance] = tf.engine().runKernel(MOVING_AVERAGE_KERNEL, inputs, { momentum: layer.momentum }) as tf.Tensor[];
    layer.movingMean.write(newMean);
    layer.movingVariance.write(newVariance);
  });
}

function nativeCall(original: Call): Call {
  return function (this: BatchNormLayer, inputs, kwargs) {
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    if (kwargs?.training !== true || !input || (Array.isArray(inputs) && inputs.length !== 1) || !fits(this, input)) return original.call(this, inputs, kwargs);
    return tf.tidy(() => {
      const [y, mean, variance] = tf.engine().runKernel(BATCH_NORM_KERNEL, { x: input, gamma: this.gamma.read(), beta: this.beta.read() }, { epsilon: this.epsilon }) as tf.Tensor[];
      nativeBatchNormCalls++;
      updateMovingStatistics(this, mean, variance);
      return y;
    });
  };
}

let installed = false;

/** Registers both kernels on wasm, the gradient, and wraps BatchNormalization.prototype.call (once). */
export function installNativeBatchNorm(addon: NativeAddon): void {
  if (installed) return;
  installed = true;
  tf.registerKernel({ kernelName: BATCH_NORM_KERNEL, backendName: 'wasm', kernelFunc: forwardKernel(addon) });
  tf.registerKernel({ kernelName: BATCH_NORM_GRAD_KERNEL, backendName: 'wasm', kernelFunc: gradientKernel(addon) });
  tf.registerKernel({ kernelName: MOVING_AVERAGE_KERNEL, backendName: 'wasm', kernelFunc: movingAverageKernel() });
  tf.registerGradient(gradientConfig);
  const proto = Object.getPrototypeOf(tf.layers.batchNormalization({})) as { call: Call };
  proto.call = nativeCall(proto.call);
}
