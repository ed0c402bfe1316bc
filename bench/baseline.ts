/**
 * The "before" configuration for comparisons: stock tfjs-backend-wasm 4.22 plus only the one kernel it
 * needs to train a CNN at all, `Conv2DBackpropFilter` written as a single forward convolution (the
 * transposed-convolution identity from the tfjs issue tracker: treat Cin as the batch and N as the
 * channels, convolve x [Cin, H, W, N] with dy [OH, OW, N, Cout] as the filter, strides ↔ dilations,
 * crop to KH×KW). Not registered by the library; `bench/profile.ts --baseline` uses it.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as tfwasm from '@tensorflow/tfjs-backend-wasm';
import { projectRoot } from '../lib/paths';

/** The filter gradient as one forward convolution (see the file header). */
export function filterGradByConv(x: tf.Tensor4D, dy: tf.Tensor4D, info: tf.backend_util.Conv2DInfo): tf.Tensor4D {
  return tf.tidy(() => {
    const xT = tf.transpose(x, [3, 1, 2, 0]); // [Cin, H, W, N]
    const dyF = tf.transpose(dy, [1, 2, 0, 3]); // [OH, OW, N, Cout]
    const extH = (info.outHeight - 1) * info.strideHeight + 1;
    const extW = (info.outWidth - 1) * info.strideWidth + 1;
    const bottom = Math.max(0, info.filterHeight - 1 + extH - info.inHeight - info.padInfo.top);
    const right = Math.max(0, info.filterWidth - 1 + extW - info.inWidth - info.padInfo.left);
    const pad: tf.backend_util.ExplicitPadding = [[0, 0], [info.padInfo.top, bottom], [info.padInfo.left, right], [0, 0]];
    const out = tf.conv2d(xT, dyF, 1, pad, 'NHWC', [info.strideHeight, info.strideWidth]);
    const cropped = tf.slice(out, [0, 0, 0, 0], [info.inChannels, info.filterHeight, info.filterWidth, info.outChannels]);
    return tf.transpose(cropped, [1, 2, 0, 3]);
  });
}

/** Starts the stock wasm backend (1 thread) with only the baseline Conv2DBackpropFilter added. */
export async function startBaselineWasm(): Promise<void> {
  const req = createRequire(path.join(projectRoot(), 'package.json'));
  tfwasm.setWasmPaths(path.dirname(req.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep);
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs }) => {
      const { x, dy } = inputs as unknown as { x: tf.Tensor4D; dy: tf.Tensor4D };
      const a = attrs as unknown as { strides: number | [number, number]; pad: 'valid' | 'same'; dimRoundingMode?: 'floor' | 'round' | 'ceil'; filterShape: [number, number, number, number] };
      const info = tf.backend_util.computeConv2DInfo(x.shape, a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode);
      return filterGradByConv(x, dy, info);
    },
  });
  await tf.setBackend('wasm');
  console.log('tfjs backend: wasm, stock kernels + transposed-convolution Conv2DBackpropFilter (baseline)');
}
