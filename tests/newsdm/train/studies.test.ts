import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initBackend } from '../../../lib/backend';
import { Checkpoints } from '../../../lib/train';
import { predictCnn } from '../../../lib/newsdm/train/cnn';
import { rotatedSets, rotationScores, rowNormalise, sixClassStudy, trainCnns } from '../../../lib/newsdm/train/studies';
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

test('a checkpointed run resumes: the networks come back with their weights, the studies with their results', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdm-ckpt-'));
  try {
    const set = simulateBinarySet(new Random(7), { nSignal: 40, nBackground: 20, size: 8 });
    const [train, validation] = [[...Array(45).keys()], Array.from({ length: 15 }, (_, i) => 45 + i)].map((idx) => takeClusters(set, idx));
    const P = { ...newsdmSettings('smoke'), epochs: 1, widths: { simple2d: 4, vgg2d: 2, simple3d: 2, vgg3d: 2 }, perClass: 6, sixEpochs: 1 };
    const run = async () => {
      const ckpt = new Checkpoints(dir);
      const trained = await trainCnns(['simple2d'], { train, validation }, P, new Random(3), {}, ckpt);
      const six = await sixClassStudy(P, new Random(3), ckpt);
      return { ckpt, scores: predictCnn(trained.simple2d!, validation).scores, trained, six };
    };
    const first = await run();
    assert.deepEqual(first.ckpt.resumed, []);
    assert.ok(fs.existsSync(path.join(dir, 'cnn-simple2d.json')) && fs.existsSync(path.join(dir, 'six-class.json')));
    const again = await run();
    assert.deepEqual(again.ckpt.resumed, ['cnn-simple2d', 'six-class']);
    assert.deepEqual(again.scores, first.scores); // the same weights, bit for bit
    assert.deepEqual(again.trained.simple2d!.history.rows, first.trained.simple2d!.history.rows);
    assert.equal(again.trained.simple2d!.params, first.trained.simple2d!.params);
    assert.deepEqual(again.six, first.six);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
