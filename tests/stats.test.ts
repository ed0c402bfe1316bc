import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { mean, std, meanStd, quantile, pca, pcaTransform, symmetricEigen } from '../lib/stats';
import { dataPath } from '../lib/paths';
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

// PCA against numpy (eigh of the n − 1 covariance), fixture data/fixtures/stats/pca.json made by the script inside it.
const PCA_REF = JSON.parse(fs.readFileSync(dataPath('fixtures', 'stats', 'pca.json'), 'utf8')) as {
  rows: number; cols: number; X: number[]; mean: number[]; explained_variance: number[]; explained_variance_ratio: number[];
  components: number[]; transformed_first5: number[];
};

test('pca agrees with numpy: mean, explained variance (ratio), signed components, projections', () => {
  const { rows, cols } = PCA_REF;
  const p = pca(PCA_REF.X, rows, cols);
  PCA_REF.mean.forEach((m, j) => assertClose(p.mean[j], m, { rtol: 1e-12, atol: 1e-12, label: `mean ${j}` }));
  PCA_REF.explained_variance.forEach((v, k) => assertClose(p.explainedVariance[k], v, { rtol: 1e-10, label: `variance ${k}` }));
  PCA_REF.explained_variance_ratio.forEach((v, k) => assertClose(p.explainedVarianceRatio[k], v, { rtol: 1e-10, label: `ratio ${k}` }));
  PCA_REF.components.forEach((v, i) => assertClose(p.components[Math.floor(i / cols)][i % cols], v, { atol: 1e-9, label: `component ${i}` }));
  const t = pcaTransform(p, PCA_REF.X.slice(0, 5 * cols), 5);
  PCA_REF.transformed_first5.forEach((v, i) => assertClose(t[i], v, { atol: 1e-9, label: `projection ${i}` }));
  const two = pca(PCA_REF.X, rows, cols, 2);
  assert.equal(two.components.length, 2);
  assert.equal(pcaTransform(two, PCA_REF.X, rows).length, rows * 2);
});

test('symmetricEigen: a known 2 × 2 matrix; pca rejects a wrong shape', () => {
  const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2); // eigenvalues 3 and 1, eigenvectors (1, ±1)/√2
  assert.deepEqual(Array.from(values).map((v) => Math.round(v * 1e12) / 1e12).sort(), [1, 3]);
  assertClose(Math.abs(vectors[0]), Math.SQRT1_2, { rtol: 1e-12 });
  assert.throws(() => pca([1, 2, 3], 2, 2), /pca: 3 values for 2 rows × 2 columns/);
});
