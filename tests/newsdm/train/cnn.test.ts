import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../../lib/backend';
import { Random } from '../../../lib/random';
import { simulateBinarySet, simulateSixClassSet } from '../../../lib/newsdm/data/datasets';
import { binaryScores, classTargets, fitImageNorm, networkInput, predictCnn, trainCnn } from '../../../lib/newsdm/train/cnn';
import { assertClose } from '../../helpers';

test('binaryScores: accuracy and purity at 0.5, AUC and the Youden cut', () => {
  const y = [0, 0, 1, 1, 1, 0];
  const s = [0.1, 0.8, 0.7, 0.9, 0.4, 0.2];
  const r = binaryScores(y, s);
  assertClose(r.accuracy, 4 / 6);
  assertClose(r.precision, 2 / 3);
  assertClose(r.auc, 7 / 9);
  assert.equal(r.threshold, 0.4);
  assertClose(r.accuracyAtThreshold, 5 / 6);
  assert.equal(r.roc.fpr[0], 0);
});

test('inputs are normalised and laid out per architecture; targets binary or one-hot', () => {
  const set = simulateSixClassSet(new Random(1), { perClass: 2, size: 8 });
  const norm = fitImageNorm(set);
  assert.ok(norm.scale > 0 && norm.offset > 0.05 && norm.offset < 0.3, JSON.stringify(norm)); // ≈ the pedestal 0.1 plus cluster light
  assert.deepEqual(networkInput(set, 'vgg3d', norm).shape, [12, 8, 8, 8, 1]);
  const x2 = networkInput(set, 'simple2d', norm);
  assert.deepEqual(x2.shape, [12, 8, 8, 8]);
  assertClose(x2.data[8 * 1 + 3], (set.images[3 * 64 + 1] - norm.offset) / norm.scale, { rtol: 1e-5 }); // pixel 1 of polarisation 3
  const y = classTargets(set);
  assert.ok(!(y instanceof Float32Array) && y.shape[1] === 6);
  assert.ok(classTargets(simulateBinarySet(new Random(2), { nSignal: 3, nBackground: 2, size: 8 })) instanceof Float32Array);
});

test('trainCnn runs one epoch and predictCnn gives one probability per cluster', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const set = simulateBinarySet(new Random(3), { nSignal: 40, nBackground: 24, size: 8 });
  const t = await trainCnn('simple3d', set, set, { epochs: 1, width: 2, denseUnits: 4, rng: new Random(4), progress: 'none' });
  assert.equal(t.history.length, 1);
  assert.ok(t.params > 0 && t.secondsPerEpoch > 0);
  const { scores, angleDeg } = predictCnn(t, set, 16);
  assert.equal(scores.length, 64);
  assert.equal(angleDeg, undefined);
  assert.ok(scores.every((p) => p >= 0 && p <= 1));
  t.model.dispose();
});
