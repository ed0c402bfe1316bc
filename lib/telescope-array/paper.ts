/**
 * What the seed reports for the Telescope Array part (Kalashev 2019, lecture "Machine Learning in
 * Astroparticle Physics", `001_e6871d04dded2029.txt`), and `telescopeArrayResults`, which sets our
 * numbers beside it for `recordResults`.
 *
 * The lecture gives no numbers for its network: it defines the explained variance EV as the figure of
 * merit and shows resolution plots (Δcos θ, ΔE/E) before and after the correction. So every quantity
 * here has no paper value, except the number of training events (the lecture's ~10⁶); the sources
 * say which slide shows the corresponding plot. Besides the two sets' EVs and resolutions the
 * notebook records the run's scale (`train_events`, `peak_rss_mb`), the time-resolution ablation
 * (`ablation_ev_*_80ns` against `_20ns`) and the digit warm-up's accuracy.
 *
 * Used by the Telescope Array notebook's closing section.
 */
import { ownQuantity, type Direction, type Quantity } from '../results/verdict';
import type { Measured } from '../results/record';

const SEED = 'seed 001 (Kalashev 2019)';
const EV_SOURCE = `${SEED}, "Explained variance score" slides: EV is the figure of merit, shown without values`;
const PLOT_SOURCE = `${SEED}, "preliminary results" slides: resolution plots before and after the correction, no values`;

/** Explained variance of one target of one set (nuclei or photons). */
function ev(target: 'nx' | 'ny' | 'log10e', set: Sample): Quantity {
  const name = { nx: 'n_x', ny: 'n_y', log10e: 'log10 E' }[target];
  return ownQuantity(`ev_${target}_${set}`, `EV of ${name} (${set})`, '', 'higher-is-better', EV_SOURCE);
}

type Sample = 'nuclei' | 'photons';
type Stage = 'standard' | 'corrected';

/**
 * The resolution rows, keyed `<prefix>_<set>_<std|corr><suffix>` as issue 17 names them (e.g.
 * `angle68_nuclei_std_deg`, `de_over_e_sigma_nuclei_corr`).
 */
const RESOLUTIONS: { key: keyof Resolution; prefix: string; suffix: string; label: string; unit: string; direction: Direction }[] = [
  { key: 'angle68', prefix: 'angle68', suffix: '_deg', label: '68 % containment angle', unit: '°', direction: 'lower-is-better' },
  { key: 'biasE', prefix: 'de_over_e_bias', suffix: '', label: 'ΔE/E bias', unit: '', direction: 'closer-is-better' },
  { key: 'sigmaE', prefix: 'de_over_e_sigma', suffix: '', label: 'ΔE/E σ', unit: '', direction: 'lower-is-better' },
  { key: 'relSigmaE', prefix: 'de_over_e_rel_sigma', suffix: '', label: 'σ/(1 + bias) of E_rec/E_true', unit: '', direction: 'lower-is-better' },
  { key: 'sigmaLogE', prefix: 'sigma_log10e', suffix: '', label: 'σ(Δlog10 E)', unit: '', direction: 'lower-is-better' },
];
const STAGE_KEY: Record<Stage, string> = { standard: 'std', corrected: 'corr' };

/** Resolution figures of one set at one stage, as the notebook computes them. */
export type Resolution = { angle68: number; biasE: number; sigmaE: number; relSigmaE: number; sigmaLogE: number };

/** Our numbers for one set: EV per target and the resolutions of the standard and corrected reconstructions. */
export type SetNumbers = { ev: Record<string, number>; standard: Resolution; corrected: Resolution };

/** One target's EV from `evaluate`'s record (keys `dNx`, `dNy`, `dLog10E`). */
function evOf(o: SetNumbers, target: string): number {
  if (!(target in o.ev)) throw new Error(`telescopeArrayResults: no explained variance for "${target}" (have ${Object.keys(o.ev).join(', ')})`);
  return o.ev[target];
}

function setResults(set: Sample, o: SetNumbers): Measured[] {
  const evRows: Measured[] = [
    { ...ev('nx', set), ours: evOf(o, 'dNx') },
    { ...ev('ny', set), ours: evOf(o, 'dNy') },
    { ...ev('log10e', set), ours: evOf(o, 'dLog10E'), headline: set === 'nuclei' },
  ];
  const resolutionRows = RESOLUTIONS.flatMap((r) =>
    (['standard', 'corrected'] as Stage[]).map((stage) => ({
      ...ownQuantity(`${r.prefix}_${set}_${STAGE_KEY[stage]}${r.suffix}`, `${r.label} (${set}, ${stage})`, r.unit, r.direction, PLOT_SOURCE),
      ours: o[stage][r.key],
    })),
  );
  return [...evRows, ...resolutionRows];
}

const TRAINING_SOURCE = `${SEED}, "Training the model": ~10⁶ training samples (100 GB), streamed from HDF5 with Keras generators`;
const WARMUP_SOURCE = `${SEED}, "MNIST database" and "Convolutional ANN" slides: the digits as the CNN example, no accuracy quoted`;
const ABLATION_SOURCE = `${SEED}, "SD reconstruction NN architecture": waveforms (N, N, T, 2) with T = 128–256 bins of 20 ns; no ablation shown`;

/** The run's scale: training events streamed (the lecture's ~10⁶ as its value) and the process's peak memory. */
function trainingRows(t: { trainEvents: number; peakRssMb: number }): Measured[] {
  return [
    { key: 'train_events', label: 'training events (nuclei + photons)', unit: 'events', ours: t.trainEvents, paper: 1e6, source: TRAINING_SOURCE, direction: 'higher-is-better', tolerance: 0.5, relative: true },
    { ...ownQuantity('peak_rss_mb', 'peak resident memory while streaming', 'MB', 'lower-is-better', TRAINING_SOURCE), ours: t.peakRssMb },
  ];
}

/** The time-resolution ablation: mean and log-energy validation EV per bin width. */
function ablationRows(rows: readonly { 'bin (ns)': number; 'mean val EV': number; dLog10E: number }[]): Measured[] {
  return rows.flatMap((r) => [
    { ...ownQuantity(`ablation_ev_mean_${r['bin (ns)']}ns`, `ablation: mean validation EV, ${r['bin (ns)']} ns bins`, '', 'higher-is-better', ABLATION_SOURCE), ours: r['mean val EV'] },
    { ...ownQuantity(`ablation_ev_log10e_${r['bin (ns)']}ns`, `ablation: validation EV of log10 E, ${r['bin (ns)']} ns bins`, '', 'higher-is-better', ABLATION_SOURCE), ours: r.dLog10E },
  ]);
}

/** What the notebook records besides the two sets' numbers (each part optional). */
export interface ExtraNumbers {
  training?: { trainEvents: number; peakRssMb: number };
  ablation?: readonly { 'bin (ns)': number; 'mean val EV': number; dLog10E: number }[];
  /** test accuracy of the MNIST-shaped warm-up */
  warmupAccuracy?: number;
}

/** Our numbers for `recordResults('02-telescope-array', ...)`: nuclei and photons, EV and resolutions, and the extras. */
export function telescopeArrayResults(o: { nuclei: SetNumbers; photons: SetNumbers } & ExtraNumbers): Measured[] {
  const warmup: Measured[] =
    o.warmupAccuracy === undefined ? [] : [{ ...ownQuantity('warmup_digits_accuracy', 'warm-up: CNN accuracy on MNIST-shaped synthetic digits', '', 'higher-is-better', WARMUP_SOURCE), ours: o.warmupAccuracy }];
  return [
    ...warmup,
    ...setResults('nuclei', o.nuclei),
    ...setResults('photons', o.photons),
    ...(o.training ? trainingRows(o.training) : []),
    ...(o.ablation ? ablationRows(o.ablation) : []),
  ];
}
