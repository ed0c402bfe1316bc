import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mean, std, meanStd, quantile } from '../lib/stats';
import { assertClose } from './helpers';

// Reference values from numpy 1.24.2: v.mean(), v.std(ddof=1), np.quantile(v, q) (default method 'linear').
const SAMPLE = [3.5, -1.25, 7.0, 2.0, 2.0, 10.5, 0.125];
const NUMPY = { mean: 3.4107142857142856, std: 4.0752775248763005, quantiles: [[0, -1.25], [0.16, 0.06999999999999995], [0.5, 2.0], [0.68, 3.7800000000000002], [0.84, 7.140000000000001], [1, 10.5]] };

test('mean and std (n − 1) agree with numpy mean and std(ddof=1)', () => {
  assertClose(mean(SAMPLE), NUMPY.mean, { rtol: 1e-12 });
  assertClose(std(SAMPLE), NUMPY.std, { rtol: 1e-12 });
  const s = meanStd(Float32Array.from([1, 2, 3, 4]));
  assert.deepEqual(s, { n: 4, mean: 2.5, std: Math.sqrt(5 / 3) });
});

test('quantile agrees with numpy quantile (linear interpolation at q·(n − 1))', () => {
  for (const [q, expected] of NUMPY.quantiles) assertClose(quantile(SAMPLE, q), expected, { rtol: 1e-12, atol: 1e-15, label: `q=${q}` });
  assert.equal(quantile([5], 0.3), 5);
});

test('empty samples, single values and NaN give NaN; q outside [0, 1] throws', () => {
  assert.ok(Number.isNaN(mean([])));
  assert.ok(Number.isNaN(std([4])));
  assert.ok(Number.isNaN(quantile([], 0.5)));
  assert.ok(Number.isNaN(quantile([1, NaN, 3], 0.5)));
  assert.ok(Number.isNaN(meanStd([1, NaN]).std));
  assert.throws(() => quantile([1, 2], 1.5), /quantile: q = 1.5 is not in \[0, 1\]/);
});
