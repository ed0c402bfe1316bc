/** Tests of lib/darkmachines/evaluate/anomaly-detectors.ts on a planted-outlier data set, and the figure-of-merit table. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { autoencoderDetector, evaluateDetector, gaussianMixtureDetector, isolationForestDetector, resultMatrix } from '../../../lib/darkmachines/evaluate/anomaly-detectors';
import type { Matrix } from '../../../lib/darkmachines/data/features';
import { Random } from '../../../lib/random';
import { assertClose } from '../../helpers';

before(async () => {
  await tf.setBackend('cpu');
});

/** Inliers on a correlated 2D band in 4D; outliers off the band (planted anomalies). */
function sample(n: number, outliers: boolean, rng: Random): Matrix {
  const d = 4, data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const t = rng.normal();
    const row = outliers ? [t, -t + 3 * rng.normal(), rng.normal() * 3, rng.normal()] : [t, t + 0.1 * rng.normal(), 0.1 * rng.normal(), rng.normal()];
    data.set(row, i * d);
  }
  return { data, rows: n, cols: d };
}

const rng = new Random(9);
const train = sample(600, false, rng), testBkg = sample(400, false, rng), testSig = sample(200, true, rng);

test('isolation forest and Gaussian mixture score planted outliers well above chance', () => {
  for (const det of [isolationForestDetector(train, new Random(1)), gaussianMixtureDetector(train, new Random(2), 2)]) {
    const [r] = evaluateDetector(det.name, det.score(testBkg), { planted: det.score(testSig) });
    assert.ok(r.auc > 0.9, `${det.name}: AUC ${r.auc}`);
    assert.ok(r.epsS_1e2 > 0.3, `${det.name}: ε_S ${r.epsS_1e2}`);
  }
});

test('an autoencoder detector scores planted outliers well above chance', async () => {
  const det = await autoencoderDetector(train, { rng: new Random(3), epochs: 30, hidden: [8], latentDim: 2, batchSize: 64 });
  const [r] = evaluateDetector(det.name, det.score(testBkg), { planted: det.score(testSig) });
  det.dispose();
  assert.ok(r.auc > 0.85, `AUC ${r.auc}`);
});

test('figures of merit: perfect and useless scores; matrix for the heat map', () => {
  const bkg = Array.from({ length: 1000 }, (_, i) => i / 1000);
  const res = evaluateDetector('d', bkg, { perfect: [2, 3, 4], useless: bkg.slice(0, 500) });
  assert.equal(res[0].auc, 1);
  assert.equal(res[0].epsS_1e3, 1);
  assertClose(res[1].auc, 0.25, { atol: 1e-3 }); // the signal sits in the lower half of the background
  const m = resultMatrix([...res, ...evaluateDetector('e', bkg, { perfect: [5] })], 'auc');
  assert.deepEqual(m.detectors, ['d', 'e']);
  assert.deepEqual(m.signals, ['perfect', 'useless']);
  assert.ok(Number.isNaN(m.matrix[1][1]));
});
