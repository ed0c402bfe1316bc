/** Tests of lib/darkmachines/model/generator.ts: distances on known samples, observables, generation end to end. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { compareSamples, eventObservables, fitLatentPrior, generateEvents, ksStatistic, wasserstein1 } from '../../../lib/darkmachines/model/generator';
import { eventsToMatrix, FeatureScaler } from '../../../lib/darkmachines/data/features';
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

test('β-VAE generator end to end: events come out, distances are finite', async () => {
  const K = 4;
  const evs = simulateProcess('ttbar', 300, new Random(2)).events;
  const X0 = eventsToMatrix(evs, K);
  const scaler = FeatureScaler.fit(X0, K);
  const X = scaler.transform(X0);
  const model = buildAutoencoder({ inputDim: X.cols, latentDim: 3, hidden: [16], variational: true, rng: new Random(3) });
  await trainAutoencoder(model, X, { beta: 0.01, epochs: 3, batchSize: 64, rng: new Random(4), progress: 'none' });
  const prior = fitLatentPrior(model, X, 3, new Random(5));
  const gen = generateEvents(model, prior, scaler, 200, K, new Random(6));
  disposeAutoencoder(model);
  assert.equal(gen.length, 200);
  const rows = compareSamples(evs, gen);
  assert.deepEqual(rows.map((r) => r.variable), ['MET', 'HT', 'nJets', 'nBJets', 'nLeptons', 'nObjects', 'leadPt', 'leadEta']);
  for (const r of rows) assert.ok(Number.isFinite(r.ks) && r.ks >= 0 && r.ks <= 1, r.variable);
});
