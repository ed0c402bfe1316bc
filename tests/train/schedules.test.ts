import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asCycleSchedule, constant, cosineDecay, cosineRamp, exponentialDecay, oneCycle, stepDecay } from '../../lib/train/schedules';
import { assertClose } from '../helpers';

test('constant, step decay and exponential decay give their closed forms', () => {
  assert.equal(constant(0.01)(123, 1000), 0.01);
  const s = stepDecay({ lr: 0.1, factor: 0.5, everySteps: 10 });
  assert.deepEqual([0, 9, 10, 19, 20, 35].map((t) => s(t, NaN)), [0.1, 0.1, 0.05, 0.05, 0.025, 0.0125]);
  const e = exponentialDecay({ lr: 1, rate: 0.5, decaySteps: 100 });
  assertClose(e(50, NaN), Math.SQRT1_2, { rtol: 1e-12 });
  assertClose(e(200, NaN), 0.25, { rtol: 1e-12 });
  const stair = exponentialDecay({ lr: 1, rate: 0.5, decaySteps: 100, staircase: true });
  assert.equal(stair(199, NaN), 0.5);
});

test('cosine decay: full at the start, mean halfway, lrMin at the end, monotone, warm-up linear', () => {
  const c = cosineDecay({ lr: 1e-2, lrMin: 1e-4 });
  const T = 1000;
  assertClose(c(0, T), 1e-2, { rtol: 1e-12 });
  assertClose(c(500, T), (1e-2 + 1e-4) / 2, { rtol: 1e-12 });
  assertClose(c(1000, T), 1e-4, { rtol: 1e-12 });
  // shape: a quarter of the way the cosine has lost (1 − cos(π/4))/2 of the range
  assertClose(c(250, T), 1e-4 + (1e-2 - 1e-4) * (1 + Math.cos(Math.PI / 4)) / 2, { rtol: 1e-12 });
  for (let t = 1; t <= T; t++) assert.ok(c(t, T) <= c(t - 1, T));
  const w = cosineDecay({ lr: 1, warmupSteps: 10 });
  assertClose(w(0, 110), 0.1, { rtol: 1e-12 });
  assertClose(w(4, 110), 0.5, { rtol: 1e-12 });
  assertClose(w(10, 110), 1, { rtol: 1e-12 });
  assertClose(w(60, 110), 0.5, { rtol: 1e-12 });
});

test('schedules over the whole run refuse an unknown number of steps', () => {
  assert.throws(() => cosineDecay({ lr: 1 })(3, NaN), /number of batches/);
  assert.throws(() => oneCycle({ lrMax: 1 }).lr(3, NaN), /number of batches/);
});

test('one-cycle: lrMax/25 at the start, lrMax at pctStart, lrMax/1e5 at the end; momentum the mirror image', () => {
  const { lr, momentum } = oneCycle({ lrMax: 3e-3 });
  const T = 400; // pctStart 0.25 → peak at step 100
  assertClose(lr(0, T), 3e-3 / 25, { rtol: 1e-12 });
  assertClose(lr(100, T), 3e-3, { rtol: 1e-12 });
  assertClose(lr(T, T), 3e-3 / 1e5, { rtol: 1e-9 });
  assertClose(momentum!(0, T), 0.95, { rtol: 1e-12 });
  assertClose(momentum!(100, T), 0.85, { rtol: 1e-12 });
  assertClose(momentum!(T, T), 0.95, { rtol: 1e-12 });
  // half-way through the warm-up the cosine ramp is at the mean of its ends
  assertClose(lr(50, T), (3e-3 / 25 + 3e-3) / 2, { rtol: 1e-12 });
  // half-way through the annealing phase (step 250)
  assertClose(lr(250, T), (3e-3 + 3e-3 / 1e5) / 2, { rtol: 1e-12 });
  for (let t = 1; t <= 100; t++) assert.ok(lr(t, T) > lr(t - 1, T) && momentum!(t, T) < momentum!(t - 1, T));
  for (let t = 101; t <= T; t++) assert.ok(lr(t, T) < lr(t - 1, T) && momentum!(t, T) > momentum!(t - 1, T));
});

test('one-cycle options: custom divisors, pctStart, no momentum', () => {
  const s = oneCycle({ lrMax: 1, pctStart: 0.5, divFactor: 10, finalDiv: 100, moms: null });
  assert.equal(s.momentum, undefined);
  assertClose(s.lr(0, 10), 0.1, { rtol: 1e-12 });
  assertClose(s.lr(5, 10), 1, { rtol: 1e-12 });
  assertClose(s.lr(10, 10), 0.01, { rtol: 1e-9 });
  assert.throws(() => oneCycle({ lrMax: 1, pctStart: 1 }), RangeError);
});

test('cosineRamp matches fastai SchedCos and asCycleSchedule wraps plain functions', () => {
  assert.equal(cosineRamp(2, 4, 0), 2);
  assertClose(cosineRamp(2, 4, 1), 4, { rtol: 1e-15 });
  assertClose(cosineRamp(2, 4, 0.5), 3, { rtol: 1e-15 });
  const f = constant(0.5);
  assert.equal(asCycleSchedule(f).lr, f);
  assert.throws(() => constant(0), RangeError);
  assert.throws(() => stepDecay({ lr: 1, everySteps: 0 }), RangeError);
});
