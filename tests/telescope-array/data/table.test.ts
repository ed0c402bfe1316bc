import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STANDARD_FEATURES, TRUTH_FEATURES } from '../../../lib/telescope-array/data/event';
import { showerColumns } from '../../../lib/telescope-array/data/table';

/** Two showers' summaries in storage order (see event.ts): 10^1.2 EeV Fe at 30°, a 10^0.6 EeV photon at 0°. */
function summaries() {
  const truth = new Float32Array(2 * TRUTH_FEATURES.length);
  const standard = new Float32Array(2 * STANDARD_FEATURES.length);
  const set = (row: number, values: Record<string, number>, names: readonly string[], into: Float32Array) => {
    for (const [k, v] of Object.entries(values)) into[row * names.length + names.indexOf(k)] = v;
  };
  set(0, { primary: 3, log10EnergyEeV: 1.2, zenith: Math.PI / 6, xmax: 750 }, TRUTH_FEATURES, truth);
  set(1, { primary: 4, log10EnergyEeV: 0.6, zenith: 0, xmax: 900 }, TRUTH_FEATURES, truth);
  set(0, { log10S800: 1.5, nHit: 9, chi2PerNdf: 1.1 }, STANDARD_FEATURES, standard);
  set(1, { log10S800: 0.5, nHit: 5, chi2PerNdf: 0.9 }, STANDARD_FEATURES, standard);
  return { n: 2, truth, standard };
}

describe('showerColumns', () => {
  it('names the primaries, bins the true energy and converts the zenith to degrees', () => {
    const c = showerColumns(summaries());
    assert.deepEqual(Object.keys(c), ['primary', 'log10E', 'energyBin', 'zenithDeg', 'xmax', 'log10S800', 'nHit', 'chi2PerNdf']);
    assert.deepEqual(c.primary, ['Fe', 'photon']);
    assert.deepEqual(c.energyBin, ['1–1.5', '0.5–1']);
    assert.ok(Math.abs((c.zenithDeg as number[])[0] - 30) < 1e-4);
    assert.deepEqual(c.nHit, [9, 5]);
  });
});
