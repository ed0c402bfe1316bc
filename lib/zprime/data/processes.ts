/**
 * The physics processes of the Z′ simulator at √s = 13 TeV: Standard-Model backgrounds (tt̄, single
 * top, W+jets, Z/γ*+jets with its 91 GeV peak and Drell–Yan tail, dibosons) and Sequential-SM-like
 * Z′ bosons at several masses decaying to lepton pairs (ee, μμ) or to quark pairs (jets).
 *
 * Truth-level generation in GeV: resonances with Breit–Wigner masses, exponential pT, Gaussian
 * rapidity, isotropic two-body decays (kinematics.ts), W/Z/top decays with PDG branching ratios
 * (PDG 2022: B(W→ℓν) = 10.8 % per flavour; B(Z→ℓℓ) = 3.37 %, B(Z→νν) = 20 %; t → bW).
 * Cross sections are round numbers of the right size for ATLAS 13 TeV samples (pb); signal
 * σ·B follow the falling SSM curve (about 2 pb at 0.5 TeV to 1 fb at 3 TeV for ℓℓ), scaled down by
 * `DEFAULT_SIGNAL_XSEC_SCALE` (a more weakly coupled Z′, near the edge of what 10 fb⁻¹ can see).
 *
 * Used by `simulator.ts` (notebook 05-zprime).
 */
import type { Random } from '../../random';
import { breitWigner, fromPtYPhiM, mass, twoBodyDecay, type Vec4 } from '../../kinematics';

/** A generated particle that the detector sees: a charged lepton or a quark / gluon that becomes a jet. */
export interface TruthObject {
  v: Vec4;
  /** 11 electron, 13 muon, 5 b quark, 1 light quark or gluon. */
  kind: 11 | 13 | 5 | 1;
  /** Electric charge sign of a lepton (±1), 0 for jets. */
  charge: number;
}

/** Truth content of one event: visible objects and invisible momentum (neutrinos). */
export interface TruthEvent {
  objects: TruthObject[];
  invisible: Vec4[];
}

/** A simulated process. */
export interface ProcessSpec {
  /** Name, as the ntuples' sample names (e.g. 'ttbar', 'Zprime_ll_1000'). */
  name: string;
  /** Cross section × branching ratio in pb. */
  xsecPb: number;
  /** Fraction of the generated events (the MC sample size, not the physics rate). */
  fraction: number;
  /** Z′ signal (label 1) or background (label 0). */
  signal: boolean;
  /** Z′ mass in GeV (signals only). */
  massGeV?: number;
  /** Generates the truth of one event. */
  generate(rng: Random): TruthEvent;
}

const M_W = 80.38, G_W = 2.09, M_Z = 91.19, G_Z = 2.50, M_T = 172.5, M_B = 4.8;

function emptyEvent(): TruthEvent {
  return { objects: [], invisible: [] };
}

/** A τ lepton: 35 % leptonic (e or μ with part of the momentum), else a jet; the rest is invisible. */
function addTau(ev: TruthEvent, v: Vec4, charge: number, rng: Random): void {
  const leptonic = rng.random() < 0.35;
  const f = leptonic ? rng.uniform(0.2, 0.8) : rng.uniform(0.4, 0.9);
  const seen: Vec4 = { E: v.E * f, px: v.px * f, py: v.py * f, pz: v.pz * f };
  ev.objects.push(leptonic ? { v: seen, kind: rng.random() < 0.5 ? 11 : 13, charge } : { v: seen, kind: 1, charge: 0 });
  ev.invisible.push({ E: v.E - seen.E, px: v.px - seen.px, py: v.py - seen.py, pz: v.pz - seen.pz });
}

/** Adds a charged lepton of flavour 11, 13 or 15 (τ, decayed). */
function addLepton(ev: TruthEvent, v: Vec4, flavour: 11 | 13 | 15, charge: number, rng: Random): void {
  if (flavour === 15) addTau(ev, v, charge, rng);
  else ev.objects.push({ v, kind: flavour, charge });
}

/** W → ℓν (ℓ = e, μ, τ; 10.8 % each) or qq̄′; `forceLeptonic` picks among the three lepton flavours. */
function decayW(ev: TruthEvent, W: Vec4, charge: number, rng: Random, forceLeptonic = false): void {
  const u = forceLeptonic ? rng.random() * 0.324 : rng.random();
  const [a, b] = twoBodyDecay(W, 0, 0, rng);
  if (u < 0.324) {
    addLepton(ev, a, u < 0.108 ? 11 : u < 0.216 ? 13 : 15, charge, rng);
    ev.invisible.push(b);
  } else {
    ev.objects.push({ v: a, kind: 1, charge: 0 }, { v: b, kind: 1, charge: 0 });
  }
}

/** Z → ℓℓ (3.37 % each), νν (20 %) or qq̄ (69.9 %, 22 % of it bb̄). */
function decayZ(ev: TruthEvent, Z: Vec4, rng: Random): void {
  const u = rng.random();
  const [a, b] = twoBodyDecay(Z, 0, 0, rng);
  if (u < 0.101) {
    const flavour = u < 0.0337 ? 11 : u < 0.0674 ? 13 : 15;
    addLepton(ev, a, flavour, -1, rng);
    addLepton(ev, b, flavour, 1, rng);
  } else if (u < 0.301) {
    ev.invisible.push(a, b);
  } else {
    const kind = rng.random() < 0.22 ? 5 : 1;
    ev.objects.push({ v: a, kind, charge: 0 }, { v: b, kind, charge: 0 });
  }
}

/** t → bW with the W decayed. */
function decayTop(ev: TruthEvent, t: Vec4, charge: number, rng: Random): void {
  const mW = breitWigner(M_W, G_W, 50, M_T - M_B - 1, rng);
  const [b, W] = twoBodyDecay(t, M_B, mW, rng);
  ev.objects.push({ v: b, kind: 5, charge: 0 });
  decayW(ev, W, charge, rng);
}

/** Initial-state radiation: Poisson(`mean`) extra gluon jets, pT ∝ pT^−3 above 15 GeV, |η| ≲ 3. */
function addRadiation(ev: TruthEvent, mean: number, rng: Random): void {
  const k = rng.poisson(mean);
  for (let i = 0; i < k; i++) {
    const pt = rng.powerLaw(3, 15, 1000);
    ev.objects.push({ v: fromPtYPhiM(pt, rng.normal(0, 1.6), rng.uniform(-Math.PI, Math.PI), 0), kind: 1, charge: 0 });
  }
}

/** A system of mass `m` with exponential pT (mean `ptMean`) and Gaussian rapidity (σ `ySigma`). */
function system(m: number, ptMean: number, ySigma: number, rng: Random): Vec4 {
  return fromPtYPhiM(rng.exponential(1 / ptMean), rng.normal(0, ySigma), rng.uniform(-Math.PI, Math.PI), m);
}

function ttbar(rng: Random): TruthEvent {
  const ev = emptyEvent();
  const pair = system(2 * M_T + 20 + rng.exponential(1 / 180), 40, 0.9, rng);
  const [t1, t2] = twoBodyDecay(pair, M_T, M_T, rng);
  decayTop(ev, t1, 1, rng);
  decayTop(ev, t2, -1, rng);
  addRadiation(ev, 0.9, rng);
  return ev;
}

function singleTop(rng: Random): TruthEvent {
  const ev = emptyEvent();
  const pair = system(M_T + 60 + rng.exponential(1 / 150), 30, 1.0, rng);
  const [t, q] = twoBodyDecay(pair, M_T, 0, rng);
  decayTop(ev, t, rng.random() < 0.6 ? 1 : -1, rng);
  ev.objects.push({ v: q, kind: 1, charge: 0 });
  addRadiation(ev, 0.5, rng);
  return ev;
}

function wJets(rng: Random): TruthEvent {
  const ev = emptyEvent();
  const W = system(breitWigner(M_W, G_W, 40, 400, rng), 22, 1.3, rng);
  decayW(ev, W, rng.random() < 0.58 ? 1 : -1, rng, true);
  addRadiation(ev, 1.3, rng);
  return ev;
}

function zJets(rng: Random): TruthEvent {
  const ev = emptyEvent();
  const m = rng.random() < 0.95 ? breitWigner(M_Z, G_Z, 40, 150, rng) : rng.powerLaw(3.5, 110, 4000); // Drell–Yan tail
  const Z = system(m, 20, 1.3, rng);
  const [a, b] = twoBodyDecay(Z, 0, 0, rng);
  const u = rng.random();
  const flavour = u < 1 / 3 ? 11 : u < 2 / 3 ? 13 : 15;
  addLepton(ev, a, flavour, -1, rng);
  addLepton(ev, b, flavour, 1, rng);
  addRadiation(ev, 1.0, rng);
  return ev;
}

/**
 * The two bosons' Breit–Wigner masses (width 2.2 GeV, within ±10 GeV of the pole), redrawn until
 * they fit into the pair's mass M (the kinematically allowed region): the pair is generated at least
 * 10 GeV above m1 + m2, but both tails together reach 20 GeV, so about 4 in 10⁵ diboson events did not
 * fit and stopped the simulation (`twoBodyMomentum` throws; 8·10⁴ events with seed 8 met one, 10⁶
 * events expect about three). After 100 tries (never seen) the pole masses are used.
 */
export function bosonMasses(M: number, m1: number, m2: number, rng: Random): [number, number] {
  for (let t = 0; t < 100; t++) {
    const d1 = breitWigner(m1, 2.2, m1 - 10, m1 + 10, rng), d2 = breitWigner(m2, 2.2, m2 - 10, m2 + 10, rng);
    if (d1 + d2 < M) return [d1, d2];
  }
  return [m1, m2]; // the poles fit: the pair is generated ≥ 10 GeV above m1 + m2
}

function diboson(rng: Random): TruthEvent {
  const ev = emptyEvent();
  const u = rng.random();
  const [m1, m2] = u < 0.5 ? [M_W, M_W] : u < 0.8 ? [M_W, M_Z] : [M_Z, M_Z];
  const pair = system(m1 + m2 + 10 + rng.exponential(1 / 200), 30, 1.0, rng);
  const [d1, d2] = bosonMasses(mass(pair), m1, m2, rng);
  const [v1, v2] = twoBodyDecay(pair, d1, d2, rng);
  for (const [v, m, q] of [[v1, m1, 1], [v2, m2, -1]] as const) {
    if (m === M_W) decayW(ev, v, q, rng);
    else decayZ(ev, v, rng);
  }
  addRadiation(ev, 0.6, rng);
  return ev;
}

/** Z′ of mass `M` GeV (width 3 % of M) → e⁺e⁻ / μ⁺μ⁻ (`ll`) or qq̄ (`jj`). */
function zPrime(M: number, channel: 'll' | 'jj'): (rng: Random) => TruthEvent {
  return (rng) => {
    const ev = emptyEvent();
    const Zp = system(breitWigner(M, 0.03 * M, 0.6 * M, 1.4 * M, rng), 25 + 0.02 * M, Math.max(0.5, 1 - M / 5000), rng);
    const [a, b] = twoBodyDecay(Zp, 0, 0, rng);
    if (channel === 'll') {
      const flavour = rng.random() < 0.5 ? 11 : 13;
      ev.objects.push({ v: a, kind: flavour, charge: -1 }, { v: b, kind: flavour, charge: 1 });
    } else {
      const kind = rng.random() < 0.22 ? 5 : 1;
      ev.objects.push({ v: a, kind, charge: 0 }, { v: b, kind, charge: 0 });
    }
    addRadiation(ev, 0.8, rng);
    return ev;
  };
}

/** Z′ masses simulated by default, GeV. */
export const ZPRIME_MASSES_GEV = [500, 1000, 2000, 3000] as const;

/** σ·B(Z′ → ℓℓ) in pb for mass M GeV (e + μ), a smooth SSM-like fall: 2 pb at 0.5 TeV, ~1 fb at 3 TeV. */
export function zPrimeXsecPb(massGeV: number): number {
  return 2 * Math.exp(-(massGeV - 500) / 330) * Math.pow(500 / massGeV, 1.2);
}

/**
 * Signal cross sections are the SSM-like curve × this factor: 1/100, a Z′ whose couplings are 10×
 * weaker than the SSM's, so that the expected significance in 10 fb⁻¹ is a few σ — the interesting regime.
 */
export const DEFAULT_SIGNAL_XSEC_SCALE = 0.01;

/**
 * The default process list: backgrounds with their share of the generated sample, and the Z′
 * signals sharing `signalFraction` (default 1 %) of it equally (8 samples: 4 masses × ℓℓ, jj).
 * Z′ → jj has 10× the ℓℓ rate (colour and three generations of quarks); all signal σ are scaled by `signalXsecScale`.
 */
export function defaultProcesses(signalFraction = 0.01, massesGeV: readonly number[] = ZPRIME_MASSES_GEV, signalXsecScale = DEFAULT_SIGNAL_XSEC_SCALE): ProcessSpec[] {
  const bg = 1 - signalFraction;
  const processes: ProcessSpec[] = [
    { name: 'ttbar', xsecPb: 830, fraction: 0.22 * bg, signal: false, generate: ttbar },
    { name: 'single_top', xsecPb: 250, fraction: 0.07 * bg, signal: false, generate: singleTop },
    { name: 'Wjets', xsecPb: 60000, fraction: 0.36 * bg, signal: false, generate: wJets },
    { name: 'Zjets', xsecPb: 6000, fraction: 0.28 * bg, signal: false, generate: zJets },
    { name: 'diboson', xsecPb: 120, fraction: 0.07 * bg, signal: false, generate: diboson },
  ];
  const share = signalFraction / (2 * massesGeV.length);
  for (const M of massesGeV) {
    processes.push({ name: `Zprime_ll_${M}`, xsecPb: signalXsecScale * zPrimeXsecPb(M), fraction: share, signal: true, massGeV: M, generate: zPrime(M, 'll') });
    processes.push({ name: `Zprime_jj_${M}`, xsecPb: 10 * signalXsecScale * zPrimeXsecPb(M), fraction: share, signal: true, massGeV: M, generate: zPrime(M, 'jj') });
  }
  return processes;
}
