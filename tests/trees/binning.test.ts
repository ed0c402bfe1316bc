import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BinMapper, binOf, findBinThresholds, MISSING_BIN, percentileMidpoint } from '../../lib/trees';
import { Random } from '../../lib/random';
import { assertAllClose } from '../helpers';
import { reference } from './fixtures';

const ref = reference().binning;
const columns = ref.columns.map((c) => Float64Array.from(c, (v) => (v === null ? NaN : v)));

test('bin edges are exactly sklearn _BinMapper.bin_thresholds_ (quantiles with ties and NaN, few values, constant)', () => {
  const mapper = BinMapper.fit({ columns });
  assert.equal(mapper.nFeatures, 3);
  for (let j = 0; j < 3; j++) assertAllClose(mapper.edges[j], ref.edges[j], { rtol: 0, atol: 0, label: `feature ${j}` });
  assert.deepEqual(Array.from(mapper.nBins), ref.edges.map((e) => e.length + 1));
});

test('binned values are exactly sklearn _BinMapper.transform (NaN in bin 255)', () => {
  const binned = BinMapper.fit({ columns }).transform({ columns });
  const n = columns[0].length;
  for (let j = 0; j < 3; j++) assert.deepEqual(Array.from(binned.bins.subarray(j * n, (j + 1) * n)), ref.binned[j], `feature ${j}`);
  assert.ok(binned.bins.includes(MISSING_BIN));
});

test('row-major Float32 / Float64 input and column input bin alike', () => {
  const n = columns[0].length;
  const data = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) for (let j = 0; j < 3; j++) data[i * 3 + j] = columns[j][i];
  const fromCols = BinMapper.fit({ columns }).transform({ columns });
  const fromRows = BinMapper.fit({ data, nFeatures: 3 }).transform({ data, nFeatures: 3 });
  assert.deepEqual(fromRows.bins, fromCols.bins);
});

test('percentileMidpoint follows numpy method="midpoint" on a hand-made case', () => {
  const s = Float64Array.of(1, 2, 4, 8, 16); // (n−1)q = 4q
  assert.equal(percentileMidpoint(s, 0), 1);
  assert.equal(percentileMidpoint(s, 0.5), 4); // integer virtual index → the value itself
  assert.equal(percentileMidpoint(s, 0.3), 3); // between 2 and 4
  assert.equal(percentileMidpoint(s, 0.9), 12); // between 8 and 16
  assert.equal(percentileMidpoint(s, 1), 16);
});

test('few distinct values give midpoints; x on an edge goes to the lower bin; NaN to the missing bin', () => {
  const edges = findBinThresholds([3, 1, 2, 2, NaN, 1]);
  assert.deepEqual(Array.from(edges), [1.5, 2.5]);
  assert.equal(binOf(edges, 1.5), 0);
  assert.equal(binOf(edges, 1.6), 1);
  assert.equal(binOf(edges, 100), 2);
  assert.equal(binOf(edges, -Infinity), 0);
  assert.equal(binOf(edges, NaN), MISSING_BIN);
  assert.equal(findBinThresholds([NaN, NaN]).length, 0);
  assert.deepEqual(Array.from(findBinThresholds([1, 2, 3, 4], 2)), [2.5]);
});

test('large tables take edges from a seeded subsample; errors are clear', () => {
  const rng = new Random(3);
  const data = rng.fill(3000, (r) => r.normal());
  const X = { data, nFeatures: 1 };
  assert.throws(() => BinMapper.fit(X, { subsample: 1000 }), /rng/);
  const a = BinMapper.fit(X, { subsample: 1000, rng: new Random(1) });
  const b = BinMapper.fit(X, { subsample: 1000, rng: new Random(1) });
  assert.deepEqual(a.edges, b.edges);
  assert.equal(a.nBins[0], 255);
  assert.throws(() => BinMapper.fit(X, { maxBins: 256 }), /maxBins/);
  assert.throws(() => BinMapper.fit({ data: new Float64Array(5), nFeatures: 2 }), /multiple of nFeatures/);
  assert.throws(() => BinMapper.fit({ columns: [[1, 2], [1]] }), /column 1/);
  assert.throws(() => a.transform({ data: new Float64Array(4), nFeatures: 2 }), /fitted on 1/);
});

test('transform agrees with binOf on edges, ±Infinity and NaN (255 edges: every halving step used)', () => {
  const rng = new Random(8);
  const train = { data: rng.fill(5000, (r) => r.normal()), nFeatures: 1 };
  const mapper = BinMapper.fit(train);
  const e = mapper.edges[0];
  assert.equal(e.length, 254);
  const probe = Float64Array.from([...e, ...e.map((v) => v + 1e-9), -Infinity, Infinity, NaN, 0, 1e308]);
  const bins = mapper.transform({ data: probe, nFeatures: 1 }).bins;
  assert.deepEqual(Array.from(bins), Array.from(probe, (x) => binOf(e, x)));
});
