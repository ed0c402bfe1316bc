import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../lib/random';
import { add, etaOf, fromPtEtaPhiM, invariantMassPtEtaPhi, massOf, phiOf, ptOf, twoBodyDecay, twoBodyMomentum } from '../../lib/zprime/kinematics';
import { assertClose } from '../helpers';

test('invariant mass of hand-computed massless pairs', () => {
  // back to back in φ at η = 0: M² = 2·50·50·(1 − cos π) = 10000 → M = 100
  assertClose(invariantMassPtEtaPhi(50, 0, 0, 50, 0, Math.PI), 100, { rtol: 1e-12 });
  // same φ, Δη = 1: M² = 2·30·40·(cosh 1 − 1) = 2400 · 0.5430806 = 1303.394 → 36.10254
  assertClose(invariantMassPtEtaPhi(30, 0.5, 1, 40, -0.5, 1), Math.sqrt(2400 * (Math.cosh(1) - 1)), { rtol: 1e-12 });
  assertClose(invariantMassPtEtaPhi(30, 0.5, 1, 40, -0.5, 1), 36.10254, { rtol: 1e-6 });
  // a Z at rest decaying to two 45.6 GeV leptons at 90° in φ and η = ±0.3 agrees with the four-vector mass
  const a = fromPtEtaPhiM(45.6, 0.3, 0.2, 0), b = fromPtEtaPhiM(41.2, -0.3, 0.2 + 2.9, 0);
  assertClose(invariantMassPtEtaPhi(45.6, 0.3, 0.2, 41.2, -0.3, 3.1), massOf(add(a, b)), { rtol: 1e-9 });
  assert.equal(invariantMassPtEtaPhi(10, 1, 1, 20, 1, 1), 0); // collinear
});

test('pT, η, φ round-trip through a four-vector', () => {
  const v = fromPtEtaPhiM(123, -1.7, 2.5, 5);
  assertClose(ptOf(v), 123, { rtol: 1e-12 });
  assertClose(etaOf(v), -1.7, { rtol: 1e-12 });
  assertClose(phiOf(v), 2.5, { rtol: 1e-12 });
  assertClose(massOf(v), 5, { rtol: 1e-9 });
});

test('two-body decays conserve four-momentum and daughter masses', () => {
  const rng = new Random(3);
  const parent = fromPtEtaPhiM(300, 1.2, -0.4, 1000);
  for (let i = 0; i < 20; i++) {
    const [d1, d2] = twoBodyDecay(parent, 172.5, 4.8, rng);
    const s = add(d1, d2);
    assertClose(massOf(s), 1000, { rtol: 1e-9 });
    assertClose(s.px, parent.px, { rtol: 1e-9, atol: 1e-9 });
    assertClose(massOf(d1), 172.5, { rtol: 1e-6 });
    assertClose(massOf(d2), 4.8, { rtol: 1e-4 });
  }
  assertClose(twoBodyMomentum(91.1876, 0, 0), 91.1876 / 2, { rtol: 1e-12 });
});
