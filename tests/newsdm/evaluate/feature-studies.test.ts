import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureSplit, isotropicBdtStudy, meanOverPolarisations, singleCutAucs, treeCurveSummary, treeEnsembleScores } from '../../../lib/newsdm/evaluate/feature-studies';
import { FEATURE_NAMES } from '../../../lib/newsdm/data/features';
import { Random } from '../../../lib/random';

const D = FEATURE_NAMES.length;

/** n rows whose feature `lx_p*` is k + label (so it separates the labels) and the rest noise. */
function fakeFeatures(n: number, rng: Random): { X: Float64Array; y: Int32Array } {
  const X = new Float64Array(n * D);
  const y = Int32Array.from({ length: n }, (_, i) => i % 2);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < D; c++) X[i * D + c] = rng.normal();
    for (let k = 0; k < 8; k++) X[i * D + FEATURE_NAMES.indexOf(`lx_p${k}`)] = k + 3 * y[i];
  }
  return { X, y };
}

test('featureSplit: training = training + validation rows, test = test rows, in order', () => {
  const { X, y } = fakeFeatures(10, new Random(1));
  const s = featureSplit(X, y, { train: Int32Array.from([0, 1]), validation: Int32Array.from([2]), test: Int32Array.from([9, 3]) });
  assert.deepEqual(Array.from(s.train.y), [0, 1, 0]);
  assert.deepEqual(Array.from(s.test.X.subarray(0, D)), Array.from(X.subarray(9 * D, 10 * D)));
  assert.equal(s.test.nFeatures, 64);
});

test('meanOverPolarisations averages one feature over the 8 polarisations; singleCutAucs scores with it', () => {
  const { X, y } = fakeFeatures(20, new Random(2));
  const set = { X, nFeatures: D, y };
  const m = meanOverPolarisations(set, 'lx');
  assert.equal(m[0], 3.5); // (0 + … + 7) / 8, label 0
  assert.equal(m[1], 6.5); // label 1
  const shift = Float64Array.from({ length: 20 }, (_, i) => -i);
  const aucs = singleCutAucs(set, shift, Int32Array.from({ length: 20 }, (_, i) => i));
  assert.equal(aucs.aucMeanLx, 1);
  assert.ok(aucs.aucShift < 0.6, `shift decreases with the index, labels alternate: ${aucs.aucShift}`);
});

test('treeCurveSummary takes the last tree count of each curve', () => {
  const curve = { model: 'bdt' as const, treeCounts: [1, 10], mean: [0.7, 0.9], sd: [0.1, 0.02], aucs: [], secondsPerFit: 0.5 };
  assert.deepEqual(treeCurveSummary([curve]), [{ model: 'bdt', trees: 10, auc: 0.9, sd: 0.02, secondsPerFit: 0.5 }]);
});

test('trees on a separable feature: the full ensembles and the isotropic BDT study reach AUC 1', () => {
  const { X, y } = fakeFeatures(80, new Random(3));
  const s = featureSplit(X, y, { train: Int32Array.from({ length: 60 }, (_, i) => i), validation: new Int32Array(0), test: Int32Array.from({ length: 20 }, (_, i) => 60 + i) });
  const scores = treeEnsembleScores(s.train, s.test, 5, new Random(4));
  assert.equal(scores.BDT.auc, 1);
  assert.equal(scores.RF.auc, 1);
  const iso = isotropicBdtStudy(s, s, 5, new Random(5));
  assert.deepEqual(iso, { alignedAllFeatures: 1, isotropicAllFeatures: 1, isotropicWithoutPhi: 1 });
});
