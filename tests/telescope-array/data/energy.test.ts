/** The S800 → energy table. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAllClose, assertClose } from '../../helpers';
import { energyFromTable, fitEnergyTable } from '../../../lib/telescope-array/data/energy';

test('recovers a zenith-dependent line log10 E = α(θ) + β log10 S800 closely', () => {
  const logS: number[] = [], zen: number[] = [], logE: number[] = [];
  for (let i = 0; i < 600; i++) {
    const z = Math.acos(1 - (i % 60) / 60 * (1 - Math.cos(Math.PI / 4)) * 0.999);
    const s = -0.5 + (i % 17) / 8;
    logS.push(s);
    zen.push(z);
    logE.push(0.1 + 0.5 * (1 / Math.cos(z) - 1) + 0.95 * s);
  }
  const table = fitEnergyTable(logS, zen, logE, 4);
  assert.equal(table.secCentres.length, 4);
  assertAllClose(table.beta, [0.95, 0.95, 0.95, 0.95], { rtol: 1e-2 });
  // α is linear in sec θ: interpolation between bin centres follows it
  const z = 0.5;
  assertClose(energyFromTable(table, 1.2, z), 0.1 + 0.5 * (1 / Math.cos(z) - 1) + 0.95 * 1.2, { atol: 0.01 });
});

test('needs events in at least one bin', () => {
  assert.throws(() => fitEnergyTable([1], [0.1], [1]), /fewer than 3 events/);
});
