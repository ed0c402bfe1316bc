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
import type { Trial } from './search';
import type { Architecture } from './optimizers';

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
  /** 20 ns bins pooled before the time convolutions of the main networks (4: 80 ns; 1: full resolution) */
  timePool: number;
  /** a fixed architecture for the main networks (`full`: the lecture's size); otherwise the search's best */
  architecture?: Trial;
  /** the time-resolution ablation: training events (from the nuclei shards) and epochs per variant */
  ablationEvents: number;
  ablationEpochs: number;
  /** the MNIST-shaped warm-up: training and test images, epochs */
  warmup: { trainImages: number; testImages: number; epochs: number };
  /** a folder for per-epoch checkpoints of the nuclei networks (resumable training; `full` only) */
  checkpoint?: string;
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
  timePool: 4,
  ablationEvents: 300,
  ablationEpochs: 1,
  warmup: { trainImages: 500, testImages: 200, epochs: 1 },
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
  ablationEvents: 3000,
  ablationEpochs: 3,
  warmup: { trainImages: 3000, testImages: 1000, epochs: 3 },
};

/**
 * The lecture's size at `full` (seed 001: "Number of weights to learn 10⁵ – 10⁶"): with N = 6 and
 * T = 128 at 20 ns, three time convolutions (16, 32, 64), two grid convolutions of 64 and dense
 * layers of 256 and 64 give 695 059 weights (the range is checked in tests/telescope-array/train/settings.test.ts).
 */
export const LECTURE_ARCHITECTURE: Trial = { conv1d: [16, 32, 64], conv2d: [64, 64], dense: [256, 64], l2: 1e-5, dropout: 0.1 };

const FULL: TelescopeArraySettings = {
  ...DEFAULT,
  N: 6,
  timePool: 1,
  architecture: LECTURE_ARCHITECTURE,
  checkpoint: 'reports/full/checkpoints/02-telescope-array',
  ablationEvents: 20000,
  warmup: { trainImages: 20000, testImages: 5000, epochs: 5 },
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
  return { ...s, sizes: { ...s.sizes }, warmup: { ...s.warmup } };
}

/** The main networks' architecture: the profile's fixed one if it has one, else the search's best trial, at the profile's N, T and time pooling. */
export function architectureFor(best: Trial, s: TelescopeArraySettings): Architecture {
  const { conv1d, conv2d, dense, l2, dropout } = s.architecture ?? best;
  return { N: s.N, T: s.T, timePool: s.timePool, conv1d, conv2d, dense, l2, dropout };
}

/** The settings as rows `{ setting, value }` for a table: nested objects flattened (`sizes.trainNuclei`), lists joined. */
export function settingsRows(s: object, prefix = ''): { setting: string; value: number | string }[] {
  return Object.entries(s).flatMap(([key, value]: [string, unknown]) => {
    const setting = prefix + key;
    if (Array.isArray(value)) return [{ setting, value: value.join('-') }];
    if (value !== null && typeof value === 'object') return settingsRows(value, `${setting}.`);
    return [{ setting, value: typeof value === 'number' ? value : String(value) }];
  });
}
