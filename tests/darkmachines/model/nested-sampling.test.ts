/** Tests of lib/darkmachines/nested-sampling.ts, ellipsoids.ts and modes.ts against closed forms. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { gaussianBoxLogEvidence, nestedSampling, nestedScan } from '../../../lib/darkmachines/model/nested-sampling';
import { bootstrapExpand, boundingEllipsoid, coveringEllipsoids, logUnitBallVolume, mahalanobis2 } from '../../../lib/darkmachines/model/ellipsoids';
import { linkClusters, systematicResample } from '../../../lib/darkmachines/model/modes';
import { himmelblau } from '../../../lib/darkmachines/data/test-functions';
import { assertClose } from '../../helpers';

/** ln N(θ; μ, σ² I), normalised. */
const gaussian = (mu: readonly number[], sigma: number) => (x: ArrayLike<number>) => {
  let s = 0;
  for (let j = 0; j < mu.length; j++) s += ((x[j] - mu[j]) / sigma) ** 2;
  return -0.5 * s - mu.length * Math.log(sigma * Math.sqrt(2 * Math.PI));
};
const box = (d: number, lo: number, hi: number) => ({ lower: new Array(d).fill(lo), upper: new Array(d).fill(hi) });

for (const d of [2, 5]) {
  test(`the evidence of a ${d}-D Gaussian in a uniform box matches its closed form within 3σ`, () => {
    const { lower, upper } = box(d, -5, 5);
    const mu = Array.from({ length: d }, (_, j) => (j % 2 ? -3.5 : 1)); // −3.5: the box cuts the Gaussian at 1.5 σ
    const exact = gaussianBoxLogEvidence(mu, 1, lower, upper);
    for (const seed of [1, 2, 3]) {
      const r = nestedSampling({ dim: d, lower, upper, logL: gaussian(mu, 1) }, 100_000, new Random(seed));
      const pull = (r.logZ - exact) / r.logZError;
      console.log(`# ${d}-D seed ${seed}: ln Z = ${r.logZ.toFixed(3)} ± ${r.logZError.toFixed(3)}, closed form ${exact.toFixed(3)}, pull ${pull.toFixed(2)}, H = ${r.information.toFixed(2)}, ${r.evaluations} calls`);
      assert.ok(r.converged);
      assert.ok(Math.abs(pull) < 3, `pull ${pull}`);
      assert.ok(r.logZError > 0.02 && r.logZError < 0.2);
      assertClose(r.weights.reduce((a, b) => a + b, 0), 1, { rtol: 1e-9 });
      assert.equal(r.modes.length, 1);
      r.modes[0].mean.forEach((m, j) => assert.ok(Math.abs(m - mu[j]) < 0.2, `mode mean ${r.modes[0].mean}`));
      assert.equal(r.samples.length, r.logL.length * d);
    }
  });
}

test('the error estimate √(H/N) is the spread of ln Z over seeds (2-D, 12 runs, single ellipsoid)', () => {
  const { lower, upper } = box(2, -5, 5);
  const mu = [0.5, -1];
  const exact = gaussianBoxLogEvidence(mu, 0.5, lower, upper);
  const pulls = Array.from({ length: 12 }, (_, s) => {
    const r = nestedSampling({ dim: 2, lower, upper, logL: gaussian(mu, 0.5) }, 100_000, new Random(50 + s), { livePoints: 200, ellipsoids: 'single' });
    return (r.logZ - exact) / r.logZError;
  });
  const mean = pulls.reduce((a, b) => a + b) / pulls.length;
  const sd = Math.sqrt(pulls.reduce((a, p) => a + (p - mean) ** 2, 0) / (pulls.length - 1));
  console.log(`# pulls over 12 seeds: mean ${mean.toFixed(2)}, sd ${sd.toFixed(2)}`);
  assert.ok(Math.abs(mean) < 3 / Math.sqrt(12) * 1.5, `mean pull ${mean}`);
  assert.ok(sd > 0.4 && sd < 2, `sd of pulls ${sd}`);
});

test('a two-mode Gaussian mixture: two modes of half the mass each, and its evidence', () => {
  const { lower, upper } = box(2, -5, 5);
  const [a, b] = [[-2, -2], [2.5, 1.5]];
  const logL = (x: ArrayLike<number>) => {
    const [la, lb] = [gaussian(a, 0.4)(x), gaussian(b, 0.4)(x)];
    return Math.log(0.5) + Math.max(la, lb) + Math.log1p(Math.exp(-Math.abs(la - lb)));
  };
  const exact = Math.log(0.5 * Math.exp(gaussianBoxLogEvidence(a, 0.4, lower, upper)) + 0.5 * Math.exp(gaussianBoxLogEvidence(b, 0.4, lower, upper)));
  for (const ellipsoids of ['multi', 'single'] as const) {
    const r = nestedSampling({ dim: 2, lower, upper, logL }, 200_000, new Random(7), { ellipsoids });
    console.log(`# mixture (${ellipsoids}): ln Z = ${r.logZ.toFixed(3)} ± ${r.logZError.toFixed(3)} (closed form ${exact.toFixed(3)}), ${r.evaluations} calls, modes ${r.modes.map((m) => `${m.weight.toFixed(2)} at (${m.mean.map((v) => v.toFixed(2))})`).join(', ')}`);
    assert.ok(Math.abs(r.logZ - exact) < 3 * r.logZError);
    assert.equal(r.modes.length, 2);
    for (const centre of [a, b]) {
      const m = r.modes.find((mode) => Math.hypot(mode.mean[0] - centre[0], mode.mean[1] - centre[1]) < 0.2);
      assert.ok(m, `no mode at ${centre}`);
      assertClose(m.weight, 0.5, { atol: 0.1 });
      assert.ok(m.sd.every((s) => Math.abs(s - 0.4) < 0.1), `sd ${m.sd}`);
    }
  }
});

test('stopped early (dlogZ = 0.5), the final live points carry their share of the evidence', () => {
  const { lower, upper } = box(2, -5, 5);
  const exact = gaussianBoxLogEvidence([1, 1], 0.5, lower, upper);
  for (const seed of [1, 2]) {
    const r = nestedSampling({ dim: 2, lower, upper, logL: gaussian([1, 1], 0.5) }, 100_000, new Random(seed), { dlogZ: 0.5 });
    assert.ok(Math.abs(r.logZ - exact) < 3 * r.logZError, `seed ${seed}: ${r.logZ} ± ${r.logZError} vs ${exact}`);
  }
});

test('a budget too small to converge stops at the budget with an honest flag; bad input is refused', () => {
  const { lower, upper } = box(2, -5, 5);
  const r = nestedSampling({ dim: 2, lower, upper, logL: gaussian([0, 0], 0.1) }, 600, new Random(1), { livePoints: 100 });
  assert.equal(r.converged, false);
  assert.equal(r.evaluations, 600);
  assert.ok(Number.isFinite(r.logZ));
  assert.throws(() => nestedSampling({ dim: 2, lower, upper, logL: () => 0 }, 50, new Random(1), { livePoints: 100 }), /budget 50 is smaller than the 100 live points/);
  assert.throws(() => nestedSampling({ dim: 5, lower, upper, logL: () => 0 }, 5000, new Random(1), { livePoints: 5 }), /livePoints must be an integer > dim \+ 1/);
  const scan = nestedScan(himmelblau(2), 8000, new Random(2));
  assert.ok(scan.bestF < 1e-2 && scan.calls <= 8000 && scan.method === 'nested sampling');
});

test('ellipsoids: bounding contains its points, splitting separates two clusters, resampling follows weights', () => {
  const rng = new Random(3);
  const pts = new Float64Array(400 * 2);
  for (let i = 0; i < 400; i++) {
    const c = i < 200 ? 0.2 : 0.8;
    pts[2 * i] = c + 0.03 * rng.normal();
    pts[2 * i + 1] = c + 0.03 * rng.normal();
  }
  const all = Int32Array.from({ length: 400 }, (_, i) => i);
  const e = boundingEllipsoid(pts, 2, all);
  for (let i = 0; i < 400; i++) assert.ok(mahalanobis2(e, pts, 2 * i) <= 1 + 1e-9);
  const parts = coveringEllipsoids(pts, 2, rng);
  assert.equal(parts.length, 2);
  assert.deepEqual(parts.map((p) => p.members.length).sort(), [200, 200]);
  assertClose(logUnitBallVolume(2), Math.log(Math.PI), { rtol: 1e-12 });
  assertClose(logUnitBallVolume(3), Math.log((4 / 3) * Math.PI), { rtol: 1e-12 });
  const idx = systematicResample([0.1, 0.6, 0.3], 1000, new Random(1));
  assert.equal(idx.filter((i) => i === 1).length, 600);
  const { count } = linkClusters(Float64Array.from([0, 0, 0.01, 0, 5, 5, 5.02, 5]), 2, [0, 0], [10, 10], 0.01);
  assert.equal(count, 2);
});

test('bootstrap expansion grows an ellipsoid fitted to few points so that it covers more of their source', () => {
  // 30 uniform points in a 6-D cube: the fraction of fresh uniform points inside the fitted ellipsoid rises
  const rng = new Random(11), d = 6, n = 30;
  const pts = rng.fill(n * d, (r) => r.random());
  const e = boundingEllipsoid(pts, d, Int32Array.from({ length: n }, (_, i) => i));
  const [grown] = bootstrapExpand([e], pts, rng, 5);
  assert.ok(grown.logVolume > e.logVolume);
  const fresh = rng.fill(2000 * d, (r) => r.random());
  const inside = (x: typeof e) => Array.from({ length: 2000 }, (_, i) => mahalanobis2(x, fresh, i * d) <= 1).filter(Boolean).length;
  assert.ok(inside(grown) > inside(e), `${inside(grown)} vs ${inside(e)} of 2000`);
});
