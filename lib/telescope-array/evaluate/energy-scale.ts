/**
 * Why the photons' ΔE/E σ grows when the correction removes their energy bias (issue 17): σ of
 * ΔE/E = E_rec/E_true − 1 scales with the energy scale. The standard reconstruction, calibrated on
 * nuclei, gives photons energies low by a factor 1 + b (b ≈ −0.35), which shrinks their spread by
 * the same factor; a correction that only moved the scale to 1 would widen σ by 1/(1 + b) without
 * changing the resolution. The table built here makes that explicit:
 *
 * - `standard`, the standard reconstruction as it is;
 * - `standard, scale only`: the standard energies divided by their mean ratio 1 + b (what a perfect
 *   bias correction with no information about the event gives); its σ is σ_std/(1 + b);
 * - `corrected`, the network's correction;
 *
 * and splits each σ² into the spread within bins of true energy and the spread of the bins' mean
 * biases (σ² = within + between, with the n − 1 / per-bin weighting stated on `splitVariance`), since
 * a regression estimate pulls the lowest energies up and the highest down (the edges of the simulated
 * spectrum), which adds a between-bin part that the standard fit does not have.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import { meanStd } from '../../stats';
import { RESOLUTION_EDGES } from './plots';
import type { Evaluation } from './test-set';

/** One row of the energy-scale table. */
export type EnergyScaleRow = {
  reconstruction: string;
  'ΔE/E bias': number;
  'ΔE/E σ': number;
  'σ / (1 + bias)': number;
  'σ within E bins': number;
  'σ of bin biases': number;
};

/**
 * The total variance of `values` split by bins of `x`: Σ over bins of (n_b − 1) s_b² (within) and
 * n_b (m_b − m)² (between), each divided by n − 1, so that within + between is the sample variance
 * (n − 1) of the events inside the edges. Events outside the edges are left out of all three.
 */
export function splitVariance(x: ArrayLike<number>, values: ArrayLike<number>, edges: readonly number[]): { total: number; within: number; between: number } {
  const inside: number[] = [];
  const bins: number[][] = edges.slice(1).map(() => []);
  for (let i = 0; i < values.length; i++) {
    const b = edges.findIndex((e, k) => k < edges.length - 1 && x[i] >= e && x[i] < edges[k + 1]);
    if (b < 0) continue;
    bins[b].push(values[i]);
    inside.push(values[i]);
  }
  const all = meanStd(inside);
  let within = 0, between = 0;
  for (const bin of bins.filter((v) => v.length > 0)) {
    const s = meanStd(bin);
    within += bin.length > 1 ? (bin.length - 1) * s.std ** 2 : 0;
    between += bin.length * (s.mean - all.mean) ** 2;
  }
  return { total: all.std ** 2, within: within / (all.n - 1), between: between / (all.n - 1) };
}

function row(name: string, dEOverE: Float64Array, log10E: Float64Array, edges: readonly number[]): EnergyScaleRow {
  const { mean: bias, std: sigma } = meanStd(dEOverE);
  const split = splitVariance(log10E, dEOverE, edges);
  return {
    reconstruction: name,
    'ΔE/E bias': bias,
    'ΔE/E σ': sigma,
    'σ / (1 + bias)': sigma / (1 + bias),
    'σ within E bins': Math.sqrt(split.within),
    'σ of bin biases': Math.sqrt(split.between),
  };
}

/** The standard, scale-only and corrected energies of one test set side by side (see the file header). */
export function energyScaleTable(e: Evaluation, edges: readonly number[] = RESOLUTION_EDGES): EnergyScaleRow[] {
  const std = e.standard.dEOverE;
  const scale = 1 + meanStd(std).mean;
  const scaleOnly = std.map((d) => (1 + d) / scale - 1);
  return [
    row('standard', std, e.truth.log10E, edges),
    row('standard, scale only (÷ (1 + bias))', scaleOnly, e.truth.log10E, edges),
    row('corrected', e.corrected.dEOverE, e.truth.log10E, edges),
  ];
}
