import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random, logGamma } from '../lib/random';
import { assertClose } from './helpers';

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}
function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return s / (xs.length - 1);
}

test('same seed gives the same sequence, different seeds differ', () => {
  const a = new Random(42), b = new Random(42), c = new Random(43);
  const xa = a.fill(100, (r) => r.random());
  assert.deepEqual(xa, b.fill(100, (r) => r.random()));
  assert.notDeepEqual(xa, c.fill(100, (r) => r.random()));
});

test('first outputs are pinned (guards against silent changes to the stream)', () => {
  const r = new Random(1);
  const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
  assert.deepEqual(first, [2442144158, 3238099751, 3819917871]);
  assert.equal(new Random(1).random(), 0.5686059948349658);
});

test('fork gives independent, reproducible streams', () => {
  const r = new Random(7);
  const a = r.fork('noise').random();
  const b = r.fork('noise').random();
  const c = r.fork('signal').random();
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('uniform, normal, exponential moments', () => {
  const r = new Random(3);
  const n = 200_000;
  const u = r.fill(n, (g) => g.uniform(2, 4));
  assertClose(mean(u), 3, { atol: 0.01 });
  assertClose(variance(u), 4 / 12, { atol: 0.005 });
  const z = r.fill(n, (g) => g.normal(1, 2));
  assertClose(mean(z), 1, { atol: 0.02 });
  assertClose(variance(z), 4, { atol: 0.05 });
  const e = r.fill(n, (g) => g.exponential(0.5));
  assertClose(mean(e), 2, { atol: 0.03 });
});

test('poisson mean and variance, small and large means', () => {
  const r = new Random(11);
  for (const lambda of [0.3, 4, 25, 1000]) {
    const k = r.fill(100_000, (g) => g.poisson(lambda));
    assert.ok(k.every((x) => Number.isInteger(x) && x >= 0));
    assertClose(mean(k), lambda, { rtol: 0.02, atol: 0.01 });
    assertClose(variance(k), lambda, { rtol: 0.04, atol: 0.01 });
  }
});

test('power law: index 1 is log-uniform; index 2 has the analytic median', () => {
  const r = new Random(5);
  const x = r.fill(100_000, (g) => g.powerLaw(1, 1, 100));
  const logs = Array.from(x, Math.log10);
  assertClose(mean(logs), 1, { atol: 0.01 });
  const y = Array.from(r.fill(100_000, (g) => g.powerLaw(2, 1, 1e9))).sort((a, b) => a - b);
  assertClose(y[50_000], 2, { rtol: 0.02 }); // CDF 1 − 1/x ⇒ median 2
});

test('integer is unbiased and in range; choice honours weights', () => {
  const r = new Random(9);
  const counts = [0, 0, 0];
  for (let i = 0; i < 30_000; i++) counts[r.integer(0, 3)]++;
  for (const c of counts) assertClose(c, 10_000, { atol: 400 });
  const w = { a: 0, b: 0 };
  for (let i = 0; i < 20_000; i++) w[r.choice(['a', 'b'] as const, [1, 3])]++;
  assertClose(w.b / 20_000, 0.75, { atol: 0.015 });
  assert.throws(() => r.integer(3, 3), /low < high/);
  assert.throws(() => r.choice([1, 2], [1]), /2 items but 1 weights/);
});

test('shuffle and permutation are permutations', () => {
  const r = new Random(2);
  const p = r.permutation(1000);
  assert.deepEqual([...p].sort((a, b) => a - b), Array.from({ length: 1000 }, (_, i) => i));
  assert.notDeepEqual([...p], Array.from({ length: 1000 }, (_, i) => i));
});

test('split partitions all indices, stratified keeps class fractions', () => {
  const r = new Random(4);
  const labels = Array.from({ length: 1000 }, (_, i) => (i < 100 ? 1 : 0));
  const s = r.split(1000, { validation: 0.2, test: 0.1 }, labels);
  const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
  assert.deepEqual(all, Array.from({ length: 1000 }, (_, i) => i));
  assert.equal(s.test.length, 100);
  assert.equal(s.validation.length, 200);
  assert.equal([...s.test].filter((i) => labels[i] === 1).length, 10);
  assert.equal([...s.validation].filter((i) => labels[i] === 1).length, 20);
  assert.throws(() => r.split(10, { validation: 0.6, test: 0.5 }), /must be/);
});

test('split handles 10⁶ samples (the Z′ full profile; spreading the parts into push overflowed the stack)', () => {
  const labels = Uint8Array.from({ length: 1_000_000 }, (_, i) => (i % 100 === 0 ? 1 : 0));
  const s = new Random(8).split(1_000_000, { validation: 0.15, test: 0.3 }, labels);
  assert.deepEqual([s.train.length, s.validation.length, s.test.length], [550_000, 150_000, 300_000]);
});

test('logGamma matches factorials', () => {
  assertClose(logGamma(1), 0, { atol: 1e-13 });
  assertClose(logGamma(11), Math.log(3628800), { rtol: 1e-13 });
  assertClose(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), { rtol: 1e-13 });
});
