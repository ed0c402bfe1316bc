/**
 * The Galaxy Zoo part's sizes per run profile (notebook 03-galaxy-zoo-gc, part A): image size, set
 * sizes, epochs and CNN widths. `smoke` only checks that every cell runs; `default` is the study at a
 * few minutes on one core; `full` is the largest we run (the challenge's crops are 424×424).
 *
 * A notebook changes one value with `const GZ = { ...galaxyZooSettings(profile), epochs: 5 }`.
 */
import type { ProfileName } from '../../profile';

/** Sizes of the Galaxy Zoo part. */
export interface GalaxyZooSettings {
  /** image side in pixels */
  size: number;
  /** simulated training and test galaxies */
  nTrain: number;
  nTest: number;
  epochs: number;
  /** filters of the CNN's conv blocks, and the width of its dense layer */
  filters: number[];
  dense: number;
}

export const GALAXY_ZOO_SETTINGS: Readonly<Record<ProfileName, GalaxyZooSettings>> = {
  smoke: { size: 24, nTrain: 96, nTest: 48, epochs: 1, filters: [8, 16], dense: 16 },
  default: { size: 40, nTrain: 1200, nTest: 300, epochs: 10, filters: [16, 32, 32], dense: 64 },
  full: { size: 64, nTrain: 20000, nTest: 4000, epochs: 30, filters: [32, 64, 64], dense: 256 },
};

/** A fresh copy of the settings of `profile` (changing it does not change the table). */
export function galaxyZooSettings(profile: ProfileName): GalaxyZooSettings {
  const s = GALAXY_ZOO_SETTINGS[profile];
  return { ...s, filters: [...s.filters] };
}
