/** The event simulator: geometry, sampling, determinism, composition effects. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../lib/random';
import { drawSampleEvent, drawShower, GRID_SPACING_M, patchPositions, simulateEvent } from '../../../lib/telescope-array/data/simulate';
import { groundShower, meanXmax, muonScale } from '../../../lib/telescope-array/data/primaries';

test('patch positions form a square grid 1.2 km apart around the cell [0, s)²', () => {
  const { x, y } = patchPositions(4);
  assert.deepEqual(Array.from(x.slice(0, 4)), [-1, 0, 1, 2].map((k) => k * GRID_SPACING_M));
  assert.deepEqual([y[0], y[4], y[8], y[12]], [-1, 0, 1, 2].map((k) => k * GRID_SPACING_M));
});

test('showers: E in 10^18.5–10^20 eV with an E^-1 spectrum, zenith < 45°, the four nuclei in equal parts', () => {
  const rng = new Random(5);
  const counts = [0, 0, 0, 0, 0];
  let below19 = 0;
  const n = 4000;
  for (let i = 0; i < n; i++) {
    const s = drawShower({ set: 'nuclei' }, rng);
    assert.ok(s.energyEeV >= 10 ** 0.5 && s.energyEeV <= 100);
    assert.ok(s.zenith >= 0 && s.zenith < Math.PI / 4);
    assert.ok(s.xCore >= 0 && s.xCore < GRID_SPACING_M);
    counts[s.primary]++;
    if (s.energyEeV < 10) below19++;
  }
  assert.equal(counts[4], 0);
  for (let p = 0; p < 4; p++) assert.ok(Math.abs(counts[p] / n - 0.25) < 0.03, `primary ${p}: ${counts[p]}`);
  // log-uniform: a third of the decades 18.5–20 lies below 10^19
  assert.ok(Math.abs(below19 / n - 1 / 3) < 0.03);
  assert.equal(drawShower({ set: 'photons' }, rng).primary, 4);
});

test('composition: heavier primaries are shallower and richer in muons; photons deeper and muon-poor', () => {
  assert.ok(meanXmax('Fe', 10) < meanXmax('N', 10) && meanXmax('N', 10) < meanXmax('H', 10) && meanXmax('H', 10) < meanXmax('photon', 10));
  assert.ok(muonScale('Fe') > muonScale('H') && muonScale('photon') < 0.2);
  const p = groundShower('H', 10, 0.3, meanXmax('H', 10));
  const fe = groundShower('Fe', 10, 0.3, meanXmax('Fe', 10));
  assert.ok(fe.sMu800 / (fe.sEm800 + fe.sMu800) > p.sMu800 / (p.sEm800 + p.sMu800));
  assert.ok(fe.etaEm < p.etaEm);
});

test('the same seed gives the same event', () => {
  const a = simulateEvent({ set: 'nuclei', T: 64, patch: 6 }, new Random(9));
  const b = simulateEvent({ set: 'nuclei', T: 64, patch: 6 }, new Random(9));
  assert.deepEqual(a.truth, b.truth);
  assert.deepEqual(a.detectors.map((d) => d.timeNs), b.detectors.map((d) => d.timeNs));
  assert.equal(a.detectors.length, 36);
});

test('most events at these energies trigger, with signals and times on the hit detectors', () => {
  const rng = new Random(6);
  let triggered = 0;
  for (let i = 0; i < 40; i++) {
    const ev = simulateEvent({ set: 'nuclei' }, rng);
    if (!ev.triggered) continue;
    triggered++;
    const hits = ev.detectors.filter((d) => d.state >= 2);
    assert.ok(hits.length >= 3);
    assert.ok(hits.every((d) => d.signal > 0 && Number.isFinite(d.timeNs)));
  }
  assert.ok(triggered >= 30, `${triggered} of 40 triggered`);
});

test('the sample event: the first triggered event above the energy asked for, as a loop over simulateEvent would find it', () => {
  const ev = drawSampleEvent({ set: 'nuclei', T: 32 }, new Random(3), 20);
  assert.ok(ev.triggered && ev.truth.energyEeV >= 20);
  const rng = new Random(3);
  let first = simulateEvent({ set: 'nuclei', T: 32 }, rng);
  while (!first.triggered || first.truth.energyEeV < 20) first = simulateEvent({ set: 'nuclei', T: 32 }, rng);
  assert.equal(ev.truth.energyEeV, first.truth.energyEeV);
  assert.throws(() => drawSampleEvent({ set: 'nuclei', T: 32 }, new Random(3), 1e6, 5), /no triggered nuclei event above 1000000 EeV in 5 draws/);
});
