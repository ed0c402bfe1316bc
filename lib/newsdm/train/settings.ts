/**
 * The NEWSdm notebook's settings per profile: sample sizes, image size, epochs, tree counts, network
 * widths (first-layer filters) and the sizes of the training-size, rotation and six-class studies, as
 * one typed object per profile. `full` is the seed's scale (§2.1: ~15 000 signal and ~7 000 background
 * clusters; §4.2.1: VGG widths from 64 filters); `smoke` and `default` scale it down to run in seconds
 * and minutes on 2 cores.
 *
 * Used by `notebooks/01-newsdm.ipynb`, which shows the active profile's settings as a table.
 */
import { profileName, type ProfileName } from '../../profile';
import { studyCheckpoints, type Checkpoints } from '../../train/checkpoint';
import type { Architecture } from '../model';

/** Everything the NEWSdm notebook's size depends on. */
export interface NewsdmSettings {
  /** signal (C 100 keV) and background clusters of the binary set */
  nSignal: number;
  nBackground: number;
  /** image side, pixels (55 nm each) */
  size: number;
  /** epochs of the four binary CNNs */
  epochs: number;
  /** runs on 75 % subsamples, and tree counts, of the trees-against-AUC study (seed Fig. 7) */
  treeRuns: number;
  treeCounts: number[];
  /** first-layer filters of each architecture (the seed: 64 for the VGG-like nets) */
  widths: Record<Architecture, number>;
  /** the training-size study (seed Fig. 11): fractions of all clusters, epochs, network */
  sizeFractions: number[];
  sizeEpochs: number;
  sizeModel: Architecture;
  /** the rotation study (seed §4.2.3): training clusters rotated, copies per cluster, epochs */
  rotBase: number;
  rotCopies: number;
  rotEpochs: number;
  /** the six-class study: clusters per class, epochs */
  perClass: number;
  sixEpochs: number;
  /** keep each trained network and finished study under `reports/<profile>/checkpoints/01-newsdm/` and resume from them */
  checkpoints: boolean;
}

/** The settings of each profile. */
export const NEWSDM_SETTINGS: Readonly<Record<ProfileName, NewsdmSettings>> = {
  smoke: {
    nSignal: 240, nBackground: 120, size: 16, epochs: 2,
    treeRuns: 2, treeCounts: [1, 5, 20],
    widths: { simple2d: 16, vgg2d: 4, simple3d: 4, vgg3d: 2 },
    sizeFractions: [0.2, 0.6], sizeEpochs: 2, sizeModel: 'simple3d',
    rotBase: 80, rotCopies: 6, rotEpochs: 2, perClass: 40, sixEpochs: 2, checkpoints: false,
  },
  default: {
    nSignal: 1600, nBackground: 800, size: 16, epochs: 8,
    treeRuns: 5, treeCounts: [1, 3, 10, 30, 100, 300],
    widths: { simple2d: 32, vgg2d: 8, simple3d: 8, vgg3d: 4 },
    sizeFractions: [0.1, 0.2, 0.4, 0.6], sizeEpochs: 5, sizeModel: 'simple3d',
    rotBase: 500, rotCopies: 6, rotEpochs: 6, perClass: 300, sixEpochs: 8, checkpoints: false,
  },
  full: {
    nSignal: 15000, nBackground: 7000, size: 32, epochs: 30,
    treeRuns: 50, treeCounts: [1, 3, 10, 30, 100, 300, 1000],
    widths: { simple2d: 32, vgg2d: 64, simple3d: 32, vgg3d: 64 },
    sizeFractions: [0.1, 0.2, 0.4, 0.6], sizeEpochs: 20, sizeModel: 'vgg3d',
    rotBase: 15000, rotCopies: 6, rotEpochs: 20, perClass: 15000, sixEpochs: 30, checkpoints: true,
  },
};

/** The settings of `profile` (default: the active one), a deep copy the caller may change. */
export function newsdmSettings(profile: ProfileName = profileName()): NewsdmSettings {
  return structuredClone(NEWSDM_SETTINGS[profile]) as NewsdmSettings;
}

/**
 * The checkpoints of a NEWSdm run with `settings` and the notebook's `seed`: on where `settings.checkpoints`
 * (`full`), under `reports/<profile>/checkpoints/01-newsdm/<hash of settings and seed>/`, so that a stopped
 * `full` run resumes with every network and study it finished; off (nothing kept) otherwise.
 */
export function newsdmCheckpoints(settings: NewsdmSettings, seed: number, profile: ProfileName = profileName()): Checkpoints {
  return studyCheckpoints('01-newsdm', settings, profile, seed, settings.checkpoints);
}

/** Settings as rows `{ setting, value }` for a table: nested objects flattened (`widths.vgg3d`), arrays joined. */
export function settingsRows(settings: object, prefix = ''): { setting: string; value: string }[] {
  return Object.entries(settings).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return settingsRows(value as object, name);
    return [{ setting: name, value: Array.isArray(value) ? value.join(', ') : String(value) }];
  });
}
