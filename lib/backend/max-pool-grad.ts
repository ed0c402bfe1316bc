/**
 * The gradient of 2-D max pooling (kernel `MaxPoolGrad`) on `wasm`, as one JS pass over wasm memory.
 * The stock wasm kernel loops over every input pixel and re-scans each window covering it (and
 * breaks ties differently from the cpu backend); this one scans each window once, channels innermost
 * (contiguous in NHWC), and routes dy to the window's first maximum in row-major order — the rule of
 * tfjs's cpu backend, so ties (e.g. zeros after a ReLU) give identical results.
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/layers-train.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { f32View, wasmBackend } from './wasm-heap';

/** Attributes of tfjs's MaxPoolGrad kernel. */
interface MaxPoolGradAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * Adds dy[n, oy, ox, c] to dx at the (first) arg-max of x over each pooling window.
 * x, dx [N, H, W, C]; dy [N, OH, OW, C]; dx must be zero on entry.
 */
export function maxPoolBackprop(x: Float32Array, dy: Float32Array, dx: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const { effectiveFilterHeight: FH, effectiveFilterWidth: FW } = info;
  const top = info.padInfo.top, left = info.padInfo.left;
  const at = new Int32Array(FH * FW); // offsets of the window's pixels inside x, row-major
  let o = 0;
  for (let n = 0; n < N; n++) {
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++, o += C) {
        let count = 0;
        for (let wy = 0; wy < FH; wy += dh) {
          const iy = oy * sh - top + wy;
          if (iy < 0 || iy >= H) continue;
          for (let wx = 0; wx < FW; wx += dw) {
            const ix = ox * sw - left + wx;
            if (ix >= 0 && ix < W) at[count++] = ((n * H + iy) * W + ix) * C;
          }
        }
        if (count === 4) routeWindowOf4(x, dy, dx, at, o, C);
        else routeWindow(x, dy, dx, at, count, o, C);
      }
    }
  }
}

/** dy[o + c] → dx at the first maximum of x over the `count` pixels `at` (strict >, so ties go first; NaN never wins). */
function routeWindow(x: Float32Array, dy: Float32Array, dx: Float32Array, at: Int32Array, count: number, o: number, C: number): void {
  for (let c = 0; c < C; c++) {
    let best = -Infinity, bestAt = -1;
    for (let p = 0; p < count; p++) {
      const v = x[at[p] + c];
      if (v > best) {
        best = v;
        bestAt = at[p] + c;
      }
    }
    if (bestAt >= 0) dx[bestAt] += dy[o + c];
  }
}

/** `routeWindow` unrolled for the common window of 4 pixels (2×2 pooling). */
function routeWindowOf4(x: Float32Array, dy: Float32Array, dx: Float32Array, at: Int32Array, o: number, C: number): void {
  const p0 = at[0], p1 = at[1], p2 = at[2], p3 = at[3];
  for (let c = 0; c < C; c++) {
    let best = -Infinity, bestAt = -1;
    let v = x[p0 + c];
    if (v > best) { best = v; bestAt = p0 + c; }
    v = x[p1 + c];
    if (v > best) { best = v; bestAt = p1 + c; }
    v = x[p2 + c];
    if (v > best) { best = v; bestAt = p2 + c; }
    v = x[p3 + c];
    if (v > best) bestAt = p3 + c;
    if (bestAt >= 0) dx[bestAt] += dy[o + c];
  }
}

/** The kernel function registered as `MaxPoolGrad` for `wasm` (float32; else the stock kernel). */
export function maxPoolGradKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') return stock(args);
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as MaxPoolGradAttrs;
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const backend = wasmBackend(args.backend);
    const dx = backend.makeOutput(input.shape, 'float32'); // allocate before taking views
    const dxView = f32View(backend, dx);
    dxView.fill(0);
    maxPoolBackprop(f32View(backend, input), f32View(backend, dy), dxView, info);
    return dx;
  };
}
