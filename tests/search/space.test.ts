/** Tests of lib/search/space.ts, parzen.ts and normal.ts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../lib/random';
import { categorical, fromInternal, integer, logUniform, sampleSpace, toInternal, uniform } from '../../lib/search/space';
import { fitCategoricalParzen, fitNumericParzen, integerLogMass, numericLogPdf, sampleNumericParzen } from '../../lib/search/parzen';
import { erfc, logSumExp, normalCdf } from '../../lib/search/normal';
import { assertClose } from '../helpers';

const space = { x: uniform(-2, 3), lr: logUniform(1e-4, 1e-1), n: integer(2, 5), layers: categorical([[8], [16, 8]] as const) };

test('draws lie in the space; log-uniform is uniform in ln x; integers cover both ends', () => {
  const rng = new Random(3);
  const ints = new Set<number>();
  let below1e3 = 0;
  for (let i = 0; i < 2000; i++) {
    const p = sampleSpace(space, rng);
    assert.ok(p.x >= -2 && p.x <= 3 && p.lr >= 1e-4 && p.lr <= 1e-1 && Number.isInteger(p.n));
    assert.ok(space.layers.choices.includes(p.layers));
    ints.add(p.n);
    if (p.lr < 1e-3) below1e3++;
  }
  assert.deepEqual([...ints].sort(), [2, 3, 4, 5]);
  assertClose(below1e3 / 2000, 1 / 3, { atol: 0.04 }); // one decade of three
});

test('internal coordinates round-trip and reject values outside the space', () => {
  assertClose(toInternal('lr', space.lr, 1e-2), Math.log(1e-2));
  assert.equal(fromInternal(space.n, 4.4), 4);
  assert.equal(fromInternal(space.n, 99), 5);
  assert.equal(toInternal('layers', space.layers, [16, 8]), 1); // equal by value
  assert.throws(() => toInternal('layers', space.layers, [32]), /layers.*not one of its choices/);
  assert.throws(() => toInternal('x', space.x, NaN), /x: expected a finite number/);
  assert.throws(() => logUniform(0, 1), RangeError);
  assert.throws(() => integer(1.5, 3), RangeError);
});

test('erfc and Φ match tabulated values', () => {
  assertClose(normalCdf(0), 0.5, { atol: 1e-7 });
  assertClose(normalCdf(1.959963985), 0.975, { atol: 1e-7 });
  assertClose(normalCdf(-3), 0.0013498980316301, { rtol: 1e-6 });
  assertClose(erfc(2), 0.004677734981047266, { rtol: 1e-6 });
  assertClose(logSumExp([1000, 1000]), 1000 + Math.log(2));
});

test('a Parzen estimator is a normalised density on its range, peaked at its observations', () => {
  const p = fitNumericParzen([0.2, 0.25, 0.8], [1, 1, 1], 0, 1);
  let integral = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) integral += Math.exp(numericLogPdf(p, (i + 0.5) / n)) / n;
  assertClose(integral, 1, { atol: 1e-3 });
  assert.ok(numericLogPdf(p, 0.22) > numericLogPdf(p, 0.5));
  const rng = new Random(1);
  const draws = rng.fill(4000, (r) => sampleNumericParzen(p, r));
  assert.ok(draws.every((v) => v >= 0 && v <= 1));
  const q = fitNumericParzen([3, 3, 4], [1, 1, 1], 0.5, 6.5);
  const mass = [1, 2, 3, 4, 5, 6].reduce((s, k) => s + Math.exp(integerLogMass(q, k)), 0);
  assertClose(mass, 1, { atol: 1e-6 });
  const c = fitCategoricalParzen([2, 2, 0], [1, 1, 1], 3, 1).map(Math.exp);
  assertClose(c[2], (2 + 1 / 3) / 4);
  assertClose(c[1], 1 / 3 / 4);
});
