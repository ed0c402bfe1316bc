/**
 * Relativistic kinematics for the event simulators: four-vectors, pT/η/φ, Lorentz boosts, isotropic
 * two- and three-body decays (PDG Review of Particle Physics, "Kinematics", §49.4.2), Breit–Wigner
 * masses, and the invariant mass of two massless objects used by the Z′ seed (Foster & Bakøy 2022,
 * §4.1). Units are whatever the caller uses consistently (GeV in the simulators, MeV in ntuples).
 *
 * Used by lib/darkmachines (notebook 04) and lib/zprime (notebook 05).
 */
import type { Random } from './random';

/** A four-momentum in GeV (metric + − − −), z along the beam. */
export interface Vec4 {
  E: number;
  px: number;
  py: number;
  pz: number;
}

/** Four-vector from transverse momentum (GeV), pseudorapidity, azimuth (rad) and mass (GeV). */
export function fromPtEtaPhiM(pt: number, eta: number, phi: number, m: number): Vec4 {
  const px = pt * Math.cos(phi), py = pt * Math.sin(phi), pz = pt * Math.sinh(eta);
  return { E: Math.sqrt(px * px + py * py + pz * pz + m * m), px, py, pz };
}

/** Four-vector of a particle of mass `m` (GeV) with momentum (px, py, pz). */
export function fromP3M(px: number, py: number, pz: number, m: number): Vec4 {
  return { E: Math.sqrt(px * px + py * py + pz * pz + m * m), px, py, pz };
}

export function add(a: Vec4, b: Vec4): Vec4 {
  return { E: a.E + b.E, px: a.px + b.px, py: a.py + b.py, pz: a.pz + b.pz };
}

export function sum(vs: readonly Vec4[]): Vec4 {
  return vs.reduce(add, { E: 0, px: 0, py: 0, pz: 0 });
}

/** Invariant mass, GeV (0 for slightly space-like vectors from rounding). */
export function mass(v: Vec4): number {
  const m2 = v.E * v.E - v.px * v.px - v.py * v.py - v.pz * v.pz;
  return m2 > 0 ? Math.sqrt(m2) : 0;
}

export function pt(v: Vec4): number {
  return Math.hypot(v.px, v.py);
}

/** Pseudorapidity η = asinh(pz / pT) (±Inf along the beam). */
export function eta(v: Vec4): number {
  const p = pt(v);
  return p === 0 ? Math.sign(v.pz) * Infinity : Math.asinh(v.pz / p);
}

/** Azimuth in (−π, π]. */
export function phi(v: Vec4): number {
  return Math.atan2(v.py, v.px);
}

/** Scales the three-momentum and energy by `f` (a detector response); the mass scales too. */
export function scale(v: Vec4, f: number): Vec4 {
  return { E: v.E * f, px: v.px * f, py: v.py * f, pz: v.pz * f };
}

/** Boosts `v` by velocity (bx, by, bz) (|β| < 1), e.g. from a rest frame to the lab. */
export function boost(v: Vec4, bx: number, by: number, bz: number): Vec4 {
  const b2 = bx * bx + by * by + bz * bz;
  if (b2 === 0) return { ...v };
  const gamma = 1 / Math.sqrt(1 - b2);
  const bp = bx * v.px + by * v.py + bz * v.pz;
  const g2 = (gamma - 1) / b2;
  return {
    E: gamma * (v.E + bp),
    px: v.px + g2 * bp * bx + gamma * bx * v.E,
    py: v.py + g2 * bp * by + gamma * by * v.E,
    pz: v.pz + g2 * bp * bz + gamma * bz * v.E,
  };
}

/** Boosts `v` from the rest frame of `frame` into the frame where `frame` has its momentum. */
export function boostFromRest(v: Vec4, frame: Vec4): Vec4 {
  return boost(v, frame.px / frame.E, frame.py / frame.E, frame.pz / frame.E);
}

/** Momentum of either daughter in the rest frame of a parent of mass M decaying to m1 + m2 (GeV). */
export function twoBodyMomentum(M: number, m1: number, m2: number): number {
  if (m1 + m2 > M) throw new RangeError(`twoBodyMomentum: ${m1} + ${m2} > ${M} GeV`);
  const a = (M * M - (m1 + m2) ** 2) * (M * M - (m1 - m2) ** 2);
  return Math.sqrt(Math.max(0, a)) / (2 * M);
}

/** Isotropic decay of `parent` into daughters of masses m1, m2 (GeV), returned in the lab frame. */
export function twoBodyDecay(parent: Vec4, m1: number, m2: number, rng: Random): [Vec4, Vec4] {
  const p = twoBodyMomentum(mass(parent), m1, m2);
  const cosTheta = rng.uniform(-1, 1), ph = rng.uniform(-Math.PI, Math.PI);
  const sinTheta = Math.sqrt(1 - cosTheta * cosTheta);
  const [x, y, z] = [p * sinTheta * Math.cos(ph), p * sinTheta * Math.sin(ph), p * cosTheta];
  return [boostFromRest(fromP3M(x, y, z, m1), parent), boostFromRest(fromP3M(-x, -y, -z, m2), parent)];
}

/**
 * Three-body decay M → m1 + m2 + m3 as two sequential two-body decays through a virtual (m1 m2)
 * system whose mass is drawn uniformly between its limits (flat in m12, an approximation to phase
 * space that keeps the endpoints right).
 */
export function threeBodyDecay(parent: Vec4, m1: number, m2: number, m3: number, rng: Random): [Vec4, Vec4, Vec4] {
  const M = mass(parent);
  const m12 = rng.uniform(m1 + m2, M - m3);
  const [p12, p3] = twoBodyDecay(parent, m12, m3, rng);
  const [p1, p2] = twoBodyDecay(p12, m1, m2, rng);
  return [p1, p2, p3];
}

/**
 * Gives a system of lab-frame four-vectors (total transverse momentum ≈ 0) the transverse momentum
 * (ptx, pty) by a boost, keeping its mass and rapidity: used to let a hard system recoil against
 * initial-state radiation.
 */
export function recoil(system: readonly Vec4[], ptx: number, pty: number): Vec4[] {
  const tot = sum(system);
  const m = mass(tot);
  const y = 0.5 * Math.log((tot.E + tot.pz) / (tot.E - tot.pz));
  const rest = system.map((v) => boost(v, -tot.px / tot.E, -tot.py / tot.E, -tot.pz / tot.E));
  const mtNew = Math.sqrt(m * m + ptx * ptx + pty * pty);
  const target = { E: mtNew * Math.cosh(y), px: ptx, py: pty, pz: mtNew * Math.sinh(y) };
  return rest.map((v) => boostFromRest(v, target));
}

/** Four-vector of a resonance of mass `m` with transverse momentum `pt`, rapidity `y` and azimuth `phi`. */
export function fromPtYPhiM(pt: number, y: number, phi: number, m: number): Vec4 {
  const mt = Math.sqrt(pt * pt + m * m);
  return { E: mt * Math.cosh(y), px: pt * Math.cos(phi), py: pt * Math.sin(phi), pz: mt * Math.sinh(y) };
}

/**
 * Invariant mass of two massless objects from their transverse momenta, pseudorapidities and
 * azimuths (the Z′ seed's formula, §4.1): M = √(2 pT1 pT2 (cosh(η1 − η2) − cos(φ1 − φ2))).
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
