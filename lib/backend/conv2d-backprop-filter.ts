/**
 * The filter gradient of a 2-D convolution (kernel `Conv2DBackpropFilter`), which tfjs-backend-wasm
 * 4.22 does not have: without it no Conv1D/Conv2D model trains on `wasm`.
 *
 * For x [N, H, W, Cin], dy [N, OH, OW, Cout], a KH×KW kernel, strides (sh, sw) and padding (top, left),
 * (e.g. Dumoulin & Visin 2016, "A guide to convolution arithmetic for deep learning")
 *   dW[kh, kw, ci, co] = Σ_{n, i, j} xpad[n, i·sh + kh, j·sw + kw, ci] · dy[n, i, j, co].
 * We build the transposed patch matrix Pᵀ [KH·KW·Cin, N·OH·OW] (im2col) with a JS loop straight into
 * wasm memory, then dW = Pᵀ · dy is a single flag-free matrix product, which the wasm backend runs on
 * XNNPACK, and lands directly in the [KH, KW, Cin, Cout] layout.
 *
 * The alternative — one forward convolution of x with dy as the filter (the transposed-convolution
 * identity, bench/baseline.ts) — gives the same values and was slower on the reference CNN's layers
 * (one core, batch 64, CPU time): 19 vs 24 ms for 32×32×8 → 32 channels, 21 vs 22 ms for
 * 15×15×32 → 64 channels. About half of our time is the im2col copy, half the product.
 *
 * Registered for `wasm` by ./wasm-kernels; tested against the `cpu` backend in
 * tests/backend/conv2d-backprop-filter.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { columnRange, geometryOf, type ConvGeometry } from './conv-geometry';
import { f32View, tensorOf, wasmBackend, type WasmBackendLike } from './wasm-heap';

/**
 * Writes the transposed patch matrix Pᵀ [KH·KW·Cin, N·OH·OW] of a channels-last input into `out`:
 * Pᵀ[(kh·KW + kw)·Cin + ci, (n·OH + i)·OW + j] = xpad[n, i·sh + kh, j·sw + kw, ci] (0 in the padding).
 * Reads x pixel by pixel (its Cin values are contiguous) and scatters them to Cin rows of Pᵀ, so x is
 * streamed once per kernel offset.
 */
export function im2colTransposed(x: Float32Array, g: ConvGeometry, out: Float32Array): void {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = g;
  const { strideHeight: sh, strideWidth: sw, padTop, padLeft } = g;
  const M = N * OH * OW;
  for (let kh = 0; kh < g.filterHeight; kh++) {
    for (let kw = 0; kw < g.filterWidth; kw++) {
      const rowStart = (kh * g.filterWidth + kw) * C * M; // offset of row (kh, kw, ci = 0)
      const [jStart, jEnd] = columnRange(g, kw);
      for (let n = 0; n < N; n++) {
        for (let i = 0; i < OH; i++) {
          const m0 = (n * OH + i) * OW;
          const iy = i * sh + kh - padTop;
          const inside = iy >= 0 && iy < H;
          for (let ci = 0, base = rowStart + m0; ci < C; ci++, base += M) {
            // zeros where the kernel hangs over the padding
            if (!inside) {
              out.fill(0, base, base + OW);
              continue;
            }
            for (let j = 0; j < jStart; j++) out[base + j] = 0;
            for (let j = jEnd; j < OW; j++) out[base + j] = 0;
          }
          if (!inside) continue;
          let src = ((n * H + iy) * W + (jStart * sw + kw - padLeft)) * C;
          const step = sw * C;
          for (let j = jStart; j < jEnd; j++, src += step) {
            for (let ci = 0, dst = rowStart + m0 + j; ci < C; ci++, dst += M) out[dst] = x[src + ci];
          }
        }
      }
    }
  }
}

/** dW [KH, KW, Cin, Cout] from x [N, H, W, Cin] and dy [N, OH, OW, Cout] (channels-last, on wasm). */
export function conv2dFilterGrad(backend: WasmBackendLike, x: tf.Tensor4D, dy: tf.Tensor4D, g: ConvGeometry): tf.Tensor4D {
  const K = g.filterHeight * g.filterWidth * g.inChannels;
  const M = g.batchSize * g.outHeight * g.outWidth;
  const patchesInfo = backend.makeOutput([K, M], 'float32'); // allocate before taking views
  im2colTransposed(f32View(backend, x), g, f32View(backend, patchesInfo));
  return tf.tidy(() => {
    const patchesT = tensorOf<tf.Tensor2D>(backend, patchesInfo, true).tensor;
    const dW = tf.matMul(patchesT, tf.reshape(dy, [M, g.outChannels]));
    return tf.reshape(dW, [g.filterHeight, g.filterWidth, g.inChannels, g.outChannels]);
  });
}

/** Attributes of tfjs's Conv2DBackpropFilter kernel. */
interface Conv2DBackpropFilterAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/** The kernel function registered as `Conv2DBackpropFilter` for `wasm`. */
export function conv2dBackpropFilterKernel(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: unknown }): tf.Tensor {
  const backend = wasmBackend(args.backend);
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as Conv2DBackpropFilterAttrs;
  const { x: xInfo, dy: dyInfo } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const xIn = tensorOf<tf.Tensor4D>(backend, xInfo);
  const dyIn = tensorOf<tf.Tensor4D>(backend, dyInfo);
  try {
    return tf.tidy(() => {
      const channelsFirst = dataFormat === 'NCHW';
      const x = channelsFirst ? tf.transpose(xIn.tensor, [0, 2, 3, 1]) : xIn.tensor;
      const dy = channelsFirst ? tf.transpose(dyIn.tensor, [0, 2, 3, 1]) : dyIn.tensor;
      if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error('Conv2DBackpropFilter (wasm): float32 only');
      const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
      return conv2dFilterGrad(backend, x, dy, geometryOf(info));
    });
  } finally {
    if (xIn.owned) xIn.tensor.dispose();
    if (dyIn.owned) dyIn.tensor.dispose();
  }
}
