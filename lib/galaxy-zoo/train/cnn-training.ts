/**
 * Training the Galaxy Zoo CNN on images with rotation / flip augmentation.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import type * as tf from '@tensorflow/tfjs';
import { Random } from '../../random';
import { arrayBlock, fit, type History } from '../../train';
import { augmentedSource } from '../data/augment';
import { NUM_TARGETS } from '../data/decision-tree';

/** Images `[n, size, size, 3]` and targets `[n, 37]`. */
export interface ImageSet {
  images: Float32Array;
  targets: Float32Array;
  n: number;
  size: number;
}

/** Options of {@link trainGalaxyCnn}. */
export interface GalaxyTrainOptions {
  epochs: number;
  batchSize: number;
  /** seeds the batch order and the augmentation */
  rng: Random;
  /** rotation / flip augmentation (default true) */
  augment?: boolean;
  /** early-stopping patience on val_loss (default: none) */
  patience?: number;
}

/** Trains a compiled 37-output model with augmented batches, validating on `validation`. */
export function trainGalaxyCnn(model: tf.LayersModel, train: ImageSet, validation: ImageSet, o: GalaxyTrainOptions): Promise<History> {
  const { n, size } = train;
  return fit(
    model,
    {
      train: augmentedSource(train.images, train.targets, [n, size, size, 3], NUM_TARGETS, { batchSize: o.batchSize, augment: o.augment }),
      validation: { x: arrayBlock(validation.images, [validation.n, size, size, 3]), y: arrayBlock(validation.targets, [validation.n, NUM_TARGETS]) },
    },
    { epochs: o.epochs, batchSize: 128, rng: o.rng, ...(o.patience ? { earlyStopping: { monitor: 'val_loss', patience: o.patience } } : {}) },
  );
}
