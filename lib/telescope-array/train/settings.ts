/**
 * The sizes of one run of the Telescope Array notebook, one typed settings object per profile:
 * `smoke` checks that everything runs (under a minute), `default` is the teaching run (a few minutes
 * on two cores), `full` approaches the lecture's scale (~10⁶ events on disk, streamed). The notebook
 * shows them as a table; to change one, spread them: `const P = { ...ta.settings(profile), epochs: 5 }`.
 *
 * The lecture's sizes (seed 001, "SD reconstruction NN architecture"): N = 4–8 detectors per side,
 * T = 128–256 bins of 20 ns; ~10⁶ training events (100 GB).
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import { profileName, type ProfileName } from '../../profile';
import type { SplitSizes } from '../data/splits';

/** Everything a run of the notebook sizes. */
export interface TelescopeArraySettings {
  /** detectors per side of the window around the reconstructed core */
  N: number;
  /** trace bins of 20 ns */
  T: number;
  /** the seed every generator of the run is forked from */
  seed: number;
  /** accepted events per split */
  sizes: SplitSizes;
  /** events per HDF5 shard */
  shardSize: number;
  /** random-search trials, epochs per trial, training events per trial */
  searchTrials: number;
  searchEpochs: number;
  searchEvents: number;
  /** epochs of the nuclei networks (both optimizers) and of the photon fine-tuning */
  epochs: number;
  photonEpochs: number;
  batchSize: number;
}

const SMOKE: TelescopeArraySettings = {
  N: 4,
  T: 128,
  seed: 2019,
  sizes: { calibration: 300, trainNuclei: 600, trainPhotons: 300, validationNuclei: 200, validationPhotons: 100, testNuclei: 300, testPhotons: 150 },
  shardSize: 500,
  searchTrials: 2,
  searchEpochs: 1,
  searchEvents: 300,
  epochs: 1,
  photonEpochs: 1,
  batchSize: 64,
};

const DEFAULT: TelescopeArraySettings = {
  ...SMOKE,
  sizes: { calibration: 2000, trainNuclei: 12000, trainPhotons: 5000, validationNuclei: 1500, validationPhotons: 600, testNuclei: 3000, testPhotons: 1500 },
  shardSize: 1000,
  searchTrials: 3,
  searchEpochs: 3,
  searchEvents: 4000,
  epochs: 5,
  photonEpochs: 8,
  batchSize: 128,
};

const FULL: TelescopeArraySettings = {
  ...DEFAULT,
  sizes: { calibration: 5000, trainNuclei: 800000, trainPhotons: 200000, validationNuclei: 10000, validationPhotons: 5000, testNuclei: 20000, testPhotons: 10000 },
  shardSize: 5000,
  searchTrials: 8,
  searchEpochs: 2,
  searchEvents: 20000,
  epochs: 10,
  photonEpochs: 10,
};

const SETTINGS: Record<ProfileName, TelescopeArraySettings> = { smoke: SMOKE, default: DEFAULT, full: FULL };

/** The settings of a profile (default: the active one, from `NOTEBOOK_PROFILE`); a fresh copy each call. */
export function settings(profile: ProfileName = profileName()): TelescopeArraySettings {
  const s = SETTINGS[profile];
  return { ...s, sizes: { ...s.sizes } };
}

/** The settings as rows `{ setting, value }` (split sizes flattened as `sizes.trainNuclei`, …) for a table. */
export function settingsRows(s: TelescopeArraySettings): { setting: string; value: number }[] {
  return Object.entries(s).flatMap(([key, value]) =>
    typeof value === 'number' ? [{ setting: key, value }] : Object.entries(value as SplitSizes).map(([k, v]) => ({ setting: `sizes.${k}`, value: v as number })),
  );
}
