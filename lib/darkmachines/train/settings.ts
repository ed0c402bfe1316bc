/**
 * The sizes of notebook 04-darkmachines, one typed object per profile (`smoke` checks that everything
 * runs, `default` is the study in a few minutes on 2 cores, `full` is larger), and the table the
 * notebook shows them in. Change one in a cell with `const P = { ...darkmachines.settings(profile), epochs: 5 }`.
 *
 * Used by notebook 04-darkmachines.
 */
import type { ProfileName } from '../../profile';
import type { ChannelName } from '../data/channels';
import type { VaeSettings } from './beta-scan';

/** Everything the notebook sizes by profile. */
export interface DarkMachinesSettings {
  /** seed of the notebook's `Random` */
  seed: number;
  /** the challenge channel the study works in */
  channel: ChannelName;
  /** object slots K of the feature vector */
  maxObjects: number;
  /** SM events in the channel (half train, half test) */
  nSM: number;
  /** events per signal in the channel */
  nSignal: number;
  /** the β-VAEs of the β scan (encoder widths outer to inner, latent size Z) */
  vae: VaeSettings;
  /** epochs of the detectors' small autoencoders */
  latentAeEpochs: number;
  /** isolation-forest trees */
  trees: number;
  /** the same detectors on the 4-vector inputs: AE widths, latent size, epochs; EM iterations of the 74-D GMM */
  inputDetectors: { hidden: number[]; latentDim: number; epochs: number; gmmMaxIter: number };
  /** Gaussian-mixture components of the density detectors */
  gmmComponents: number;
  /** β values of the β-convention ablation (latent size, MSE summed, training length) */
  ablationBetas: number[];
  /** tt̄ events to train the generator on (and to generate) */
  genEvents: number;
  genEpochs: number;
  /** the generator's β-VAE: latent size (the talk: Z = 20) and encoder widths */
  genLatentDim: number;
  genHidden: number[];
  /** events generated and timed for the rate (the talk: 10⁷ in 3 minutes) */
  genRateEvents: number;
  /** likelihood calls per scanner on each test function */
  scanBudget: number;
  /** dimensions of the test functions */
  dims: number[];
  /** likelihood calls per scanner on the 19-parameter pMSSM toy */
  pmssmBudget: number;
}

const VAE = { latentDim: 8, hidden: [64, 32], batchSize: 256, lr: 2e-3 };
const COMMON = { seed: 2105, channel: 'chan3', maxObjects: 6, gmmComponents: 8, genLatentDim: 20 } as const;

const PROFILES: Record<ProfileName, DarkMachinesSettings> = {
  smoke: {
    ...COMMON, nSM: 2000, nSignal: 200, vae: { ...VAE, epochs: 2 }, latentAeEpochs: 2, trees: 30,
    inputDetectors: { hidden: [64, 32], latentDim: 8, epochs: 2, gmmMaxIter: 5 },
    ablationBetas: [5e-3, 0], genEvents: 1000, genEpochs: 2, genHidden: [64, 32], genRateEvents: 20_000, scanBudget: 1500, dims: [2, 4], pmssmBudget: 3000,
  },
  default: {
    ...COMMON, nSM: 20000, nSignal: 2000, vae: { ...VAE, epochs: 12 }, latentAeEpochs: 15, trees: 100,
    inputDetectors: { hidden: [64, 32], latentDim: 8, epochs: 12, gmmMaxIter: 20 },
    ablationBetas: [5e-3, 5e-4, 0], genEvents: 10000, genEpochs: 20, genHidden: [64, 32], genRateEvents: 200_000, scanBudget: 20000, dims: [2, 4, 8, 16], pmssmBudget: 30000,
  },
  // `full` against the seed (/work/shared/seeds/002_29c16a89b2a888ad.txt): it states the β table (1 … 0, all eight in
  // the notebook's scan), the generator's 28-D events, Z = 20 and "10 million events in 3 minutes" (genRateEvents = 10⁷);
  // it gives no event counts, epochs, widths or scanner budgets (the challenge's data is ">30GB"), so those are ours.
  full: {
    ...COMMON, nSM: 60000, nSignal: 5000, vae: { ...VAE, epochs: 30 }, latentAeEpochs: 30, trees: 200,
    inputDetectors: { hidden: [64, 32], latentDim: 8, epochs: 30, gmmMaxIter: 200 },
    ablationBetas: [5e-3, 5e-4, 5e-5, 0], genEvents: 40000, genEpochs: 40, genHidden: [64, 32], genRateEvents: 10_000_000, scanBudget: 50000, dims: [2, 4, 8, 16], pmssmBudget: 100000,
  },
};

/** The settings of one profile (a fresh copy: change it freely). */
export function settings(profile: ProfileName): DarkMachinesSettings {
  const s = PROFILES[profile];
  return { ...s, vae: { ...s.vae, hidden: [...s.vae.hidden] }, inputDetectors: { ...s.inputDetectors, hidden: [...s.inputDetectors.hidden] }, dims: [...s.dims],
    ablationBetas: [...s.ablationBetas], genHidden: [...s.genHidden] };
}

/** One row per setting (nested objects flattened as `vae.epochs`), for `showTable`. */
export function settingsRows(s: DarkMachinesSettings): { setting: string; value: string }[] {
  const flat = (prefix: string, o: object): { setting: string; value: string }[] =>
    Object.entries(o).flatMap(([k, v]) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) ? flat(`${prefix}${k}.`, v as object) : [{ setting: `${prefix}${k}`, value: Array.isArray(v) ? v.join(', ') : String(v) }],
    );
  return flat('', s);
}
