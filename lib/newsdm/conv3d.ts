/**
 * A 3D convolution layer whose gradients are right on tfjs's WebAssembly backend: the convolution over
 * the polarisation (depth) axis is unrolled into the channels of a 2D convolution.
 *
 * Why: tfjs-backend-wasm 4.22 has Conv3D kernels, and their forward pass and filter gradient agree
 * with the cpu backend, but the input gradient (Conv3DBackpropInputV2) does not: max |diff| ~10 for
 * unit-normal inputs in every case we tried (padding same/valid, 1–4 channels, kernel depth 1 and 3;
 * `tests/newsdm/conv3d.test.ts` holds the reference computation). A stock Conv3D network therefore
 * back-propagates wrong gradients into every layer below the top convolution. This layer uses only
 * Conv2D kernels (whose wasm gradients `lib/backend` checks), at a cost: measured on one core, batch
 * 64, 8×16×16 volumes, forward + both gradients take 1.2–2× the CPU time of the stock kernels
 * (e.g. 8 → 8 channels: 300 ms against 158 ms); `bench/newsdm.ts` times a whole network both ways.
 *
 * How: for a kernel of depth kd, the input [b, D, H, W, C] (zero-padded in depth for `same`) is
 * stacked with its kd depth-shifted copies along the channels, [b·D', H, W, kd·C], and convolved in
 * 2D with a kernel [kh, kw, kd·C, F]. Output element (d, y, x, f) is then
 *   Σ_{j, u, v, c} x[d + j, y + u, x + v, c] · K[j, u, v, c, f],
 * exactly a 3D convolution (stride 1) with the tf.conv3d kernel K[j, u, v, c, f] ↦ K2[u, v, j·C + c, f]
 * (`toConv3dKernel` converts back; the test checks output and both gradients against tf.conv3d on
 * the cpu backend). The depth shifts are slices of the input viewed as [b, D·H·W·C] rows: 5D slices
 * take a slow generic path on wasm.
 *
 * Used by `./models` (the 3D CNNs of the NEWSdm notebook).
 */
import * as tf from '@tensorflow/tfjs';

/** Options of {@link Conv3DUnrolled}. */
export interface Conv3DUnrolledArgs {
  filters: number;
  /** kernel size [depth, height, width] (default [3, 3, 3]) */
  kernelSize?: [number, number, number];
  /** 'same' pads depth and space to keep their size; 'valid' does not (default 'same') */
  padding?: 'same' | 'valid';
  activation?: 'relu' | 'linear';
  /** seed of the Glorot-uniform kernel initialiser */
  seed?: number;
  inputShape?: number[];
  name?: string;
}

/** 3D convolution over [batch, depth, height, width, channels] as an unrolled 2D convolution (see the file header). */
export class Conv3DUnrolled extends tf.layers.Layer {
  static className = 'NewsdmConv3DUnrolled';
  private readonly filters: number;
  private readonly kernelSize: [number, number, number];
  private readonly padding: 'same' | 'valid';
  private readonly activation: 'relu' | 'linear';
  private readonly seed?: number;
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(args: Conv3DUnrolledArgs) {
    super({ inputShape: args.inputShape, name: args.name });
    this.filters = args.filters;
    this.kernelSize = args.kernelSize ?? [3, 3, 3];
    this.padding = args.padding ?? 'same';
    this.activation = args.activation ?? 'relu';
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[4] as number;
    const [kd, kh, kw] = this.kernelSize;
    this.kernel = this.addWeight('kernel', [kh, kw, kd * channels, this.filters], 'float32', tf.initializers.glorotUniform({ seed: this.seed }));
    this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const [kd, kh, kw] = this.kernelSize;
    const out = (n: number | null, k: number) => (n === null ? null : this.padding === 'same' ? n : n - k + 1);
    return [s[0], out(s[1], kd), out(s[2], kh), out(s[3], kw), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor5D;
      const y = conv3dUnrolled(x, this.kernel!.read() as tf.Tensor4D, this.kernelSize[0], this.padding);
      const z = tf.add(y, this.bias!.read());
      return this.activation === 'relu' ? tf.relu(z) : z;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), filters: this.filters, kernelSize: this.kernelSize, padding: this.padding, activation: this.activation };
  }
}
tf.serialization.registerClass(Conv3DUnrolled);

/**
 * The unrolled 3D convolution (stride 1, no bias).
 * @param x [b, D, H, W, C]
 * @param kernel2d [kh, kw, kd·C, F]
 * @param kd kernel depth
 * @returns [b, D', H', W', F] with D' = D ('same') or D − kd + 1 ('valid')
 */
export function conv3dUnrolled(x: tf.Tensor5D, kernel2d: tf.Tensor4D, kd: number, padding: 'same' | 'valid'): tf.Tensor5D {
  return tf.tidy(() => {
    const [b, D, H, W, C] = x.shape;
    const frame = H * W * C;
    const lo = padding === 'same' ? Math.floor((kd - 1) / 2) : 0;
    const hi = padding === 'same' ? kd - 1 - lo : 0;
    const dOut = padding === 'same' ? D : D - kd + 1;
    // Work on [b, D·H·W·C] rows: 5D slices are slow on wasm (a generic per-element path); 2D ones are copies.
    const flat = x.reshape([b, D * frame]);
    const padded = lo + hi > 0 ? tf.pad(flat, [[0, 0], [lo * frame, hi * frame]]) : flat;
    const shifted = Array.from({ length: kd }, (_, j) => tf.slice(padded, [0, j * frame], [b, dOut * frame]).reshape([b * dOut, H, W, C]) as tf.Tensor4D);
    const stacked = kd === 1 ? shifted[0] : tf.concat(shifted, 3);
    const y = tf.conv2d(stacked, kernel2d, 1, padding);
    return y.reshape([b, dOut, y.shape[1], y.shape[2], y.shape[3]]) as tf.Tensor5D;
  });
}

/** The tf.conv3d kernel [kd, kh, kw, C, F] equal to an unrolled kernel [kh, kw, kd·C, F]. */
export function toConv3dKernel(kernel2d: tf.Tensor4D, kd: number): tf.Tensor5D {
  return tf.tidy(() => {
    const [kh, kw, kdc, f] = kernel2d.shape;
    return kernel2d.reshape([kh, kw, kd, kdc / kd, f]).transpose([2, 0, 1, 3, 4]) as tf.Tensor5D;
  });
}
