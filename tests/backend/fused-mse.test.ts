/** The fused mean squared error of compiled models on wasm (lib/backend/fused-mse.ts): bit-identical to tfjs's. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { fusedMseCalls } from '../../lib/backend/fused-mse';
import { Random } from '../../lib/random';
import { normal, setUpBackends } from './compare';

before(setUpBackends);

type Loss = ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor) & { original?: Loss };

/** A seeded dense regression model compiled with 'meanSquaredError'; `tfjsLoss` puts tfjs's own function back. */
function model(seed: number, outputs: number, tfjsLoss: boolean): tf.Sequential {
  const rng = new Random(seed);
  const init = () => tf.initializers.glorotUniform({ seed: rng.int32() });
  const m = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [7], units: 9, activation: 'relu', kernelInitializer: init() }),
      tf.layers.dense({ units: outputs, kernelInitializer: init() }),
    ],
  });
  m.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  const inner = (m as unknown as { model: { lossFunctions: Loss[] } }).model;
  if (tfjsLoss) inner.lossFunctions = inner.lossFunctions.map((fn) => fn.original ?? fn);
  else assert.ok(inner.lossFunctions.every((fn) => fn.original), 'compile did not install the fused loss');
  return m;
}

test('training with the fused mean squared error gives the same bits as tfjs\'s, for one and several outputs per sample', async () => {
  await tf.setBackend('wasm');
  for (const outputs of [1, 5]) {
    const rng = new Random(40 + outputs);
    const x = tf.tensor(normal(rng, [50, 7]).values, [50, 7]), y = tf.tensor(normal(rng, [50, outputs]).values, [50, outputs]);
    const calls = fusedMseCalls;
    const weights = [] as Float32Array[][];
    const losses = [] as number[][];
    for (const tfjsLoss of [false, true]) {
      const m = model(3, outputs, tfjsLoss);
      const h = await m.fit(x, y, { epochs: 3, batchSize: 16, shuffle: false, verbose: 0 });
      losses.push(h.history.loss.map(Number));
      weights.push(m.getWeights().map((w) => Float32Array.from(w.dataSync())));
      m.optimizer.dispose();
      m.dispose();
    }
    assert.ok(fusedMseCalls > calls, 'the fused loss did not run');
    assert.deepEqual(losses[0], losses[1], `${outputs} outputs: the losses differ`);
    weights[0].forEach((w, k) => assert.deepEqual(Array.from(w), Array.from(weights[1][k]), `${outputs} outputs: weights ${k} differ`));
    tf.dispose([x, y]);
  }
});

test('the fused loss leaves other backends to tfjs', async () => {
  await tf.setBackend('cpu');
  const calls = fusedMseCalls;
  const m = model(4, 2, false);
  const rng = new Random(9);
  const x = tf.tensor(normal(rng, [8, 7]).values, [8, 7]), y = tf.tensor(normal(rng, [8, 2]).values, [8, 2]);
  await m.fit(x, y, { epochs: 1, verbose: 0 });
  assert.equal(fusedMseCalls, calls, 'the fused kernels ran on cpu');
  m.dispose();
  tf.dispose([x, y]);
  await tf.setBackend('wasm');
});
