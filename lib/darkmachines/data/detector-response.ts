/**
 * A parametrised detector for the DarkMachines toy: turns truth particles (`processes.ts`) into the
 * challenge's reconstructed objects and missing transverse energy.
 *
 * - Object acceptance as in the challenge's Delphes set-up (arXiv 2105.14027, Sec. 2.2): jets
 *   pT > 20 GeV, |η| < 2.8; electrons and muons pT > 15 GeV, |η| < 2.7; photons pT > 20 GeV, |η| < 2.37.
 * - Jet energy resolution σ_E/E = 100 %/√E ⊕ 5 % (ATLAS-like), with a 2 % chance of a badly
 *   mismeasured jet (response 0.4–0.9): the source of fake MET in QCD multijet events.
 *   Leptons and photons 2 %. b-tagging: 70 % efficiency, 1 % light-jet mistag.
 * - MET = |−Σ pT| over all measured visible particles with |η| < 4.9 (also those below the object
 *   thresholds) plus a Gaussian soft term of 10 GeV per component. Neutrinos and neutralinos are
 *   never measured, so they appear as MET.
 *
 * Used by `simulator.ts` (notebook 04-darkmachines).
 */
import type { Random } from '../../random';
import type { DmObject, ObjectCode } from './event';
import { eta, phi, pt, scale } from '../../kinematics';
import type { TruthParticle } from './processes';

/** Tunable detector settings (defaults as in the file header). */
export interface DetectorOptions {
  bTagEfficiency?: number;
  mistagRate?: number;
  /** probability that a jet is badly mismeasured */
  jetTailProbability?: number;
  /** soft-term MET resolution per component, GeV */
  softMetSigma?: number;
}

/** Reconstructed objects (by decreasing pT) and MET (GeV, rad) of one event. */
export interface Reconstructed {
  objects: DmObject[];
  MET: number;
  METphi: number;
}

function smearFactor(rng: Random, particle: TruthParticle, opts: Required<DetectorOptions>): number {
  if (particle.kind === 'q' || particle.kind === 'b' || particle.kind === 'tau') {
    const E = Math.max(particle.p.E, 1);
    const sigma = Math.hypot(1 / Math.sqrt(E), 0.05);
    const tail = rng.random() < opts.jetTailProbability ? rng.uniform(0.4, 0.9) : 1;
    return Math.max(0.05, tail * (1 + rng.normal(0, sigma)));
  }
  return Math.max(0.05, 1 + rng.normal(0, 0.02));
}

function objectCode(rng: Random, particle: TruthParticle, opts: Required<DetectorOptions>): ObjectCode {
  switch (particle.kind) {
    case 'b':
      return rng.random() < opts.bTagEfficiency ? 'b' : 'j';
    case 'e':
      return particle.charge < 0 ? 'e-' : 'e+';
    case 'm':
      return particle.charge < 0 ? 'm-' : 'm+';
    case 'g':
      return 'g';
    default:
      return rng.random() < opts.mistagRate ? 'b' : 'j';
  }
}

/** Whether a reconstructed object of this code passes the challenge's pT and |η| requirements. */
export function accepted(code: ObjectCode, ptGeV: number, etaAbs: number): boolean {
  if (code === 'j' || code === 'b') return ptGeV > 20 && etaAbs < 2.8;
  if (code === 'g') return ptGeV > 20 && etaAbs < 2.37;
  return ptGeV > 15 && etaAbs < 2.7;
}

/** Applies resolution, identification, acceptance and computes MET for one event's truth particles. */
export function reconstruct(particles: readonly TruthParticle[], rng: Random, options: DetectorOptions = {}): Reconstructed {
  const opts: Required<DetectorOptions> = { bTagEfficiency: 0.7, mistagRate: 0.01, jetTailProbability: 0.02, softMetSigma: 10, ...options };
  let mx = rng.normal(0, opts.softMetSigma), my = rng.normal(0, opts.softMetSigma);
  const objects: DmObject[] = [];
  for (const particle of particles) {
    if (particle.kind === 'inv') continue;
    const p = scale(particle.p, smearFactor(rng, particle, opts));
    const e = eta(p);
    if (Math.abs(e) > 4.9) continue; // down the beam pipe: not measured at all
    mx -= p.px;
    my -= p.py;
    const code = objectCode(rng, particle, opts);
    const ptGeV = pt(p);
    if (accepted(code, ptGeV, Math.abs(e))) objects.push({ type: code, E: p.E, pt: ptGeV, eta: e, phi: phi(p) });
  }
  objects.sort((a, b) => b.pt - a.pt);
  return { objects, MET: Math.hypot(mx, my), METphi: Math.atan2(my, mx) };
}
