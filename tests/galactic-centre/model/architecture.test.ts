import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { buildModel, countParameters, largeModelSpec, smallModelSpec, summarize } from '../../../lib/galactic-centre/model/architecture';
import { Random } from '../../../lib/random';
import { modelWeights } from '../../helpers';

before(async () => {
  await tf.setBackend('cpu');
});

test("the seed's tables: 274,465 and 209,272,789 parameters", () => {
  assert.equal(countParameters([90, 120, 3], smallModelSpec(1)), 274465);
  assert.equal(countParameters([920, 920, 3], largeModelSpec()), 209272789);
  const rows = summarize([90, 120, 3], smallModelSpec(1));
  assert.equal(rows[9].outputShape, '(None, 15808)');
  assert.equal(rows[10].params, 252944);
});

test('the built tfjs model has the counted parameters and outputs in (0, 1)', () => {
  const spec = smallModelSpec(0.1, 0.8, 3);
  const model = buildModel([30, 40, 3], spec, new Random(5));
  assert.equal(model.countParams(), countParameters([30, 40, 3], spec));
  const y = tf.tidy(() => (model.predict(tf.ones([2, 30, 40, 3])) as tf.Tensor).arraySync() as number[][]);
  assert.equal(y[0].length, 3);
  y.forEach((row) => assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5));
  model.dispose();
});

test('same seed → same initial weights and the same noise and dropout masks; another seed → others', () => {
  const spec = smallModelSpec(0.1, 0.8, 1);
  const [a, b, c] = [1, 1, 2].map((seed) => buildModel([30, 40, 3], spec, new Random(seed)));
  assert.deepEqual(modelWeights(a), modelWeights(b));
  assert.notDeepEqual(modelWeights(a), modelWeights(c));
  const x = tf.ones([2, 30, 40, 3]);
  const trainingOutput = (m: tf.Sequential) => Array.from((m.apply(x, { training: true }) as tf.Tensor).dataSync());
  assert.deepEqual(trainingOutput(a), trainingOutput(b));
  x.dispose();
  [a, b, c].forEach((m) => m.dispose());
});
