import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainedVariance, r2Score, mse, rmse, mae, type MultiOutput } from '../../lib/metrics';
import { assertClose } from '../helpers';
import { loadFixture } from './fixtures';

type Value = number | number[];
interface Expected {
  explainedVariance: Value;
  explainedVarianceNotFinite: Value;
  r2Score: Value;
  mse?: Value;
  rmse?: Value;
  mae?: Value;
}
interface RegressionCase {
  name: string;
  yTrue: number[] | number[][];
  yPred: number[] | number[][];
  sampleWeight: number[] | null;
  uniform_average: Expected;
  raw_values: Expected;
  variance_weighted: Expected;
}
const fixture = loadFixture<RegressionCase[]>('regression.json');

/** Close to 1e-9 relative; non-finite expectations (force_finite=False) must match exactly. */
function check(actual: number | Float64Array, expected: Value, label: string): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', label);
    if (Number.isFinite(expected)) assertClose(actual as number, expected, { label });
    else assert.equal(actual, expected, label);
  } else {
    assert.ok(actual instanceof Float64Array, label);
    assert.equal(actual.length, expected.length, label);
    expected.forEach((e, i) => check(actual[i], e, `${label}[${i}]`));
  }
}

for (const c of fixture.cases) {
  test(`regression metrics match sklearn: ${c.name}`, () => {
    const sampleWeight = c.sampleWeight ?? undefined;
    for (const multioutput of ['uniform_average', 'raw_values', 'variance_weighted'] as MultiOutput[]) {
      const e = c[multioutput];
      const opts = { sampleWeight, multioutput };
      check(explainedVariance(c.yTrue, c.yPred, opts), e.explainedVariance, `explainedVariance ${multioutput}`);
      check(explainedVariance(c.yTrue, c.yPred, { ...opts, forceFinite: false }), e.explainedVarianceNotFinite, `explainedVariance !finite ${multioutput}`);
      check(r2Score(c.yTrue, c.yPred, opts), e.r2Score, `r2Score ${multioutput}`);
      if (multioutput === 'variance_weighted') continue;
      const errOpts = { sampleWeight, multioutput };
      check(mse(c.yTrue, c.yPred, errOpts), e.mse!, `mse ${multioutput}`);
      check(rmse(c.yTrue, c.yPred, errOpts), e.rmse!, `rmse ${multioutput}`);
      check(mae(c.yTrue, c.yPred, errOpts), e.mae!, `mae ${multioutput}`);
    }
  });
}

test('typed arrays and a 1-D vs n×1 mix are accepted; default is the uniform average', () => {
  const y = Float32Array.from([1, 2, 3, 4]), p = Float64Array.from([1.5, 2, 2.5, 4]);
  assert.equal(mse(y, p), 0.125);
  assert.equal(mse(y, Array.from(p, (v) => [v])), 0.125);
  assert.equal(mae(y, p), 0.25);
  assertClose(r2Score(y, p), 1 - 0.5 / 5);
  // RMSE over several outputs is the mean of per-output roots (sklearn's squared=False).
  const yy = [[0, 0], [0, 0]], pp = [[1, 3], [1, 3]];
  assert.equal(rmse(yy, pp), 2);
  assert.deepEqual(Array.from(rmse(yy, pp, { multioutput: 'raw_values' })), [1, 3]);
});

test('bad inputs throw RangeError', () => {
  assert.throws(() => mse([1, 2], [1]), { name: 'RangeError', message: /yTrue has 2 samples but yPred has 1/ });
  assert.throws(() => mse([], []), /yTrue is empty/);
  assert.throws(() => mae([1, NaN], [1, 2]), /yTrue\[1\] is NaN/);
  assert.throws(() => r2Score([[1, 2], [3]], [[1, 2], [3, 4]]), /yTrue\[1\] is not a row of 2 outputs/);
  assert.throws(() => r2Score([[1, 2], [3, NaN]], [[1, 2], [3, 4]]), /yTrue\[1\]\[1\] is NaN/);
  assert.throws(() => r2Score([[1, 2], [3, 4]], [[1], [3]]), /2 outputs but yPred has 1/);
  assert.throws(() => explainedVariance([1, 2], [1, 2], { sampleWeight: [1, -2] }), /must be >= 0/);
  // @ts-expect-error variance_weighted is for R² and explained variance only
  assert.throws(() => mse([1, 2], [1, 2], { multioutput: 'variance_weighted' }), /applies only to r2Score/);
  // @ts-expect-error an unknown multioutput
  assert.throws(() => mse([1, 2], [1, 2], { multioutput: 'mean' }), /unknown multioutput/);
});
