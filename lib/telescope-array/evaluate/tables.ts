/**
 * The small tables of the Telescope Array notebook: a sample event's truth beside the standard fit,
 * the energy table, what making the data sets cost, and the random search's trials.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import type { TrueShower } from '../data/simulate';
import type { StandardFit } from '../data/reconstruct';
import type { EnergyTable } from '../data/energy';
import type { DataSets } from '../data/splits';
import { PRIMARIES } from '../data/primaries';
import type { TrialResult } from '../train/search';

const deg = (rad: number): number => (rad * 180) / Math.PI;

/** One event's true shower beside the standard reconstruction (angles in degrees). */
export function fitVersusTruth(truth: TrueShower, fit: StandardFit): { quantity: string; truth: number; standard: number }[] {
  return [
    { quantity: 'core x (m)', truth: truth.xCore, standard: fit.xCore },
    { quantity: 'core y (m)', truth: truth.yCore, standard: fit.yCore },
    { quantity: 'zenith (deg)', truth: deg(truth.zenith), standard: deg(fit.zenith) },
    { quantity: 'azimuth (deg)', truth: deg(truth.azimuth), standard: deg(fit.azimuth) },
    { quantity: 'S800 (VEM/m²)', truth: truth.s800, standard: fit.s800 },
    { quantity: 'χ² / ndf', truth: NaN, standard: fit.chi2 / fit.ndf },
  ];
}

/** A title for an event: primary, energy and zenith, e.g. "Fe, 31 EeV, θ = 27°". */
export function showerTitle(truth: TrueShower): string {
  return `${PRIMARIES[truth.primary]}, ${truth.energyEeV.toFixed(0)} EeV, θ = ${deg(truth.zenith).toFixed(0)}°`;
}

/** The energy table's lines log10(E/EeV) = α + β log10 S800, one row per sec θ bin. */
export function energyTableRows(table: EnergyTable): Record<string, number>[] {
  return table.secCentres.map((s, k) => ({ 'sec θ': s, 'θ (deg)': deg(Math.acos(1 / s)), α: table.alpha[k], β: table.beta[k] }));
}

/** What making the data sets cost: shards, megabytes, simulation speed, acceptance, seconds per step. */
export function dataSetSummary(data: DataSets): Record<string, unknown> {
  const splits = [data.trainNuclei, data.trainPhotons, data.validationNuclei, data.validationPhotons, data.testNuclei, data.testPhotons];
  return {
    shards: splits.reduce((a, s) => a + s.length, 0),
    MB: Number((data.bytes / 1e6).toFixed(1)),
    'simulated events/s': Math.round(data.eventsPerSecond),
    acceptance: Number(data.acceptance.toFixed(3)),
    seconds: data.seconds,
    cpuSeconds: Number(data.cpuSeconds.toFixed(1)),
  };
}

/** The search's trials as table rows (layer widths joined, "none" for no grid convolution). */
export function trialRows(trials: readonly TrialResult[]): Record<string, unknown>[] {
  return trials.map((t) => ({ ...t, conv1d: t.conv1d.join('-'), conv2d: t.conv2d.join('-') || 'none', dense: t.dense.join('-') }));
}

/** Training events of a split (the sum over its shards). */
export function eventCount(shards: readonly { n: number }[]): number {
  return shards.reduce((a, s) => a + s.n, 0);
}
