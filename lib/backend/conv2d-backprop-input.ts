/**
 * The input gradient of a 2-D convolution (kernel `Conv2DBackpropInput`) on `wasm`, arranged so that
 * its arithmetic runs on XNNPACK: tfjs-backend-wasm 4.22 computes it with a plain scalar loop, several
 * times slower than its forward convolution of the same size.
 *
 * Stride 1 (Dumoulin & Visin 2016, "A guide to convolution arithmetic for deep learning", §4.1):
 *   dx = conv2d(dy, W̃, pad top KH−1−top, left KW−1−left, bottom KH−1−bottom, right KW−1−right),
 * with W̃[kh, kw, co, ci] = W[KH−1−kh, KW−1−kw, ci, co] (the kernel rotated by 180°, channels swapped).
 * Other strides (col2im, the transpose of im2col): cols = dy [N·OH·OW, Cout] · Wᵀ [Cout, KH·KW·Cin] as
 * one matrix product, then each column block is added back onto the input pixel it came from.
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/conv2d-backprop-filter.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { columnRange, geometryOf, type ConvGeometry } from './conv-geometry';
import { f32View, tensorOf, wasmBackend, type WasmBackendLike } from './wasm-heap';

/** Attributes of tfjs's Conv2DBackpropInput kernel. */
interface Conv2DBackpropInputAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/**
 * dx [N, H, W, Cin] of a stride-1, channels-last convolution from dy [N, OH, OW, Cout] and the filter
 * W [KH, KW, Cin, Cout], or null when the padding makes the identity above inapplicable.
 */
export function conv2dInputGradStride1(dy: tf.Tensor4D, filter: tf.Tensor4D, info: tf.backend_util.Conv2DInfo): tf.Tensor4D | null {
  const { filterHeight: KH, filterWidth: KW, padInfo } = info;
  const pads = [KH - 1 - padInfo.top, KH - 1 - padInfo.bottom, KW - 1 - padInfo.left, KW - 1 - padInfo.right];
  if (pads.some((p) => p < 0)) return null;
  return tf.tidy(() => {
    const rotated = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]); // [KH, KW, Cout, Cin]
    const pad: tf.backend_util.ExplicitPadding = [[0, 0], [pads[0], pads[1]], [pads[2], pads[3]], [0, 0]];
    return tf.conv2d(dy, rotated as tf.Tensor4D, 1, pad);
  });
}

/**
 * Adds the patch matrix cols [N·OH·OW, KH·KW·Cin] back onto dx [N, H, W, Cin] (col2im; dx must be zero
 * on entry): dx[n, i·sh + kh − top, j·sw + kw − left, ci] += cols[(n·OH + i)·OW + j, (kh·KW + kw)·Cin + ci].
 */
export function col2im(cols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = g;
  const K = g.filterHeight * g.filterWidth * C;
  for (let kh = 0; kh < g.filterHeight; kh++) {
    for (let kw = 0; kw < g.filterWidth; kw++) {
      const [jStart, jEnd] = columnRange(g, kw);
      const colOffset = (kh * g.filterWidth + kw) * C;
      for (let n = 0; n < N; n++) {
        for (let i = 0; i < OH; i++) {
          const iy = i * g.strideHeight + kh - g.padTop;
          if (iy < 0 || iy >= H) continue;
          let src = ((n * OH + i) * OW + jStart) * K + colOffset;
          let dst = ((n * H + iy) * W + (jStart * g.strideWidth + kw - g.padLeft)) * C;
          const dstStep = g.strideWidth * C;
          for (let j = jStart; j < jEnd; j++, src += K, dst += dstStep) {
            for (let ci = 0; ci < C; ci++) dx[dst + ci] += cols[src + ci];
          }
        }
      }
    }
  }
}

/** dx [N, H, W, Cin] of a channels-last convolution of any stride, by one matrix product and col2im. */
export function conv2dInputGradCol2im(backend: WasmBackendLike, dy: tf.Tensor4D, filter: tf.Tensor4D, g: ConvGeometry): tf.Tensor4D {
  const K = g.filterHeight * g.filterWidth * g.inChannels;
  const M = g.batchSize * g.outHeight * g.outWidth;
  const cols = tf.tidy(() => tf.matMul(tf.reshape(dy, [M, g.outChannels]), tf.reshape(filter, [K, g.outChannels]), false, true));
  try {
    const dx = backend.makeOutput([g.batchSize, g.inHeight, g.inWidth, g.inChannels], 'float32'); // allocate before taking views
    const dxView = f32View(backend, dx);
    dxView.fill(0);
    col2im(f32View(backend, cols), g, dxView);
    return tensorOf<tf.Tensor4D>(backend, dx, true).tensor;
  } finally {
    cols.dispose();
  }
}

/** Wraps the stock wasm kernel: NHWC float32 cases run as above (stride 1: a convolution; else col2im). */
export function conv2dBackpropInputKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as Conv2DBackpropInputAttrs;
    const info = tf.backend_util.computeConv2DInfo(
      attrs.inputShape, (args.inputs.filter as tf.TensorInfo).shape as [number, number, number, number],
      attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, tf.backend_util.convertConv2DDataFormat(attrs.dataFormat));
    if (attrs.dataFormat === 'NCHW' || (args.inputs.dy as tf.TensorInfo).dtype !== 'float32') return stock(args);
    const backend = wasmBackend(args.backend);
    const dy = tensorOf<tf.Tensor4D>(backend, args.inputs.dy as tf.TensorInfo);
    const filter = tensorOf<tf.Tensor4D>(backend, args.inputs.filter as tf.TensorInfo);
    try {
      const stride1 = info.strideHeight === 1 && info.strideWidth === 1;
      return (stride1 ? conv2dInputGradStride1(dy.tensor, filter.tensor, info) : null) ??
        conv2dInputGradCol2im(backend, dy.tensor, filter.tensor, geometryOf(info));
    } finally {
      if (dy.owned) dy.tensor.dispose();
      if (filter.owned) filter.tensor.dispose();
    }
  };
}
