import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { getLearningRate, getMomentum, setLearningRate, setMomentum } from '../../lib/train/optimizer-params';
import { assertClose } from '../helpers';

before(async () => {
  await tf.setBackend('cpu');
});

/** Applies one step with gradient `g` to a scalar variable and returns the change of its value. */
function stepDelta(opt: tf.Optimizer, w: tf.Variable, g: number): number {
  const before = w.dataSync()[0];
  tf.tidy(() => opt.applyGradients({ [w.name]: tf.scalar(g) }));
  return w.dataSync()[0] - before;
}

test('setLearningRate takes effect for SGD (cached scalar) and Adam (plain field)', () => {
  const w = tf.variable(tf.scalar(0));
  const sgd = tf.train.sgd(0.1);
  assertClose(stepDelta(sgd, w, 2), -0.2, { rtol: 1e-6 });
  setLearningRate(sgd, 0.01);
  assert.equal(getLearningRate(sgd), 0.01);
  assertClose(stepDelta(sgd, w, 2), -0.02, { rtol: 1e-6 });

  const adam = tf.train.adam(0.1);
  // Adam's first step moves by lr·m̂/(√v̂ + ε) = lr·sign(g)
  assertClose(stepDelta(adam, w, 3), -0.1, { rtol: 1e-5 });
  setLearningRate(adam, 0.01);
  assertClose(stepDelta(adam, w, 3), -0.01, { rtol: 1e-5 });
  tf.dispose([w]);
  sgd.dispose();
  adam.dispose();
});

test('setMomentum takes effect for the Momentum optimizer (tfjs setMomentum alone does not)', () => {
  const w = tf.variable(tf.scalar(0));
  const opt = tf.train.momentum(0.1, 0.9);
  assert.equal(getMomentum(opt), 0.9);
  assert.equal(setMomentum(opt, 0.5), true);
  assertClose(stepDelta(opt, w, 1), -0.1, { rtol: 1e-6 }); // v1 = g
  assertClose(stepDelta(opt, w, 1), -0.1 * 1.5, { rtol: 1e-6 }); // v2 = m·v1 + g
  w.dispose();
  opt.dispose();
});

test('Adam β1 can be changed mid-run with an exact bias correction', () => {
  const w = tf.variable(tf.scalar(0));
  const opt = tf.train.adam(0.1, 0.9, 0.999);
  assert.equal(setMomentum(opt, 0.5), true);
  assert.equal(getMomentum(opt), 0.5);
  // step 1: m̂ = g whatever β1 is (without the accBeta1 fix tfjs would give 5·g here)
  assertClose(stepDelta(opt, w, 1), -0.1, { rtol: 1e-4 });
  // step 2 with the gradient reversed: m̂ = (β1(1−β1) − (1−β1)) / (1 − β1²) = (β1 − 1)/(1 + β1) = −1/3; v̂ = 1
  assertClose(stepDelta(opt, w, -1), 0.1 / 3, { rtol: 1e-4 });
  // change β1 again: step 3 keeps following Kingma & Ba with ∏β1 = 0.5·0.5·0.8
  setMomentum(opt, 0.8);
  const m2 = 0.5 * (0.5 * 1) + 0.5 * -1; // raw first moment after two steps
  const m3 = 0.8 * m2 + 0.2 * 1;
  const mHat = m3 / (1 - 0.5 * 0.5 * 0.8);
  assertClose(stepDelta(opt, w, 1), -0.1 * mHat, { rtol: 1e-4 });
  w.dispose();
  opt.dispose();
});

test('optimizers without momentum report it and are left alone', () => {
  const sgd = tf.train.sgd(0.1);
  assert.equal(getMomentum(sgd), undefined);
  assert.equal(setMomentum(sgd, 0.9), false);
  const rms = tf.train.rmsprop(0.1);
  assert.equal(setMomentum(rms, 0.9), false);
  assert.equal(setMomentum(tf.train.rmsprop(0.1, 0.9, 0.5), 0.8), true);
  assert.throws(() => setLearningRate(sgd, NaN), RangeError);
  assert.throws(() => setMomentum(sgd, 1), RangeError);
  sgd.dispose();
});

test('changing parameters leaks no tensors', () => {
  const opts = [tf.train.momentum(0.1, 0.9), tf.train.adam(0.1)];
  const n0 = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) {
    for (const o of opts) {
      setMomentum(o, 0.8 + i / 200);
      setLearningRate(o, 0.01 * (i + 1));
    }
  }
  assert.equal(tf.memory().numTensors, n0);
  opts.forEach((o) => o.dispose());
});
