import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barycentreShifts, clusterFeatures, featureColumns, FEATURE_NAMES, fitMoments, selectColumns } from '../../../lib/newsdm/data/features';
import { N_POL, PIXEL_NM } from '../../../lib/newsdm/data/physics';
import { assertClose } from '../../helpers';

/** A noise-free Gaussian ellipse: centre (nm), σ along the major / minor axis (nm), angle φ (rad), total flux. */
function ellipse(size: number, e: { x: number; y: number; sMaj: number; sMin: number; phi: number; flux: number }): Float64Array {
  const img = new Float64Array(size * size);
  const half = (size - 1) / 2;
  const [c, s] = [Math.cos(e.phi), Math.sin(e.phi)];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const dx = (j - half) * PIXEL_NM - e.x;
      const dy = (i - half) * PIXEL_NM - e.y;
      const u = dx * c + dy * s;
      const v = -dx * s + dy * c;
      img[i * size + j] = (e.flux / (2 * Math.PI * (e.sMaj / PIXEL_NM) * (e.sMin / PIXEL_NM))) * Math.exp(-0.5 * ((u / e.sMaj) ** 2 + (v / e.sMin) ** 2));
    }
  }
  return img;
}

const CASES = [
  { x: 0, y: 0, sMaj: 150, sMin: 90, phi: 0.4, flux: 10 },
  { x: 40, y: -30, sMaj: 200, sMin: 100, phi: -1.1, flux: 5 },
  { x: -60, y: 25, sMaj: 120, sMin: 115, phi: 1.4, flux: 8 },
  { x: 10, y: 70, sMaj: 180, sMin: 70, phi: Math.PI / 2, flux: 3 },
];

test('the moment fit recovers centre, axes, ellipticity, direction and volume of known ellipses', () => {
  const size = 40;
  for (const e of CASES) {
    const f = fitMoments(ellipse(size, e), size, { peakFraction: 1e-4, nSigma: 0 });
    const label = JSON.stringify(e);
    assertClose(f.x, e.x, { atol: 1, label: `${label} x` });
    assertClose(f.y, e.y, { atol: 1, label: `${label} y` });
    assertClose(f.lx, e.sMaj, { rtol: 0.01, label: `${label} lx` });
    assertClose(f.ly, e.sMin, { rtol: 0.01, label: `${label} ly` });
    assertClose(f.eps, e.sMaj / e.sMin, { rtol: 0.02, label: `${label} eps` });
    if (e.sMaj / e.sMin > 1.1) {
      const dphi = Math.abs(((f.phi - e.phi + Math.PI / 2) % Math.PI + Math.PI) % Math.PI - Math.PI / 2);
      assert.ok(dphi < 0.01, `${label}: phi ${f.phi} vs ${e.phi}`);
    }
    assert.ok(f.phi > -Math.PI / 2 && f.phi <= Math.PI / 2, 'phi in (−π/2, π/2]');
    assertClose(f.vol, e.flux, { rtol: 0.01, label: `${label} vol` });
  }
});

test('the default threshold cuts the tails: npx shrinks, the centre and direction stay', () => {
  const size = 24;
  const e = CASES[1];
  const img = ellipse(size, e);
  const all = fitMoments(img, size, { peakFraction: 1e-4, nSigma: 0 });
  const cut = fitMoments(img, size);
  assert.ok(cut.npx < all.npx);
  assertClose(cut.x, e.x, { atol: 3 });
  assertClose(cut.phi, e.phi, { atol: 0.02 });
});

test('clusterFeatures gives 64 columns in FEATURE_NAMES order, one fit per polarisation', () => {
  const size = 20;
  const images = new Float32Array(2 * N_POL * size * size);
  for (let k = 0; k < N_POL; k++) {
    // cluster 1 moves along x with k; cluster 0 stays
    images.set(ellipse(size, { ...CASES[0], x: 0 }), k * size * size);
    images.set(ellipse(size, { ...CASES[0], x: 10 * k - 35 }), (N_POL + k) * size * size);
  }
  const F = clusterFeatures(images, 2, size);
  assert.equal(FEATURE_NAMES.length, 64);
  assert.equal(F.length, 2 * 64);
  assert.equal(FEATURE_NAMES[8 * 3], 'x_p3');
  const { shift, dx } = barycentreShifts(F, 2);
  assert.ok(shift[0] < 1, `static cluster shift ${shift[0]}`);
  assert.ok(shift[1] > 15, `moving cluster shift ${shift[1]}`);
  assert.ok(dx[N_POL + 7] > dx[N_POL], 'moves towards +x');
});

test('featureColumns drops the 8 direction columns for the isotropic study', () => {
  assert.equal(featureColumns().length, 64);
  const cols = featureColumns({ dropPhi: true });
  assert.equal(cols.length, 56);
  assert.ok(cols.every((c) => !FEATURE_NAMES[c].startsWith('phi_')));
  const X = Float64Array.from({ length: 2 * 64 }, (_, i) => i);
  const Y = selectColumns(X, 64, cols);
  assert.equal(Y.length, 2 * 56);
  assert.equal(Y[56], 64);
});
