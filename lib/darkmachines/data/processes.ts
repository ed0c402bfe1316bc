/**
 * Truth-level generators of the Standard-Model processes and new-physics signals of the DarkMachines
 * challenge (process names as in arXiv 2105.14027, Tables 1–2): a hard system made of resonances
 * (W, Z, t, gluinos, squarks, stops, a Z′) decayed with `lib/kinematics.ts`, recoiling against
 * initial-state-radiation (ISR) jets. Each generator returns the final-state particles; `detector-response.ts`
 * turns them into reconstructed objects and MET.
 *
 * This is a teaching toy, not MadGraph + Pythia + Delphes: spectra are parametrised (power laws for
 * QCD, exponential excess over threshold for pair production), branching ratios are the PDG ones,
 * cross sections are rounded NLO figures at 13 TeV after the generator-level cuts we apply. What it
 * keeps is the physics that separates the classes: heavy pair production gives many hard jets and
 * large HT, neutralinos and neutrinos give MET, compressed spectra give soft jets, leptons come from
 * W / Z / RPV decays.
 *
 * Used by `simulator.ts` (notebook 04-darkmachines).
 */
import type { Random } from '../../random';
import { boost, fromPtEtaPhiM, recoil, threeBodyDecay, twoBodyDecay, type Vec4 } from '../../kinematics';

/** A final-state particle: jet-forming quark/gluon (`q`), b quark, e, μ, hadronic τ, photon, or invisible. */
export interface TruthParticle {
  kind: 'q' | 'b' | 'e' | 'm' | 'tau' | 'g' | 'inv';
  /** electric charge sign for leptons (±1), 0 otherwise */
  charge: number;
  p: Vec4;
}

/** One process: its challenge name, whether it is new physics, cross section and generator. */
export interface ProcessSpec {
  name: string;
  kind: 'SM' | 'signal';
  /** cross section after our generator-level cuts, pb (rounded NLO values; a toy normalisation) */
  crossSectionPb: number;
  /** one line on the physics */
  description: string;
  generate(rng: Random): TruthParticle[];
}

const M_W = 80.4, M_Z = 91.19, M_T = 172.5, M_H = 125.1;

const q = (p: Vec4): TruthParticle => ({ kind: 'q', charge: 0, p });
const bq = (p: Vec4): TruthParticle => ({ kind: 'b', charge: 0, p });
const inv = (p: Vec4): TruthParticle => ({ kind: 'inv', charge: 0, p });

/** A massive particle pair from a parton collision: ŝ^½ = m1 + m2 + Exp(mean `excess`) GeV, rapidity ~ N(0, 0.8). */
function pair(rng: Random, m1: number, m2: number, excess: number): [Vec4, Vec4] {
  const sqrtS = m1 + m2 + rng.exponential(1 / excess);
  const y = Math.max(-2.5, Math.min(2.5, rng.normal(0, 0.8)));
  const sys = { E: sqrtS * Math.cosh(y), px: 0, py: 0, pz: sqrtS * Math.sinh(y) };
  return twoBodyDecay(sys, m1, m2, rng);
}

/** Breit–Wigner-ish mass: Gaussian core of width Γ/2, clipped to ±5Γ (enough for a toy). */
function bwMass(rng: Random, m: number, width: number): number {
  return m + Math.max(-5 * width, Math.min(5 * width, rng.normal(0, width / 2)));
}

/**
 * Adds `n` ISR jets (pT power law with index 3 from `ptMin` GeV, |η| ≲ 3) and boosts the hard
 * system so that the event balances in the transverse plane.
 */
function withIsr(rng: Random, hard: TruthParticle[], n: number, ptMin = 30): TruthParticle[] {
  if (n === 0) return hard;
  const jets: TruthParticle[] = [];
  let sx = 0, sy = 0;
  for (let i = 0; i < n; i++) {
    const pt = rng.powerLaw(3, ptMin, 3000);
    const j = fromPtEtaPhiM(pt, rng.normal(0, 1.6), rng.uniform(-Math.PI, Math.PI), 0);
    sx += j.px;
    sy += j.py;
    jets.push(q(j));
  }
  const moved = recoil(hard.map((h) => h.p), -sx, -sy);
  return [...hard.map((h, i) => ({ ...h, p: moved[i] })), ...jets];
}

/** W± decay with PDG branching ratios: eν 10.7 %, μν 10.6 %, τν 11.4 % (τ → hadrons 65 %), qq̄′ 67.4 %. */
function decayW(rng: Random, w: Vec4, charge: number, leptonicOnly = false): TruthParticle[] {
  const r = leptonicOnly ? rng.uniform(0, 0.327) : rng.random();
  if (r < 0.214 || (r < 0.327 && rng.random() >= 0.65)) {
    const [l, nu] = twoBodyDecay(w, 0, 0, rng);
    const kind = r < 0.107 ? 'e' : r < 0.214 ? 'm' : rng.random() < 0.5 ? 'e' : 'm';
    return [{ kind, charge, p: l }, inv(nu)];
  }
  if (r < 0.327) {
    const [tau, nu] = twoBodyDecay(w, 1.777, 0, rng);
    const [vis, nu2] = twoBodyDecay(tau, 0.8, 0, rng);
    return [{ kind: 'tau', charge, p: vis }, inv(nu), inv(nu2)];
  }
  const [a, b] = twoBodyDecay(w, 0, 0, rng);
  return [q(a), q(b)];
}

/** Z decay: ee, μμ 3.4 % each, ττ 3.4 %, νν̄ 20 %, bb̄ 15 %, light qq̄ 55 % (`mode` forces one class). */
function decayZ(rng: Random, z: Vec4, mode: 'any' | 'll' | 'nunu' | 'visible' = 'any'): TruthParticle[] {
  const r = mode === 'll' ? rng.uniform(0, 0.068) : mode === 'nunu' ? 0.1 : mode === 'visible' ? rng.uniform(0.3, 1) : rng.uniform(0, 1);
  const [a, b] = twoBodyDecay(z, 0, 0, rng);
  if (r < 0.068) {
    const kind = r < 0.034 ? 'e' : 'm';
    return [{ kind, charge: -1, p: a }, { kind, charge: 1, p: b }];
  }
  if (r < 0.102) return [{ kind: 'tau', charge: -1, p: a }, { kind: 'tau', charge: 1, p: b }];
  if (r < 0.3) return [inv(a), inv(b)];
  if (r < 0.45) return [bq(a), bq(b)];
  return [q(a), q(b)];
}

/** t → b W+ (t̄ → b̄ W−), then the W decays. */
function decayTop(rng: Random, t: Vec4, charge: number, leptonicOnly = false): TruthParticle[] {
  const [b, w] = twoBodyDecay(t, 4.8, bwMass(rng, M_W, 2.1), rng);
  return [bq(b), ...decayW(rng, w, charge, leptonicOnly)];
}

/** QCD 2 → 2 scattering: ŝ^½ from a power law above `minMass` GeV, partons with 3 % b quarks. */
function dijet(rng: Random, minMass: number): TruthParticle[] {
  const sqrtS = rng.powerLaw(4.5, minMass, 6000);
  const cosTheta = Math.tanh(rng.normal(0, 0.6)); // forward-peaked t-channel scattering
  const y = Math.max(-2.5, Math.min(2.5, rng.normal(0, 0.7)));
  const p = sqrtS / 2, ph = rng.uniform(-Math.PI, Math.PI), st = Math.sqrt(1 - cosTheta * cosTheta);
  const j1 = { E: p, px: p * st * Math.cos(ph), py: p * st * Math.sin(ph), pz: p * cosTheta };
  const j2 = { E: p, px: -j1.px, py: -j1.py, pz: -j1.pz };
  return [j1, j2].map((v) => boost(v, 0, 0, Math.tanh(y))).map((v) => (rng.random() < 0.03 ? bq(v) : q(v)));
}

/** Sparticle decay into `nJets` quarks and the lightest neutralino (two- or three-body). */
function sparticleDecay(rng: Random, parent: Vec4, mChi: number, nJets: 1 | 2, bJets = false): TruthParticle[] {
  const jet = bJets ? bq : q;
  if (nJets === 1) {
    const [a, chi] = twoBodyDecay(parent, bJets ? 4.8 : 0, mChi, rng);
    return [jet(a), inv(chi)];
  }
  const [a, b, chi] = threeBodyDecay(parent, 0, 0, mChi, rng);
  return [jet(a), jet(b), inv(chi)];
}

const isrCount = (rng: Random, mean: number) => rng.poisson(mean);

/** The Standard-Model background processes. */
export const SM_PROCESSES: readonly ProcessSpec[] = [
  {
    name: 'njets', kind: 'SM', crossSectionPb: 400, description: 'QCD multijet: 2 → 2 scattering with ŝ^½ > 700 GeV plus ISR; MET only from mismeasurement',
    generate: (rng) => withIsr(rng, dijet(rng, 700), isrCount(rng, 1.5)),
  },
  {
    name: 'w_jets', kind: 'SM', crossSectionPb: 120, description: 'W → ℓν (incl. τ) recoiling against ≥ 1 ISR jet with pT > 100 GeV',
    generate: (rng) => {
      const w = fromPtEtaPhiM(0, rng.normal(0, 1.2), 0, bwMass(rng, M_W, 2.1));
      return withIsr(rng, decayW(rng, w, rng.random() < 0.6 ? 1 : -1, true), 1 + isrCount(rng, 1.2), 100);
    },
  },
  {
    name: 'z_jets', kind: 'SM', crossSectionPb: 60, description: 'Z → νν̄ (75 %) or ℓℓ (25 %) recoiling against ≥ 1 ISR jet with pT > 100 GeV',
    generate: (rng) => {
      const z = fromPtEtaPhiM(0, rng.normal(0, 1.2), 0, bwMass(rng, M_Z, 2.5));
      return withIsr(rng, decayZ(rng, z, rng.random() < 0.75 ? 'nunu' : 'll'), 1 + isrCount(rng, 1.2), 100);
    },
  },
  {
    name: 'gam_jets', kind: 'SM', crossSectionPb: 80, description: 'prompt photon + jet, photon pT > 150 GeV, plus ISR',
    generate: (rng) => {
      const hard = dijet(rng, 300);
      hard[0] = { kind: 'g', charge: 0, p: hard[0].p };
      return withIsr(rng, hard, isrCount(rng, 1));
    },
  },
  {
    name: 'ttbar', kind: 'SM', crossSectionPb: 60, description: 'tt̄ → bW bW with all W decays, plus ISR',
    generate: (rng) => {
      const [t1, t2] = pair(rng, M_T, M_T, 250);
      return withIsr(rng, [...decayTop(rng, t1, 1), ...decayTop(rng, t2, -1)], isrCount(rng, 1.5));
    },
  },
  {
    name: 'single_top', kind: 'SM', crossSectionPb: 25, description: 't-channel single top: t + forward light jet',
    generate: (rng) => {
      const [t, j] = pair(rng, M_T, 0, 200);
      const fwd = q({ ...j, pz: j.pz * 2.5, E: Math.hypot(j.px, j.py, j.pz * 2.5) });
      return withIsr(rng, [...decayTop(rng, t, 1), fwd], isrCount(rng, 1));
    },
  },
  {
    name: 'wtop', kind: 'SM', crossSectionPb: 8, description: 'tW associated production',
    generate: (rng) => {
      const [t, w] = pair(rng, M_T, M_W, 200);
      return withIsr(rng, [...decayTop(rng, t, 1), ...decayW(rng, w, -1)], isrCount(rng, 1));
    },
  },
  {
    name: 'ww', kind: 'SM', crossSectionPb: 12, description: 'W+W− pair, all decays',
    generate: (rng) => {
      const [a, b] = pair(rng, M_W, M_W, 150);
      return withIsr(rng, [...decayW(rng, a, 1), ...decayW(rng, b, -1)], isrCount(rng, 1.2));
    },
  },
  {
    name: 'zw', kind: 'SM', crossSectionPb: 5, description: 'ZW± pair, all decays',
    generate: (rng) => {
      const [z, w] = pair(rng, M_Z, M_W, 150);
      return withIsr(rng, [...decayZ(rng, z), ...decayW(rng, w, rng.random() < 0.6 ? 1 : -1)], isrCount(rng, 1.2));
    },
  },
  {
    name: 'zz', kind: 'SM', crossSectionPb: 2, description: 'ZZ pair, all decays',
    generate: (rng) => {
      const [a, b] = pair(rng, M_Z, M_Z, 150);
      return withIsr(rng, [...decayZ(rng, a), ...decayZ(rng, b)], isrCount(rng, 1.2));
    },
  },
  {
    name: 'single_higgs', kind: 'SM', crossSectionPb: 4, description: 'H → bb̄ (58 %) or γγ (0.2 %, enhanced to 10 % here to be visible) with ISR',
    generate: (rng) => {
      const h = fromPtEtaPhiM(0, rng.normal(0, 1.2), 0, M_H);
      const [a, b] = twoBodyDecay(h, 0, 0, rng);
      const hard = rng.random() < 0.1 ? [{ kind: 'g' as const, charge: 0, p: a }, { kind: 'g' as const, charge: 0, p: b }] : [bq(a), bq(b)];
      return withIsr(rng, hard, 1 + isrCount(rng, 1), 80);
    },
  },
];

/** A gluino pair, each g̃ → qq̄ χ̃⁰₁: four jets + MET (DarkMachines `glgl<mg>_neutralino<mχ>`). */
function gluinos(mg: number, mChi: number, xsec: number): ProcessSpec {
  return {
    name: `glgl${mg}_neutralino${mChi}`, kind: 'signal', crossSectionPb: xsec,
    description: `gluino pair (${mg} GeV), g̃ → qq̄ χ̃⁰₁ (${mChi} GeV): ≥ 4 jets, MET; ${mg - mChi < 400 ? 'compressed: softer jets' : 'hard jets'}`,
    generate: (rng) => {
      const [a, b] = pair(rng, mg, mg, 0.2 * mg);
      return withIsr(rng, [...sparticleDecay(rng, a, mChi, 2), ...sparticleDecay(rng, b, mChi, 2)], isrCount(rng, 2));
    },
  };
}

/** The new-physics signals, named as in the challenge. */
export const SIGNAL_PROCESSES: readonly ProcessSpec[] = [
  gluinos(1400, 1100, 0.0284),
  gluinos(1600, 800, 0.0088),
  {
    name: 'monojet_Zp2000.0_DM_50.0', kind: 'signal', crossSectionPb: 0.05,
    description: 'Z′ (2 TeV) → χχ (50 GeV) recoiling against a hard ISR jet: one jet, large MET',
    generate: (rng) => {
      const zp = fromPtEtaPhiM(0, rng.normal(0, 0.8), 0, bwMass(rng, 2000, 60));
      const [c1, c2] = twoBodyDecay(zp, 50, 50, rng);
      return withIsr(rng, [inv(c1), inv(c2)], 1 + isrCount(rng, 0.5), 250);
    },
  },
  {
    name: 'monotop_200_A', kind: 'signal', crossSectionPb: 0.2,
    description: 'monotop: t + invisible vector (200 GeV): b + W + MET',
    generate: (rng) => {
      const [t, v] = pair(rng, M_T, 200, 400);
      return withIsr(rng, [...decayTop(rng, t, 1), inv(v)], isrCount(rng, 1));
    },
  },
  {
    name: 'sqsq1_sq1400_neut800', kind: 'signal', crossSectionPb: 0.0052,
    description: 'squark pair (1400 GeV), q̃ → q χ̃⁰₁ (800 GeV): two hard jets, MET',
    generate: (rng) => {
      const [a, b] = pair(rng, 1400, 1400, 280);
      return withIsr(rng, [...sparticleDecay(rng, a, 800, 1), ...sparticleDecay(rng, b, 800, 1)], isrCount(rng, 2));
    },
  },
  {
    name: 'stlp_st1000', kind: 'signal', crossSectionPb: 0.0068,
    description: 'stop pair (1000 GeV) with R-parity-violating t̃ → b ℓ: two b jets, two hard leptons, little MET',
    generate: (rng) => {
      const [a, b] = pair(rng, 1000, 1000, 200);
      const [b1, l1] = twoBodyDecay(a, 4.8, 0, rng);
      const [b2, l2] = twoBodyDecay(b, 4.8, 0, rng);
      const flav = (): 'e' | 'm' => (rng.random() < 0.5 ? 'e' : 'm');
      return withIsr(rng, [bq(b1), { kind: flav(), charge: 1, p: l1 }, bq(b2), { kind: flav(), charge: -1, p: l2 }], isrCount(rng, 2));
    },
  },
  {
    name: 'stop2b1000_neutralino300', kind: 'signal', crossSectionPb: 0.0068,
    description: 'stop pair (1000 GeV), t̃ → b χ̃⁰₁ (300 GeV, via a nearly degenerate chargino): two b jets, MET',
    generate: (rng) => {
      const [a, b] = pair(rng, 1000, 1000, 200);
      return withIsr(rng, [...sparticleDecay(rng, a, 300, 1, true), ...sparticleDecay(rng, b, 300, 1, true)], isrCount(rng, 2));
    },
  },
];

/** Every process by name. */
export const PROCESSES: ReadonlyMap<string, ProcessSpec> = new Map([...SM_PROCESSES, ...SIGNAL_PROCESSES].map((p) => [p.name, p]));

/** The process of a given challenge name; throws with the known names otherwise. */
export function processByName(name: string): ProcessSpec {
  const p = PROCESSES.get(name);
  if (!p) throw new RangeError(`unknown process "${name}"; known: ${[...PROCESSES.keys()].join(', ')}`);
  return p;
}
