/**
 * Kernels we register for tfjs-backend-wasm 4.22, so that every layer the studies use trains there, fast.
 *
 * Missing on wasm, added:
 *   - `Conv2DBackpropFilter` (Conv1D/Conv2D filter gradient) — ./conv2d-backprop-filter
 *   - `UnsortedSegmentSum` (gradient of gather, hence of Embedding) — ./unsorted-segment-sum
 * Present but slow in training, replaced (the stock kernel stays as the fallback for other cases):
 *   - `Conv2DBackpropInput` (stride 1: an XNNPACK convolution; else matmul + col2im) — ./conv2d-backprop-input
 *   - `BatchMatMul` (transpose flags → explicit transpose + XNNPACK) — ./batch-matmul
 *   - `MaxPoolGrad` (one pass per window) — ./max-pool-grad
 *   - `GatherV2` (axis-0 row copies, used by every fit step) — ./gather
 *   - `Sum` over leading axes (bias gradients; no transpose) — ./sum
 *   - `Tile` (row copies; the BatchNormalization gradient tiles every step) — ./tile
 *   - `AvgPoolGrad` (one pass per window) — ./avg-pool-grad
 *   - `Conv3D` and its two gradients (sums of 2-D convolutions over depth planes) — ./conv3d
 *   - `Slice` (contiguous runs from wasm memory; the stock kernel copies its whole input first) — ./slice
 *   - `Identity` and same-dtype `Cast` (share the input's memory; the engine clones every tensor a
 *     gradient saves) — ./identity; the engine's saving of those tensors skips the Identity kernel and
 *     its tape node altogether on wasm (`shareSavedTensors`)
 *   - `Concat` and `SplitV` (row copies on the heap; joining embeddings and splitting their gradient)
 *     — ./concat
 * And models compiled with the loss 'meanSquaredError' compute it in two kernels, bit-identical — ./fused-mse
 *
 * Called once by `initBackend` (./index), before or after the wasm backend starts.
 */
import * as tf from '@tensorflow/tfjs';
import { avgPoolGradKernel } from './avg-pool-grad';
import { batchMatMulKernel } from './batch-matmul';
import { concatKernel, splitVKernel } from './concat';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter';
import { conv2dBackpropInputKernel } from './conv2d-backprop-input';
import { conv3dBackpropFilterKernel, conv3dBackpropInputKernel, conv3dKernel } from './conv3d';
import { installFusedMse } from './fused-mse';
import { gatherV2Kernel } from './gather';
import { castKernel, identityKernel, shareSavedTensors } from './identity';
import { maxPoolGradKernel } from './max-pool-grad';
import { sliceKernel } from './slice';
import { sumKernel } from './sum';
import { tileKernel } from './tile';
import { unsortedSegmentSumKernel } from './unsorted-segment-sum';

const WASM = 'wasm';
let registered = false;

/** Kernels that wrap a stock one (falling back to it), by name. */
const WRAPPERS: Record<string, (stock: tf.KernelFunc) => tf.KernelFunc> = {
  BatchMatMul: batchMatMulKernel,
  Conv2DBackpropInput: conv2dBackpropInputKernel,
  MaxPoolGrad: maxPoolGradKernel,
  GatherV2: gatherV2Kernel,
  Sum: sumKernel,
  Tile: tileKernel,
  AvgPoolGrad: avgPoolGradKernel,
  Conv3D: conv3dKernel,
  Conv3DBackpropFilterV2: conv3dBackpropFilterKernel,
  Conv3DBackpropInputV2: conv3dBackpropInputKernel,
  Slice: sliceKernel,
  Identity: identityKernel,
  Cast: castKernel,
  Concat: concatKernel,
  SplitV: splitVKernel,
};

/** Kernels wasm lacks, by name. */
const ADDED: Record<string, tf.KernelFunc> = {
  Conv2DBackpropFilter: conv2dBackpropFilterKernel as tf.KernelFunc,
  UnsortedSegmentSum: unsortedSegmentSumKernel as tf.KernelFunc,
};

/** Names of the kernels this module registers or replaces on wasm. */
export const WASM_KERNELS: readonly string[] = [...Object.keys(ADDED), ...Object.keys(WRAPPERS)];

/** Registers the project's wasm kernels (idempotent). */
export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  for (const [kernelName, kernelFunc] of Object.entries(ADDED)) {
    if (tf.getKernel(kernelName, WASM)) tf.unregisterKernel(kernelName, WASM);
    tf.registerKernel({ kernelName, backendName: WASM, kernelFunc });
  }
  for (const [kernelName, wrap] of Object.entries(WRAPPERS)) {
    const stock = tf.getKernel(kernelName, WASM);
    if (!stock) continue;
    tf.unregisterKernel(kernelName, WASM);
    // Keep the stock setup (it binds the wasm function the fallback calls).
    tf.registerKernel({ kernelName, backendName: WASM, setupFunc: stock.setupFunc, disposeFunc: stock.disposeFunc, kernelFunc: wrap(stock.kernelFunc) });
  }
  shareSavedTensors();
  installFusedMse();
}
