import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toyTracks } from '../../lib/datasets/toy-tracks';
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

test('tracks are more elongated than blobs (second moments)', () => {
  const set = toyTracks(new Random(2), { n: 300, size: 16, noise: 0 });
  const elongation = (i: number) => {
    const img = set.x.subarray(i * 256, (i + 1) * 256);
    let s = 0, mx = 0, my = 0;
    for (let p = 0; p < 256; p++) { s += img[p]; mx += img[p] * (p % 16); my += img[p] * Math.floor(p / 16); }
    mx /= s; my /= s;
    let xx = 0, yy = 0, xy = 0;
    for (let p = 0; p < 256; p++) {
      const dx = (p % 16) - mx, dy = Math.floor(p / 16) - my;
      xx += img[p] * dx * dx; yy += img[p] * dy * dy; xy += img[p] * dx * dy;
    }
    const tr = (xx + yy) / s, det = (xx * yy - xy * xy) / (s * s);
    const l1 = tr / 2 + Math.sqrt(tr * tr / 4 - det), l2 = tr / 2 - Math.sqrt(tr * tr / 4 - det);
    return l1 / l2;
  };
  let trackMean = 0, blobMean = 0, nt = 0, nb = 0;
  for (let i = 0; i < set.n; i++) {
    if (set.y[i] === 1) { trackMean += elongation(i); nt++; } else { blobMean += elongation(i); nb++; }
  }
  assert.ok(trackMean / nt > 2 * (blobMean / nb), `tracks ${trackMean / nt} vs blobs ${blobMean / nb}`);
});
