import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHistogram, newHistogram, subtractHistogram, HIST_BINS, HIST_STRIDE } from '../../lib/trees/histogram';
import { Random } from '../../lib/random';
import { assertAllClose } from '../helpers';

function naive(bins: Uint8Array, n: number, d: number, rows: ArrayLike<number>, g: Float32Array, h: Float32Array): Float64Array {
  const hist = newHistogram(d);
  for (let j = 0; j < d; j++) {
    for (let t = 0; t < rows.length; t++) {
      const r = rows[t];
      const idx = (j * HIST_BINS + bins[j * n + r]) * HIST_STRIDE;
      hist[idx] += g[r];
      hist[idx + 1] += h[r];
      hist[idx + 2] += 1;
    }
  }
  return hist;
}

test('histograms of a node equal the per-sample sums (d = 6: a block of four features and two single ones)', () => {
  const rng = new Random(5);
  const n = 500, d = 6;
  const bins = Uint8Array.from({ length: n * d }, () => (rng.random() < 0.05 ? 255 : rng.integer(0, 40)));
  const g = Float32Array.from(rng.fill(n, (r) => r.normal())), h = Float32Array.from(rng.fill(n, (r) => r.random()));
  const rows = rng.sampleIndices(n, 200).sort();
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const hist = newHistogram(d);
  const scratchG = new Float32Array(n), scratchH = new Float32Array(n);
  const padded = new Int32Array(260);
  padded.set(rows, 30);
  buildHistogram(hist, { bins, nRows: n, nFeatures: d }, padded, 30, 230, g, h, scratchG, scratchH);
  assertAllClose(hist, naive(bins, n, d, rows, g, h), { rtol: 1e-12, atol: 1e-12 });
  // the sibling by subtraction equals the sibling built directly
  const parent = newHistogram(d);
  buildHistogram(parent, { bins, nRows: n, nFeatures: d }, all, 0, n, g, h, scratchG, scratchH);
  subtractHistogram(parent, hist);
  const inRows = new Set(rows);
  const sibling = all.filter((r) => !inRows.has(r));
  assertAllClose(parent, naive(bins, n, d, sibling, g, h), { rtol: 1e-9, atol: 1e-9 });
  assert.equal(parent[(0 * HIST_BINS + 255) * HIST_STRIDE + 2] + hist[(0 * HIST_BINS + 255) * HIST_STRIDE + 2], bins.subarray(0, n).filter((b) => b === 255).length);
});
