import { test } from 'node:test';
import assert from 'node:assert/strict';
import { log1pExp, logLoss, sigmoid, softmaxLoss, squaredError } from '../../lib/trees/losses';
import { assertAllClose, assertClose } from '../helpers';
import { reference } from './fixtures';

test('log-loss gradient, hessian and value match sklearn HalfBinomialLoss', () => {
  const ref = reference().log_loss;
  const n = ref.y.length;
  const w = new Float64Array(n).fill(1);
  const g = new Float64Array(n), h = new Float64Array(n);
  logLoss.gradHess(ref.y, Float64Array.from(ref.raw), w, g, h);
  assertAllClose(g, ref.gradient, { rtol: 1e-12, atol: 1e-300, label: 'gradient' });
  assertAllClose(h, ref.hessian, { rtol: 1e-12, atol: 1e-300, label: 'hessian' });
  const mean = ref.loss.reduce((a, b) => a + b, 0) / n;
  assertClose(logLoss.value(ref.y, Float64Array.from(ref.raw), w), mean, { rtol: 1e-12 });
});

test('sigmoid and log(1 + e^f) do not overflow', () => {
  assert.equal(sigmoid(1000), 1);
  assert.equal(sigmoid(-1000), 0);
  assertClose(sigmoid(0), 0.5);
  assertClose(log1pExp(1000), 1000);
  assertClose(log1pExp(-1000), 0, { atol: 1e-300 });
});

test('sample weights multiply gradients and hessians; the baseline is the weighted log-odds', () => {
  const y = [1, 0, 1];
  const w = Float64Array.of(2, 1, 0.5);
  const g = new Float64Array(3), h = new Float64Array(3);
  logLoss.gradHess(y, new Float64Array(3), w, g, h);
  assert.deepEqual(Array.from(g), [-1, 0.5, -0.25]);
  assert.deepEqual(Array.from(h), [0.5, 0.25, 0.125]);
  const p = 2.5 / 3.5;
  assertClose(logLoss.baseline(y, w)[0], Math.log(p / (1 - p)));
});

test('squared error: g = f − y, h = w, baseline = weighted mean', () => {
  const g = new Float64Array(2), h = new Float64Array(2);
  const w = Float64Array.of(1, 3);
  squaredError.gradHess([1, 2], Float64Array.of(0, 5), w, g, h);
  assert.deepEqual(Array.from(g), [-1, 9]);
  assert.deepEqual(Array.from(h), [1, 3]);
  assertClose(squaredError.baseline([1, 2], w)[0], 1.75);
  assertClose(squaredError.value([1, 2], Float64Array.of(0, 5), w), (0.5 * 1 + 3 * 0.5 * 9) / 4);
});

test('softmax gradients sum to zero per sample and match finite differences of the loss', () => {
  const K = 3, n = 2;
  const loss = softmaxLoss(K);
  const y = [2, 0];
  const w = Float64Array.of(1, 1);
  const raw = Float64Array.of(0.3, -1, 1.2, 0.1, 0.5, 2); // output-major: raw[k·n + i]
  const g = new Float64Array(K * n), h = new Float64Array(K * n);
  loss.gradHess(y, raw, w, g, h);
  for (let i = 0; i < n; i++) assertClose(g[i] + g[n + i] + g[2 * n + i], 0, { atol: 1e-15 });
  const eps = 1e-6;
  for (let k = 0; k < K * n; k++) {
    const plus = raw.slice(), minus = raw.slice();
    plus[k] += eps;
    minus[k] -= eps;
    const numeric = ((loss.value(y, plus, w) - loss.value(y, minus, w)) / (2 * eps)) * n; // value is a mean over n
    assertClose(g[k], numeric, { atol: 1e-8 });
    assert.ok(h[k] > 0 && h[k] <= 0.25);
  }
  const base = loss.baseline([0, 0, 1, 2], Float64Array.of(1, 1, 1, 1));
  assertClose(Math.exp(base[0]) / Math.exp(base[1]), 2); // priors 1/2 : 1/4
});
