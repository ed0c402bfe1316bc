import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rotatedSets, rotationScores, rowNormalise } from '../../../lib/newsdm/train/studies';
import { newsdmSettings } from '../../../lib/newsdm/train/settings';
import { simulateBinarySet, takeClusters } from '../../../lib/newsdm/data/datasets';
import { Random } from '../../../lib/random';

test('rowNormalise divides each row by its sum and leaves an empty row at 0', () => {
  assert.deepEqual(rowNormalise([[1, 3], [0, 0], [2, 2]]), [[0.25, 0.75], [0, 0], [0.5, 0.5]]);
});

test('rotatedSets: rotBase training clusters, a quarter as many validation ones, every test cluster, × copies', () => {
  const set = simulateBinarySet(new Random(1), { nSignal: 30, nBackground: 15, size: 8 });
  const [train, validation, test] = [[...Array(25).keys()], Array.from({ length: 10 }, (_, i) => 25 + i), [...Array(10).keys()].map((i) => i + 35)].map((idx) => takeClusters(set, idx));
  const P = { ...newsdmSettings('smoke'), rotBase: 20, rotCopies: 3 };
  const rot = rotatedSets({ train, validation, test }, P, new Random(2));
  assert.equal(rot.train.set.n, 60);
  assert.equal(rot.validation.set.n, 15);
  assert.equal(rot.test.set.n, 30);
  assert.deepEqual(Array.from(rot.test.set.labels.subarray(0, 3)), [test.labels[0], test.labels[0], test.labels[0]]);
});

test('rotationScores: accuracy, and angle errors (mod 180°) over all, signal and background rows', () => {
  const test = { set: { labels: Int32Array.from([1, 1, 0, 0]) }, angleDeg: Float32Array.from([10, -80, 30, 0]) };
  const predicted = { scores: Float32Array.from([0.9, 0.8, 0.7, 0.1]), angleDeg: Float32Array.from([12, 90, 30, 45]) };
  // errors: 2°, 10° (−80 vs 90 is 170 mod 180 → 10), 0°, 45°
  const r = rotationScores('vgg3d', test as never, predicted, 1.5);
  assert.equal(r.accuracy, 0.75);
  assert.ok(Math.abs(r.signalMaeDeg - 6) < 1e-5, String(r.signalMaeDeg));
  assert.ok(Math.abs(r.backgroundMaeDeg - 22.5) < 1e-5);
  assert.ok(Math.abs(r.angleMaeDeg - 14.25) < 1e-5);
  assert.equal(r.secondsPerEpoch, 1.5);
});
