/**
 * Simulated showers as table columns for the notebook's data section (danfojs-node or arquero): per
 * event the true primary, energy (and its bin), zenith and Xmax, and what the standard reconstruction
 * saw (S800, hit detectors, χ²/ndf), read from the HDF5 shards' small per-event arrays.
 *
 * Used by notebook 02-telescope-array (`toDanfo(showerColumns(await readSummaries(shards)))`).
 */
import { binLabels, codeLabels, matrixColumns } from '../../frame';
import { STANDARD_FEATURES, TRUTH_FEATURES } from './event';
import { PRIMARIES } from './primaries';

/** Bin edges of log10(E / EeV) for the table: the simulated 10^18.5–10^20 eV (10^0.5–10^2 EeV) in half decades. */
export const ENERGY_BIN_EDGES = [0.5, 1, 1.5, 2] as const;

/** The per-event arrays `readSummaries` returns (row-major, float32). */
export interface ShowerSummaries {
  n: number;
  standard: Float32Array;
  truth: Float32Array;
}

/**
 * One row per shower: `primary` (H, He, N, Fe, photon), `log10E` = log10(E_true / EeV) and its
 * `energyBin` ("0.5–1", …), `zenithDeg` (true), `xmax` (g/cm²), and from the standard reconstruction
 * `log10S800` (VEM/m²), `nHit`, `chi2PerNdf`.
 */
export function showerColumns(s: ShowerSummaries, edges: readonly number[] = ENERGY_BIN_EDGES): Record<string, ArrayLike<unknown>> {
  const truth = matrixColumns(s.truth, TRUTH_FEATURES, ['primary', 'log10EnergyEeV', 'zenith', 'xmax']);
  const standard = matrixColumns(s.standard, STANDARD_FEATURES, ['log10S800', 'nHit', 'chi2PerNdf']);
  return {
    primary: codeLabels(truth.primary, PRIMARIES),
    log10E: truth.log10EnergyEeV,
    energyBin: binLabels(truth.log10EnergyEeV, edges),
    zenithDeg: truth.zenith.map((z) => (z * 180) / Math.PI),
    xmax: truth.xmax,
    ...standard,
  };
}
