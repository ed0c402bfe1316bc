/** Tests of lib/darkmachines/kinematics.ts: invariant masses, momentum conservation, boosts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add, boost, eta, fromPtEtaPhiM, mass, pt, recoil, sum, threeBodyDecay, twoBodyDecay, twoBodyMomentum } from '../../lib/darkmachines/kinematics';
import { Random } from '../../lib/random';
import { assertClose } from '../helpers';

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
