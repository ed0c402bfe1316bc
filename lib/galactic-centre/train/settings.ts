/**
 * The Galactic Centre parts' sizes per run profile (notebook 03-galaxy-zoo-gc, parts B and C): map
 * size, maps per (background, DM step) cell, epochs, patience and batch of the DM classifier, the
 * profile task, the Bayesian CNN, and whether the large model is timed. `smoke` only checks that
 * every cell runs; `default` is the study at a few minutes on one core; `full` is the seed's scale.
 *
 * A notebook changes one value with `const GC = { ...galacticCentreSettings(profile), epochs: 5 }`.
 */
import * as path from 'node:path';
import { projectRoot } from '../../paths';
import type { ProfileName } from '../../profile';
import { settingsHash } from '../../train/checkpoint';

/** Sizes of the Galactic Centre parts. */
export interface GalacticCentreSettings {
  /** counts-map rows and columns over the seed's 9° × 12° field (the seed's small model: 90 × 120) */
  height: number;
  width: number;
  /** maps with DM per (background, DM step) cell, as many without: training, validation (early stopping) and test sets */
  perCell: number;
  valPerCell: number;
  testPerCell: number;
  /** the seed's lr 5·10⁻⁴ run: epochs, early-stopping patience on the validation set (0: none), batch */
  epochs: number;
  patience: number;
  batch: number;
  /**
   * gradient accumulation: each batch in slices of this many maps, one optimizer step per batch (0:
   * none). At `full` a batch of 500 maps of 90×120 overflows the 4 GB WebAssembly heap in one piece
   * (measured, `bench/gc-full-estimate.ts`); in slices of 100 the step is the same and fits.
   */
  microBatch: number;
  /** epochs of the seed's comparison runs (batch 100, Fig. 7; lr 5·10⁻³, Fig. 8), no early stopping */
  failEpochs: number;
  /** checkpoint the DM classifier's runs after every epoch under `reports/<profile>/checkpoints/` (a rerun resumes) */
  checkpoints: boolean;
  /** the NFW / Einasto / none task: maps per cell and epochs */
  profilePerCell: number;
  profileEpochs: number;
  /** the Bayesian CNN of part C: training and test maps, epochs, MC-dropout passes */
  gceTrain: number;
  gceTest: number;
  gceEpochs: number;
  gcePasses: number;
  /** time one training step of the seed's large model (920×920 images) */
  timeLargeModel: boolean;
}

export const GALACTIC_CENTRE_SETTINGS: Readonly<Record<ProfileName, GalacticCentreSettings>> = {
  smoke: {
    height: 24, width: 32, perCell: 1, valPerCell: 1, testPerCell: 1, epochs: 2, patience: 0, batch: 50, failEpochs: 1, microBatch: 0, checkpoints: false,
    profilePerCell: 1, profileEpochs: 1, gceTrain: 48, gceTest: 24, gceEpochs: 1, gcePasses: 4, timeLargeModel: false,
  },
  default: {
    height: 30, width: 40, perCell: 15, valPerCell: 5, testPerCell: 5, epochs: 20, patience: 6, batch: 50, failEpochs: 8, microBatch: 0, checkpoints: false,
    profilePerCell: 12, profileEpochs: 12, gceTrain: 600, gceTest: 200, gceEpochs: 20, gcePasses: 20, timeLargeModel: false,
  },
  full: {
    height: 90, width: 120, perCell: 180, valPerCell: 20, testPerCell: 20, epochs: 100, patience: 20, batch: 500, failEpochs: 100, microBatch: 100, checkpoints: true,
    profilePerCell: 100, profileEpochs: 40, gceTrain: 10000, gceTest: 2000, gceEpochs: 40, gcePasses: 30, timeLargeModel: true,
  },
};

/** A fresh copy of the settings of `profile`. */
export function galacticCentreSettings(profile: ProfileName): GalacticCentreSettings {
  return { ...GALACTIC_CENTRE_SETTINGS[profile] };
}

/**
 * The checkpoint folder of the DM classifier's runs, `reports/<profile>/checkpoints/03-galaxy-zoo-gc/<settings hash>/`,
 * or undefined when `settings.checkpoints` is off. The hash covers the settings and the seed, so a
 * changed setting starts afresh instead of resuming another run.
 */
export function gcCheckpointFolder(settings: GalacticCentreSettings, profile: ProfileName, seed: number): string | undefined {
  if (!settings.checkpoints) return undefined;
  return path.join(projectRoot(), 'reports', profile, 'checkpoints', '03-galaxy-zoo-gc', settingsHash({ ...settings, seed }));
}
