/**
 * The run settings of notebook 05-zprime, one typed object per profile (`smoke`, `default`, `full`):
 * how many events are simulated and in which chunks, the sizes of the trees, the baseline network
 * and its variants, and the budget of the hyper-parameter searches. The notebook shows them as a
 * table (`settingsTable`); to change one, spread the profile's object: `{ ...settings(profile), epochs: 5 }`.
 *
 * Used by notebook 05-zprime and the study's training steps (`variants.ts`, `trees.ts`, `network-search.ts`).
 */
import type { ProfileName } from '../../profile';

/** Every size of a Z′ run. */
export interface ZprimeSettings {
  /** Simulated events (signal 1 %), streamed in chunks of `chunk` events. */
  nEvents: number;
  chunk: number;
  /** Integrated luminosity of the weights, fb⁻¹ (ATLAS Open Data 13 TeV: 10 fb⁻¹). */
  lumiFb: number;
  /** Random forest trees; gradient-boosting iterations. */
  rfTrees: number;
  gbdtIters: number;
  /** Hidden widths of the baseline tabular network (fastai's default 200/100). */
  layers: readonly number[];
  /**
   * Training epochs of the baseline network (and of the seed's network), and the batch size of every
   * network. The seed trained its default learner and its optuna network for 10 epochs (§3.2 and §3.2.4
   * print fastai's epoch 9, counted from 0); `full` does the same.
   */
  epochs: number;
  batch: number;
  /** Loss / imbalance variants trained (the first `variants` of `NETWORK_VARIANTS`), on the first `variantRows` training events. */
  variants: number;
  variantRows: number;
  /** Training epochs of each variant (the seed's loss and sampling variants ran 5 epochs: epoch 4 in §3.2.1–3.2.3). */
  variantEpochs: number;
  /** Trials of each search (random and TPE, the same budget), epochs per trial, training events per trial. */
  trials: number;
  trialEpochs: number;
  searchRows: number;
  /** Random trials before TPE starts proposing (optuna's n_startup_trials, scaled to the budget). */
  tpeStartup: number;
  /**
   * The seed's optuna result (§3.2.4): layers 800/1000/1200 with embedding size 0.1 join the search
   * space, and that network is trained on all training events beside the baseline.
   */
  seedNetwork: boolean;
  /** Keep each finished step under `reports/<profile>/checkpoints/` and resume from them. */
  checkpoints: boolean;
}

const SMOKE: ZprimeSettings = {
  nEvents: 20_000, chunk: 10_000, lumiFb: 10, rfTrees: 20, gbdtIters: 60, layers: [64, 32], epochs: 2, batch: 512,
  variants: 4, variantRows: 20_000, variantEpochs: 2, trials: 3, trialEpochs: 2, searchRows: 8_000, tpeStartup: 2, seedNetwork: false, checkpoints: false,
};

const DEFAULT: ZprimeSettings = {
  nEvents: 120_000, chunk: 40_000, lumiFb: 10, rfTrees: 40, gbdtIters: 150, layers: [200, 100], epochs: 3, batch: 1024,
  variants: 8, variantRows: 100_000, variantEpochs: 3, trials: 8, trialEpochs: 3, searchRows: 30_000, tpeStartup: 4, seedNetwork: false, checkpoints: false,
};

const FULL: ZprimeSettings = {
  nEvents: 1_000_000, chunk: 100_000, lumiFb: 10, rfTrees: 100, gbdtIters: 300, layers: [200, 100], epochs: 10, batch: 2048,
  variants: 8, variantRows: 200_000, variantEpochs: 5, trials: 20, trialEpochs: 4, searchRows: 200_000, tpeStartup: 10, seedNetwork: true, checkpoints: true,
};

const BY_PROFILE: Record<ProfileName, ZprimeSettings> = { smoke: SMOKE, default: DEFAULT, full: FULL };

/** The settings of a profile (a fresh copy: spread it to change a value). */
export function settings(profile: ProfileName): ZprimeSettings {
  return { ...BY_PROFILE[profile] };
}

/** The settings as a two-column table (setting, value) for `showTable`. */
export function settingsTable(s: ZprimeSettings): { setting: string[]; value: string[] } {
  const entries = Object.entries(s) as [string, number | boolean | readonly number[]][];
  return {
    setting: entries.map(([k]) => k),
    value: entries.map(([, v]) => (typeof v === 'number' ? v.toLocaleString('en-US') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v.join('/'))),
  };
}
