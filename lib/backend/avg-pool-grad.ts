/**
 * The gradient of 2-D average pooling (kernel `AvgPoolGrad`) on `wasm`, as one JS pass over the
 * pooling windows: each window spreads dy·1/(FH·FW) over the input pixels it covers (the rule of
 * tfjs's cpu backend, whose gradient divides by the full window size also at padded borders).
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/avg-pool-grad.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { f32View, wasmBackend } from './wasm-heap';

/** dx[n, iy, ix, c] += dy[n, oy, ox, c] / (FH·FW) over every window; dx [N, H, W, C] must be zero on entry. */
export function avgPoolBackprop(dy: Float32Array, dx: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const { effectiveFilterHeight: FH, effectiveFilterWidth: FW } = info;
  const scale = 1 / (info.filterHeight * info.filterWidth);
  const top = info.padInfo.top, left = info.padInfo.left;
  let o = 0;
  for (let n = 0; n < N; n++) {
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++, o += C) {
        for (let wy = 0; wy < FH; wy += dh) {
          const iy = oy * sh - top + wy;
          if (iy < 0 || iy >= H) continue;
          for (let wx = 0; wx < FW; wx += dw) {
            const ix = ox * sw - left + wx;
            if (ix < 0 || ix >= W) continue;
            const base = ((n * H + iy) * W + ix) * C;
            for (let c = 0; c < C; c++) dx[base + c] += dy[o + c] * scale;
          }
        }
      }
    }
  }
}

/** The kernel function registered as `AvgPoolGrad` for `wasm` (float32; else the stock kernel). */
export function avgPoolGradKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') return stock(args);
    const { filterSize, strides, pad } = args.attrs as unknown as { filterSize: [number, number] | number; strides: [number, number] | number; pad: 'valid' | 'same' | number };
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad);
    const backend = wasmBackend(args.backend);
    const dx = backend.makeOutput(input.shape, 'float32'); // allocate before taking views
    const dxView = f32View(backend, dx);
    dxView.fill(0);
    avgPoolBackprop(f32View(backend, dy), dxView, info);
    return dx;
  };
}
