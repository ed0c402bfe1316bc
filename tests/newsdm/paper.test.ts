import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newsdmResults, ourNumbersOf, PAPER } from '../../lib/newsdm/paper';
import { resultRow } from '../../lib/results/record';

const ours = {
  bdtAuc: 0.91234, rfAuc: 0.9, simple2dAcc: 0.9, vgg2dAcc: 0.91, simple3dAcc: 0.92, vgg3dAcc: 0.934, sixClassAcc: 0.7,
  sizeStudy: { smallFraction: 0.1, smallAcc: 0.85, largeFraction: 0.4, largeAcc: 0.9, model: 'simple 3D' },
  rotSimple2d: { acc: 0.8, maeDeg: 12.34 }, rotVgg3d: { acc: 0.85, maeDeg: 3 }, rotBackgroundMaeDeg: 20, accuracyCeiling: 0.96,
};

test('our numbers go beside the seed values with verdicts by the stated tolerances', () => {
  const rows = newsdmResults(ours).map(resultRow);
  const row = (key: string) => rows.find((r) => r.key === key)!;
  assert.equal(row('cnn3d_vgg_accuracy').paper, 0.95);
  assert.equal(row('cnn3d_vgg_accuracy').verdict, 'reproduced'); // 0.934 is within 2 points of ~95 %
  assert.equal(row('cnn2d_simple_accuracy').verdict, 'short'); // 0.90 against ~93 %
  assert.equal(row('rot_simple2d_angle_mae_deg').verdict, 'reproduced'); // 12.3° against ~11° ± 2°
  assert.equal(row('rot_vgg3d_angle_mae_deg').verdict, 'exceeds'); // 3° is better than ~5°
  assert.equal(row('bdt_auc').verdict, 'no-paper-value');
  assert.equal(rows.filter((r) => r.headline).map((r) => r.key).join(), 'cnn3d_vgg_accuracy');
});

test('a training-size point is compared with the seed only at the seed fraction', () => {
  const rows = newsdmResults(ours).map(resultRow);
  const small = rows.find((r) => r.key === 'size_smallest_accuracy')!, large = rows.find((r) => r.key === 'size_largest_accuracy')!;
  assert.equal(small.paper, 0.92);
  assert.match(small.label, /training on 10 % of the clusters, simple 3D: accuracy/);
  assert.equal(large.paper, null); // 40 % here, 60 % in the seed
  assert.equal(large.verdict, 'no-paper-value');
  assert.match(large.source, /this run's fraction is 40 %, the seed's 60 %/);
});

test('every paper value names the seed and a section or figure', () => {
  for (const q of Object.values(PAPER)) assert.match(q.source, /seed 000 .*§\d/, q.key);
});

test('the trees-against-CNNs sentence says which is ahead, from the AUCs it is given', async () => {
  const { treesVsCnnsSentence } = await import('../../lib/newsdm/paper');
  assert.match(treesVsCnnsSentence({ BDT: { auc: 0.9 }, RF: { auc: 0.88 }, vgg3d: { auc: 0.95 } }), /best CNN \(vgg3d, test AUC 0\.950\) is ahead of the best tree ensemble \(BDT, 0\.900.*answered \*yes\*/);
  assert.match(treesVsCnnsSentence({ BDT: { auc: 0.9 }, simple2d: { auc: 0.905 } }), /is level with .*answered \*no\*/);
  assert.match(treesVsCnnsSentence({ RF: { auc: 0.9 }, simple2d: { auc: 0.8 } }), /is behind the best tree ensemble \(RF/);
  assert.throws(() => treesVsCnnsSentence({ BDT: { auc: 0.9 } }), /needs the BDT or RF and at least one CNN/);
});

test('ourNumbersOf gathers the studies\' outcomes, and names what is missing', () => {
  const scores = Object.fromEntries(['BDT', 'RF', 'simple2d', 'vgg2d', 'simple3d', 'vgg3d'].map((name, k) => [name, { auc: 0.9 + k / 100, accuracy: 0.8 + k / 100 }]));
  const rot = (model: 'simple2d' | 'vgg3d', acc: number) => ({ model, accuracy: acc, angleMaeDeg: 10, signalMaeDeg: 8, backgroundMaeDeg: 30, secondsPerEpoch: 1 });
  const outcomes = {
    scores, sizeModel: 'vgg3d', sixClassAccuracy: 0.6, accuracyCeiling: 0.97,
    sizeStudy: [{ fraction: 0.1, trainClusters: 10, testAccuracy: 0.7 }, { fraction: 0.6, trainClusters: 60, testAccuracy: 0.9 }],
    rotation: [rot('simple2d', 0.85), rot('vgg3d', 0.88)],
  };
  const o = ourNumbersOf(outcomes);
  assert.equal(o.rfAuc, 0.91);
  assert.equal(o.vgg3dAcc, scores.vgg3d.accuracy);
  assert.deepEqual(o.sizeStudy, { smallFraction: 0.1, smallAcc: 0.7, largeFraction: 0.6, largeAcc: 0.9, model: 'VGG-like 3D' });
  assert.equal(o.rotVgg3d.acc, 0.88);
  assert.equal(o.rotBackgroundMaeDeg, 30);
  const rows = newsdmResults(o).map(resultRow);
  assert.equal(rows.find((r) => r.key === 'accuracy_ceiling')!.ours, 0.97);
  assert.throws(() => ourNumbersOf({ ...outcomes, rotation: [rot('simple2d', 0.8)] }), /rotation study has no vgg3d/);
  assert.throws(() => ourNumbersOf({ ...outcomes, scores: { BDT: scores.BDT } }), /no test scores for RF/);
});

test('the rotation caveat sentence says whether an angle is "found" in isotropic background', async () => {
  const { rotationCaveatSentence } = await import('../../lib/newsdm/paper');
  const s = rotationCaveatSentence([
    { model: 'vgg3d', signalMaeDeg: 6, backgroundMaeDeg: 12.34 },
    { model: 'simple2d', signalMaeDeg: 20, backgroundMaeDeg: 44 },
  ]);
  assert.match(s, /vgg3d: angle error 12\.3° on background and 6\.0° on signal, below the 45° of guessing: it "finds"/);
  assert.match(s, /simple2d: angle error 44\.0° .*near the 45° of guessing/);
});
