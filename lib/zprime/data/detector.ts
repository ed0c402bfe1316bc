/**
 * A simple ATLAS-like detector response for the Z′ simulator: Gaussian momentum resolution, the
 * acceptance and identification efficiency of electrons, muons and jets, a b-tagging score shaped
 * like MV2c10 (−1 … 1, b jets mostly above the 77 % working point 0.83) and missing transverse
 * momentum from neutrinos, lost objects, resolution and soft-term noise.
 *
 * Resolutions (pT in GeV): electrons σ/pT = 0.1/√pT ⊕ 0.015; muons σ/pT = 0.015 ⊕ 1e-4·pT (the
 * curvature term that dominates at TeV); jets σ/pT = 0.6/√pT ⊕ 0.03 and a final-state-radiation
 * loss. Orders of magnitude from ATLAS performance papers (Eur. Phys. J. C 76 (2016) 292, 77 (2017) 466).
 *
 * Used by `simulator.ts` (notebook 05-zprime).
 */
import type { Random } from '../../random';
import type { EventRecord, JetRecord, LeptonRecord } from './events';
import { eta as etaOf, fromPtEtaPhiM, phi as phiOf, pt as ptOf, type Vec4 } from '../../kinematics';
import type { TruthEvent } from './processes';

/** Lowest reconstructed lepton pT, GeV (ATLAS Open Data 13 TeV ntuples keep leptons above 7 GeV). */
export const LEPTON_PT_MIN_GEV = 7;
/** Lowest reconstructed jet pT, GeV. */
export const JET_PT_MIN_GEV = 20;
/** MV2c10 value of the 77 % b-tagging working point. */
export const MV2C10_77 = 0.8244;

const MEV = 1000;

function relResolution(kind: number, pt: number): number {
  if (kind === 11) return Math.hypot(0.1 / Math.sqrt(pt), 0.015);
  if (kind === 13) return Math.hypot(0.015, 1e-4 * pt);
  return Math.hypot(0.6 / Math.sqrt(pt), 0.03);
}

/** MV2c10-like score: b jets peak near 1, light jets near −1 (about 1 % above the 77 % point). */
export function mv2c10(isB: boolean, rng: Random): number {
  const u = rng.random();
  if (isB) return u < 0.77 ? MV2C10_77 + (1 - MV2C10_77) * Math.sqrt(rng.random()) : -1 + (1 + MV2C10_77) * Math.sqrt(rng.random());
  return u < 0.01 ? MV2C10_77 + (1 - MV2C10_77) * rng.random() : -1 + (1 + MV2C10_77) * Math.pow(rng.random(), 3);
}

/**
 * Reconstructs one truth event: smears and selects objects, builds MET, converts to MeV.
 * `mcWeight`, `XSection`, `SumWeights`, `process` and `label` are filled in by the caller.
 */
export function reconstruct(truth: TruthEvent, rng: Random): Omit<EventRecord, 'mcWeight' | 'XSection' | 'SumWeights' | 'process' | 'label'> {
  const leptons: LeptonRecord[] = [];
  const jets: JetRecord[] = [];
  let mex = 0, mey = 0; // −(Σ visible reco) accumulates as (true − reco) of visible + invisible truth
  for (const nu of truth.invisible) {
    mex += nu.px;
    mey += nu.py;
  }
  for (const o of truth.objects) {
    const pt = ptOf(o.v), eta = etaOf(o.v), phi = phiOf(o.v);
    const isLepton = o.kind === 11 || o.kind === 13;
    const fsr = isLepton ? 1 : 1 - Math.abs(rng.normal(0, 0.06)); // out-of-cone radiation
    const ptReco = pt * fsr * Math.max(0.05, 1 + rng.normal(0, relResolution(o.kind, pt)));
    const reco = accept(o.kind, ptReco, eta, rng);
    const seen = reco ? ptReco : 0;
    mex += (pt - seen) * Math.cos(phi);
    mey += (pt - seen) * Math.sin(phi);
    if (!reco) continue;
    if (isLepton) {
      const v = fromPtEtaPhiM(ptReco, eta, phi, o.kind === 11 ? 0.000511 : 0.1057);
      leptons.push({ pt: ptReco * MEV, eta, phi, E: v.E * MEV, charge: o.charge, type: o.kind });
    } else {
      const v: Vec4 = fromPtEtaPhiM(ptReco, eta, phi, Math.abs(rng.normal(0.08, 0.03)) * ptReco);
      jets.push({ pt: ptReco * MEV, eta, phi, E: v.E * MEV, MV2c10: mv2c10(o.kind === 5, rng) });
    }
  }
  mex += rng.normal(0, 8); // soft term and pile-up, GeV
  mey += rng.normal(0, 8);
  return { leptons, jets, met_et: Math.hypot(mex, mey) * MEV, met_phi: Math.atan2(mey, mex) };
}

/** Acceptance × identification efficiency of one object. */
function accept(kind: number, pt: number, eta: number, rng: Random): boolean {
  if (kind === 11) return pt > LEPTON_PT_MIN_GEV && Math.abs(eta) < 2.47 && rng.random() < 0.9;
  if (kind === 13) return pt > LEPTON_PT_MIN_GEV && Math.abs(eta) < 2.5 && rng.random() < 0.95;
  return pt > JET_PT_MIN_GEV && Math.abs(eta) < 2.5;
}
