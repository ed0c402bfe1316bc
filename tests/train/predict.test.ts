import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { predictBatches, predictScores } from '../../lib/train/predict';
import { arrayBlock } from '../../lib/train/batches';

before(async () => {
  await tf.setBackend('cpu');
});

test('batched prediction equals one big predict, for every output, without leaks', () => {
  const input = tf.input({ shape: [3] });
  const a = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }).apply(input) as tf.SymbolicTensor;
  const b = tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }).apply(input) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: [a, b] });
  const x = Float32Array.from({ length: 30 }, (_, i) => Math.cos(i));
  const before = tf.memory().numTensors;
  const [outA, outB] = predictBatches(model, arrayBlock(x, [10, 3]), { batchSize: 3 });
  assert.equal(tf.memory().numTensors, before);
  const [refA, refB] = tf.tidy(() => (model.predict(tf.tensor2d(x, [10, 3])) as tf.Tensor[]).map((t) => Array.from(t.dataSync())));
  assert.equal(outA.length, 20);
  assert.deepEqual(Array.from(outA).map((v) => v.toFixed(5)), refA.map((v) => v.toFixed(5)));
  assert.deepEqual(Array.from(outB).map((v) => v.toFixed(5)), refB.map((v) => v.toFixed(5)));
  const single = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });
  assert.equal(predictScores(single, arrayBlock(x, [10, 3])).length, 10);
  assert.equal(predictScores(single, arrayBlock(new Float32Array(0), [0, 3])).length, 0);
});
