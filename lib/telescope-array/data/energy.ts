/**
 * Energy from S800 and zenith through a table built from the simulation (seed: "Energy estimate —
 * table function"): in bins of sec θ, a straight line log10 E = α + β log10 S800 is fitted to
 * simulated events (true energy against reconstructed S800 and θ); between bin centres α and β are
 * interpolated linearly in sec θ.
 *
 * Used by `generate.ts` and notebooks/02-telescope-array.ipynb.
 */

/** The energy table: per sec θ bin centre, the line's intercept α and slope β. */
export interface EnergyTable {
  secCentres: number[];
  alpha: number[];
  beta: number[];
}

/**
 * Fits the table.
 * @param log10S800 reconstructed log10(S800 / (VEM/m²)) per event
 * @param zenith reconstructed zenith, rad
 * @param log10E true log10(E / EeV)
 * @param bins number of equal-width sec θ bins between 1 and sec 45° (default 6)
 */
export function fitEnergyTable(log10S800: ArrayLike<number>, zenith: ArrayLike<number>, log10E: ArrayLike<number>, bins = 6): EnergyTable {
  const secMax = 1 / Math.cos(Math.PI / 4);
  const width = (secMax - 1) / bins;
  const table: EnergyTable = { secCentres: [], alpha: [], beta: [] };
  for (let b = 0; b < bins; b++) {
    let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let i = 0; i < log10E.length; i++) {
      const k = Math.min(Math.max(Math.floor((1 / Math.cos(zenith[i]) - 1) / width), 0), bins - 1);
      if (k !== b || !Number.isFinite(log10S800[i])) continue;
      const x = log10S800[i];
      const y = log10E[i];
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    if (n < 3) continue;
    const beta = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    table.secCentres.push(1 + (b + 0.5) * width);
    table.beta.push(beta);
    table.alpha.push((sy - beta * sx) / n);
  }
  if (table.secCentres.length === 0) throw new Error('fitEnergyTable: fewer than 3 events in every zenith bin');
  return table;
}

/** log10(E / EeV) from the table for one event (constant extrapolation beyond the outer bin centres). */
export function energyFromTable(table: EnergyTable, log10S800: number, zenith: number): number {
  const sec = 1 / Math.cos(zenith);
  const c = table.secCentres;
  let k = 0;
  while (k < c.length - 2 && sec > c[k + 1]) k++;
  let w = c.length === 1 ? 0 : (sec - c[k]) / (c[k + 1] - c[k]);
  w = Math.min(Math.max(w, 0), 1);
  const at = (arr: number[]) => (c.length === 1 ? arr[0] : arr[k] * (1 - w) + arr[k + 1] * w);
  return at(table.alpha) + at(table.beta) * log10S800;
}
