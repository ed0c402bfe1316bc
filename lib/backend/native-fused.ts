/**
 * Bias and ReLU fused into the convolution and the matrix product while training, on the oneDNN path.
 *
 * tfjs-core 4.22 fuses a layer's bias and activation (`tf.fused.conv2d`, `tf.fused.matMul`) only
 * outside gradient mode (`shouldFuse`): in training a Conv2D or Dense layer with ReLU runs the product,
 * then a broadcast Add and a Relu over the whole activation, and backwards Step and Multiply, each a
 * single-threaded wasm kernel with its own dispatch (in the reference CNN they were ~4 ms of a 26 ms
 * step, the part a second thread cannot help). Here Conv2D and Dense layers with ReLU or no
 * activation run the fused kernel (`FusedConv2D` / `_FusedMatMul`, bias and ReLU as oneDNN post-ops)
 * in training too, and Conv3D layers (which tfjs never fuses) our `NativeFusedConv3D`, through
 * gradients registered for those kernels: dy·step(y) in one native pass
 * (`NativeReluGrad`), then the input gradient, and the filter and bias gradients in one oneDNN call
 * (`NativeConv2DBackpropFilterBias` / `NativeConv3DBackpropFilterBias`), as tfjs's fused ops' own
 * gradients compute them.
 *
 * `Conv.prototype.call` and `Dense.prototype.call` of tfjs-layers are wrapped: on wasm, for float32
 * inputs (Conv2D/Conv3D: channels last, dilation 1; Dense: a 2-D input), they run the fused kernel; every
 * other call runs the layer's own method. tfjs's own fused ops never reach the registered gradients:
 * they run their kernels inside a custom gradient, where the tape does not record them.
 *
 * Installed by ./native-kernels; tested against tfjs's layers on cpu in tests/backend/native-fused.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { countNativeCall, type NativeAddon } from './native-addon';
import { convGeometry } from './native-geometry';
import { f32View, wasmBackend } from './wasm-heap';

export const RELU_GRAD_KERNEL = 'NativeReluGrad';
/** The filter and bias gradients of a 2-D convolution in one oneDNN call (diff_weights and diff_bias). */
export const FILTER_BIAS_GRAD_KERNEL = 'NativeConv2DBackpropFilterBias';
/** The same for a 3-D convolution. */
export const FILTER_BIAS_GRAD_3D_KERNEL = 'NativeConv3DBackpropFilterBias';
/** A 3-D convolution with bias and ReLU in one oneDNN call (tfjs has no fused 3-D convolution). */
export const FUSED_CONV3D_KERNEL = 'NativeFusedConv3D';

/** Layer calls that ran the fused kernel (the tests check that it really ran). */
export const nativeFusedCalls = { conv2d: 0, conv3d: 0, dense: 0 };

type Activation = 'relu' | 'linear';

/** The fields of tfjs-layers' Conv and Dense that the fused path reads. */
interface LayerFields {
  kernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | null;
  activation: { getClassName(): string } | null;
}
interface ConvLayer extends LayerFields {
  rank: number;
  strides: number[];
  padding: string;
  dataFormat: string;
  dilationRate: number[];
}
interface DenseLayer extends LayerFields {
  invokeCallHook(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): void;
}

type Call<L> = (this: L, inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>) => tf.Tensor | tf.Tensor[];

/** The kernel dx = dy · step(y) (float32, one shape). */
function reluGradKernel(addon: NativeAddon): tf.KernelFunc {
  return ({ inputs, backend }) => {
    const { dy, y } = inputs as Record<string, tf.TensorInfo>;
    const b = wasmBackend(backend);
    const out = b.makeOutput(y.shape, 'float32');
    countNativeCall(RELU_GRAD_KERNEL);
    if (tf.util.sizeFromShape(y.shape) > 0) addon.reluBackward(f32View(b, dy), f32View(b, y), f32View(b, out));
    return out;
  };
}

interface ConvGradAttrs {
  strides: number[];
  pad: 'valid' | 'same';
  dataFormat: 'NHWC';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: number[];
}

type Shape4 = [number, number, number, number];
type Shape5 = [number, number, number, number, number];

/** tfjs's shape arithmetic of a channels-last 2-D (x of rank 4) or 3-D (rank 5) convolution with dilation 1. */
function convInfo(xShape: number[], filterShape: number[], strides: number[], pad: 'valid' | 'same', dimRoundingMode?: 'floor' | 'round' | 'ceil') {
  return xShape.length === 5
    ? tf.backend_util.computeConv3DInfo(xShape as Shape5, filterShape as Shape5, strides as [number, number, number], 1, pad, false, 'channelsLast')
    : tf.backend_util.computeConv2DInfo(xShape as Shape4, filterShape as Shape4, strides as [number, number], 1, pad, dimRoundingMode);
}

/** The addon's geometry of the filter gradient of x [N, (D,) H, W, C] → dy, or null when it does not take it. */
function filterGradientGeometry(x: tf.TensorInfo, a: ConvGradAttrs): number[] | null {
  if (x.dtype !== 'float32' || tf.util.sizeFromShape(a.filterShape) === 0) return null;
  return convGeometry(convInfo(x.shape, a.filterShape, a.strides, a.pad, a.dimRoundingMode)) as number[] | null;
}

/** The kernel [dW, db] from x and dy (inputs x, dy; Conv2DBackpropFilter's attributes). */
function filterBiasGradKernel(addon: NativeAddon): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { x, dy } = inputs as Record<string, tf.TensorInfo>;
    const a = attrs as unknown as ConvGradAttrs;
    const g = filterGradientGeometry(x, a);
    const name = x.shape.length === 5 ? FILTER_BIAS_GRAD_3D_KERNEL : FILTER_BIAS_GRAD_KERNEL;
    if (!g) throw new Error(`${name}: the addon does not take x ${x.shape} → filter ${a.filterShape}`);
    countNativeCall(name);
    const b = wasmBackend(backend);
    const outs = [b.makeOutput(a.filterShape, 'float32'), b.makeOutput([a.filterShape[a.filterShape.length - 1]], 'float32')];
    addon.convBackwardWeights(g, f32View(b, x), f32View(b, dy), f32View(b, outs[0]), f32View(b, outs[1]));
    return outs;
  };
}

interface FusedConv3DAttrs {
  strides: number[];
  pad: 'valid' | 'same';
  activation: Activation;
  hasBias: boolean;
}

/** The 3-D forward kernel: inputs x, filter (DHWIO), bias (optional); y = act(conv3d(x, filter) + bias). */
function fusedConv3DKernel(addon: NativeAddon): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { x, filter, bias } = inputs as Record<string, tf.TensorInfo | undefined>;
    const a = attrs as unknown as FusedConv3DAttrs;
    const info = convInfo(x!.shape, filter!.shape, a.strides, a.pad);
    const g = convGeometry(info);
    if (!g) throw new Error(`${FUSED_CONV3D_KERNEL}: the addon does not take x ${x!.shape} → filter ${filter!.shape}`);
    countNativeCall(FUSED_CONV3D_KERNEL);
    const b = wasmBackend(backend);
    const out = b.makeOutput(info.outShape, 'float32');
    if (tf.util.sizeFromShape(info.outShape) > 0) addon.convForward(g, f32View(b, x!), f32View(b, filter!), bias ? f32View(b, bias) : null, a.activation === 'relu', f32View(b, out));
    return out;
  };
}

/** dy through the fused activation: dy·step(y) for ReLU, dy itself otherwise (as tfjs's getFusedDyActivation). */
function throughActivation(dy: tf.Tensor, y: tf.Tensor, activation: string): tf.Tensor {
  if (activation === 'linear') return dy;
  if (activation !== 'relu') throw new Error(`NativeFused: no gradient for the fused activation ${activation}`);
  return tf.engine().runKernel(RELU_GRAD_KERNEL, { dy, y }) as tf.Tensor;
}

/** The bias gradient: dy summed over every axis but the last. */
function biasGradient(dyAct: tf.Tensor): tf.Tensor {
  return tf.sum(dyAct, [...Array(dyAct.rank - 1).keys()]);
}

interface FusedConvAttrs {
  strides: number[];
  pad: 'valid' | 'same';
  dataFormat: 'NHWC';
  dilations: number[];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  activation: Activation;
  /** Set by the layer path below when it passes a bias (the gradient then computes dW and db together). */
  hasBias?: boolean;
}

/** FusedConv2D's gradient (as tfjs-core's fused conv2d computes it; NHWC, dilation 1). */
const convGradient: tf.GradConfig = {
  kernelName: 'FusedConv2D',
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved;
    const a = attrs as unknown as FusedConvAttrs;
    if (a.dataFormat !== 'NHWC' || a.dilations.some((d) => d !== 1)) throw new Error('NativeFused: the FusedConv2D gradient takes NHWC data and dilation 1');
    const dyAct = throughActivation(dy as tf.Tensor, y, a.activation);
    const conv = { strides: a.strides, pad: a.pad, dataFormat: a.dataFormat, dimRoundingMode: a.dimRoundingMode };
    const filterAttrs = { ...conv, filterShape: filter.shape } as unknown as tf.NamedAttrMap;
    // With a bias, one oneDNN call gives both the filter and the bias gradient (no separate sum over dy).
    // Run here, not in the closures: the engine runs each closure in a tidy of its own, which would
    // dispose the output the other closure returns.
    const together = a.hasBias === true && filterGradientGeometry(x, filterAttrs as unknown as ConvGradAttrs) !== null;
    const both = together ? (tf.engine().runKernel(FILTER_BIAS_GRAD_KERNEL, { x, dy: dyAct }, filterAttrs) as tf.Tensor[]) : null;
    return {
      x: () => tf.engine().runKernel('Conv2DBackpropInput', { dy: dyAct, filter }, { ...conv, inputShape: x.shape } as unknown as tf.NamedAttrMap) as tf.Tensor,
      filter: () => (both ? both[0] : (tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: dyAct }, filterAttrs) as tf.Tensor)),
      bias: () => (both ? both[1] : biasGradient(dyAct)),
    };
  },
};

/** NativeFusedConv3D's gradient: dy·step(y), then the input gradient and the filter (and bias) gradients. */
const conv3dGradient: tf.GradConfig = {
  kernelName: FUSED_CONV3D_KERNEL,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved;
    const a = attrs as unknown as FusedConv3DAttrs;
    const dyAct = throughActivation(dy as tf.Tensor, y, a.activation);
    const conv = { strides: a.strides, pad: a.pad };
    const filterAttrs = { ...conv, filterShape: filter.shape } as unknown as tf.NamedAttrMap;
    const both = a.hasBias && filterGradientGeometry(x, filterAttrs as unknown as ConvGradAttrs) !== null ? (tf.engine().runKernel(FILTER_BIAS_GRAD_3D_KERNEL, { x, dy: dyAct }, filterAttrs) as tf.Tensor[]) : null;
    return {
      x: () => tf.engine().runKernel('Conv3DBackpropInputV2', { dy: dyAct, filter }, { ...conv, inputShape: x.shape } as unknown as tf.NamedAttrMap) as tf.Tensor,
      filter: () => (both ? both[0] : (tf.engine().runKernel('Conv3DBackpropFilterV2', { x, dy: dyAct }, filterAttrs) as tf.Tensor)),
      bias: () => (both ? both[1] : biasGradient(dyAct)),
    };
  },
};

/** _FusedMatMul's gradient (as tfjs-core's fused matMul computes it, every transpose). */
const matmulGradient: tf.GradConfig = {
  kernelName: '_FusedMatMul',
  inputsToSave: ['a', 'b'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [a, b, y] = saved;
    const { transposeA, transposeB, activation } = attrs as unknown as { transposeA: boolean; transposeB: boolean; activation: Activation };
    const d = throughActivation(dy as tf.Tensor, y, activation);
    const [da, db] =
      !transposeA && !transposeB ? [() => tf.matMul(d, b, false, true), () => tf.matMul(a, d, true, false)]
      : !transposeA && transposeB ? [() => tf.matMul(d, b, false, false), () => tf.matMul(d, a, true, false)]
      : transposeA && !transposeB ? [() => tf.matMul(b, d, false, true), () => tf.matMul(a, d, false, false)]
      : [() => tf.matMul(b, d, true, true), () => tf.matMul(d, a, true, true)];
    return { a: da, b: db, bias: () => biasGradient(d) };
  },
};

/** ReLU or no activation (the ones the fused path takes), else null. */
function fusedActivation(layer: LayerFields): Activation | null {
  const name = layer.activation ? layer.activation.getClassName() : 'linear';
  return name === 'relu' || name === 'linear' ? name : null;
}

/** The single float32 input the fused path takes, else null. */
function singleInput(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor | null {
  const input = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0] : null) : inputs;
  return input && tf.getBackend() === 'wasm' && input.dtype === 'float32' && input.size > 0 ? input : null;
}

/** Inputs of a fused kernel: x/a, filter/b, and the bias when the layer has one. */
function withBias<K extends string, F extends string>(xName: K, x: tf.Tensor, fName: F, f: tf.Tensor, bias: LayerFields['bias']): tf.NamedTensorMap {
  const inputs: tf.NamedTensorMap = { [xName]: x, [fName]: f };
  if (bias) inputs.bias = bias.read();
  return inputs;
}

/** A 3-D convolution the addon takes (tfjs's 3-D 'same' padding can be negative when the stride exceeds the filter). */
function conv3dFits(layer: ConvLayer, input: tf.Tensor): boolean {
  const kernelShape = layer.kernel.read().shape;
  return convGeometry(convInfo(input.shape, kernelShape, layer.strides, layer.padding as 'valid' | 'same')) !== null && tf.util.sizeFromShape(kernelShape) > 0;
}

function convCall(original: Call<ConvLayer>): Call<ConvLayer> {
  return function (this: ConvLayer, inputs, kwargs) {
    const input = singleInput(inputs);
    const activation = fusedActivation(this);
    const plain = input && activation && this.dataFormat === 'channelsLast' && (this.padding === 'valid' || this.padding === 'same') && this.dilationRate.every((d) => d === 1);
    if (plain && this.rank === 3 && input.rank === 5 && conv3dFits(this, input)) {
      return tf.tidy(() => {
        nativeFusedCalls.conv3d++;
        const attrs = { strides: this.strides, pad: this.padding, activation, hasBias: this.bias != null };
        return tf.engine().runKernel(FUSED_CONV3D_KERNEL, withBias('x', input, 'filter', this.kernel.read(), this.bias), attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
      });
    }
    const fits = plain && this.rank === 2 && input.rank === 4;
    if (!fits) return original.call(this, inputs, kwargs);
    return tf.tidy(() => {
      nativeFusedCalls.conv2d++;
      const attrs = { strides: this.strides, pad: this.padding, dataFormat: 'NHWC', dilations: this.dilationRate, activation, hasBias: this.bias != null };
      return tf.engine().runKernel('FusedConv2D', withBias('x', input, 'filter', this.kernel.read(), this.bias), attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    });
  };
}

function denseCall(original: Call<DenseLayer>): Call<DenseLayer> {
  return function (this: DenseLayer, inputs, kwargs) {
    const input = singleInput(inputs);
    const activation = fusedActivation(this);
    if (!input || !activation || input.rank !== 2) return original.call(this, inputs, kwargs);
    return tf.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      nativeFusedCalls.dense++;
      const attrs = { transposeA: false, transposeB: false, activation };
      return tf.engine().runKernel('_FusedMatMul', withBias('a', input, 'b', this.kernel.read(), this.bias), attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    });
  };
}

/** The prototype in `instance`'s chain that defines `call` itself. */
function ownerOfCall(instance: object): { call: unknown } {
  let proto = Object.getPrototypeOf(instance) as object | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'call')) proto = Object.getPrototypeOf(proto) as object | null;
  if (!proto) throw new Error('NativeFused: no call method found on the layer');
  return proto as { call: unknown };
}

let installed = false;

/** Registers the ReLU-gradient kernel and both gradients, and wraps Conv and Dense's call (once). */
export function installNativeFused(addon: NativeAddon): void {
  if (installed) return;
  installed = true;
  tf.registerKernel({ kernelName: RELU_GRAD_KERNEL, backendName: 'wasm', kernelFunc: reluGradKernel(addon) });
  tf.registerKernel({ kernelName: FILTER_BIAS_GRAD_KERNEL, backendName: 'wasm', kernelFunc: filterBiasGradKernel(addon) });
  tf.registerKernel({ kernelName: FILTER_BIAS_GRAD_3D_KERNEL, backendName: 'wasm', kernelFunc: filterBiasGradKernel(addon) });
  tf.registerKernel({ kernelName: FUSED_CONV3D_KERNEL, backendName: 'wasm', kernelFunc: fusedConv3DKernel(addon) });
  tf.registerGradient(convGradient);
  tf.registerGradient(conv3dGradient);
  tf.registerGradient(matmulGradient);
  const conv = ownerOfCall(tf.layers.conv2d({ filters: 1, kernelSize: 1 }));
  conv.call = convCall(conv.call as Call<ConvLayer>);
  const dense = ownerOfCall(tf.layers.dense({ units: 1 }));
  dense.call = denseCall(dense.call as Call<DenseLayer>);
}
