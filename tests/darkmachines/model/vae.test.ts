/** Tests of lib/darkmachines/model/vae.ts (and its training, lib/darkmachines/train/autoencoder.ts): β-VAE loss on known tensors, shapes, training lowers the loss, no tensor leaks. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { betaVaeLoss, buildAutoencoder, decode, disposeAutoencoder, encode, latentStatistics, reconstructionError } from '../../../lib/darkmachines/model/vae';
import { trainAutoencoder } from '../../../lib/darkmachines/train/autoencoder';
import { Random } from '../../../lib/random';
import { assertClose } from '../../helpers';

before(async () => {
  await tf.setBackend('cpu');
});

test('β-VAE loss on known tensors: (1 − β)·MSE + β·KL', () => {
  const x = tf.tensor2d([[1, 2], [3, 4]]);
  const xHat = tf.tensor2d([[1, 1], [3, 6]]); // squared errors 0, 1, 0, 4 → MSE 1.25
  const mu = tf.tensor2d([[1], [0]]);
  const logVar = tf.tensor2d([[0], [Math.log(2)]]); // KL: ½(1 + 1 − 1 − 0) = 0.5 and ½(0 + 2 − 1 − ln 2) → mean
  const klExpected = (0.5 + 0.5 * (1 - Math.log(2))) / 2;
  for (const beta of [0, 0.5, 1]) {
    const { loss, mse, kl } = betaVaeLoss(x, xHat, mu, logVar, beta);
    assertClose(mse.dataSync()[0], 1.25, { rtol: 1e-6 });
    assertClose(kl.dataSync()[0], klExpected, { rtol: 1e-6 });
    assertClose(loss.dataSync()[0], (1 - beta) * 1.25 + beta * klExpected, { rtol: 1e-6 });
    tf.dispose([loss, mse, kl]);
  }
  const summed = betaVaeLoss(x, xHat, mu, logVar, 0.5, 'sum'); // squared error summed over the 2 inputs: 2 · 1.25
  assertClose(summed.loss.dataSync()[0], 0.5 * 2.5 + 0.5 * klExpected, { rtol: 1e-6 });
  assertClose(summed.mse.dataSync()[0], 1.25, { rtol: 1e-6 });
  tf.dispose([summed.loss, summed.mse, summed.kl]);
  const ae = betaVaeLoss(x, xHat, null, null, 0.3);
  assertClose(ae.loss.dataSync()[0], 1.25, { rtol: 1e-6 });
  tf.dispose([x, xHat, mu, logVar, ae.loss, ae.mse, ae.kl]);
});

function data(n: number, d: number, seed: number) {
  const rng = new Random(seed);
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const a = rng.normal(), b = rng.normal();
    for (let j = 0; j < d; j++) out[i * d + j] = (j % 2 ? a : b) * (1 + j / d) + 0.05 * rng.normal();
  }
  return { data: out, rows: n, cols: d };
}

test('VAE: shapes, training lowers the loss, latent statistics, no leaked tensors', async () => {
  const X = data(256, 6, 1);
  const before = tf.memory().numTensors;
  const model = buildAutoencoder({ inputDim: 6, latentDim: 2, hidden: [8], variational: true, rng: new Random(2) });
  const history = await trainAutoencoder(model, X, { beta: 0.01, epochs: 8, batchSize: 64, lr: 1e-2, rng: new Random(3), progress: 'none' });
  const losses = history.toColumns().loss as number[];
  assert.ok(losses[losses.length - 1] < losses[0], `loss ${losses[0]} → ${losses[losses.length - 1]}`);
  const enc = encode(model, X);
  assert.equal(enc.mu.rows, 256);
  assert.equal(enc.mu.cols, 2);
  const stats = latentStatistics(enc);
  assert.ok(stats.avgVar > 0 && stats.avgVar < 1.5);
  assert.equal(decode(model, enc.mu).cols, 6);
  const err = reconstructionError(model, X);
  assert.equal(err.length, 256);
  assert.ok(err.every((v) => Number.isFinite(v) && v >= 0));
  disposeAutoencoder(model);
  assert.equal(tf.memory().numTensors, before, `${tf.memory().numTensors - before} tensors left`);
});

test('plain AE: logVar is zero and β is ignored', async () => {
  const X = data(64, 4, 5);
  const model = buildAutoencoder({ inputDim: 4, latentDim: 2, hidden: [4], variational: false, rng: new Random(2) });
  await trainAutoencoder(model, X, { beta: 0.9, epochs: 1, rng: new Random(1), progress: 'none' });
  assert.ok(encode(model, X).logVar.data.every((v) => v === 0));
  disposeAutoencoder(model);
});

test('latent statistics: per-dimension variance and active dimensions (σ² < 0.5)', () => {
  const mu = { data: Float32Array.from([0, 1, 0, -1]), rows: 2, cols: 2 };
  const logVar = { data: Float32Array.from([Math.log(0.01), 0, Math.log(0.03), 0]), rows: 2, cols: 2 }; // dim 0 informative, dim 1 at the prior
  const s = latentStatistics({ mu, logVar });
  assertClose(s.varPerDim[0], 0.02, { rtol: 1e-6 });
  assertClose(s.varPerDim[1], 1, { rtol: 1e-6 });
  assert.equal(s.activeDims, 1);
  assertClose(s.avgVar, 0.51, { rtol: 1e-6 });
});
