/**
 * Training the DarkMachines autoencoders (AE, VAE, β-VAE of `../model/vae.ts`) on Standard-Model events
 * through `lib/train`'s `customFit` (seeded batch order, progress, history), with the
 * reparametrisation trick z = μ + σ·ε (Kingma & Welling 2014) for the variational models.
 *
 * Used by notebook 04-darkmachines, `beta-scan.ts`, `../evaluate/anomaly-detectors.ts` and `../model/generator.ts`'s study.
 */
import * as tf from '@tensorflow/tfjs';
import type { Random } from '../../random';
import { arrayBlock, type Batch } from '../../train/batches';
import { customFit } from '../../train/fit';
import type { History } from '../../train/history';
import type { ProgressMode } from '../../train/progress';
import type { Matrix } from '../data/features';
import { betaVaeLoss, type Autoencoder, type Reconstruction } from '../model/vae';

/** Options of {@link trainAutoencoder}. */
export interface TrainAutoencoderOptions {
  /** β of the β-VAE loss (ignored by a plain AE; default 1) */
  beta?: number;
  /** squared error averaged (default, the talk's MSE) or summed over the inputs (`../model/vae.ts`) */
  reconstruction?: Reconstruction;
  epochs: number;
  batchSize?: number;
  /** Adam learning rate (default 1e-3) */
  lr?: number;
  rng: Random;
  /** rows used for `val_` losses (optional) */
  validation?: Matrix;
  progress?: ProgressMode;
  label?: string;
}

/** One forward pass with the reparametrisation trick z = μ + σ·ε (ε from a seed of `rng`). */
function forward(model: Autoencoder, x: tf.Tensor2D, beta: number, rng: Random, sample: boolean, reconstruction: Reconstruction) {
  const out = model.encoder.apply(x, { training: true }) as tf.Tensor2D | tf.Tensor2D[];
  if (!model.options.variational) {
    const z = Array.isArray(out) ? out[0] : out;
    return betaVaeLoss(x, model.decoder.apply(z) as tf.Tensor2D, null, null, beta, reconstruction);
  }
  const [mu, logVar] = out as tf.Tensor2D[];
  const eps = sample ? tf.randomNormal(mu.shape, 0, 1, 'float32', rng.integer(0, 2 ** 31)) : tf.zerosLike(mu);
  const z = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps)) as tf.Tensor2D;
  return betaVaeLoss(x, model.decoder.apply(z) as tf.Tensor2D, mu, logVar, beta, reconstruction);
}

/** Trains on the rows of X (scaled features); returns the per-epoch `History` (loss, mse, kl). */
export async function trainAutoencoder(model: Autoencoder, X: Matrix, opts: TrainAutoencoderOptions): Promise<History> {
  const beta = opts.beta ?? 1;
  const noise = opts.rng.fork('reparametrisation');
  const block = (m: Matrix) => {
    const b = arrayBlock(m.data, [m.rows, m.cols]);
    return { x: b, y: b };
  };
  const optimizer = tf.train.adam(opts.lr ?? 1e-3);
  try {
    return await customFit<Batch>(
    {
      optimizer,
      variables: [model.encoder, model.decoder],
      step: (batch, ctx) => forward(model, batch.x as tf.Tensor2D, beta, noise, ctx.training, opts.reconstruction ?? 'mean'),
    },
    { train: block(X), validation: opts.validation ? block(opts.validation) : undefined },
    { epochs: opts.epochs, batchSize: opts.batchSize ?? 256, rng: opts.rng, progress: opts.progress, label: opts.label },
    );
  } finally {
    optimizer.dispose(); // Adam's moment estimates
  }
}
