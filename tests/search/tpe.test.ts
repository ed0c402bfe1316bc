/** Tests of lib/search/tpe.ts and optimize.ts: TPE against random search on a known optimum. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../lib/random';
import { categorical, integer, logUniform, uniform } from '../../lib/search/space';
import { forgettingWeights, splitGoodBad, tpeSampler } from '../../lib/search/tpe';
import { randomSampler } from '../../lib/search/sampler';
import { optimize } from '../../lib/search/optimize';

// A shifted quadratic over the four kinds of dimension; minimum 0 at x = 1.7, lr = 10^−2.5, units = 37, 'tanh'.
const space = { x: uniform(-5, 5), lr: logUniform(1e-5, 1), units: integer(1, 64), act: categorical(['relu', 'tanh', 'sigmoid', 'elu'] as const) };
type P = { x: number; lr: number; units: number; act: string };
const bowl = (p: P) => (p.x - 1.7) ** 2 + (Math.log10(p.lr) + 2.5) ** 2 + ((p.units - 37) / 8) ** 2 + (p.act === 'tanh' ? 0 : 1);

test('γ split: the best ⌈0.1 n⌉ completed trials are good, pruned ones always bad', () => {
  const history = [5, 1, 4, 2, 3, 9, 8, 7, 6, 0.5, 10].map((value, i) => ({ params: { x: i }, value, state: i === 9 ? ('pruned' as const) : ('complete' as const) }));
  const { good, bad } = splitGoodBad(history, (n) => Math.ceil(0.1 * n), false);
  assert.deepEqual(good, [1]); // value 1; the pruned 0.5 does not count
  assert.equal(bad.length, 10);
  assert.deepEqual(splitGoodBad(history, (n) => Math.ceil(0.1 * n), true).good, [10]);
  assert.deepEqual(forgettingWeights(3), [1, 1, 1]);
  const w = forgettingWeights(30);
  assert.equal(w.length, 30);
  assert.ok(Math.abs(w[0] - 1 / 30) < 1e-12 && w[4] === 1 && w[29] === 1 && w[1] > w[0]);
});

test('TPE finds the optimum of a mixed-type quadratic and beats random search over seeds', () => {
  const budget = 200, seeds = 8;
  const tpeBest: number[] = [], randomBest: number[] = [];
  let closest = { value: Infinity, params: {} as P };
  for (let s = 0; s < seeds; s++) {
    const tpe = optimize(space, budget, bowl, { sampler: tpeSampler(), rng: new Random(100 + s) });
    tpeBest.push(tpe.best.value);
    randomBest.push(optimize(space, budget, bowl, { sampler: randomSampler, rng: new Random(100 + s) }).best.value);
    if (tpe.best.value < closest.value) closest = tpe.best;
    // the first nStartup trials are random: identical for both samplers
    assert.equal(tpe.trials.length, budget);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const sorted = [...tpeBest].sort((a, b) => a - b);
  console.log(`# TPE best (mean over ${seeds} seeds, ${budget} trials) ${mean(tpeBest).toFixed(4)}, random ${mean(randomBest).toFixed(4)}, TPE median ${sorted[seeds / 2].toFixed(4)}`);
  assert.ok(mean(tpeBest) < 0.5 * mean(randomBest), `TPE ${tpeBest} vs random ${randomBest}`);
  assert.ok(sorted[seeds / 2] < 0.3, `median best ${sorted[seeds / 2]}`);
  const p = closest.params;
  assert.ok(Math.abs(p.x - 1.7) < 0.2 && Math.abs(Math.log10(p.lr) + 2.5) < 0.2 && Math.abs(p.units - 37) <= 2 && p.act === 'tanh', JSON.stringify(p));
});

test('TPE maximises when told to, and its proposals stay in the space', () => {
  const run = optimize(space, 60, (p) => -bowl(p), { sampler: tpeSampler({ nStartup: 5 }), rng: new Random(7), direction: 'maximize' });
  for (const t of run.trials) assert.ok(t.params.x >= -5 && t.params.x <= 5 && t.params.lr >= 1e-5 && t.params.lr <= 1 && Number.isInteger(t.params.units));
  assert.equal(run.best.value, Math.max(...run.trials.map((t) => t.value)));
  // maximising −f proposes exactly what minimising f proposes
  const min = optimize(space, 60, bowl, { sampler: tpeSampler({ nStartup: 5 }), rng: new Random(7) });
  assert.deepEqual(run.trials.map((t) => t.params), min.trials.map((t) => t.params));
  assert.equal(run.best.value, -min.best.value);
  assert.throws(() => optimize(space, 3, () => NaN, { sampler: randomSampler, rng: new Random(1) }), /trial 0 .* non-finite/);
  assert.throws(() => tpeSampler({ nStartup: 1 }), RangeError);
});
