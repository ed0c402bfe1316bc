/** Tests of lib/kinematics.ts: invariant masses (hand-computed), momentum conservation, boosts, decays. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add, boost, eta, fromPtEtaPhiM, invariantMassPtEtaPhi, mass, phi, pt, recoil, sum, threeBodyDecay, twoBodyDecay, twoBodyMomentum } from '../lib/kinematics';
import { Random } from '../lib/random';
import { assertClose } from './helpers';

test('pT, η, mass of a four-vector', () => {
  const v = fromPtEtaPhiM(50, 1.2, 0.3, 4.8);
  assertClose(pt(v), 50, { rtol: 1e-12 });
  assertClose(eta(v), 1.2, { rtol: 1e-12 });
  assertClose(mass(v), 4.8, { rtol: 1e-9 });
});

test('a boost keeps the mass', () => {
  const v = boost(fromPtEtaPhiM(30, -0.5, 2, 91.19), 0.3, -0.2, 0.6);
  assertClose(mass(v), 91.19, { rtol: 1e-9 });
});

test('two-body decay: daughter masses, momentum conservation, rest-frame momentum (Z → μμ-like)', () => {
  const rng = new Random(1);
  const Z = fromPtEtaPhiM(120, 0.7, -1, 91.19);
  const [a, b] = twoBodyDecay(Z, 0.105, 0.105, rng);
  const s = add(a, b);
  for (const k of ['E', 'px', 'py', 'pz'] as const) assertClose(s[k], Z[k], { rtol: 1e-9, atol: 1e-9 });
  assertClose(mass(a), 0.105, { rtol: 1e-4 });
  assertClose(twoBodyMomentum(91.19, 0, 0), 45.595, { rtol: 1e-12 });
  assert.throws(() => twoBodyMomentum(10, 6, 6), RangeError);
});

test('three-body decay conserves four-momentum; recoil sets the system pT and keeps its mass', () => {
  const rng = new Random(2);
  const g = fromPtEtaPhiM(0, 0.2, 0, 1400);
  const parts = threeBodyDecay(g, 0, 0, 1100, rng);
  assertClose(mass(sum(parts)), 1400, { rtol: 1e-9 });
  const moved = recoil(parts, 100, -50);
  const tot = sum(moved);
  assertClose(tot.px, 100, { atol: 1e-6 });
  assertClose(tot.py, -50, { atol: 1e-6 });
  assertClose(mass(tot), 1400, { rtol: 1e-9 });
  assertClose(mass(moved[2]), 1100, { rtol: 1e-9 });
});
test('invariant mass of hand-computed massless pairs', () => {
  // back to back in φ at η = 0: M² = 2·50·50·(1 − cos π) = 10000 → M = 100
  assertClose(invariantMassPtEtaPhi(50, 0, 0, 50, 0, Math.PI), 100, { rtol: 1e-12 });
  // same φ, Δη = 1: M² = 2·30·40·(cosh 1 − 1) = 2400 · 0.5430806 = 1303.394 → 36.10254
  assertClose(invariantMassPtEtaPhi(30, 0.5, 1, 40, -0.5, 1), Math.sqrt(2400 * (Math.cosh(1) - 1)), { rtol: 1e-12 });
  assertClose(invariantMassPtEtaPhi(30, 0.5, 1, 40, -0.5, 1), 36.10254, { rtol: 1e-6 });
  // a Z at rest decaying to two 45.6 GeV leptons at 90° in φ and η = ±0.3 agrees with the four-vector mass
  const a = fromPtEtaPhiM(45.6, 0.3, 0.2, 0), b = fromPtEtaPhiM(41.2, -0.3, 0.2 + 2.9, 0);
  assertClose(invariantMassPtEtaPhi(45.6, 0.3, 0.2, 41.2, -0.3, 3.1), mass(add(a, b)), { rtol: 1e-9 });
  assert.equal(invariantMassPtEtaPhi(10, 1, 1, 20, 1, 1), 0); // collinear
});

test('pT, η, φ round-trip through a four-vector', () => {
  const v = fromPtEtaPhiM(123, -1.7, 2.5, 5);
  assertClose(pt(v), 123, { rtol: 1e-12 });
  assertClose(eta(v), -1.7, { rtol: 1e-12 });
  assertClose(phi(v), 2.5, { rtol: 1e-12 });
  assertClose(mass(v), 5, { rtol: 1e-9 });
});

test('two-body decays conserve four-momentum and daughter masses', () => {
  const rng = new Random(3);
  const parent = fromPtEtaPhiM(300, 1.2, -0.4, 1000);
  for (let i = 0; i < 20; i++) {
    const [d1, d2] = twoBodyDecay(parent, 172.5, 4.8, rng);
    const s = add(d1, d2);
    assertClose(mass(s), 1000, { rtol: 1e-9 });
    assertClose(s.px, parent.px, { rtol: 1e-9, atol: 1e-9 });
    assertClose(mass(d1), 172.5, { rtol: 1e-6 });
    assertClose(mass(d2), 4.8, { rtol: 1e-4 });
  }
  assertClose(twoBodyMomentum(91.1876, 0, 0), 91.1876 / 2, { rtol: 1e-12 });
});
