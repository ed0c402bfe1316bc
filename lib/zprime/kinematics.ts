/**
 * Relativistic kinematics for the Z′ study: four-momenta, (pT, η, φ, E) conversions, Lorentz boosts,
 * isotropic two-body decays (PDG Review of Particle Physics, "Kinematics", §49.4.2) and the
 * invariant mass of two massless objects used by the seed (Foster & Bakøy 2022, §4.1):
 * M² = 2 pT1 pT2 (cosh(η1 − η2) − cos(φ1 − φ2)).
 *
 * Units are whatever the caller uses consistently (the simulator works in GeV, the ntuples in MeV).
 * Used by `simulator.ts`, `features.ts` and notebook 05-zprime.
 */
import type { Random } from '../random';

/** A four-momentum (metric + − − −), z along the beam. */
export interface Vec4 {
  E: number;
  px: number;
  py: number;
  pz: number;
}

/** Four-vector of a particle with transverse momentum `pt`, pseudorapidity `eta`, azimuth `phi` (rad) and mass `m`. */
export function fromPtEtaPhiM(pt: number, eta: number, phi: number, m: number): Vec4 {
  const px = pt * Math.cos(phi), py = pt * Math.sin(phi), pz = pt * Math.sinh(eta);
  return { E: Math.sqrt(px * px + py * py + pz * pz + m * m), px, py, pz };
}

/** Four-vector of a resonance of mass `m` with transverse momentum `pt`, rapidity `y` and azimuth `phi`. */
export function fromPtYPhiM(pt: number, y: number, phi: number, m: number): Vec4 {
  const mt = Math.sqrt(pt * pt + m * m);
  return { E: mt * Math.cosh(y), px: pt * Math.cos(phi), py: pt * Math.sin(phi), pz: mt * Math.sinh(y) };
}

/** Transverse momentum √(px² + py²). */
export function ptOf(v: Vec4): number {
  return Math.hypot(v.px, v.py);
}

/** Pseudorapidity η = asinh(pz / pT) (±Infinity along the beam). */
export function etaOf(v: Vec4): number {
  const pt = ptOf(v);
  return pt === 0 ? (v.pz >= 0 ? Infinity : -Infinity) : Math.asinh(v.pz / pt);
}

/** Azimuth φ in (−π, π]. */
export function phiOf(v: Vec4): number {
  return Math.atan2(v.py, v.px);
}

/** Invariant mass √(E² − p²) (0 for slightly space-like vectors from rounding). */
export function massOf(v: Vec4): number {
  const m2 = v.E * v.E - v.px * v.px - v.py * v.py - v.pz * v.pz;
  return m2 > 0 ? Math.sqrt(m2) : 0;
}

/** Sum of four-vectors. */
export function add(a: Vec4, b: Vec4): Vec4 {
  return { E: a.E + b.E, px: a.px + b.px, py: a.py + b.py, pz: a.pz + b.pz };
}

/** Momentum-scaled copy keeping the mass (a detector energy-scale change), factor `f` > 0. */
export function scaleMomentum(v: Vec4, f: number): Vec4 {
  const m = massOf(v);
  const px = v.px * f, py = v.py * f, pz = v.pz * f;
  return { E: Math.sqrt(px * px + py * py + pz * pz + m * m), px, py, pz };
}

/**
 * Boosts `v`, given in the rest frame of `frame`, into the frame where `frame` has its momentum
 * (PDG eq. 49.5 with β = p/E of `frame`).
 */
export function boostFromRest(v: Vec4, frame: Vec4): Vec4 {
  const bx = frame.px / frame.E, by = frame.py / frame.E, bz = frame.pz / frame.E;
  const b2 = bx * bx + by * by + bz * bz;
  if (b2 === 0) return { ...v };
  const gamma = 1 / Math.sqrt(1 - b2);
  const bp = bx * v.px + by * v.py + bz * v.pz;
  const k = ((gamma - 1) * bp) / b2 + gamma * v.E;
  return { E: gamma * (v.E + bp), px: v.px + k * bx, py: v.py + k * by, pz: v.pz + k * bz };
}

/** Momentum of each daughter in the rest frame of a two-body decay M → m1 m2 (PDG eq. 49.17); 0 below threshold. */
export function twoBodyMomentum(M: number, m1: number, m2: number): number {
  const a = M * M - (m1 + m2) * (m1 + m2);
  const b = M * M - (m1 - m2) * (m1 - m2);
  return a <= 0 ? 0 : Math.sqrt(a * b) / (2 * M);
}

/** Isotropic two-body decay of `parent` (mass from its four-vector) into daughters of masses m1, m2, in the lab frame. */
export function twoBodyDecay(parent: Vec4, m1: number, m2: number, rng: Random): [Vec4, Vec4] {
  const M = massOf(parent);
  const p = twoBodyMomentum(M, m1, m2);
  const cosTheta = rng.uniform(-1, 1);
  const sinTheta = Math.sqrt(1 - cosTheta * cosTheta);
  const phi = rng.uniform(-Math.PI, Math.PI);
  const px = p * sinTheta * Math.cos(phi), py = p * sinTheta * Math.sin(phi), pz = p * cosTheta;
  const d1: Vec4 = { E: Math.sqrt(p * p + m1 * m1), px, py, pz };
  const d2: Vec4 = { E: Math.sqrt(p * p + m2 * m2), px: -px, py: -py, pz: -pz };
  return [boostFromRest(d1, parent), boostFromRest(d2, parent)];
}

/**
 * Invariant mass of two massless objects from their transverse momenta, pseudorapidities and
 * azimuths (the seed's formula, §4.1): M = √(2 pT1 pT2 (cosh(η1 − η2) − cos(φ1 − φ2))).
 * Same unit as the pT (MeV in, MeV out).
 */
export function invariantMassPtEtaPhi(pt1: number, eta1: number, phi1: number, pt2: number, eta2: number, phi2: number): number {
  const m2 = 2 * pt1 * pt2 * (Math.cosh(eta1 - eta2) - Math.cos(phi1 - phi2));
  return m2 > 0 ? Math.sqrt(m2) : 0;
}

/** Relativistic Breit–Wigner mass draw (Cauchy in m, truncated to [lo, hi]) for mass `m0` and width `gamma`. */
export function breitWigner(m0: number, gamma: number, lo: number, hi: number, rng: Random): number {
  for (;;) {
    const m = m0 + (gamma / 2) * Math.tan(Math.PI * (rng.random() - 0.5));
    if (m >= lo && m <= hi) return m;
  }
}
