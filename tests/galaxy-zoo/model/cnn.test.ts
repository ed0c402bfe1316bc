import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { columnMeans, galaxyCnn } from '../../../lib/galaxy-zoo/model/cnn';
import { arrayBlock, predictScores } from '../../../lib/train';
import { modelWeights } from '../../helpers';
import { Random } from '../../../lib/random';

before(async () => {
  await tf.setBackend('cpu');
});

test('the CNN maps [n, s, s, 3] to 37 sigmoids without leaking tensors', () => {
  const model = galaxyCnn({ size: 16, filters: [4, 8], dense: 8, rng: new Random(7) });
  const before = tf.memory().numTensors;
  const y = predictScores(model, arrayBlock(new Float32Array(5 * 16 * 16 * 3).fill(0.3), [5, 16, 16, 3]), { batchSize: 2 });
  assert.equal(y.length, 5 * 37);
  assert.ok(y.every((v) => v > 0 && v < 1));
  assert.equal(tf.memory().numTensors, before);
  model.dispose();
});

test('the constant baseline: column means', () => {
  const t = new Float32Array([0, 1, 1, 1]);
  assert.deepEqual(Array.from(columnMeans(t, 2)), [0.5, 1]);
});

test('galaxyCnn: same seed → same weights and dropout masks; another seed → others', () => {
  const [a, b, c] = [1, 1, 2].map((seed) => galaxyCnn({ size: 8, filters: [2], dense: 4, dropout: 0.5, rng: new Random(seed) }));
  assert.deepEqual(modelWeights(a), modelWeights(b));
  assert.notDeepEqual(modelWeights(a), modelWeights(c));
  const x = tf.ones([2, 8, 8, 3]);
  const trainingOutput = (m: tf.Sequential) => Array.from((m.apply(x, { training: true }) as tf.Tensor).dataSync());
  assert.deepEqual(trainingOutput(a), trainingOutput(b));
  x.dispose();
  [a, b, c].forEach((m) => m.dispose());
});
