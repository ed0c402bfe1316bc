import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elongationScores, testTable, tourResults } from '../../lib/tour/evaluate';
import { elongation, toyTracks } from '../../lib/tour/data';
import { Random } from '../../lib/random';

test('elongationScores is the log elongation of every image', () => {
  const set = toyTracks(new Random(1), { n: 20, size: 12, noise: 0 });
  const s = elongationScores(set);
  assert.equal(s.length, 20);
  assert.ok(Math.abs(s[3] - Math.log(elongation(set, 3))) < 1e-12);
});

test('testTable: AUC and accuracy at the best cut of each scorer', () => {
  const y = [0, 0, 1, 1];
  const rows = testTable(y, { perfect: [0.1, 0.2, 0.8, 0.9], inverted: [0.9, 0.8, 0.2, 0.1] });
  assert.equal(rows[0].model, 'perfect');
  assert.equal(rows[0].AUC, 1);
  assert.equal(rows[0].accuracy, 1);
  assert.equal(rows[1].AUC, 0);
});

test('tourResults: two keyed numbers, the CNN the headline', () => {
  const r = tourResults(0.9, 0.6);
  assert.deepEqual(r.map((m) => [m.key, m.ours, m.headline ?? false]), [['cnn_auc', 0.9, true], ['baseline_auc', 0.6, false]]);
});
