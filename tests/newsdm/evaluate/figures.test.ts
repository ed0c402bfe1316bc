import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { History } from '../../../lib/train';
import { simulateSixClassSet } from '../../../lib/newsdm/data/datasets';
import { binaryScores } from '../../../lib/newsdm/train/cnn';
import { barycentreShifts, clusterFeatures } from '../../../lib/newsdm/data/features';
import { clusterGallery, firstOfEachClass, learningCurves, resultRow, shiftFigure } from '../../../lib/newsdm/evaluate/figures';

test('gallery: one row of 8 tiles per class; charts carry their series', () => {
  const set = simulateSixClassSet(new Random(1), { perClass: 1, size: 8 });
  const picks = firstOfEachClass(set);
  assert.deepEqual(picks.map((p) => p.name), ['C60', 'C80', 'C100', 'gamma', 'dust', 'fog']);
  assert.ok(clusterGallery(set, picks));
  const { dx, dy } = barycentreShifts(clusterFeatures(set.images, set.n, 8), set.n);
  const values = (shiftFigure(dx, dy, picks.slice(0, 2)).spec.data as { values: { series: string }[] }).values;
  assert.deepEqual([...new Set(values.map((r) => r.series))], ['C60 dx', 'C60 dy', 'C80 dx', 'C80 dy']);
  const h = new History();
  h.push({ epoch: 1, loss: 1, seconds: 1, acc: 0.5, val_acc: 0.6 });
  const rows = (learningCurves([{ name: 'm', history: h }]).spec.data as { values: { series: string; y: number }[] }).values;
  assert.deepEqual(rows.map((r) => [r.series, r.y]), [['m validation', 0.6], ['m training', 0.5]]);
});

test('resultRow takes the scores and, for networks, the training cost', () => {
  const s = binaryScores([0, 1, 1, 0], [0.2, 0.9, 0.6, 0.7]);
  assert.equal(resultRow('BDT', 'features', s)['s/epoch'], '—');
  const r = resultRow('vgg3d', 'volume', s, { secondsPerEpoch: 1.234, params: 99 });
  assert.equal(r.accuracy, 0.75);
  assert.equal(r.params, 99);
  assert.equal(r['s/epoch'], 1.23);
});
