import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBestSplit, leafValue, splitGain } from '../../lib/trees/gbdt-split';
import { buildHistogram, newHistogram } from '../../lib/trees/histogram';
import { assertClose } from '../helpers';

/** Histogram of one feature with the given bins and gradients (hessians 1). */
function histogramOf(bins: number[], g: number[]) {
  const n = bins.length;
  const hist = newHistogram(1);
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  buildHistogram(hist, { bins: Uint8Array.from(bins), nRows: n, nFeatures: 1 }, rows, 0, n, Float32Array.from(g), new Float32Array(n).fill(1), new Float32Array(n), new Float32Array(n));
  return { hist, sumG: g.reduce((a, b) => a + b, 0), sumH: n, count: n };
}

const params = { minSamplesLeaf: 1, minHessian: 1e-3, l2: 0, minGain: 0 };

test('gain and leaf value formulas (G²/(H+λ) terms, in sklearn\'s floating-point form)', () => {
  assertClose(splitGain(2, 1, -2, 1, 0), 8);
  assertClose(splitGain(2, 1, -2, 1, 1), 4);
  // same mean gradient on both sides: nothing to gain, and rounding must not make it positive (sklearn's form)
  assertClose(splitGain(1, 2, 1, 2, 0), 0, { atol: 1e-12 });
  assert.ok(splitGain(1, 2, 1, 2, 0) <= 0);
  assert.ok(splitGain(0.1, 0.3, 0.2, 0.6, 0) <= 0);
  assertClose(leafValue(2, 1, 1), -1);
});

test('the split separates the gradients of opposite sign at the right bin', () => {
  const { hist, sumG, sumH, count } = histogramOf([0, 1, 2, 3, 4, 5], [1, 1, 1, -1, -1, -1]);
  const s = findBestSplit(hist, Int32Array.of(6), sumG, sumH, count, params);
  assert.equal(s.feature, 0);
  assert.equal(s.binThreshold, 2);
  assertClose(s.gain, 9 / 3 + 9 / 3);
  assert.equal(s.nLeft, 3);
  assert.equal(s.missingLeft, true); // no missing values in training: the larger child (a tie → left)
  assert.equal(findBestSplit(hist, Int32Array.of(6), sumG, sumH, count, { ...params, minSamplesLeaf: 4 }).feature, -1);
});

test('missing values go to the side whose gradients they resemble', () => {
  // bins 0–2 positive gradients, 3–5 negative; missing (255) negative → they go right
  let h = histogramOf([0, 1, 2, 3, 4, 5, 255, 255], [1, 1, 1, -1, -1, -1, -1, -1]);
  let s = findBestSplit(h.hist, Int32Array.of(6), h.sumG, h.sumH, h.count, params);
  assert.equal(s.binThreshold, 2);
  assert.equal(s.missingLeft, false);
  // missing positive → they go left (found scanning right to left)
  h = histogramOf([0, 1, 2, 3, 4, 5, 255, 255], [1, 1, 1, -1, -1, -1, 1, 1]);
  s = findBestSplit(h.hist, Int32Array.of(6), h.sumG, h.sumH, h.count, params);
  assert.equal(s.binThreshold, 2);
  assert.equal(s.missingLeft, true);
  assert.equal(s.nLeft, 5);
  // only the missing values differ → "all values left, missing right" (bin threshold = last bin)
  h = histogramOf([0, 1, 2, 255], [1, 1, 1, -3]);
  s = findBestSplit(h.hist, Int32Array.of(3), h.sumG, h.sumH, h.count, params);
  assert.equal(s.binThreshold, 2);
  assert.equal(s.missingLeft, false);
});
