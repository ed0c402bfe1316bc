/**
 * The tour's settings per profile and its training run: the sizes a student changes (images, epochs,
 * filters, noise) as one typed object per profile, and the small CNN trained with `lib/train`'s `fit`
 * (seeded shuffling, early stopping on the validation loss, best weights restored).
 *
 * Used by notebooks/00-tour.ipynb.
 */
import * as tf from '@tensorflow/tfjs';
import { profileName, type ProfileName } from '../profile';
import { Random } from '../random';
import { arrayBlock, fit, type ArrayBlock, type History } from '../train';
import type { ImageSet } from './data';

/** Everything the tour's size depends on. */
export interface TourSettings {
  /** simulated images (all three parts together) */
  images: number;
  /** image side, pixels */
  size: number;
  /** camera noise σ, in units of a grain's peak brightness */
  noise: number;
  /** filters of each conv block of the CNN */
  filters: number[];
  /** units of the hidden dense layer */
  dense: number[];
  /** most epochs (early stopping may end sooner) */
  epochs: number;
  /** epochs without a better validation loss before stopping */
  patience: number;
  batchSize: number;
  /** Adam learning rate */
  lr: number;
}

const COMMON = { size: 16, noise: 0.3, dense: [32], patience: 4, batchSize: 64, lr: 2e-3 };

/** The settings of each profile: `smoke` (the tests, seconds), `default` (`npm start`), `full`. */
export const TOUR_SETTINGS: Readonly<Record<ProfileName, TourSettings>> = {
  smoke: { ...COMMON, images: 800, epochs: 6, filters: [8, 16] },
  default: { ...COMMON, images: 4000, epochs: 25, filters: [16, 32] },
  full: { ...COMMON, images: 20000, epochs: 40, filters: [32, 64] },
};

/** The settings of `profile` (default: the active one, `NOTEBOOK_PROFILE`), a fresh copy to change. */
export function tourSettings(profile: ProfileName = profileName()): TourSettings {
  const s = TOUR_SETTINGS[profile];
  return { ...s, filters: [...s.filters], dense: [...s.dense] };
}

/** Settings as rows `{ setting, value }` for a table (arrays written as `16, 32`). */
export function settingsRows(settings: object): { setting: string; value: string }[] {
  return Object.entries(settings).map(([setting, value]) => ({ setting, value: Array.isArray(value) ? value.join(', ') : String(value) }));
}

/** The network input of a toy set: [n, size, size, 1]. */
export function toyInput(set: ImageSet): ArrayBlock {
  return arrayBlock(set.x, [set.n, set.size, set.size, 1]);
}

/** Compiles `model` (Adam, binary cross-entropy) and trains it with early stopping; returns the history. */
export async function trainToyCnn(model: tf.LayersModel, parts: { train: ImageSet; validation: ImageSet }, settings: TourSettings, rng: Random): Promise<History> {
  model.compile({ optimizer: tf.train.adam(settings.lr), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const asData = (s: ImageSet) => ({ x: toyInput(s), y: s.y });
  return fit(model, { train: asData(parts.train), validation: asData(parts.validation) }, {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    rng,
    earlyStopping: { monitor: 'val_loss', patience: settings.patience, restoreBestWeights: true },
  });
}
