/** Tests of lib/darkmachines/train/generator.ts: the generator study's samples have the asked sizes and no tensors leak. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { generatorStudy } from '../../../lib/darkmachines/train/generator';
import { Random } from '../../../lib/random';

before(async () => {
  await tf.setBackend('cpu');
});

test('generator study: three tt̄ samples of n events, positive rate, independent fresh sample, no leaked tensors', async () => {
  const before = tf.memory().numTensors;
  const vae = { latentDim: 2, hidden: [16], epochs: 1, batchSize: 64, lr: 2e-3 };
  const g = await generatorStudy({ nEvents: 150, epochs: 1, maxObjects: 4, vae, priorComponents: 2, rng: new Random(3) });
  assert.deepEqual([g.simulated.length, g.generated.length, g.truth.length], [150, 150, 150]);
  assert.ok(g.eventsPerSecond > 0 && g.trainSeconds > 0);
  assert.ok(g.truth.every((e) => e.process === 'ttbar'));
  assert.notDeepEqual(g.truth.map((e) => e.MET), g.simulated.map((e) => e.MET));
  assert.equal(tf.memory().numTensors, before, `${tf.memory().numTensors - before} tensors left`);
});
