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

// Branin (Dixon & Szegő 1978; the TPE paper's and optuna's benchmark) over a mixed space: x1, x2 uniform, plus a
// log-uniform, an integer and a categorical dimension with known best values. Minimum 5/(4π) = 0.397887 at
// (x1, x2) ∈ {(−π, 12.275), (π, 2.275), (9.42478, 2.475)}, lr = 10⁻³, k = 13, shift 0.
const BRANIN_MIN = 5 / (4 * Math.PI);
const BRANIN_MINIMISERS = [[-Math.PI, 12.275], [Math.PI, 2.275], [9.42478, 2.475]] as const;
const braninSpace = { x1: uniform(-5, 10), x2: uniform(0, 15), lr: logUniform(1e-5, 1), k: integer(0, 20), shift: categorical([2, 0, 1, 0.5] as const) };
type BraninP = { x1: number; x2: number; lr: number; k: number; shift: number };
function branin(x1: number, x2: number): number {
  const b = 5.1 / (4 * Math.PI ** 2), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
  return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}
const braninMixed = (p: BraninP) => branin(p.x1, p.x2) + (Math.log10(p.lr) + 3) ** 2 + ((p.k - 13) / 4) ** 2 + p.shift;

test('Branin is minimal where the test says', () => {
  for (const [x1, x2] of BRANIN_MINIMISERS) assert.ok(Math.abs(branin(x1, x2) - BRANIN_MIN) < 1e-5, `${x1}, ${x2}`);
  assert.ok(Math.abs(braninMixed({ x1: Math.PI, x2: 2.275, lr: 1e-3, k: 13, shift: 0 }) - BRANIN_MIN) < 1e-5);
});

test('TPE finds the minimum of Branin over a mixed space and beats random search with the same budget and seeds', () => {
  const budget = 200, seeds = 8;
  const tpeGap: number[] = [], randomGap: number[] = [];
  let closest = { value: Infinity, params: {} as BraninP };
  for (let s = 0; s < seeds; s++) {
    const tpe = optimize(braninSpace, budget, braninMixed, { sampler: tpeSampler(), rng: new Random(1000 + s) });
    const rnd = optimize(braninSpace, budget, braninMixed, { sampler: randomSampler, rng: new Random(1000 + s) });
    tpeGap.push(tpe.best.value - BRANIN_MIN);
    randomGap.push(rnd.best.value - BRANIN_MIN);
    if (tpe.best.value < closest.value) closest = tpe.best;
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const wins = tpeGap.filter((g, i) => g < randomGap[i]).length;
  console.log(`# Branin, ${budget} trials, ${seeds} seeds: best − minimum, mean TPE ${mean(tpeGap).toFixed(3)}, random ${mean(randomGap).toFixed(3)}; TPE better on ${wins}`);
  assert.ok(mean(tpeGap) < 0.5 * mean(randomGap), `mean gap TPE ${tpeGap} vs random ${randomGap}`);
  assert.ok(wins >= 6, `TPE better than random on only ${wins} of ${seeds} seeds`);
  // the known optimum, within a tolerance: value within 0.05, and the point near one of Branin's minimisers
  const p = closest.params;
  assert.ok(closest.value - BRANIN_MIN < 0.05, `closest ${closest.value} at ${JSON.stringify(p)}`);
  const near = BRANIN_MINIMISERS.some(([x1, x2]) => Math.hypot(p.x1 - x1, p.x2 - x2) < 0.3);
  assert.ok(near && p.k === 13 && p.shift === 0 && Math.abs(Math.log10(p.lr) + 3) < 0.15, JSON.stringify(p));
});

/** n trials of a one-parameter space with the given points and values (all complete). */
function history<T>(points: readonly T[], values: readonly number[]) {
  return points.map((x, i) => ({ params: { x }, value: values[i], state: 'complete' as const }));
}

test('TPE proposes the category its best trials share, not a uniform draw', () => {
  const space1 = { x: categorical(['a', 'b', 'c', 'd'] as const) };
  // 12 trials: the two best (γ = 2 of 12) chose 'b', the bad ones spread over all four
  const points = ['b', 'b', 'a', 'c', 'd', 'a', 'c', 'd', 'b', 'a', 'c', 'd'] as const;
  const h = history(points, [0, 0.1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  const rng = new Random(3);
  const proposals = Array.from({ length: 40 }, () => tpeSampler({ nStartup: 2 }).sample(space1, h, rng, 'minimize').x);
  const shareB = proposals.filter((x) => x === 'b').length / proposals.length;
  assert.ok(shareB > 0.9, `'b' proposed ${shareB} of the time (uniform: 0.25)`);
});

test('TPE proposes where l(x)/g(x) is large: near the good trial that no bad trial crowds', () => {
  const space1 = { x: uniform(0, 1) };
  // good (best 2 of 14): x = 0.2 and x = 0.8; bad: twelve trials crowded at 0.74 … 0.86. Drawing from l alone
  // would land beside 0.8 about half the time; l/g prefers the side of 0.2.
  const bad = Array.from({ length: 12 }, (_, i) => 0.74 + 0.01 * i);
  const h = history([0.2, 0.8, ...bad], [0, 0, ...bad.map(() => 1)]);
  const rng = new Random(5);
  const proposals = Array.from({ length: 40 }, () => tpeSampler({ nStartup: 2 }).sample(space1, h, rng, 'minimize').x);
  const left = proposals.filter((x) => x < 0.5).length / proposals.length;
  assert.ok(left > 0.9, `only ${left} of the proposals below 0.5: ${proposals.map((x) => x.toFixed(2))}`);
});
