/** Tests of lib/darkmachines/model/generator.ts: distances on known samples, observables, generation end to end. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { compareSamples, eventObservables, fitLatentPrior, generateEvents, ksStatistic, timeGeneration, truncatedMultiplicityKs, wasserstein1 } from '../../../lib/darkmachines/model/generator';
import { eventsToGeneratorMatrix, StandardScaler } from '../../../lib/darkmachines/data/generator-features';
import type { DmEvent } from '../../../lib/darkmachines/data/event';
import { simulateProcess } from '../../../lib/darkmachines/data/simulator';
import { buildAutoencoder, disposeAutoencoder } from '../../../lib/darkmachines/model/vae';
import { trainAutoencoder } from '../../../lib/darkmachines/train/autoencoder';
import { Random } from '../../../lib/random';
import { assertClose } from '../../helpers';

before(async () => {
  await tf.setBackend('cpu');
});

test('Wasserstein-1 and KS on known samples', () => {
  assertClose(wasserstein1([0, 1, 2], [0, 1, 2]), 0, { atol: 1e-12 });
  assertClose(wasserstein1([0, 1, 2], [3, 4, 5]), 3, { rtol: 1e-12 }); // a shift by 3
  assertClose(wasserstein1([0], [1, 3]), 2, { rtol: 1e-12 });
  assertClose(ksStatistic([0, 1, 2, 3], [0, 1, 2, 3]), 0, { atol: 1e-12 });
  assertClose(ksStatistic([0, 1], [5, 6]), 1, { atol: 1e-12 });
  assertClose(ksStatistic([1, 2, 3, 4], [3, 4, 5, 6]), 0.5, { atol: 1e-12 });
  assert.ok(Number.isNaN(wasserstein1([], [1])));
});

test('observables of simulated events', () => {
  const evs = simulateProcess('ttbar', 50, new Random(1)).events;
  const obs = eventObservables(evs);
  assert.equal(obs.MET.length, 50);
  assert.ok(obs.nJets.every((v, i) => v <= obs.nObjects[i]));
  assert.ok(obs.leadPt.every((v) => v >= 0));
});

test('β-VAE generator end to end on 28-D vectors: events come out from the mixture and the N(0, 1) prior, distances are finite, a rate is timed', async () => {
  const evs = simulateProcess('ttbar', 300, new Random(2)).events;
  const X0 = eventsToGeneratorMatrix(evs);
  const scaler = StandardScaler.fit(X0);
  const X = scaler.transform(X0);
  const model = buildAutoencoder({ inputDim: X.cols, latentDim: 3, hidden: [16], variational: true, rng: new Random(3) });
  await trainAutoencoder(model, X, { beta: 0.01, epochs: 3, batchSize: 64, rng: new Random(4), progress: 'none' });
  const prior = fitLatentPrior(model, X, 3, new Random(5));
  const gen = generateEvents(model, prior, scaler, 200, new Random(6));
  assert.equal(generateEvents(model, 'standard-normal', scaler, 50, new Random(7)).length, 50);
  const rate = await timeGeneration(model, prior, scaler, 1000, new Random(8), 300);
  disposeAutoencoder(model);
  assert.equal(rate.events, 1000);
  assert.ok(rate.eventsPerSecond > 0 && rate.seconds > 0);
  assert.equal(gen.length, 200);
  const rows = compareSamples(evs, gen);
  assert.deepEqual(rows.map((r) => r.variable), ['MET', 'HT', 'nJets', 'nBJets', 'nLeptons', 'nObjects', 'leadPt', 'leadEta']);
  for (const r of rows) assert.ok(Number.isFinite(r.ks) && r.ks >= 0 && r.ks <= 1, r.variable);
});

test('an object-slot layout of K objects misses the multiplicity of events with more: truncatedMultiplicityKs', () => {
  const jet = (pt: number) => ({ type: 'j' as const, E: pt, pt, eta: 0, phi: 0 });
  const ev = (nJets: number): DmEvent => ({ id: '1', process: 'p', weight: 1, MET: 10, METphi: 0, objects: Array.from({ length: nJets }, (_, k) => jet(100 - k)) });
  const events = [ev(2), ev(4), ev(7), ev(8)];
  assert.equal(truncatedMultiplicityKs(events, 8), 0);
  assertClose(truncatedMultiplicityKs(events, 6), 0.5, { atol: 1e-12 }); // half the events have more than 6 jets
});
