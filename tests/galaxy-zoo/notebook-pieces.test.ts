/**
 * The pieces that notebook 03's Galaxy Zoo cells call since they moved into the library (issue 13 §3):
 * tree-rule counting, image views, the spiral's feature maps, the broken-header example, the
 * constant baseline, mean targets and RMSE per question, captions and settings.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Random } from '../../lib/random';
import { dataPath } from '../../lib/paths';
import { NUM_TARGETS, QUESTIONS, classIndex, questionOffset } from '../../lib/galaxy-zoo/data/decision-tree';
import { countTreeViolations, galaxyImage, galaxyTargets, simulateGalaxyZoo } from '../../lib/galaxy-zoo/data/dataset';
import { brokenHeaderMessage } from '../../lib/galaxy-zoo/data/loader';
import { KERNELS, spiralFeatureMaps, toGray } from '../../lib/galaxy-zoo/model/filters';
import { constantPrediction, meanTargetsPerQuestion, rmseAll, rmseColumns, rmsePerQuestion } from '../../lib/galaxy-zoo/evaluate/rmse';
import { morphologyCaption } from '../../lib/galaxy-zoo/evaluate/figures';
import { GALAXY_ZOO_SETTINGS, galaxyZooSettings } from '../../lib/galaxy-zoo/train/settings';
import { assertClose } from '../helpers';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-pieces-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('simulated targets break no tree rule; a broken sum is counted', () => {
  const data = simulateGalaxyZoo(12, new Random(3), { size: 24 });
  assert.equal(countTreeViolations(data), 0);
  const broken = { targets: Float32Array.from(data.targets), n: data.n };
  broken.targets[classIndex(1, 1)] += 0.3; // Q1 of galaxy 0 no longer sums to 1
  assert.ok(countTreeViolations(broken) >= 1);
});

test('galaxyImage and galaxyTargets are views of galaxy i', () => {
  const images = Float32Array.from({ length: 3 * 2 * 2 * 3 }, (_, k) => k);
  assert.deepEqual(Array.from(galaxyImage(images, 2, 1)), Array.from({ length: 12 }, (_, k) => 12 + k));
  const targets = Float32Array.from({ length: 2 * NUM_TARGETS }, (_, k) => k);
  assert.equal(galaxyTargets(targets, 1)[0], NUM_TARGETS);
});

test('spiralFeatureMaps convolves the first two-armed disk with every kernel; none: a clear error', () => {
  const data = simulateGalaxyZoo(40, new Random(2022).fork('demo'), { size: 32 });
  const fm = spiralFeatureMaps(data);
  const i = data.morphologies.findIndex((m) => m.kind === 'disk' && m.arms >= 2);
  assert.deepEqual(fm.maps.map((m) => m.name), Object.keys(KERNELS));
  assert.deepEqual(Array.from(fm.gray), Array.from(toGray(galaxyImage(data.images, 32, i), 32, 32)));
  const blur = fm.maps.find((m) => m.name === 'blur (box)')!.map;
  const centre = 16 * 32 + 16; // interior pixel: the box blur is the mean of the 3×3 neighbourhood
  let mean = 0;
  for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) mean += fm.gray[centre + di * 32 + dj] / 9;
  assertClose(blur[centre], mean, { rtol: 1e-5 });
  const noSpiral = { ...data, morphologies: data.morphologies.map((m) => ({ ...m, arms: 0 })) };
  assert.throws(() => spiralFeatureMaps(noSpiral), /none of the 40 galaxies is a disk with 2 or more arms/);
});

test('the broken-header example names the file, the bad column and the expected one', async () => {
  const message = await brokenHeaderMessage(dataPath('galaxy-zoo', 'training_solutions_rev1.csv'), scratch);
  assert.match(message, /training_solutions_rev1\.csv/);
  assert.match(message, /Class5_2/);
  assert.match(message, /Class5\.2/);
});

test('the constant baseline repeats the column means; mean targets per question', () => {
  assert.deepEqual(Array.from(constantPrediction([0.25, 0.5], 3)), [0.25, 0.5, 0.25, 0.5, 0.25, 0.5]);
  const targets = new Float32Array(2 * NUM_TARGETS);
  targets[classIndex(1, 1)] = 1; // galaxy 0: smooth
  targets[NUM_TARGETS + classIndex(1, 2)] = 1; // galaxy 1: features or disk
  const rows = meanTargetsPerQuestion(targets);
  assert.equal(rows.length, QUESTIONS.length);
  assert.equal(rows[0]['mean targets'], '0.500 / 0.500 / 0.000');
  assert.equal(rows[0].question, 'Q1');
});

test('RMSE per question matches rmseColumns; the last row is the challenge metric', () => {
  const rng = new Random(9);
  const yTrue = Float32Array.from({ length: 5 * NUM_TARGETS }, () => rng.random());
  const yPred = Float32Array.from({ length: 5 * NUM_TARGETS }, () => rng.random());
  const rows = rmsePerQuestion(yTrue, { cnn: yPred });
  assert.equal(rows.length, QUESTIONS.length + 1);
  assertClose(rows[2].cnn as number, rmseColumns(yTrue, yPred, questionOffset(3), QUESTIONS[2].answers.length));
  assertClose(rows[QUESTIONS.length].cnn as number, rmseAll(yTrue, yPred));
});

test('captions name the morphology; settings are copies per profile', () => {
  assert.equal(morphologyCaption({ kind: 'disk', arms: 2, bar: 0.5, odd: 'ring' }), 'disk 2 arms bar ring');
  assert.equal(morphologyCaption({ kind: 'smooth', arms: 0, bar: 0, odd: 'none' }), 'smooth');
  const s = galaxyZooSettings('default');
  s.filters.push(99);
  assert.deepEqual(GALAXY_ZOO_SETTINGS.default.filters, [16, 32, 32]);
  assert.ok(galaxyZooSettings('smoke').nTrain < galaxyZooSettings('default').nTrain);
});
