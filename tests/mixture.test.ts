/** Tests of lib/mixture.ts: EM against scikit-learn 1.2 GaussianMixture (fixture made by the script inside it). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { GaussianMixture } from '../lib/mixture';
import { dataPath } from '../lib/paths';
import { Random } from '../lib/random';
import { assertAllClose } from './helpers';

interface FitRef { init_covariances: number[]; weights: number[]; means: number[]; covariances: number[]; score_samples: number[]; lower_bound: number }
const fixture = JSON.parse(fs.readFileSync(dataPath('fixtures', 'mixture', 'gmm.json'), 'utf8')) as {
  d: number; K: number; X: number[]; init: { weights: number[]; means: number[] }; full: FitRef; diag: FitRef;
};

for (const type of ['full', 'diag'] as const) {
  test(`EM with ${type} covariances matches sklearn from the same start`, () => {
    const ref = fixture[type];
    const gm = new GaussianMixture({
      nComponents: fixture.K, covarianceType: type, maxIter: 500, tol: 1e-10,
      init: { weights: fixture.init.weights, means: fixture.init.means, covariances: ref.init_covariances },
    }).fit(fixture.X, fixture.d);
    assert.ok(gm.converged);
    assertAllClose(gm.weights, ref.weights, { atol: 1e-6, label: 'weights' });
    assertAllClose(gm.means, ref.means, { atol: 1e-6, label: 'means' });
    assertAllClose(gm.covariances, ref.covariances, { atol: 1e-6, label: 'covariances' });
    assertAllClose(gm.scoreSamples(fixture.X.slice(0, 20 * fixture.d)), ref.score_samples, { atol: 1e-6, label: 'score_samples' });
    assertAllClose([gm.lowerBound], [ref.lower_bound], { atol: 1e-8 });
  });
}

test('k-means++ start finds the three clusters and samples follow the fit', () => {
  const gm = new GaussianMixture({ nComponents: 3, rng: new Random(3) }).fit(fixture.X, fixture.d);
  const ref = fixture.full;
  // same optimum as sklearn up to the order of the components
  const order = [0, 1, 2].map((k) => [0, 1, 2].reduce((best, j) => (Math.abs(gm.means[j * 3] - ref.means[k * 3]) < Math.abs(gm.means[best * 3] - ref.means[k * 3]) ? j : best), 0));
  assertAllClose(order.map((j) => gm.weights[j]), ref.weights, { atol: 1e-4 });
  const s = gm.sample(20000, new Random(4));
  let mean0 = 0;
  for (let i = 0; i < 20000; i++) mean0 += s[i * 3] / 20000;
  const expected = gm.weights.reduce((a, w, k) => a + w * gm.means[k * 3], 0);
  assertAllClose([mean0], [expected], { atol: 0.05 });
});

test('scores: a far-away point is much less likely; bad input throws', () => {
  const gm = new GaussianMixture({ nComponents: 2, covarianceType: 'diag', rng: new Random(1) }).fit(fixture.X, fixture.d);
  const [inlier, outlier] = gm.scoreSamples([0, 0, 0, 30, 30, 30]);
  assert.ok(inlier > outlier + 100);
  assert.throws(() => new GaussianMixture({ nComponents: 0 }), RangeError);
  assert.throws(() => new GaussianMixture({ nComponents: 5 }).fit([1, 2, 3], 3), RangeError);
});
