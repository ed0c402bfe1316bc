/**
 * The NEWSdm CNNs of the seed (§4.2), built by functions taking an options object:
 *
 * - `simple2d`: polarisations as the 8 colour channels, one 3×3 convolution layer, max-pool, dense.
 * - `vgg2d`: VGG-like (Simonyan & Zisserman, arXiv:1409.1556): 4 blocks of two 3×3 convolutions and a
 *   2×2 max-pool, filters doubling from `width` (64 in the seed, after Shirobokov; scaled down in the
 *   notebook's smaller profiles).
 * - `simple3d`, `vgg3d`: the same with polarisation as a third (depth) axis and one channel, 3×3×3
 *   kernels (tfjs's Conv3D layer; on wasm its kernels come from `lib/backend`, since the stock input
 *   gradient is wrong there) and 2×2×2 pooling while the depth allows.
 *
 * Every model ends in a `class` head (sigmoid for 2 classes, softmax for more) and, with
 * `angleOutput`, a second `angle` head regressing the rotation angle θ (seed §4.2.3) as the unit
 * vector (cos 2θ, sin 2θ): a line has no head or tail, so θ and θ ± 180° are the same direction and
 * the doubled angle makes the target continuous across ±90° (see `./rotate`).
 * Inputs: 2D [n, S, S, 8] (`channelsLast`), 3D [n, 8, S, S, 1] (the stored layout).
 *
 * Used by the NEWSdm notebook and `bench/newsdm.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import { dropout } from '../layers';
import { Random } from '../random';
import { N_POL } from './data/physics';

/** The four architectures. */
export type Architecture = 'simple2d' | 'vgg2d' | 'simple3d' | 'vgg3d';

/** Options of the model builders. */
export interface CnnOptions {
  /** image height = width, pixels */
  size: number;
  /** number of classes (2: one sigmoid output; more: softmax) */
  nClasses?: number;
  /** filters of the (first) convolution layer (default: 32 simple, 64 VGG — the seed's) */
  width?: number;
  /** units of the hidden dense layer (default 64) */
  denseUnits?: number;
  /** dropout before the output (default 0.25) */
  dropout?: number;
  /** add the angle-regression head */
  angleOutput?: boolean;
  /** seeds the initialisers */
  rng: Random;
}

/** Whether an architecture takes 3D input [n, 8, S, S, 1]. */
export function is3d(arch: Architecture): boolean {
  return arch.endsWith('3d');
}

/** The input shape of one sample for an architecture. */
export function inputShape(arch: Architecture, size: number): number[] {
  return is3d(arch) ? [N_POL, size, size, 1] : [size, size, N_POL];
}

function seeded(rng: Random): ReturnType<typeof tf.initializers.glorotUniform> {
  return tf.initializers.glorotUniform({ seed: rng.integer(0, 2 ** 31 - 1) });
}

function conv2d(x: tf.SymbolicTensor, filters: number, rng: Random): tf.SymbolicTensor {
  return tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: seeded(rng) }).apply(x) as tf.SymbolicTensor;
}

function conv3d(x: tf.SymbolicTensor, filters: number, rng: Random): tf.SymbolicTensor {
  return tf.layers.conv3d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: seeded(rng) }).apply(x) as tf.SymbolicTensor;
}

/** 2×2 (2D) or 2×2×2 (3D, depth 1×2×2 once the depth is 1) max-pooling. */
function pool(x: tf.SymbolicTensor, three: boolean): tf.SymbolicTensor {
  if (!three) return tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor;
  const depth = x.shape[1] as number;
  return tf.layers.maxPooling3d({ poolSize: [depth > 1 ? 2 : 1, 2, 2] }).apply(x) as tf.SymbolicTensor;
}

/** The convolutional trunk of an architecture. */
function trunk(arch: Architecture, x: tf.SymbolicTensor, o: CnnOptions): tf.SymbolicTensor {
  const three = is3d(arch);
  const conv = three ? conv3d : conv2d;
  if (arch === 'simple2d' || arch === 'simple3d') return pool(conv(x, o.width ?? 32, o.rng), three);
  let h = x;
  let filters = o.width ?? 64;
  for (let block = 0; block < 4 && (h.shape[2] as number) >= 2; block++) {
    h = conv(conv(h, filters, o.rng), filters, o.rng);
    h = pool(h, three);
    filters *= 2;
  }
  return h;
}

/** Builds one of the four CNNs (see the file header); outputs `class` and optionally `angle`. */
export function buildCnn(arch: Architecture, o: CnnOptions): tf.LayersModel {
  const input = tf.input({ shape: inputShape(arch, o.size), name: 'images' });
  let h = tf.layers.flatten().apply(trunk(arch, input, o)) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: o.denseUnits ?? 64, activation: 'relu', kernelInitializer: seeded(o.rng) }).apply(h) as tf.SymbolicTensor;
  // a fresh seeded mask at every step (tfjs's own seeded Dropout repeats one mask; see lib/layers)
  if ((o.dropout ?? 0.25) > 0) h = dropout({ rate: o.dropout ?? 0.25, rng: o.rng.fork('dropout') }).apply(h) as tf.SymbolicTensor;
  const k = o.nClasses ?? 2;
  const cls = tf.layers
    .dense({ units: k === 2 ? 1 : k, activation: k === 2 ? 'sigmoid' : 'softmax', kernelInitializer: seeded(o.rng), name: 'class' })
    .apply(h) as tf.SymbolicTensor;
  const outputs = [cls];
  if (o.angleOutput) outputs.push(tf.layers.dense({ units: 2, activation: 'tanh', kernelInitializer: seeded(o.rng), name: 'angle' }).apply(h) as tf.SymbolicTensor);
  return tf.model({ inputs: input, outputs, name: arch });
}

/** Options of {@link compileCnn}. */
export interface CompileOptions {
  /** Adam learning rate (default 1e-3) */
  lr?: number;
  /** weight of the angle loss (mean absolute error of (cos 2θ, sin 2θ)) against the class loss (default 0.5: "a bit less", seed §4.2.3) */
  angleWeight?: number;
}

/** Compiles with Adam, cross-entropy (binary or categorical on one-hot targets) and accuracy; MAE for the angle head. */
export function compileCnn(model: tf.LayersModel, o: CompileOptions = {}): tf.LayersModel {
  const binary = (model.outputs[0].shape[1] as number) === 1;
  const clsLoss = binary ? 'binaryCrossentropy' : 'categoricalCrossentropy';
  const twoHeads = model.outputs.length > 1;
  model.compile({
    optimizer: tf.train.adam(o.lr ?? 1e-3),
    loss: twoHeads ? { class: clsLoss, angle: 'meanAbsoluteError' } : clsLoss,
    ...(twoHeads ? { lossWeights: { class: 1, angle: o.angleWeight ?? 0.5 } } : {}),
    metrics: twoHeads ? { class: 'accuracy' } : ['accuracy'],
  });
  return model;
}
