/** Tests of lib/zprime/tpe-search.ts: TPE proposing the Z′ trials, with median pruning kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { MedianPruner, randomSearch, sampleParams, type SearchSpace, type TrialParams } from '../../../lib/zprime/train/search';
import { tpeSearch, tpeTrialSampler } from '../../../lib/zprime/train/tpe-search';

const space: SearchSpace = { layers: [[8], [16, 8], [800, 1000, 1200]], embeddingScale: [0.1, 0.5, 1], dropout: [0, 0.4], lrMax: [1e-4, 1e-1], loss: ['crossEntropy', 'focal'] };

// A fake validation AUC that rises with the epoch and peaks at lr = 3·10⁻³, the widest layers, embedding 0.1, dropout 0.1.
const quality = (p: TrialParams) =>
  1 - 0.1 * (Math.log10(p.lrMax) - Math.log10(3e-3)) ** 2 - (p.layers.length === 3 ? 0 : 0.1) - (p.embeddingScale === 0.1 ? 0 : 0.05) - (p.dropout - 0.1) ** 2;
const objective = async (p: TrialParams, report: (epoch: number, value: number) => boolean) => {
  let v = 0;
  for (let epoch = 0; epoch < 4; epoch++) {
    v = quality(p) * (0.7 + 0.1 * epoch);
    if (report(epoch, v)) break;
  }
  return v;
};

test('the TPE sampler proposes points of the Z′ space; its first trials are random', () => {
  const sampler = tpeTrialSampler({ nStartup: 3 });
  const rng = new Random(2);
  const p = sampler(space, [], rng);
  assert.deepEqual(p, sampleParams(space, new Random(2)), 'startup trials are uniform draws');
  assert.ok(space.layers.includes(p.layers) && space.embeddingScale.includes(p.embeddingScale) && space.loss.includes(p.loss));
});

test('TPE search keeps median pruning and beats random search at the same budget over seeds', async () => {
  let tpeSum = 0, randomSum = 0;
  const seeds = 5, budget = 30;
  for (let s = 0; s < seeds; s++) {
    const pruner = new MedianPruner(1, 2);
    const tpe = await tpeSearch(space, budget, objective, { rng: new Random(s), pruner, tpe: { nStartup: 8 } });
    const rnd = await randomSearch(space, budget, objective, { rng: new Random(s), pruner });
    assert.ok(tpe.some((t) => t.state === 'pruned'), 'pruning still acts');
    const best = (trials: typeof tpe) => Math.max(...trials.filter((t) => t.state === 'complete').map((t) => t.value));
    tpeSum += best(tpe) / seeds;
    randomSum += best(rnd) / seeds;
    // the seed's best architecture is proposed more often by TPE once it has seen it
    const wide = (trials: typeof tpe) => trials.slice(8).filter((t) => t.params.layers.length === 3).length;
    assert.ok(wide(tpe) >= wide(rnd), `seed ${s}: wide architectures ${wide(tpe)} (TPE) vs ${wide(rnd)} (random)`);
  }
  console.log(`# best fake AUC, mean over ${seeds} seeds, ${budget} trials: TPE ${tpeSum.toFixed(4)}, random ${randomSum.toFixed(4)}`);
  assert.ok(tpeSum > randomSum, `TPE ${tpeSum} vs random ${randomSum}`);
});
