import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elongation, subset, toyTracks } from '../../lib/tour/data';
import { Random } from '../../lib/random';

test('toy tracks: shapes, labels, reproducibility', () => {
  const a = toyTracks(new Random(1), { n: 200, size: 12 });
  const b = toyTracks(new Random(1), { n: 200, size: 12 });
  assert.equal(a.x.length, 200 * 144);
  assert.deepEqual(a.x, b.x);
  const tracks = a.y.reduce((s, v) => s + v, 0);
  assert.ok(tracks > 70 && tracks < 130, `track fraction off: ${tracks}/200`);
  assert.throws(() => toyTracks(new Random(1), { n: 0 }), /positive integer/);
});

test('tracks are more elongated than blobs; subset keeps rows and labels', () => {
  const set = toyTracks(new Random(2), { n: 300, size: 16, noise: 0 });
  let trackMean = 0, blobMean = 0, nt = 0, nb = 0;
  for (let i = 0; i < set.n; i++) {
    if (set.y[i] === 1) { trackMean += elongation(set, i); nt++; } else { blobMean += elongation(set, i); nb++; }
  }
  assert.ok(trackMean / nt > 2 * (blobMean / nb), `tracks ${trackMean / nt} vs blobs ${blobMean / nb}`);
  const part = subset(set, [5, 0]);
  assert.equal(part.n, 2);
  assert.deepEqual(part.x.subarray(256, 512), set.x.subarray(0, 256));
  assert.deepEqual(Array.from(part.y), [set.y[5], set.y[0]]);
});

test('elongation of a known ellipse', () => {
  // A Gaussian with variances 4 (along x) and 1 (along y): elongation 4.
  const size = 41, img = new Float32Array(size * size);
  for (let p = 0; p < img.length; p++) {
    const dx = (p % size) - 20, dy = Math.floor(p / size) - 20;
    img[p] = Math.exp(-(dx * dx) / 8 - (dy * dy) / 2);
  }
  assert.ok(Math.abs(elongation({ x: img, y: new Float32Array(1), n: 1, size }, 0, 0) - 4) < 1e-3);
});
