/**
 * What the seed reports for the Telescope Array part (Kalashev 2019, lecture "Machine Learning in
 * Astroparticle Physics", `001_e6871d04dded2029.txt`), and `telescopeArrayResults`, which sets our
 * numbers beside it for `recordResults`.
 *
 * The lecture gives no numbers for its network: it defines the explained variance EV as the figure of
 * merit and shows resolution plots (Δcos θ, ΔE/E) before and after the correction. So every quantity
 * here has no paper value; the sources say which slide shows the corresponding plot.
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

const RESOLUTIONS: { key: string; label: string; unit: string; direction: Direction }[] = [
  { key: 'angle68', label: '68 % containment angle', unit: '°', direction: 'lower-is-better' },
  { key: 'bias_de', label: 'ΔE/E bias', unit: '', direction: 'closer-is-better' },
  { key: 'sigma_de', label: 'ΔE/E σ', unit: '', direction: 'lower-is-better' },
  { key: 'rel_sigma_de', label: 'σ/(1 + bias) of E_rec/E_true', unit: '', direction: 'lower-is-better' },
  { key: 'sigma_log10e', label: 'σ(Δlog10 E)', unit: '', direction: 'lower-is-better' },
];

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
  const value = (r: Resolution, key: string) => ({ angle68: r.angle68, bias_de: r.biasE, sigma_de: r.sigmaE, rel_sigma_de: r.relSigmaE, sigma_log10e: r.sigmaLogE })[key]!;
  const evRows: Measured[] = [
    { ...ev('nx', set), ours: evOf(o, 'dNx') },
    { ...ev('ny', set), ours: evOf(o, 'dNy') },
    { ...ev('log10e', set), ours: evOf(o, 'dLog10E'), headline: set === 'nuclei' },
  ];
  const resolutionRows = RESOLUTIONS.flatMap((r) =>
    (['standard', 'corrected'] as Stage[]).map((stage) => ({
      ...ownQuantity(`${r.key}_${set}_${stage}`, `${r.label} (${set}, ${stage})`, r.unit, r.direction, PLOT_SOURCE),
      ours: value(o[stage], r.key),
    })),
  );
  return [...evRows, ...resolutionRows];
}

/** Our numbers for `recordResults('02-telescope-array', ...)`: nuclei and photons, EV and resolutions. */
export function telescopeArrayResults(o: { nuclei: SetNumbers; photons: SetNumbers }): Measured[] {
  return [...setResults('nuclei', o.nuclei), ...setResults('photons', o.photons)];
}
