import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../../lib/random';
import { rocAuc } from '../../../lib/metrics';
import { fitStandardizer } from '../../../lib/zprime/data/features';
import { embeddingSize, TabularNet, trainTabular } from '../../../lib/zprime/model/tabular';

function toyData(n: number, rng: Random) {
  const cont = new Float32Array(n * 3), cat = new Int32Array(n * 2), y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.random() < 0.2 ? 1 : 0;
    cont[i * 3] = rng.normal(y[i] ? 2 : 0, 1) * 50 + 100; // raw scale: the network normalises
    cont[i * 3 + 1] = rng.normal();
    cont[i * 3 + 2] = rng.normal();
    cat[i * 2] = y[i] && rng.random() < 0.7 ? 2 : rng.integer(0, 3);
    cat[i * 2 + 1] = rng.integer(0, 5);
  }
  return { cont, cat, y };
}

test('embedding sizes follow fastai’s rule', () => {
  assert.equal(embeddingSize(4), 3); // round(1.6 · 4^0.56) = round(3.48)
  assert.equal(embeddingSize(7), 5);
  assert.equal(embeddingSize(7, 2), 10);
  assert.equal(embeddingSize(1e9), 600);
});

test('the tabular network has the right shapes, learns a toy problem and leaks no tensors', async () => {
  const rng = new Random(3);
  const data = toyData(1200, rng);
  const before = tf.memory().numTensors;
  const net = new TabularNet({ nContinuous: 3, categoryLevels: [3, 5], layers: [16, 8], dropout: 0.1, embeddingDropout: 0.05, rng: rng.fork('net'), normalization: fitStandardizer(data.cont, 3) });
  const shape = tf.tidy(() => net.forward(tf.tensor2d(data.cont.subarray(0, 12), [4, 3]), tf.tensor2d(data.cat.subarray(0, 8), [4, 2], 'int32'), false).shape);
  assert.deepEqual(shape, [4, 2]);
  const afterBuild = tf.memory().numTensors;
  const history = await trainTabular(net, data, { epochs: 3, batchSize: 64, lrMax: 1e-2, loss: 'focal', classWeight: [1, 2], rng: rng.fork('fit'), validation: data, progress: 'none' });
  const losses = history.rows.map((r) => r.loss as number);
  assert.ok(losses.every(Number.isFinite));
  const p = net.predictProba(data.cont, data.cat);
  assert.ok(rocAuc(data.y, p) > 0.85, `AUC ${rocAuc(data.y, p)}`);
  assert.equal(tf.memory().numTensors, afterBuild, 'training and prediction leak no tensors');
  net.dispose();
  assert.ok(tf.memory().numTensors <= before + 3, 'dispose frees the network (tfjs keeps a few cached constants)');
});

test('batch norm running statistics settle within a short run: inference mode matches batch statistics', async () => {
  const rng = new Random(9);
  const data = toyData(600, rng);
  const net = new TabularNet({ nContinuous: 3, categoryLevels: [3, 5], layers: [8], rng: rng.fork('net'), normalization: fitStandardizer(data.cont, 3) });
  await trainTabular(net, data, { epochs: 2, batchSize: 32, lrMax: 1e-2, loss: 'crossEntropy', rng: rng.fork('fit'), progress: 'none' });
  const diff = tf.tidy(() => {
    const cont = tf.tensor2d(data.cont, [600, 3]), cat = tf.tensor2d(data.cat, [600, 2], 'int32');
    const pInfer = tf.softmax(net.forward(cont, cat, false));
    const pBatch = tf.softmax(net.forward(cont, cat, true)); // whole-set batch statistics (no dropout in this net)
    return tf.mean(tf.abs(tf.sub(pInfer, pBatch))).arraySync() as number;
  });
  assert.ok(diff < 0.03, `mean |P_inference − P_batch| = ${diff}`);
  net.dispose();
});
