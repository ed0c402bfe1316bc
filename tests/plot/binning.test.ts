import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binIndex, finiteExtent, histogram1d, safeRange, strideIndices, thinCurve } from '../../lib/plot/binning';
import { assertAllClose } from '../helpers';

describe('histogram1d', () => {
  it('matches numpy.histogram, reporting under/overflow and non-finite values', () => {
    // numpy 1.24: np.histogram([0, .1, .2, .3, .7, 1, 1], bins=5, range=(0, 1)) -> [2, 2, 0, 1, 2]
    const h = histogram1d([0, 0.1, 0.2, 0.3, 0.7, 1.0, 1.0, -0.5, 2, NaN, Infinity], { bins: 5, range: [0, 1] });
    assert.deepEqual(Array.from(h.counts), [2, 2, 0, 1, 2]);
    assertAllClose(h.edges, [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.equal(h.underflow, 1);
    assert.equal(h.overflow, 1);
    assert.equal(h.nonFinite, 2);
  });

  it('assigns values on floating-point edges exactly as numpy does', () => {
    // np.histogram(np.arange(1000) * 0.001, bins=10, range=(0, 1))[0]
    const x = Array.from({ length: 1000 }, (_, i) => i * 0.001);
    assert.deepEqual(Array.from(histogram1d(x, { bins: 10, range: [0, 1] }).counts), [100, 100, 101, 99, 100, 101, 99, 100, 100, 100]);
    // np.histogram(np.arange(30) / 10, bins=7, range=(0.1, 2.2))[0]
    const y = Array.from({ length: 30 }, (_, i) => i / 10);
    const h = histogram1d(y, { bins: 7, range: [0.1, 2.2] });
    assert.deepEqual(Array.from(h.counts), [3, 3, 3, 3, 3, 3, 4]);
    assert.equal(h.underflow, 1);
    assert.equal(h.overflow, 7);
  });

  it('sums weights and squared weights, and folds the outside into the end bins with clip', () => {
    const values = [-1, 0.5, 0.5, 1.5, 3];
    const weights = [10, 2, 3, 0.5, 7];
    const h = histogram1d(values, { bins: 2, range: [0, 2], weights });
    assert.deepEqual(Array.from(h.counts), [5, 0.5]);
    assert.deepEqual(Array.from(h.sumw2), [13, 0.25]);
    assert.equal(h.underflow, 10);
    assert.equal(h.overflow, 7);
    const clipped = histogram1d(values, { bins: 2, range: [0, 2], weights, clip: true });
    assert.deepEqual(Array.from(clipped.counts), [15, 7.5]);
    assert.equal(clipped.underflow, 10, 'still reported');
  });

  it('defaults to the finite extent, widened when all values are equal', () => {
    const h = histogram1d([3, 1, NaN, 2], { bins: 2 });
    assertAllClose(h.edges, [1, 2, 3]);
    assert.deepEqual(Array.from(h.counts), [1, 2]);
    assertAllClose(histogram1d([4, 4], { bins: 1 }).edges, [3.5, 4.5]);
  });

  it('rejects bad input', () => {
    assert.throws(() => histogram1d([1], { bins: 0 }), /bins/);
    assert.throws(() => histogram1d([1], { range: [2, 1] }), /range/);
    assert.throws(() => histogram1d([1, 2], { weights: [1] }), /weights/);
  });
});

describe('binning helpers', () => {
  it('binIndex flags the outside and closes the last bin', () => {
    assert.equal(binIndex(-0.1, 0, 1, 4), -1);
    assert.equal(binIndex(1.1, 0, 1, 4), 4);
    assert.equal(binIndex(1, 0, 1, 4), 3);
    assert.equal(binIndex(0.25, 0, 1, 4), 1);
  });

  it('finiteExtent and safeRange ignore NaN and handle empty input', () => {
    assert.deepEqual(finiteExtent([NaN, 2, -1, Infinity]), [-1, 2]);
    assert.deepEqual(safeRange(...finiteExtent([])), [0, 1]);
  });

  it('thinCurve keeps the ends and drops sub-tolerance steps', () => {
    const n = 100001;
    const x = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = x.map((v) => Math.sqrt(v));
    const keep = thinCurve(x, y, { tolX: 0.001, tolY: 0.001 });
    assert.equal(keep[0], 0);
    assert.equal(keep[keep.length - 1], n - 1);
    assert.ok(keep.length < 3000 && keep.length > 500, `kept ${keep.length}`);
    for (let k = 1; k < keep.length - 1; k++) {
      const a = keep[k - 1];
      const b = keep[k];
      assert.ok(Math.abs(x[b] - x[a]) > 0.001 || Math.abs(y[b] - y[a]) > 0.001);
    }
  });

  it('thinCurve drops points a log axis cannot show', () => {
    assert.deepEqual(thinCurve([0, 0.1, 1], [0.5, 0.6, 0.7], { tolX: 0, tolY: 0, logX: true }), [1, 2]);
    assert.deepEqual(thinCurve([1, NaN, 3], [1, 2, 3], { tolX: 0, tolY: 0 }), [0, 2]);
  });

  it('strideIndices takes an even stride of at most maxPoints', () => {
    assert.deepEqual(strideIndices(10, 4), [0, 3, 6, 9]);
    assert.deepEqual(strideIndices(3, 10), [0, 1, 2]);
  });
});
