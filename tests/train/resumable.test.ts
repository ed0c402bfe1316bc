/**
 * The core's resumable training: a run stopped after one epoch and resumed (in a fresh model, as a new
 * process would have) ends with the weights and history of an uninterrupted run, noise and dropout
 * included; early stopping restores the best epoch's weights; a finished run reruns as a no-op.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { dropout, gaussianNoise } from '../../lib/layers';
import { Random } from '../../lib/random';
import { arrayBlock } from '../../lib/train';
import { fitResumably } from '../../lib/train/resumable';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resumable-'));
before(async () => {
  await initBackend({ quiet: true });
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function net(seed: number): tf.Sequential {
  const rng = new Random(seed);
  const model = tf.sequential();
  model.add(gaussianNoise({ stddev: 0.5, rng: rng.fork('noise'), inputShape: [4] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: rng.int32() }) }));
  model.add(dropout({ rate: 0.3, rng: rng.fork('dropout') }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: rng.int32() }) }));
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

const rng = new Random(3);
const x = Float32Array.from({ length: 64 * 4 }, () => rng.normal());
const y = Float32Array.from({ length: 64 }, (_, i) => (x[4 * i] + x[4 * i + 1] > 0 ? 1 : 0));
const data = { train: { x: arrayBlock(x.subarray(0, 48 * 4), [48, 4]), y: y.subarray(0, 48) }, validation: { x: arrayBlock(x.subarray(48 * 4), [16, 4]), y: y.subarray(48) } };
const options = { batchSize: 8, rng: new Random(7), progress: 'none' as const };
const weights = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

test('a run stopped after one epoch and resumed in a fresh model equals an uninterrupted three-epoch run', async () => {
  const whole = net(1);
  const h = await fitResumably(whole, data, { ...options, epochs: 3, dir: path.join(dir, 'whole') });
  const first = net(1);
  await fitResumably(first, data, { ...options, epochs: 1, dir: path.join(dir, 'resumed') });
  const resumed = net(2); // other initial weights and noise seeds: all must come from the checkpoint and the run's generator
  const rest = await fitResumably(resumed, data, { ...options, epochs: 3, dir: path.join(dir, 'resumed') });
  assert.deepEqual(rest.column('epoch'), [1, 2, 3]);
  assert.deepEqual(rest.column('loss'), h.column('loss'));
  assert.deepEqual(weights(resumed), weights(whole));
  const again = net(4);
  const rerun = await fitResumably(again, data, { ...options, epochs: 3, dir: path.join(dir, 'whole') });
  assert.deepEqual(rerun.column('loss'), h.column('loss'), 'a finished run loads, trains nothing');
  assert.deepEqual(weights(again), weights(whole));
  [whole, first, resumed, again].forEach((m) => m.dispose());
});

test('early stopping across checkpoints restores the best epoch\'s weights', async () => {
  const model = net(5);
  const h = await fitResumably(model, data, { ...options, epochs: 6, dir: path.join(dir, 'early'), earlyStopping: { monitor: 'val_loss', patience: 2 } });
  const valLoss = h.column('val_loss');
  const best = valLoss.indexOf(Math.min(...valLoss)) + 1;
  assert.equal(h.restoredEpoch, best);
  assert.ok(h.length === 6 || h.length - best === 2, `stopped after ${h.length} epochs, best ${best}`);
  const evalLoss = (model.evaluate(tf.tensor(x.subarray(48 * 4), [16, 4]), tf.tensor(y.subarray(48), [16, 1])) as tf.Scalar[])[0];
  assert.ok(Math.abs(evalLoss.dataSync()[0] - valLoss[best - 1]) < 1e-5, `restored weights give val_loss ${evalLoss.dataSync()[0]}, best epoch's ${valLoss[best - 1]}`);
  model.dispose();
});
