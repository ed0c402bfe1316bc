/** The correction network: shapes, a finite loss, no leaked tensors, seeded initialisation. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { Random } from '../../lib/random';
import { buildCorrectionNet, compiledNet, makeOptimizer, timePoolOf } from '../../lib/telescope-array/model';

before(async () => {
  await initBackend({ quiet: true });
});

const inputs = (b: number, N: number, T: number) => [tf.randomNormal([b, N, N, T, 2], 0, 1, 'float32', 1), tf.randomNormal([b, N, N, 7], 0, 1, 'float32', 2), tf.randomNormal([b, 10], 0, 1, 'float32', 3)];

test('inputs waveforms [N, N, T, 2], detectors [N, N, 7], standard [10] → 3 outputs', () => {
  const model = buildCorrectionNet({ N: 4, T: 32, rng: new Random(1) });
  assert.deepEqual(model.inputs.map((i) => i.shape), [[null, 4, 4, 32, 2], [null, 4, 4, 7], [null, 10]]);
  assert.deepEqual(model.outputs[0].shape, [null, 3]);
  const before = tf.memory().numTensors;
  const xs = inputs(5, 4, 32);
  const y = model.predict(xs) as tf.Tensor;
  assert.deepEqual(y.shape, [5, 3]);
  tf.dispose([y, ...xs]);
  assert.equal(tf.memory().numTensors, before);
  model.dispose();
});

test('one training step gives a finite MSE with Adam and with Adadelta', async () => {
  for (const opt of ['adam', 'adadelta'] as const) {
    const model = compiledNet({ N: 3, T: 16, conv1d: [4], conv2d: [8], dense: [16], rng: new Random(2) }, opt);
    const xs = inputs(8, 3, 16);
    const y = tf.randomNormal([8, 3], 0, 1, 'float32', 4);
    const loss = (await model.trainOnBatch(xs, y)) as number;
    assert.ok(Number.isFinite(loss) && loss > 0, `${opt}: ${loss}`);
    tf.dispose([...xs, y]);
    model.dispose();
  }
});

test('the same seed gives the same weights', () => {
  const a = buildCorrectionNet({ N: 3, T: 16, rng: new Random(7) });
  const b = buildCorrectionNet({ N: 3, T: 16, rng: new Random(7) });
  const wa = a.getWeights()[0].dataSync();
  const wb = b.getWeights()[0].dataSync();
  assert.deepEqual(Array.from(wa), Array.from(wb));
  a.dispose();
  b.dispose();
});

test('Adadelta uses the seed paper settings (ρ = 0.95, ε = 1e-6, lr 1)', () => {
  const opt = makeOptimizer('adadelta') as tf.AdadeltaOptimizer;
  const cfg = opt.getConfig();
  assert.equal(cfg.rho, 0.95);
  assert.equal(cfg.epsilon, 1e-6);
  assert.equal(cfg.learningRate, 1);
});

test('time pooling: 4 sums 20 ns bins into 80 ns ones (the default), 1 keeps all 128; the time convolutions see that many bins', () => {
  const layerOf = (model: tf.LayersModel) => model.layers.find((l) => l.getClassName() === 'Conv2D')!;
  const coarse = buildCorrectionNet({ N: 2, T: 128, conv1d: [4], conv2d: [], dense: [8], rng: new Random(1) });
  const fine = buildCorrectionNet({ N: 2, T: 128, timePool: 1, conv1d: [4], conv2d: [], dense: [8], rng: new Random(1) });
  assert.deepEqual((layerOf(coarse).input as tf.SymbolicTensor).shape, [null, 4, 32, 2]);
  assert.deepEqual((layerOf(fine).input as tf.SymbolicTensor).shape, [null, 4, 128, 2]);
  assert.equal(timePoolOf({ T: 128 }), 4);
  assert.equal(timePoolOf({ T: 8 }), 1);
  assert.throws(() => timePoolOf({ T: 128, timePool: 3.5 }), /timePool: 3.5 is not a whole number/);
  coarse.dispose();
  fine.dispose();
});
