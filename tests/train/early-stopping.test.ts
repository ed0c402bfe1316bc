import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { EarlyStopping, WeightSnapshot } from '../../lib/train/early-stopping';

before(async () => {
  await tf.setBackend('cpu');
});

/** Feeds a value sequence; returns the 1-based epoch of the stop (or undefined) and the stopper. */
function run(values: number[], opts: ConstructorParameters<typeof EarlyStopping>[0]) {
  const es = new EarlyStopping(opts);
  for (let i = 0; i < values.length; i++) if (es.update(i + 1, values[i]) === 'stop') return { stop: i + 1, es };
  return { stop: undefined, es };
}

test('stops after `patience` epochs without improvement and remembers the best epoch', () => {
  const { stop, es } = run([1.0, 0.8, 0.6, 0.65, 0.7, 0.61, 0.5], { patience: 3 });
  assert.equal(stop, 6);
  assert.equal(es.bestEpoch, 3);
  assert.equal(es.best, 0.6);
});

test('an improvement resets the wait', () => {
  const { stop, es } = run([1.0, 1.1, 1.2, 0.9, 1.0, 1.0, 1.0], { patience: 3 });
  assert.equal(stop, 7);
  assert.equal(es.bestEpoch, 4);
});

test('minDelta: smaller gains do not count', () => {
  const { stop, es } = run([1.0, 0.97, 0.96, 0.955, 0.8], { patience: 3, minDelta: 0.05 });
  assert.equal(stop, 4);
  assert.equal(es.bestEpoch, 1);
});

test('mode max (auto for accuracy) and NaN values never improve', () => {
  const acc = run([0.5, 0.7, 0.69, 0.68], { monitor: 'val_acc', patience: 2 });
  assert.equal(acc.es.mode, 'max');
  assert.equal(acc.stop, 4);
  assert.equal(acc.es.bestEpoch, 2);
  const nan = run([1, NaN, NaN], { patience: 2 });
  assert.equal(nan.stop, 3);
  assert.equal(nan.es.bestEpoch, 1);
});

test('startFromEpoch ignores the warm-up epochs', () => {
  const { stop, es } = run([0.1, 0.2, 1.0, 1.1, 1.2, 1.3], { patience: 2, startFromEpoch: 2 });
  assert.equal(es.bestEpoch, 3);
  assert.equal(stop, 5);
});

test('WeightSnapshot restores the values at the time of the snapshot and leaks nothing', () => {
  const n0 = tf.memory().numTensors;
  const a = tf.tidy(() => tf.variable(tf.tensor1d([1, 2, 3])));
  const b = tf.tidy(() => tf.variable(tf.scalar(5)));
  const snap = new WeightSnapshot([a, b]);
  snap.take(4);
  tf.tidy(() => {
    a.assign(tf.tensor1d([7, 8, 9]));
    b.assign(tf.scalar(-1));
  });
  snap.take(5); // replaces the first copy
  tf.tidy(() => a.assign(tf.tensor1d([0, 0, 0])));
  snap.restore();
  assert.deepEqual(Array.from(a.dataSync()), [7, 8, 9]);
  assert.equal(b.dataSync()[0], -1);
  assert.equal(snap.epoch, 5);
  snap.dispose();
  assert.equal(snap.held, false);
  // the variables keep their restored values after the copies are freed
  assert.deepEqual(Array.from(a.dataSync()), [7, 8, 9]);
  tf.dispose([a, b]);
  assert.equal(tf.memory().numTensors, n0);
});
