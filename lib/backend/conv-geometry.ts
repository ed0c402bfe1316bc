/**
 * The geometry of one 2-D convolution (channels-last) as our gradient kernels use it, taken from tfjs's
 * `Conv2DInfo`, and the index arithmetic they share: output pixel (i, j) with kernel offset (kh, kw)
 * reads input pixel (i·sh + kh − top, j·sw + kw − left).
 *
 * Used by ./conv2d-backprop-filter (im2col) and ./conv2d-backprop-input (col2im).
 */
import * as tf from '@tensorflow/tfjs';

/** Shapes and padding of one convolution, as the gradient needs them (sizes in pixels). */
export interface ConvGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

/** The fields of tfjs's Conv2DInfo the gradient kernels need. */
export function geometryOf(info: tf.backend_util.Conv2DInfo): ConvGeometry {
  return {
    batchSize: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/**
 * The output columns j ∈ [start, end) whose input column j·sw + kw − left lies inside [0, W), for the
 * kernel column kw; the others read the zero padding.
 */
export function columnRange(g: ConvGeometry, kw: number): [number, number] {
  const start = Math.min(g.outWidth, Math.max(0, Math.ceil((g.padLeft - kw) / g.strideWidth)));
  const end = Math.max(start, Math.min(g.outWidth, Math.ceil((g.inWidth + g.padLeft - kw) / g.strideWidth)));
  return [start, end];
}
