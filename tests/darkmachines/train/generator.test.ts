/** Tests of lib/darkmachines/train/generator.ts: the generator study's samples have the asked sizes and no tensors leak. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { generatorStudy } from '../../../lib/darkmachines/train/generator';
import { Random } from '../../../lib/random';

before(async () => {
  await tf.setBackend('cpu');
});

test('generator study: four tt̄ samples of n events, the latent PCA, a timed rate, independent fresh sample, no leaked tensors', async () => {
  const before = tf.memory().numTensors;
  const g = await generatorStudy({ nEvents: 150, epochs: 1, latentDim: 3, hidden: [16], batchSize: 64, lr: 2e-3, priorComponents: 2, rateEvents: 250, rng: new Random(3) });
  assert.deepEqual([g.simulated.length, g.generated.length, g.generatedFromPrior.length, g.truth.length], [150, 150, 150, 150]);
  assert.ok(g.rate.eventsPerSecond > 0 && g.trainSeconds > 0);
  assert.equal(g.rate.events, 250);
  assert.equal(g.latentPca.components.length, 2);
  assert.equal(g.latentProjected.length, 300);
  assert.ok(g.truth.every((e) => e.process === 'ttbar'));
  assert.notDeepEqual(g.truth.map((e) => e.MET), g.simulated.map((e) => e.MET));
  assert.equal(tf.memory().numTensors, before, `${tf.memory().numTensors - before} tensors left`);
});
