/**
 * Kernels of tfjs-backend-wasm routed to the oneDNN addon (./native-addon): the convolutions (2-D and
 * 3-D, forward and both gradients), max pooling and its gradient, the matrix products of dense layers,
 * and sums and means over the batch (bias gradients, batch-normalisation moments); also Adam's update
 * (./native-adam), training-mode batch normalisation (./native-batchnorm), bias and ReLU fused into
 * Conv2D and Dense layers while training (./native-fused), and the row copies of Concat and SplitV
 * (./concat). Each wraps the kernel registered before it (ours from ./wasm-kernels, or
 * tfjs's stock one) and hands every case the addon does not take (channels-first data, an activation
 * other than ReLU, int32 tensors, empty tensors…) to it unchanged.
 *
 * Each kernel allocates its output on the wasm heap first, then takes Float32Array views of inputs
 * and output (./wasm-heap: views die when the heap grows) and calls the addon, which reads and writes
 * them in place.
 *
 * Registered by `initBackend` (../backend) after ./wasm-kernels when the addon loads; tested against
 * the cpu backend in tests/backend/native-kernels.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { useNativeRowCopies } from './concat';
import { installNativeAdam } from './native-adam';
import { installNativeBatchNorm } from './native-batchnorm';
import { installNativeFused } from './native-fused';
import { countNativeCall, type NativeAddon } from './native-addon';
import { convGeometry, matmulGeometry, poolGeometry } from './native-geometry';
import { f32View, wasmBackend } from './wasm-heap';

const WASM = 'wasm';
type Info = tf.TensorInfo;
type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
type Rounding = 'floor' | 'round' | 'ceil' | undefined;
type Shape4 = [number, number, number, number];
type Shape5 = [number, number, number, number, number];

export { nativeCalls } from './native-addon';
const count = countNativeCall;

/** True when every tensor is float32 and none is empty. */
function plainFloats(...infos: (Info | undefined)[]): boolean {
  return infos.every((t) => t === undefined || (t.dtype === 'float32' && tf.util.sizeFromShape(t.shape) > 0));
}

/** Allocates the output, then runs `compute` on views of [output, ...inputs] taken after the allocation. */
function withViews(backend: unknown, outShape: number[], inputs: (Info | null)[], compute: (out: Float32Array, ...ins: (Float32Array | null)[]) => void): Info {
  const b = wasmBackend(backend);
  const out = b.makeOutput(outShape, 'float32');
  compute(f32View(b, out), ...inputs.map((t) => (t ? f32View(b, t) : null)));
  return out;
}

/** A fused activation the addon applies itself: none, or ReLU (null: hand the call on). */
function fusedActivation(activation: string | undefined, prelu: Info | undefined): { relu: boolean } | null {
  if (prelu) return null;
  if (activation === undefined || activation === 'linear') return { relu: false };
  return activation === 'relu' ? { relu: true } : null;
}

/** A bias the addon takes: one value per output channel. */
function channelBias(bias: Info | undefined, channels: number): boolean {
  return bias === undefined || (bias.dtype === 'float32' && tf.util.sizeFromShape(bias.shape) === channels);
}

// ---- convolutions ---------------------------------------------------------------------------------
interface ConvAttrs {
  strides: number | number[];
  pad: Pad;
  dataFormat?: string;
  dilations?: number | number[];
  dimRoundingMode?: Rounding;
  activation?: string;
  filterShape?: number[];
  inputShape?: number[];
}

function conv2dInfo(xShape: number[], filterShape: number[], a: ConvAttrs, dilations: number | number[] = 1): tf.backend_util.Conv2DInfo {
  const format = tf.backend_util.convertConv2DDataFormat((a.dataFormat ?? 'NHWC') as 'NHWC' | 'NCHW');
  return tf.backend_util.computeConv2DInfo(xShape as Shape4, filterShape as Shape4, a.strides as [number, number], dilations as [number, number], a.pad, a.dimRoundingMode, false, format);
}

function conv3dInfo(xShape: number[], filterShape: number[], a: ConvAttrs, dilations: number | number[] = 1): tf.backend_util.Conv3DInfo {
  const format = a.dataFormat === 'NCDHW' ? 'channelsFirst' : 'channelsLast';
  return tf.backend_util.computeConv3DInfo(xShape as Shape5, filterShape as Shape5, a.strides as [number, number, number], dilations as [number, number, number], a.pad as 'valid' | 'same', false, format);
}

/** Conv2D, FusedConv2D and Conv3D: y = act(conv(x, W) + bias). */
function convForward(addon: NativeAddon, name: string, three: boolean) {
  return (next: tf.KernelFunc): tf.KernelFunc => (args) => {
    const { x, filter, bias, preluActivationWeights } = args.inputs as Record<string, Info | undefined>;
    const a = args.attrs as unknown as ConvAttrs;
    const act = fusedActivation(a.activation, preluActivationWeights);
    if (!x || !filter || !act || !plainFloats(x, filter)) return next(args);
    const info = three ? conv3dInfo(x.shape, filter.shape, a, a.dilations) : conv2dInfo(x.shape, filter.shape, a, a.dilations);
    const g = convGeometry(info);
    if (!g || !channelBias(bias, info.outChannels) || tf.util.sizeFromShape(info.outShape) === 0) return next(args);
    count(name);
    return withViews(args.backend, info.outShape, [x, filter, bias ?? null], (y, xv, wv, bv) => addon.convForward(g, xv!, wv!, bv, act.relu, y));
  };
}

/** Conv2DBackpropInput and Conv3DBackpropInputV2: dx from dy and W. */
function convBackwardData(addon: NativeAddon, name: string, three: boolean) {
  return (next: tf.KernelFunc): tf.KernelFunc => (args) => {
    const { dy, filter } = args.inputs as Record<string, Info | undefined>;
    const a = args.attrs as unknown as ConvAttrs;
    if (!dy || !filter || !a.inputShape || !plainFloats(dy, filter)) return next(args);
    const info = three ? conv3dInfo(a.inputShape, filter.shape, a) : conv2dInfo(a.inputShape, filter.shape, a);
    const g = convGeometry(info);
    if (!g || tf.util.sizeFromShape(a.inputShape) === 0) return next(args);
    count(name);
    return withViews(args.backend, a.inputShape, [dy, filter], (dx, dyv, wv) => addon.convBackwardData(g, dyv!, wv!, dx));
  };
}

/** Conv2DBackpropFilter and Conv3DBackpropFilterV2: dW from x and dy. */
function convBackwardWeights(addon: NativeAddon, name: string, three: boolean) {
  return (next: tf.KernelFunc): tf.KernelFunc => (args) => {
    const { x, dy } = args.inputs as Record<string, Info | undefined>;
    const a = args.attrs as unknown as ConvAttrs;
    if (!x || !dy || !a.filterShape || !plainFloats(x, dy)) return next(args);
    const info = three ? conv3dInfo(x.shape, a.filterShape, a) : conv2dInfo(x.shape, a.filterShape, a);
    const g = convGeometry(info);
    if (!g || tf.util.sizeFromShape(a.filterShape) === 0) return next(args);
    count(name);
    return withViews(args.backend, a.filterShape, [x, dy], (dw, xv, dyv) => addon.convBackwardWeights(g, xv!, dyv!, dw));
  };
}

// ---- max pooling ----------------------------------------------------------------------------------
interface PoolAttrs {
  filterSize: number | number[];
  strides: number | number[];
  pad: Pad;
  dimRoundingMode?: Rounding;
  dataFormat?: string;
}

function poolInfo(xShape: number[], a: PoolAttrs, three: boolean): tf.backend_util.Conv2DInfo | tf.backend_util.Conv3DInfo {
  if (three) {
    const format = (a.dataFormat ?? 'NDHWC') as 'NDHWC' | 'NCDHW';
    return tf.backend_util.computePool3DInfo(xShape as Shape5, a.filterSize as [number, number, number], a.strides as [number, number, number], 1, a.pad as 'valid' | 'same', a.dimRoundingMode, format);
  }
  return tf.backend_util.computePool2DInfo(xShape as Shape4, a.filterSize as [number, number], a.strides as [number, number], 1, a.pad, a.dimRoundingMode);
}

/** MaxPool and MaxPool3D. */
function maxPoolForward(addon: NativeAddon, name: string, three: boolean) {
  return (next: tf.KernelFunc): tf.KernelFunc => (args) => {
    const { x } = args.inputs as { x: Info };
    const info = poolInfo(x.shape, args.attrs as unknown as PoolAttrs, three);
    const g = poolGeometry(info);
    if (!g || !plainFloats(x) || tf.util.sizeFromShape(info.outShape) === 0) return next(args);
    count(name);
    return withViews(args.backend, info.outShape, [x], (y, xv) => addon.maxPoolForward(g, xv!, y));
  };
}

/** MaxPoolGrad and MaxPool3DGrad: dy routed to each window's maximum in x. */
function maxPoolBackward(addon: NativeAddon, name: string, three: boolean) {
  return (next: tf.KernelFunc): tf.KernelFunc => (args) => {
    const { dy, input } = args.inputs as { dy: Info; input: Info };
    const info = poolInfo(input.shape, args.attrs as unknown as PoolAttrs, three);
    const g = poolGeometry(info);
    if (!g || !plainFloats(dy, input)) return next(args);
    count(name);
    return withViews(args.backend, input.shape, [input, dy], (dx, xv, dyv) => addon.maxPoolBackward(g, xv!, dyv!, dx));
  };
}

// ---- matrix products and sums ---------------------------------------------------------------------
/** BatchMatMul and _FusedMatMul (bias of N values, ReLU or no activation). */
function matmul(addon: NativeAddon, name: string) {
  return (next: tf.KernelFunc): tf.KernelFunc => (args) => {
    const { a, b, bias, preluActivationWeights } = args.inputs as Record<string, Info | undefined>;
    const { transposeA, transposeB, activation } = args.attrs as unknown as { transposeA: boolean; transposeB: boolean; activation?: string };
    const act = fusedActivation(activation, preluActivationWeights);
    if (!a || !b || !act || !plainFloats(a, b)) return next(args);
    const m = matmulGeometry(a.shape, b.shape, transposeA, transposeB);
    if (!m || !channelBias(bias, m.outShape[m.outShape.length - 1]) || tf.util.sizeFromShape(m.outShape) === 0) return next(args);
    count(name);
    return withViews(args.backend, m.outShape, [a, b, bias ?? null], (c, av, bv, biasv) => addon.matmul(m.geometry, av!, bv!, biasv, act.relu, c));
  };
}

/**
 * Sum and Mean over leading axes (bias gradients, batch-normalisation moments) in the addon: one pass
 * over rows, where the stock wasm kernels first transpose the reduced axes to the end (a full copy;
 * Mean over the batch took 4 ms per call in the Z′ network).
 */
function reduceRows(addon: NativeAddon, name: string, mean: boolean) {
  return (next: tf.KernelFunc): tf.KernelFunc => (args) => {
    const { x } = args.inputs as { x: Info };
    const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
    const leading = axes.length > 0 && axes.length < x.shape.length && axes.every((p, i) => p === i);
    if (!leading || !plainFloats(x)) return next(args);
    const cols = tf.util.sizeFromShape(x.shape.slice(axes.length)), rows = tf.util.sizeFromShape(x.shape.slice(0, axes.length));
    const outShape = keepDims ? x.shape.map((d, i) => (i < axes.length ? 1 : d)) : x.shape.slice(axes.length);
    count(name);
    return withViews(args.backend, outShape, [x], (out, xv) => addon.sumRows(xv!, out, rows, cols, mean ? 1 / rows : 1));
  };
}

/** Kernel name → its wrapper around the kernel registered before. */
const WRAPPERS: Record<string, (addon: NativeAddon, name: string) => (next: tf.KernelFunc) => tf.KernelFunc> = {
  Conv2D: (addon, name) => convForward(addon, name, false),
  FusedConv2D: (addon, name) => convForward(addon, name, false),
  Conv3D: (addon, name) => convForward(addon, name, true),
  Conv2DBackpropInput: (addon, name) => convBackwardData(addon, name, false),
  Conv3DBackpropInputV2: (addon, name) => convBackwardData(addon, name, true),
  Conv2DBackpropFilter: (addon, name) => convBackwardWeights(addon, name, false),
  Conv3DBackpropFilterV2: (addon, name) => convBackwardWeights(addon, name, true),
  MaxPool: (addon, name) => maxPoolForward(addon, name, false),
  MaxPool3D: (addon, name) => maxPoolForward(addon, name, true),
  MaxPoolGrad: (addon, name) => maxPoolBackward(addon, name, false),
  MaxPool3DGrad: (addon, name) => maxPoolBackward(addon, name, true),
  BatchMatMul: matmul,
  _FusedMatMul: matmul,
  Sum: (addon, name) => reduceRows(addon, name, false),
  Mean: (addon, name) => reduceRows(addon, name, true),
};

/** Names of the kernels routed to the addon. */
export const NATIVE_KERNELS: readonly string[] = Object.keys(WRAPPERS);

let registered = false;

/** Wraps the wasm kernels above with the addon's and installs the fused Adam step (./native-adam), training-mode batch normalisation (./native-batchnorm) and the fused layers (./native-fused), once; call after registerWasmKernels. */
export function registerNativeKernels(addon: NativeAddon): void {
  if (registered) return;
  registered = true;
  for (const [kernelName, make] of Object.entries(WRAPPERS)) {
    const before = tf.getKernel(kernelName, WASM);
    if (!before) throw new Error(`tfjs-backend-wasm has no ${kernelName} kernel to wrap`);
    tf.unregisterKernel(kernelName, WASM);
    // Keep the setup of the kernel before (it binds the wasm function its fallback calls).
    tf.registerKernel({ kernelName, backendName: WASM, setupFunc: before.setupFunc, disposeFunc: before.disposeFunc, kernelFunc: make(addon, kernelName)(before.kernelFunc) });
  }
  installNativeAdam(addon);
  installNativeBatchNorm(addon);
  installNativeFused(addon);
  useNativeRowCopies((src, dst, geometry) => addon.copyRows(src, dst, geometry));
}
