/** Tests of lib/darkmachines/data/generator-features.ts: the 28-D layout, the round trip of the compared observables, decoding, the scaler. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsToGeneratorMatrix, GENERATOR_FEATURES, generatorMatrixToEvents, StandardScaler } from '../../../lib/darkmachines/data/generator-features';
import type { DmEvent, DmObject } from '../../../lib/darkmachines/data/event';
import { eventObservables } from '../../../lib/darkmachines/model/generator';
import { simulateProcess } from '../../../lib/darkmachines/data/simulator';
import { Random } from '../../../lib/random';
import { assertClose } from '../../helpers';

test('28 features: MET, two jet counts, the summed pT beyond the 6th jet, 6 jets and 2 leptons of (log pT, η, φ)', () => {
  assert.equal(GENERATOR_FEATURES.length, 28);
  assert.deepEqual(GENERATOR_FEATURES.slice(0, 5), ['logMET', 'nJets', 'nBJets', 'logHTrest', 'jet0_logPt']);
  assert.equal(GENERATOR_FEATURES[27], 'lep1_phi');
});

test('simulated tt̄ → 28-D → events keeps MET, HT, jet / b-jet / lepton multiplicities and the leading pT', () => {
  const events = simulateProcess('ttbar', 400, new Random(4)).events;
  const back = generatorMatrixToEvents(eventsToGeneratorMatrix(events), new Random(5));
  const [a, b] = [eventObservables(events), eventObservables(back)];
  assert.ok(a.nJets.some((n) => n > 6), 'the sample has events with more than 6 jets');
  for (const k of ['nJets', 'nBJets', 'nLeptons'] as const) assert.deepEqual(Array.from(b[k]), Array.from(a[k]), k);
  a.MET.forEach((v, i) => assertClose(b.MET[i], v, { rtol: 1e-4, label: `MET ${i}` }));
  a.HT.forEach((v, i) => assertClose(b.HT[i], v, { rtol: 1e-4, label: `HT ${i}` }));
  a.leadPt.forEach((v, i) => assertClose(b.leadPt[i], v, { rtol: 1e-4, label: `lead pT ${i}` }));
});

test('decoding continuous outputs: counts rounded and clipped, b-jets at most the jets, jets beyond 6 share the summed pT', () => {
  const row = new Float32Array(28);
  row.set([Math.log1p(50), 7.6, 9.2, Math.log1p(60)]); // 8 jets, 9 b-tags asked (at most 8), 60 GeV beyond the 6th
  for (let k = 0; k < 6; k++) row.set([Math.log1p(200 - 20 * k), 0.1 * k, 0.2], 4 + 3 * k);
  row.set([Math.log1p(2), 0, 0], 22); // a lepton slot below threshold: no lepton
  const [ev] = generatorMatrixToEvents({ data: row, rows: 1, cols: 28 }, new Random(1));
  const jets = ev.objects.filter((o: DmObject) => o.type === 'j' || o.type === 'b');
  assert.equal(jets.length, 8);
  assert.equal(jets.filter((o) => o.type === 'b').length, 8);
  assert.deepEqual(jets.slice(6).map((o) => Math.round(o.pt)), [30, 30]);
  assert.equal(ev.objects.length, 8);
  const none = new Float32Array(28).fill(0);
  none[1] = -0.7;
  assert.equal(generatorMatrixToEvents({ data: none, rows: 1, cols: 28 }, new Random(1))[0].objects.length, 0);
  assert.throws(() => generatorMatrixToEvents({ data: new Float32Array(27), rows: 1, cols: 27 }, new Random(1)), /27 columns, expected 28/);
});

test('StandardScaler: columns to mean 0, std 1, and back; a constant column keeps std 1', () => {
  const X = { data: Float32Array.from([1, 5, 3, 5, 5, 5]), rows: 3, cols: 2 };
  const s = StandardScaler.fit(X);
  const t = s.transform(X);
  assertClose(t.data[0], -Math.sqrt(1.5), { rtol: 1e-6 });
  assert.equal(t.data[1], 0);
  Array.from(s.inverse(t).data).forEach((v, i) => assertClose(v, X.data[i], { rtol: 1e-6 }));
  assert.throws(() => s.transform({ data: new Float32Array(3), rows: 1, cols: 3 }), /3 columns, fitted on 2/);
});

test('an event without objects round-trips to one without objects', () => {
  const ev: DmEvent = { id: '1', process: 'p', weight: 1, MET: 30, METphi: 1, objects: [] };
  const [back] = generatorMatrixToEvents(eventsToGeneratorMatrix([ev]), new Random(2));
  assert.equal(back.objects.length, 0);
  assertClose(back.MET, 30, { rtol: 1e-5 });
});
