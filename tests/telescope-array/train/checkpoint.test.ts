/** Checkpoints of the correction network: the round trip restores weights, optimizer state and history; a resumed run equals an uninterrupted one. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../lib/backend';
import { Random } from '../../../lib/random';
import { compiledNet, type NetOptions } from '../../../lib/telescope-array/model';
import { writeShard } from '../../../lib/telescope-array/data/shards';
import { fitNormalizer } from '../../../lib/telescope-array/data/stream';
import { loadCheckpoint, saveCheckpoint } from '../../../lib/telescope-array/train/checkpoint';
import { trainCorrection } from '../../../lib/telescope-array/train/correction';
import { fakeEvents } from '../fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ta-checkpoint-'));
before(async () => {
  await initBackend({ quiet: true });
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const net = (seed: number): NetOptions => ({ N: 2, T: 8, conv1d: [4], conv2d: [4], dense: [8], dropout: 0, rng: new Random(seed) });
/** Fake events with non-negative waveforms (the stream takes log(1 + VEM)). */
const events = (n: number, seed: number) => fakeEvents(n, 2, 8, new Random(seed)).map((e) => ({ ...e, waveforms: e.waveforms.map(Math.abs) }));
const values = (ts: tf.Tensor[]) => ts.map((t) => Array.from(t.dataSync()));
const optimizerValues = async (m: tf.LayersModel) => (await m.optimizer.getWeights()).map((w) => [w.name, Array.from(w.tensor.dataSync())]);

test('save then load restores the weights, the optimizer state and the history into a fresh network', async () => {
  const a = compiledNet(net(1), 'adam');
  const xs = [tf.randomNormal([4, 2, 2, 8, 2], 0, 1, 'float32', 1), tf.randomNormal([4, 2, 2, 7], 0, 1, 'float32', 2), tf.randomNormal([4, 10], 0, 1, 'float32', 3)];
  const y = tf.randomNormal([4, 3], 0, 1, 'float32', 4);
  await a.trainOnBatch(xs, y);
  const folder = path.join(dir, 'round-trip');
  await saveCheckpoint(folder, a, { epoch: 3, history: [{ epoch: 3, loss: 0.5, seconds: 1 }] });
  const b = compiledNet(net(2), 'adam');
  await b.trainOnBatch(xs, y); // gives b an optimizer state of its own, to be overwritten
  assert.notDeepEqual(values(b.getWeights()), values(a.getWeights()));
  const state = await loadCheckpoint(folder, b);
  assert.deepEqual(state, { epoch: 3, history: [{ epoch: 3, loss: 0.5, seconds: 1 }] });
  assert.deepEqual(values(b.getWeights()), values(a.getWeights()));
  assert.deepEqual(await optimizerValues(b), await optimizerValues(a));
  assert.equal(await loadCheckpoint(path.join(dir, 'none'), b), null);
  const other = compiledNet({ ...net(1), dense: [16] }, 'adam');
  await assert.rejects(loadCheckpoint(folder, other), /round-trip: the checkpoint's weights .* do not fit this model/);
  tf.dispose([...xs, y]);
  [a, b, other].forEach((m) => m.dispose());
});

test('a run stopped after one epoch and resumed ends with the weights of an uninterrupted two-epoch run', async () => {
  const shard = await writeShard(path.join(dir, 'train.h5'), events(40, 5), 2, 8);
  const validation = await writeShard(path.join(dir, 'validation.h5'), events(10, 6), 2, 8);
  const norm = await fitNormalizer(shard);
  const options = { train: [shard], validation: [validation], norm, batchSize: 8, progress: 'none' as const };
  const once = compiledNet(net(3), 'adadelta');
  const whole = await trainCorrection(once, { ...options, epochs: 2, rng: new Random(7), checkpoint: path.join(dir, 'whole') });
  const first = compiledNet(net(3), 'adadelta');
  await trainCorrection(first, { ...options, epochs: 1, rng: new Random(7), checkpoint: path.join(dir, 'resumed') });
  const resumed = compiledNet(net(4), 'adadelta'); // a new process: other initial weights, restored from the checkpoint
  const rest = await trainCorrection(resumed, { ...options, epochs: 2, rng: new Random(7), checkpoint: path.join(dir, 'resumed') });
  assert.deepEqual(rest.history.column('epoch'), [1, 2]);
  assert.deepEqual(rest.history.column('loss'), whole.history.column('loss'));
  const [w1, w2] = [values(once.getWeights()), values(resumed.getWeights())];
  w1.forEach((w, k) => w.forEach((v, i) => assert.ok(Math.abs(v - w2[k][i]) <= 1e-6, `weight ${k}[${i}]: ${v} vs ${w2[k][i]}`)));
  [once, first, resumed].forEach((m) => m.dispose());
});
