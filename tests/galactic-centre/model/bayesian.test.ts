import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { bayesianCnn, heteroscedasticLoss, intervalCoverage, mcDropoutPredict } from '../../../lib/galactic-centre/model/bayesian';
import { assertClose, modelWeights } from '../../helpers';
import { Random } from '../../../lib/random';

before(async () => {
  await tf.setBackend('cpu');
});

test('heteroscedastic loss on known inputs', () => {
  const y = tf.tensor1d([0, 1]);
  const out = tf.tensor2d([[0.5, 0], [0.5, Math.log(4)]]);
  // (0.5·1·0.25 + 0) and (0.5·0.25·0.25 + 0.5·ln 4), averaged
  const expected = (0.125 + 0.03125 + 0.5 * Math.log(4)) / 2;
  assertClose(heteroscedasticLoss(y, out).dataSync()[0], expected, { rtol: 1e-5 });
  // at fixed error e, the loss is smallest when σ² = e²
  const at = (s: number): number => heteroscedasticLoss(tf.tensor1d([0.3]), tf.tensor2d([[0.1, s]])).dataSync()[0];
  assert.ok(at(Math.log(0.04)) < at(Math.log(0.02)) && at(Math.log(0.04)) < at(Math.log(0.08)));
});

test('interval coverage counts truths inside mean ± zσ', () => {
  assert.equal(intervalCoverage([0, 1, 2, 3], [0, 0, 0, 0], [1, 1, 1, 1], 1), 0.5);
  assert.equal(intervalCoverage([0, 1, 2, 3], [0, 0, 0, 0], [1, 1, 1, 1], 3), 1);
});

test('MC dropout gives a spread (epistemic > 0), outputs in range, no leaks', () => {
  const model = bayesianCnn({ inputShape: [8, 8, 5], scale: 1, filters: [4], dense: 8, dropout: 0.5, rng: new Random(3) });
  const x = tf.randomUniform([6, 8, 8, 5], 0, 1, 'float32', 1);
  const before = tf.memory().numTensors;
  const p = mcDropoutPredict(model, x, 10, 4);
  assert.equal(tf.memory().numTensors, before);
  assert.equal(p.mean.length, 6);
  assert.ok(p.mean.every((v) => v > 0 && v < 1));
  assert.ok(p.epistemic.some((v) => v > 0));
  p.total.forEach((t, i) => assertClose(t * t, p.aleatoric[i] ** 2 + p.epistemic[i] ** 2, { rtol: 1e-4 }));
  x.dispose();
  model.dispose();
});

test('bayesianCnn: same seed → same weights and MC-dropout predictions; another seed → others', () => {
  const build = (seed: number) => bayesianCnn({ inputShape: [8, 8, 5], scale: 1, filters: [4], dense: 8, dropout: 0.5, rng: new Random(seed) });
  const [a, b, c] = [1, 1, 2].map(build);
  assert.deepEqual(modelWeights(a), modelWeights(b));
  assert.notDeepEqual(modelWeights(a), modelWeights(c));
  const x = tf.ones([3, 8, 8, 5]);
  assert.deepEqual(Array.from(mcDropoutPredict(a, x, 5, 3).mean), Array.from(mcDropoutPredict(b, x, 5, 3).mean));
  x.dispose();
  [a, b, c].forEach((m) => m.dispose());
});
