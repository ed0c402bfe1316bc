/** Tests of lib/darkmachines/train/beta-scan.ts: the β scan's table entries follow β, `keepModel` frees the others, no leaked tensors. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { betaAblation, betaConventionVariants, betaScan, keepModel } from '../../../lib/darkmachines/train/beta-scan';
import { disposeAutoencoder } from '../../../lib/darkmachines/model/vae';
import { betaTableRows } from '../../../lib/darkmachines/paper';
import { Random } from '../../../lib/random';

before(async () => {
  await tf.setBackend('cpu');
});

function data(n: number, d: number, seed: number) {
  const rng = new Random(seed);
  return { data: Float32Array.from({ length: n * d }, () => rng.normal()), rows: n, cols: d };
}

test('β = 1 keeps the latent variance near the prior; β = 0 shrinks it; keepModel frees the other models', async () => {
  const before = tf.memory().numTensors;
  const settings = { latentDim: 2, hidden: [8], epochs: 40, batchSize: 64, lr: 1e-2 };
  const scan = await betaScan(data(256, 6, 1), [1, 0], settings, new Random(2));
  const [one, zero] = scan.rows;
  assert.ok(one.avgVar > 0.5, `β = 1: ${one.avgVar}`);
  assert.ok(zero.avgVar < 0.5 * one.avgVar, `β = 0: ${zero.avgVar} against ${one.avgVar}`);
  const table = betaTableRows(scan.rows);
  assert.equal(table[0]['avg var (seed)'], 1);
  assert.equal(table[1]['avg var (ours)'], zero.avgVar);
  const kept = keepModel(scan.models, 0);
  assert.deepEqual([...scan.models.keys()], [0]);
  assert.throws(() => keepModel(scan.models, 0.5), /no model for β = 0.5/);
  disposeAutoencoder(kept);
  assert.equal(tf.memory().numTensors, before, `${tf.memory().numTensors - before} tensors left`);
});

test('a β the talk has no row for is an error in the table', () => {
  assert.throws(() => betaTableRows([{ beta: 0.3, avgVar: 1, avgMean: 0, avgAbsMean: 0, activeDims: 0, mse: 0, kl: 0, seconds: 0 }]), /no row for β = 0.3/);
});

test('β ablation: one row per variant and β (a variant may take fewer β), its latent size, no leaked tensors', async () => {
  const before = tf.memory().numTensors;
  const settings = { latentDim: 2, hidden: [8], epochs: 2, batchSize: 64, lr: 1e-2 };
  const variants = betaConventionVariants(settings);
  assert.deepEqual(variants.map((v) => v.label), ['Z = 20', 'squared error summed', '6 epochs']);
  const rows = await betaAblation(data(128, 6, 1), [0.5, 0], settings, variants, new Random(3));
  assert.deepEqual(rows.map((r) => `${r.variant} ${r.beta}`), ['Z = 20 0.5', 'Z = 20 0', 'squared error summed 0.5', 'squared error summed 0', '6 epochs 0']);
  assert.deepEqual(rows.map((r) => r.latentDim), [20, 20, 2, 2, 2]);
  assert.ok(rows.every((r) => r.avgVar > 0 && r.activeDims <= r.latentDim));
  assert.equal(tf.memory().numTensors, before, `${tf.memory().numTensors - before} tensors left`);
});
