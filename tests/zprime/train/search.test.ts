import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { MedianPruner, randomSearch, sampleParams, trialsTable, type SearchSpace, type Trial } from '../../../lib/zprime/train/search';
import { tpeTrialSampler } from '../../../lib/zprime/train/tpe-search';

const space: SearchSpace = { layers: [[8], [16, 8]], embeddingScale: [0.5, 1], dropout: [0, 0.3], lrMax: [1e-3, 1e-1], loss: ['crossEntropy', 'focal'] };

test('sampled parameters lie in the space', () => {
  const rng = new Random(1);
  for (let i = 0; i < 50; i++) {
    const p = sampleParams(space, rng);
    assert.ok(p.lrMax >= 1e-3 && p.lrMax <= 1e-1 && p.dropout >= 0 && p.dropout <= 0.3);
    assert.ok(space.layers.includes(p.layers));
  }
});

test('the median pruner stops trials below the median of completed ones after warm-up', () => {
  const done = (values: number[]): Trial => ({ id: 0, params: sampleParams(space, new Random(0)), state: 'complete', values, value: values.at(-1)!, seconds: 0 });
  const pruner = new MedianPruner(1, 2);
  const completed = [done([0.6, 0.7, 0.8]), done([0.5, 0.6, 0.7]), done([0.7, 0.8, 0.9])];
  assert.equal(pruner.shouldPrune(0, 0.1, completed), false, 'warm-up');
  assert.equal(pruner.shouldPrune(1, 0.65, completed), true, 'below the median 0.7');
  assert.equal(pruner.shouldPrune(1, 0.75, completed), false);
  assert.equal(pruner.shouldPrune(1, 0.1, completed.slice(0, 1)), false, 'too few completed trials');
});

test('random search prunes bad trials and tabulates them', async () => {
  // objective: the value grows with the epoch, scaled by how close lr is to 1e-2
  const trials = await randomSearch(space, 8, async (params, report) => {
    const quality = 1 - Math.abs(Math.log10(params.lrMax) + 2) / 2;
    let v = 0;
    for (let epoch = 0; epoch < 4; epoch++) {
      v = quality * (epoch + 1) / 4;
      if (report(epoch, v)) break;
    }
    return v;
  }, { rng: new Random(4), pruner: new MedianPruner(1, 2) });
  assert.equal(trials.length, 8);
  assert.ok(trials.some((t) => t.state === 'pruned'));
  for (const t of trials.filter((t) => t.state === 'pruned')) assert.ok(t.values.length < 4);
  const table = trialsTable(trials);
  assert.equal(table.trial.length, 8);
  assert.equal(table.state[0], 'complete');
});

test('a search that stopped resumes: stored trials are replayed, not trained, and the rest match an uninterrupted run', async () => {
  const fake = (p: { lrMax: number; dropout: number }) => 1 - (Math.log10(p.lrMax) + 2) ** 2 / 4 - p.dropout;
  let calls = 0;
  const objective = async (p: Parameters<typeof fake>[0], report: (epoch: number, value: number) => boolean) => {
    calls++;
    let v = 0;
    for (let epoch = 0; epoch < 3; epoch++) if (report(epoch, (v = fake(p) * (0.8 + 0.1 * epoch)))) break;
    return v;
  };
  const strip = (trials: Trial[]) => trials.map(({ seconds: _s, ...t }) => t);
  for (const sampler of [undefined, tpeTrialSampler({ nStartup: 3 })]) {
    const whole = await randomSearch(space, 8, objective, { rng: new Random(6), sampler });
    calls = 0;
    const seen: number[] = [];
    const resumed = await randomSearch(space, 8, objective, { rng: new Random(6), sampler, resume: whole.slice(0, 5), onTrial: (t) => seen.push(t.id) });
    assert.equal(calls, 3, 'only the three missing trials are trained');
    assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(strip(resumed), strip(whole));
    const wrong = whole.slice(0, 2).map((t) => ({ ...t, params: { ...t.params, dropout: t.params.dropout / 2 } }));
    await assert.rejects(randomSearch(space, 8, objective, { rng: new Random(6), sampler, resume: wrong }), /stored trial 0 .* not the same search/);
  }
});
