/**
 * The pieces that notebook 03's Galactic Centre cells call since they moved into the library
 * (issue 13 §3): the field grid, the study's sets, finding example maps, J-factor shapes, detection
 * metrics, learning-rate verdicts, table rows, settings, timing a model and the training wrappers.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../lib/backend';
import { Random } from '../../lib/random';
import { fieldGrid, findMap, simulateGcDataset, simulateGcStudySets, FAMILIAR_MODEL } from '../../lib/galactic-centre/data/dataset';
import { jFactor, logAngles, relativeJFactor } from '../../lib/galactic-centre/data/dark-matter';
import { simulateGceDataset } from '../../lib/galactic-centre/data/gce';
import { classesAt05, evaluateDetection, learningRateVerdict } from '../../lib/galactic-centre/evaluate/detection';
import { coverageRows, mapScale, sensitivityRows } from '../../lib/galactic-centre/evaluate/figures';
import { labelledMaps, learningRateRuns, inputScale, trainClassifier, SEED_COMPARISONS } from '../../lib/galactic-centre/train/classifier';
import { smallModelSpec } from '../../lib/galactic-centre/model/architecture';
import { timeTrainingEpoch } from '../../lib/galactic-centre/train/large-model';
import { mcDropoutOn, trainBayesianCnn } from '../../lib/galactic-centre/train/bayesian-training';
import { trainProfileTask } from '../../lib/galactic-centre/train/profile-task';
import { GALACTIC_CENTRE_SETTINGS, galacticCentreSettings } from '../../lib/galactic-centre/train/settings';
import { assertClose } from '../helpers';

before(async () => {
  await initBackend(); // the notebooks' backend (wasm): the cpu backend takes minutes for the training tests
});

const TINY = { height: 6, width: 8, pixelDeg: 1.5 };

test('the field is 9° high whatever the pixels; map display scale', () => {
  const grid = fieldGrid(30, 40);
  assert.equal(grid.pixelDeg * grid.height, 9);
  assert.equal(grid.pixelDeg * grid.width, 12);
  assert.equal(mapScale(grid), 4);
  assert.equal(mapScale(fieldGrid(90, 120)), 1);
});

test('the study sets: training, validation, test and unseen maps of the sizes asked for', () => {
  const sets = simulateGcStudySets({ height: 12, width: 16, perCell: 2, valPerCell: 1, testPerCell: 1 }, new Random(1));
  assert.equal(sets.train.n, 3 * 10 * 2 * 2);
  assert.equal(sets.validation.n, 3 * 10 * 2);
  assert.equal(sets.test.n, 3 * 10 * 2);
  assert.equal(sets.unseen.n, 3 * 10 * 2);
  assert.deepEqual(sets.train.shape, [12, 16, 3]);
});

test('train, validation and test (and unseen) share no map and no seed', () => {
  const sets = simulateGcStudySets({ height: 24, width: 32, perCell: 2, valPerCell: 1, testPerCell: 1 }, new Random(1));
  const named = { train: sets.train, validation: sets.validation, test: sets.test, unseen: sets.unseen };
  const seeds = new Map<number, string>();
  const maps = new Map<string, string>();
  for (const [name, d] of Object.entries(named)) {
    const pixels = d.shape[0] * d.shape[1] * d.shape[2];
    for (let i = 0; i < d.n; i++) {
      const where = `${name} map ${i}`;
      const seed = d.mapSeed[i];
      assert.ok(!seeds.has(seed), `${where} has the seed of ${seeds.get(seed)}`);
      seeds.set(seed, where);
      const key = Buffer.from(d.maps.buffer, d.maps.byteOffset + i * pixels * 4, pixels * 4).toString('base64');
      assert.ok(!maps.has(key), `${where} repeats ${maps.get(key)}`);
      maps.set(key, where);
    }
  }
  assert.equal(seeds.size, (120 + 60 * 3));
});

test('findMap finds the first map of a label, step and background, or says what it missed', () => {
  const d = simulateGcDataset({ grid: TINY, model: FAMILIAR_MODEL, mapsPerCell: 1, ramp: { steps: 2, zFirst: 2, zLast: 8, radiusDeg: 2 } }, new Random(2));
  const i = findMap(d, 1, 2, 1);
  assert.deepEqual([d.label[i], d.step[i], d.background[i]], [1, 2, 1]);
  for (let k = 0; k < i; k++) assert.ok(!(d.label[k] === 1 && d.step[k] === 2 && d.background[k] === 1));
  assert.throws(() => findMap(d, 1, 7, 0), /no map with label 1, DM step 7 and background iem among 12/);
});

test('J-factor shapes: 1 at the reference angle, falling outwards; log-spaced angles', () => {
  const psis = logAngles(0.02, 6, 40);
  assert.equal(psis.length, 40);
  assertClose(psis[0], 0.02);
  assertClose(psis[39], 6);
  assertClose(psis[1] / psis[0], psis[39] / psis[38], { rtol: 1e-9 });
  const nfw = relativeJFactor({ kind: 'nfw' }, [0.1, 1, 5]);
  assertClose(nfw[1], 1);
  assert.ok(nfw[0] > 1 && nfw[2] < 1);
  assertClose(relativeJFactor({ kind: 'einasto' }, [2])[0], jFactor({ kind: 'einasto' }, 2) / jFactor({ kind: 'einasto' }, 1));
});

test('detection metrics: perfect, inverted and threshold-0.5 scores', () => {
  const label = [0, 0, 1, 1];
  const perfect = evaluateDetection('perfect', label, [0.1, 0.2, 0.8, 0.9]);
  assert.equal(perfect.auc, 1);
  assert.equal(perfect.accuracy, 1);
  const shifted = evaluateDetection('all above 0.5', label, [0.6, 0.7, 0.8, 0.9]);
  assert.equal(shifted.auc, 1);
  assert.equal(shifted.accuracy, 0.5);
  assert.deepEqual(classesAt05([0.49, 0.5, 0.51]), [0, 1, 1]);
  assert.equal(learningRateVerdict(0.55), 'stays at chance: fails');
  assert.equal(learningRateVerdict(0.9), 'still learns');
  assert.equal(learningRateVerdict(undefined), 'stays at chance: fails');
});

test('sensitivity and coverage rows', () => {
  const p = (step: number, auc: number) => ({ step, z: 100 * step, auc, accuracy: auc - 0.1, efficiency: 0.5 });
  const rows = sensitivityRows([p(1, 0.6), p(2, 0.9)], [p(1, 0.55), p(2, 0.7)]);
  assert.deepEqual(rows[1], { step: 2, z: 200, 'AUC familiar': 0.9, 'AUC unseen': 0.7, 'accuracy familiar': 0.8, 'accuracy unseen': 0.6 });
  const mc = { mean: Float32Array.of(0.5, 0.5), aleatoric: Float32Array.of(0.1, 0.1), epistemic: Float32Array.of(0.01, 0.01), total: Float32Array.of(0.3, 0.3) };
  const cov = coverageRows([0.55, 0.9], mc);
  assert.deepEqual(cov.map((r) => r.uncertainty), ['aleatoric only', 'epistemic only', 'total']);
  assert.equal(cov[0]['68% interval'], 0.5); // |0.05| ≤ 0.1, |0.4| > 0.1
  assert.equal(cov[2]['95% interval'], 1); // |0.05| and |0.4| ≤ 1.96 · 0.3
  assert.equal(cov[2]['68% interval'], 0.5); // |0.4| > 0.3
  assertClose(cov[1]['mean σ'] as number, 0.01, { rtol: 1e-6 });
});

test('settings: smoke smaller than default, full at the seed\'s map size, batch and epochs', () => {
  assert.deepEqual([GALACTIC_CENTRE_SETTINGS.full.height, GALACTIC_CENTRE_SETTINGS.full.width], [90, 120]);
  assert.equal(GALACTIC_CENTRE_SETTINGS.full.batch, 500);
  assert.equal(GALACTIC_CENTRE_SETTINGS.full.epochs, 100);
  assert.equal(GALACTIC_CENTRE_SETTINGS.full.microBatch, 100, 'batch 500 of 90×120 maps overflows the wasm heap in one piece');
  assert.deepEqual([GALACTIC_CENTRE_SETTINGS.full.perCell, GALACTIC_CENTRE_SETTINGS.full.valPerCell, GALACTIC_CENTRE_SETTINGS.full.testPerCell].map((k) => k * 60), [10800, 1200, 1200]);
  assert.ok(galacticCentreSettings('smoke').perCell < galacticCentreSettings('default').perCell);
});

test('timing an epoch: a number for a model the backend trains, the backend\'s message when it cannot', async () => {
  const spec = [{ kind: 'flatten' as const }, { kind: 'dense' as const, units: 1, activation: 'sigmoid' as const }];
  const seconds = await timeTrainingEpoch([4, 4, 3], spec, { batch: 2, mapsPerEpoch: 10, lr: 1e-3, rng: new Random(1) });
  assert.equal(typeof seconds, 'number');
  assert.ok((seconds as number) >= 0);
  const bad = await timeTrainingEpoch([4, 4, 3], [{ kind: 'conv', filters: 2, kernel: 9 }], { batch: 2, mapsPerEpoch: 10, lr: 1e-3, rng: new Random(1) });
  assert.equal(typeof bad, 'string');
  assert.match(bad as string, /^tfjs \w+ cannot train it: /);
});

test('learning-rate runs and the profile task train on the smoke-size field', async () => {
  const sets = simulateGcStudySets({ height: 24, width: 32, perCell: 1, valPerCell: 1, testPerCell: 1 }, new Random(3));
  const scale = inputScale(sets.train.maps, 24 * 32 * 3);
  const runs = await learningRateRuns(labelledMaps(sets.train), labelledMaps(sets.validation), { runs: [SEED_COMPARISONS[1]], epochs: 1, scale, rng: new Random(4) });
  assert.equal(runs.length, 1);
  assert.equal(runs[0].lr, 5e-3);
  assert.equal(runs[0].batch, 100);
  assert.equal(runs[0].run.history.length, 1);
  runs[0].run.model.dispose();
  const prof = await trainProfileTask({ grid: sets.grid, perCell: 1, valPerCell: 1, testPerCell: 1, epochs: 1, batch: 20, patience: 0, scale }, new Random(5));
  assert.equal(prof.confusion.length, 3);
  assert.equal(prof.confusion.flat().reduce((a, b) => a + b, 0), 3 * 10 * 2);
  assert.ok(prof.accuracy >= 0 && prof.accuracy <= 1);
  prof.trained.model.dispose();
});

test('the Bayesian CNN trains and its MC-dropout σ holds the aleatoric part', async () => {
  const grid = { height: 8, width: 8, pixelDeg: 2 };
  const train = simulateGceDataset({ n: 8, backgrounds: [0], grid }, new Random(6));
  const test = simulateGceDataset({ n: 4, backgrounds: [3], grid }, new Random(7));
  const bnn = await trainBayesianCnn(train, test, { epochs: 1 }, new Random(8));
  assert.equal(bnn.history.length, 1);
  const mc = mcDropoutOn(bnn.model, test, 3);
  assert.equal(mc.mean.length, 4);
  assert.ok(Array.from(mc.total).every((s, i) => s >= mc.aleatoric[i] - 1e-6));
  bnn.model.dispose();
});

test('the ramp as a table and as ten titled panels', async () => {
  const { rampRows, rampFigure } = await import('../../lib/galactic-centre/evaluate/figures');
  const { DM_VISIBILITY_RAMP } = await import('../../lib/galactic-centre/data/ramp');
  const grid = fieldGrid(24, 32);
  const rows = rampRows(grid, FAMILIAR_MODEL, DM_VISIBILITY_RAMP);
  assert.deepEqual(rows.map((r) => r.step), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assertClose(rows[0].z, 3);
  assertClose(rows[9].z, 20);
  assert.ok(rows.every((r, i) => i === 0 || r['DM counts on both'] > rows[i - 1]['DM counts on both']));
  const svg = rampFigure(grid, FAMILIAR_MODEL, 'both', DM_VISIBILITY_RAMP, new Random(1)).svg();
  assert.equal(svg.match(/step \d+: z /g)?.length, 10);
  assert.match(svg, /step 1: z 3\.0 \(this map -?\d+\.\d\)/);
  assert.match(svg, /step 10: z 20\.0/);
});

test('a GC classifier run (batches in micro-batches, as at full) stopped after one epoch resumes from its checkpoint and ends like an uninterrupted run', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-resume-'));
  const rng = new Random(8);
  const n = 12;
  const maps = { maps: Float32Array.from({ length: n * 24 * 32 * 3 }, () => rng.poisson(3)), n, shape: [24, 32, 3], labels: Array.from({ length: n }, (_, i) => i % 2) };
  const options = (checkpoint: string, epochs: number) => ({ spec: smallModelSpec(0.3), lr: 5e-4, epochs, batchSize: 6, microBatch: 4, patience: 0, rng: new Random(9), checkpoint: path.join(dir, checkpoint) });
  try {
    const whole = await trainClassifier(maps, maps, options('whole', 2));
    await trainClassifier(maps, maps, options('resumed', 1));
    const resumed = await trainClassifier(maps, maps, options('resumed', 2));
    const [a, b] = [resumed.history.column('loss'), whole.history.column('loss')];
    assert.equal(a.length, 2);
    a.forEach((v, k) => assertClose(v, b[k], { rtol: 1e-5 }));
    const w = (m: typeof whole.model) => m.getWeights().flatMap((t) => Array.from(t.dataSync() as Float32Array));
    const [w1, w2] = [w(resumed.model), w(whole.model)];
    w1.forEach((v, k) => assert.ok(Math.abs(v - w2[k]) <= 1e-5, `weight ${k}: ${v} vs ${w2[k]}`));
    assert.ok(fs.existsSync(path.join(dir, 'resumed', 'last', 'checkpoint.json')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
