/**
 * The integer arrays that describe one convolution, pooling or matrix product to the oneDNN addon
 * (layouts as parsed in native/src/conv.cc, pool.cc and matmul.cc), built from tfjs's own shape
 * arithmetic (`computeConv2DInfo` and friends), so the sizes and paddings are exactly tfjs's.
 *
 * Used by ./native-kernels.
 */
import * as tf from '@tensorflow/tfjs';
import type { Geometry } from './native-addon';

type ConvInfo = tf.backend_util.Conv2DInfo | tf.backend_util.Conv3DInfo;

function is3d(info: ConvInfo): info is tf.backend_util.Conv3DInfo {
  return 'inDepth' in info;
}

/** Spatial sizes, depth first for 3-D: [in, filter, out, strides, dilations, padBegin], each per axis. */
function spatial(info: ConvInfo): number[][] {
  const p = info.padInfo as { top: number; left: number; front?: number };
  const hw = [
    [info.inHeight, info.inWidth], [info.filterHeight, info.filterWidth], [info.outHeight, info.outWidth],
    [info.strideHeight, info.strideWidth], [info.dilationHeight, info.dilationWidth], [p.top, p.left],
  ];
  if (!is3d(info)) return hw;
  const d = [info.inDepth, info.filterDepth, info.outDepth, info.strideDepth, info.dilationDepth, p.front ?? 0];
  return hw.map((pair, i) => [d[i], ...pair]);
}

/**
 * [rank, batch, inChannels, outChannels, in…, filter…, out…, strides…, dilations…, padBegin…] of a
 * channels-last convolution, or null when oneDNN cannot take it as it is (channels-first data, a
 * negative padding, which tfjs's 3-D 'same' gives when the stride exceeds the filter).
 */
export function convGeometry(info: ConvInfo): Geometry | null {
  if (info.dataFormat !== 'channelsLast') return null;
  const s = spatial(info);
  if (s[5].some((pad) => pad < 0)) return null;
  return [s[0].length, info.batchSize, info.inChannels, info.outChannels, ...s.flat()];
}

/** [rank, batch, channels, in…, window…, out…, strides…, padBegin…] of a channels-last max pooling (null if it does not fit, as above). */
export function poolGeometry(info: ConvInfo): Geometry | null {
  if (info.dataFormat !== 'channelsLast' || info.dilationHeight !== 1 || info.dilationWidth !== 1) return null;
  if (is3d(info) && info.dilationDepth !== 1) return null;
  const s = spatial(info);
  if (s[5].some((pad) => pad < 0)) return null;
  return [s[0].length, info.batchSize, info.inChannels, ...s[0], ...s[1], ...s[2], ...s[3], ...s[5]];
}

/**
 * [batchA, batchB, M, K, N, transposeA, transposeB] of a batched product of a [..., M, K] (or
 * [..., K, M] transposed) with b, and the output shape; null when the batch axes broadcast in a way the
 * addon does not take (it takes equal batch axes, or a single b for every a).
 */
export function matmulGeometry(a: number[], b: number[], transposeA: boolean, transposeB: boolean): { geometry: Geometry; outShape: number[] } | null {
  if (a.length < 2 || b.length < 2) return null;
  const [m, k] = transposeA ? [a[a.length - 1], a[a.length - 2]] : [a[a.length - 2], a[a.length - 1]];
  const [kb, n] = transposeB ? [b[b.length - 1], b[b.length - 2]] : [b[b.length - 2], b[b.length - 1]];
  if (k !== kb) return null; // let the stock kernel report the mismatch
  const outerA = a.slice(0, -2), outerB = b.slice(0, -2);
  const batchA = tf.util.sizeFromShape(outerA), batchB = tf.util.sizeFromShape(outerB);
  let outer: number[];
  if (batchB === 1 && outerB.length <= outerA.length) outer = outerA;
  else if (outerA.length === outerB.length && outerA.every((d, i) => d === outerB[i])) outer = outerA;
  else return null;
  return { geometry: [batchA, batchB, m, k, n, transposeA ? 1 : 0, transposeB ? 1 : 0], outShape: [...outer, m, n] };
}
