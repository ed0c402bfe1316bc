/** Tests of lib/zprime/train/trees.ts: the forest and the BDT on the simulated sample. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rocAuc } from '../../../lib/metrics';
import { Random } from '../../../lib/random';
import { simulateZprimeData } from '../../../lib/zprime/data/dataset';
import { trainTrees } from '../../../lib/zprime/train/trees';

test('both tree models separate Z′ from the background on the test set, reproducibly', async () => {
  const d = await simulateZprimeData({ nEvents: 6000, chunk: 3000, lumiFb: 10 }, new Random(7));
  const t = trainTrees(d.split, { rfTrees: 10, gbdtIters: 30 }, new Random(1));
  assert.equal(t.rfScore.length, d.split.test.n);
  const y = d.split.test.label;
  assert.ok(rocAuc(y, t.rfScore) > 0.85, `RF AUC ${rocAuc(y, t.rfScore)}`);
  assert.ok(rocAuc(y, t.bdtScore) > 0.85, `BDT AUC ${rocAuc(y, t.bdtScore)}`);
  assert.ok(t.rfSeconds >= 0 && t.bdtSeconds >= 0);
  assert.deepEqual(trainTrees(d.split, { rfTrees: 10, gbdtIters: 30 }, new Random(1)).rfScore, t.rfScore);
});
