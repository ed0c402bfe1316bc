/** Tests of lib/zprime/train/network-search.ts: the validation-AUC objective and the searches over it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { simulateZprimeData } from '../../../lib/zprime/data/dataset';
import { bestSoFar, bestTrialValue, searchBests, searchNetworks, validationAucObjective, type SearchRun } from '../../../lib/zprime/train/network-search';
import type { SearchSpace, Trial } from '../../../lib/zprime/train/search';
import { settings } from '../../../lib/zprime/train/settings';

const tiny: SearchSpace = { layers: [[8], [16]], embeddingScale: [0.5, 1], dropout: [0, 0.2], lrMax: [1e-3, 3e-2], loss: ['crossEntropy'] };

test('the objective reports a validation AUC after every epoch and returns the last', async () => {
  const d = await simulateZprimeData({ nEvents: 3000, chunk: 3000, lumiFb: 10 }, new Random(2));
  const objective = validationAucObjective(d.split.train, d.split.validation, { trialEpochs: 2, batch: 256 });
  const reported: number[] = [];
  const value = await objective({ layers: [8], embeddingScale: 1, dropout: 0, lrMax: 1e-2, loss: 'crossEntropy' }, (e, v) => (reported[e] = v, false), new Random(3));
  assert.equal(reported.length, 2);
  assert.equal(value, reported[1]);
  assert.ok(value > 0.7 && value <= 1, `validation AUC ${value}`);
});

test('searchNetworks runs the budget with either sampler; bestTrialValue takes the best completed trial', async () => {
  const d = await simulateZprimeData({ nEvents: 3000, chunk: 3000, lumiFb: 10 }, new Random(2));
  const s = { ...settings('smoke'), trials: 3, trialEpochs: 1, searchRows: 1500, batch: 256, tpeStartup: 2 };
  for (const sampler of ['random', 'tpe'] as const) {
    const run = await searchNetworks(d.split, s, sampler, new Random(4), { space: tiny });
    assert.equal(run.sampler, sampler);
    assert.equal(run.trials.length, 3);
    assert.ok(run.trials.every((t) => tiny.layers.includes(t.params.layers)));
  }
  const t = (value: number, state: Trial['state']) => ({ value, state }) as Trial;
  assert.equal(bestTrialValue([t(0.9, 'complete'), t(0.95, 'pruned'), t(0.8, 'complete')]), 0.9);
  assert.ok(Number.isNaN(bestTrialValue([t(0.9, 'pruned')])));
});

test('bestSoFar follows the best completed trial; searchBests picks each sampler\'s best and names a missing one', () => {
  const t = (id: number, value: number, state: Trial['state']) => ({ id, value, state }) as Trial;
  const trials = [t(0, 0.8, 'complete'), t(1, 0.99, 'pruned'), t(2, 0.85, 'complete'), t(3, 0.82, 'complete')];
  assert.deepEqual(bestSoFar(trials), [0.8, 0.8, 0.85, 0.85]);
  assert.ok(Number.isNaN(bestSoFar([t(0, 0.9, 'pruned')])[0]));
  const runs: SearchRun[] = [{ sampler: 'random', trials }, { sampler: 'tpe', trials: [t(0, 0.91, 'complete'), t(1, 0.9, 'complete')] }];
  assert.deepEqual(searchBests(runs), { randomBestAuc: 0.85, tpeBestAuc: 0.91 });
  assert.deepEqual(searchBests([...runs].reverse()), { randomBestAuc: 0.85, tpeBestAuc: 0.91 });
  assert.throws(() => searchBests(runs.slice(0, 1)), /no tpe search among the runs \(random\)/);
});
