import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { smallCnn } from '../../lib/tour/model';
import { Random } from '../../lib/random';

before(async () => {
  await tf.setBackend('cpu');
});

test('reference configuration: shapes and parameter count', () => {
  const model = smallCnn({ inputShape: [32, 32, 8], rng: new Random(1) });
  // conv 3·3·8·32+32 = 2336; conv 3·3·32·64+64 = 18496; 6·6·64 = 2304 → dense 64: 147520; out 65
  assert.equal(model.countParams(), 2336 + 18496 + 147520 + 65);
  const before = tf.memory().numTensors;
  const y = tf.tidy(() => model.predict(tf.zeros([3, 32, 32, 8])) as tf.Tensor);
  assert.deepEqual(y.shape, [3, 1]);
  y.dispose();
  assert.equal(tf.memory().numTensors, before);
  model.dispose();
});

test('same seed, same initial weights', () => {
  const weights = (seed: number) => {
    const model = smallCnn({ inputShape: [8, 8, 1], filters: [4], dense: [8], rng: new Random(seed) });
    const w = model.getWeights().map((t) => Array.from(t.dataSync()));
    model.dispose();
    return w;
  };
  assert.deepEqual(weights(5), weights(5));
  assert.notDeepEqual(weights(5), weights(6));
});
