/** Tests of lib/darkmachines/model/scanners.ts, test-functions.ts and pmssm-toy.ts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callsToReach, gaussianParticleFilter, geneticAlgorithm, randomScan } from '../../../lib/darkmachines/model/scanners';
import { eggholder, himmelblau, rastrigin, rosenbrock, testFunction } from '../../../lib/darkmachines/data/test-functions';
import { goodRegionCoverage, pmssmToy, PMSSM_PARAMETERS } from '../../../lib/darkmachines/data/pmssm-toy';
import { Random } from '../../../lib/random';
import { assertClose } from '../../helpers';

test('test functions take their known minimum at the known minimiser', () => {
  for (const tf of [rosenbrock(2), rosenbrock(6), rastrigin(3), himmelblau(2), himmelblau(4), eggholder(2), eggholder(4)]) {
    assertClose(tf.f(tf.xMin), tf.fMin, { atol: 1e-3, label: tf.name });
    assert.ok(tf.f(tf.xMin.map((v) => v - 0.3)) > tf.fMin, tf.name); // inward: the Eggholder minimum sits on the box edge
  }
  assertClose(himmelblau().f([-2.805118, 3.131312]), 0, { atol: 1e-9 });
  assert.throws(() => eggholder(3), RangeError);
  assert.equal(testFunction('rastrigin', 4).dim, 4);
});

test('the Gaussian particle filter finds the 2D Rosenbrock optimum', () => {
  const tf = rosenbrock(2);
  const r = gaussianParticleFilter(tf, 5000, new Random(1));
  assert.ok(r.bestF < 1e-4, `best ${r.bestF}`);
  assert.ok(Math.abs(r.bestX[0] - 1) < 0.02 && Math.abs(r.bestX[1] - 1) < 0.04, `at ${r.bestX}`);
  assert.ok(callsToReach(r, 1e-2) < 5000);
});

test('records: every call kept, best-so-far monotone, points inside the box', () => {
  const tf = rastrigin(3);
  for (const r of [randomScan(tf, 700, new Random(1)), gaussianParticleFilter(tf, 700, new Random(2)), geneticAlgorithm(tf, 700, new Random(3))]) {
    assert.equal(r.calls, 700);
    assert.equal(r.points.length, 2100);
    for (let c = 1; c < r.calls; c++) assert.ok(r.bestSoFar[c] <= r.bestSoFar[c - 1]);
    assert.ok(r.points.every((v) => v >= -5.12 && v <= 5.12));
    assert.equal(r.bestF, Math.min(...r.values));
  }
  assert.equal(callsToReach(randomScan(tf, 10, new Random(1)), -1), Infinity);
});

test('the GA beats random sampling on 4D Himmelblau at equal budget', () => {
  const tf = himmelblau(4);
  assert.ok(geneticAlgorithm(tf, 4000, new Random(4)).bestF < randomScan(tf, 4000, new Random(4)).bestF);
});

test('pMSSM toy: 19 named parameters, modes are maxima, coverage counts modes', () => {
  const toy = pmssmToy();
  assert.equal(toy.dim, 19);
  assert.equal(PMSSM_PARAMETERS[0].name, 'tanβ');
  const theta = (centre: number[]) => {
    const u = new Array(19).fill(0.5);
    [0, 1, 2, 3, 4, 11, 12, 16].forEach((i, k) => (u[i] = centre[k]));
    return u.map((v, i) => toy.lower[i] + v * (toy.upper[i] - toy.lower[i]));
  };
  const atMode = theta(toy.modes[0].centre);
  assert.ok(toy.logL(atMode) > toy.logL(theta(toy.modes[0].centre.map((c) => c + 0.1))));
  assertClose(toy.chi2(atMode)[0], 0, { atol: 1e-9 });
  const cov = goodRegionCoverage(toy, Float64Array.from([...atMode, ...theta(toy.modes[1].centre), ...toy.lower]));
  assert.equal(cov.modesFound, 2);
  assertClose(cov.fractionOfCalls, 2 / 3, { rtol: 1e-12 });
});
