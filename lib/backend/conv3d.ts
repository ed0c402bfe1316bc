/**
 * 3-D convolutions on `wasm` (`Conv3D`, `Conv3DBackpropFilterV2`, `Conv3DBackpropInputV2`) as sums of
 * 2-D convolutions over depth planes, so that they run on XNNPACK and on our 2-D gradient kernels.
 * tfjs-backend-wasm 4.22 computes all three with scalar loops, and its input gradient is wrong
 * (relative error ~2 against the cpu backend even for stride 1, 'valid'; see tests/backend/conv3d.test.ts),
 * so a stock Conv3D network back-propagates wrong gradients below its top convolution.
 *
 * With xpad the input padded in depth (front, back), the depth-plane decomposition is
 *   y[n, od] = Σ_kd conv2d(xpad[n, od·sd + kd], W[kd])                          (forward)
 *   dW[kd]   = conv2dBackpropFilter(xpad[:, kd + sd·od], dy)                     (filter gradient)
 *   dxpad[n, od·sd + kd] += conv2dBackpropInput(dy[n, od], W[kd])                (input gradient)
 * with the depth planes of all N·OD outputs stacked along the 2-D batch axis. tfjs's 3-D 'same'
 * padding can be negative (stride > kernel; its 2-D padding is clamped at 0): a negative pad crops the
 * input instead (the cpu backend is the reference).
 * Dilated convolutions and NCDHW keep the stock kernels.
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/conv3d.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { tensorOf, wasmBackend } from './wasm-heap';

type Shape5 = [number, number, number, number, number];
type Strides3 = [number, number, number] | number;

/** A 3-D convolution seen as 2-D convolutions over depth planes. */
export interface Planes {
  info: tf.backend_util.Conv3DInfo;
  /** Input planes/rows/columns dropped where tfjs's padding is negative: [front, back], [top, bottom], [left, right]. */
  crop: [[number, number], [number, number], [number, number]];
  /** Input shape after the crop. */
  cropped: Shape5;
  /** Depth padding (≥ 0) and the padded depth of the cropped input. */
  padFront: number;
  padBack: number;
  paddedDepth: number;
  /** 2-D padding of each plane (explicit, ≥ 0: top/bottom, left/right) and strides. */
  pad2d: tf.backend_util.ExplicitPadding;
  strides2d: [number, number];
}

/** The plane decomposition of a 3-D convolution. */
export function planes(inShape: Shape5, filterShape: Shape5, strides: Strides3, pad: 'valid' | 'same'): Planes {
  const info = tf.backend_util.computeConv3DInfo(inShape, filterShape, strides, 1, pad);
  const { top, bottom, left, right, front, back } = info.padInfo;
  const neg = (v: number) => Math.max(0, -v), pos = (v: number) => Math.max(0, v);
  const crop: Planes['crop'] = [[neg(front), neg(back)], [neg(top), neg(bottom)], [neg(left), neg(right)]];
  const [N, D, H, W, C] = inShape;
  const cropped: Shape5 = [N, D - crop[0][0] - crop[0][1], H - crop[1][0] - crop[1][1], W - crop[2][0] - crop[2][1], C];
  return {
    info, crop, cropped,
    padFront: pos(front), padBack: pos(back), paddedDepth: cropped[1] + pos(front) + pos(back),
    pad2d: [[0, 0], [pos(top), pos(bottom)], [pos(left), pos(right)], [0, 0]],
    strides2d: [info.strideHeight, info.strideWidth],
  };
}

/** The input without the cropped planes, rows and columns. */
function cropInput(x: tf.Tensor5D, p: Planes): tf.Tensor5D {
  if (p.crop.every(([a, b]) => a === 0 && b === 0)) return x;
  return tf.slice(x, [0, p.crop[0][0], p.crop[1][0], p.crop[2][0], 0], p.cropped);
}

/** The input padded in depth, viewed as 2-D images for kernel plane kd: [N·OD, H, W, Cin]. */
function depthPlanes(xPadded: tf.Tensor5D, p: Planes, kd: number): tf.Tensor4D {
  const { outDepth: OD, strideDepth: sd } = p.info;
  const [N, , H, W, C] = p.cropped;
  const span = (OD - 1) * sd + 1;
  const planesKd = sd === 1
    ? tf.slice(xPadded, [0, kd, 0, 0, 0], [N, OD, H, W, C])
    : tf.stridedSlice(xPadded, [0, kd, 0, 0, 0], [N, kd + span, H, W, C], [1, sd, 1, 1, 1]);
  return tf.reshape(planesKd, [N * OD, H, W, C]);
}

/** The cropped input padded in depth. */
function padDepth(x: tf.Tensor5D, p: Planes): tf.Tensor5D {
  const xc = cropInput(x, p);
  return p.padFront || p.padBack ? tf.pad(xc, [[0, 0], [p.padFront, p.padBack], [0, 0], [0, 0], [0, 0]]) : xc;
}

/** Kernel plane kd of a filter [KD, KH, KW, Cin, Cout], as a 2-D filter [KH, KW, Cin, Cout]. */
function filterPlane(filter: tf.Tensor5D, kd: number): tf.Tensor4D {
  const [, KH, KW, Cin, Cout] = filter.shape;
  return tf.reshape(tf.slice(filter, [kd, 0, 0, 0, 0], [1, KH, KW, Cin, Cout]), [KH, KW, Cin, Cout]);
}

/** y [N, OD, OH, OW, Cout] = conv3d(x [N, D, H, W, Cin], filter [KD, KH, KW, Cin, Cout]). */
export function conv3dByPlanes(x: tf.Tensor5D, filter: tf.Tensor5D, p: Planes): tf.Tensor5D {
  return tf.tidy(() => {
    const xPadded = padDepth(x, p);
    const terms: tf.Tensor4D[] = [];
    for (let kd = 0; kd < p.info.filterDepth; kd++) {
      terms.push(tf.conv2d(depthPlanes(xPadded, p, kd), filterPlane(filter, kd), p.strides2d, p.pad2d, 'NHWC', 1, 'floor'));
    }
    const { batchSize, outDepth, outHeight, outWidth, outChannels } = p.info;
    return tf.reshape(terms.length === 1 ? terms[0] : tf.addN(terms), [batchSize, outDepth, outHeight, outWidth, outChannels]);
  });
}

/** dW [KD, KH, KW, Cin, Cout] from x [N, D, H, W, Cin] and dy [N, OD, OH, OW, Cout]. */
export function conv3dFilterGradByPlanes(x: tf.Tensor5D, dy: tf.Tensor5D, filterShape: Shape5, p: Planes): tf.Tensor5D {
  return tf.tidy(() => {
    const [, KH, KW, Cin, Cout] = filterShape;
    const { batchSize: N, outDepth: OD, outHeight: OH, outWidth: OW } = p.info;
    const xPadded = padDepth(x, p);
    const dy2d = tf.reshape(dy, [N * OD, OH, OW, Cout]);
    const planesDw: tf.Tensor[] = [];
    for (let kd = 0; kd < p.info.filterDepth; kd++) {
      planesDw.push(tf.engine().runKernel('Conv2DBackpropFilter', { x: depthPlanes(xPadded, p, kd), dy: dy2d },
        { strides: p.strides2d, pad: p.pad2d, dataFormat: 'NHWC', dimRoundingMode: 'floor', filterShape: [KH, KW, Cin, Cout] }) as tf.Tensor);
    }
    return tf.stack(planesDw) as tf.Tensor5D;
  });
}

/** dx [N, D, H, W, Cin] from dy [N, OD, OH, OW, Cout] and the filter [KD, KH, KW, Cin, Cout]. */
export function conv3dInputGradByPlanes(dy: tf.Tensor5D, filter: tf.Tensor5D, p: Planes): tf.Tensor5D {
  return tf.tidy(() => {
    const { batchSize: N, outDepth: OD, outHeight: OH, outWidth: OW, outChannels: Cout, strideDepth: sd } = p.info;
    const [, D, H, W, Cin] = p.cropped;
    const dy2d = tf.reshape(dy, [N * OD, OH, OW, Cout]);
    let dxPadded: tf.Tensor5D | null = null;
    for (let kd = 0; kd < p.info.filterDepth; kd++) {
      const g = tf.engine().runKernel('Conv2DBackpropInput', { dy: dy2d, filter: filterPlane(filter, kd) },
        { strides: p.strides2d, pad: p.pad2d, dataFormat: 'NHWC', dimRoundingMode: 'floor', inputShape: [N * OD, H, W, Cin] }) as tf.Tensor;
      // Output plane od goes to padded depth od·sd + kd: interleave sd − 1 zero planes, then shift by kd.
      let spread = tf.reshape(g, [N, OD, 1, H * W * Cin]);
      if (sd > 1) spread = tf.pad(spread, [[0, 0], [0, 0], [0, sd - 1], [0, 0]]);
      const flat = tf.reshape(spread, [N, OD * sd, H * W * Cin]);
      const tail = Math.max(0, p.paddedDepth - kd - OD * sd);
      const placed = tf.slice(tf.pad(flat, [[0, 0], [kd, tail], [0, 0]]), [0, 0, 0], [N, p.paddedDepth, H * W * Cin]);
      const term = tf.reshape(placed, [N, p.paddedDepth, H, W, Cin]) as tf.Tensor5D;
      dxPadded = dxPadded ? (tf.add(dxPadded, term) as tf.Tensor5D) : term;
    }
    const dx = tf.slice(dxPadded!, [0, p.padFront, 0, 0, 0], [N, D, H, W, Cin]);
    return p.crop.some(([a, b]) => a > 0 || b > 0) ? tf.pad(dx, [[0, 0], ...p.crop, [0, 0]]) : dx;
  });
}

/** Wrappers of the stock wasm kernels: float32, NDHWC, undilated cases run by planes. */
export function conv3dKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { strides, pad, dataFormat, dilations } = args.attrs as unknown as { strides: Strides3; pad: 'valid' | 'same'; dataFormat: string; dilations: Strides3 };
    const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    if (dataFormat === 'NCDHW' || !tf.backend_util.tupleValuesAreOne(dilations) || x.dtype !== 'float32') return stock(args);
    const p = planes(x.shape as Shape5, filter.shape as Shape5, strides, pad);
    return withTensors(args.backend, [x, filter], ([xt, ft]) => conv3dByPlanes(xt as tf.Tensor5D, ft as tf.Tensor5D, p));
  };
}

export function conv3dBackpropFilterKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { strides, pad, filterShape } = args.attrs as unknown as { strides: Strides3; pad: 'valid' | 'same'; filterShape: Shape5 };
    const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const p = planes(x.shape as Shape5, filterShape, strides, pad);
    if (x.dtype !== 'float32' || dy.dtype !== 'float32') return stock(args);
    return withTensors(args.backend, [x, dy], ([xt, dyt]) => conv3dFilterGradByPlanes(xt as tf.Tensor5D, dyt as tf.Tensor5D, filterShape, p));
  };
}

export function conv3dBackpropInputKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { strides, pad, inputShape } = args.attrs as unknown as { strides: Strides3; pad: 'valid' | 'same'; inputShape: Shape5 };
    const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const p = planes(inputShape, filter.shape as Shape5, strides, pad);
    if (dy.dtype !== 'float32' || filter.dtype !== 'float32') return stock(args);
    return withTensors(args.backend, [dy, filter], ([dyt, ft]) => conv3dInputGradByPlanes(dyt as tf.Tensor5D, ft as tf.Tensor5D, p));
  };
}

/** Runs `f` on the kernel inputs as Tensors (wrapping bare TensorInfos, released afterwards). */
function withTensors(backendArg: unknown, infos: tf.TensorInfo[], f: (tensors: tf.Tensor[]) => tf.Tensor): tf.Tensor {
  const backend = wasmBackend(backendArg);
  const wrapped = infos.map((info) => tensorOf(backend, info));
  try {
    return f(wrapped.map((w) => w.tensor));
  } finally {
    for (const w of wrapped) if (w.owned) w.tensor.dispose();
  }
}
