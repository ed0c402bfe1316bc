/**
 * The seed's last step (§4): the invariant mass M = √(2 pT1 pT2 (cosh Δη − cos Δφ)) of the two leading
 * leptons and of the two leading jets, for the events a classifier calls signal (score ≥ its cut)
 * against the true signal; for all Z′ masses together and, as the seed suggested, one mass at a time.
 *
 * Used by notebook 05-zprime (through `figures.ts`).
 */
import { massesWhere } from '../data/dataset';
import type { FeatureSet } from '../data/features';

/** A classifier's selection: its name, its P(signal) per test event and its cut. */
export interface Selection {
  name: string;
  score: ArrayLike<number>;
  cut: number;
}

/** The leading-pair mass column of leptons (m_ll) or jets (m_jj), GeV. */
export function pairMass(f: FeatureSet, objects: 'lep' | 'jet'): Float32Array {
  return objects === 'lep' ? f.mll : f.mjj;
}

/** Masses (GeV, finite) of the events a selection calls signal. */
export function selectedMasses(f: FeatureSet, sel: Selection, objects: 'lep' | 'jet'): Float32Array {
  return massesWhere(pairMass(f, objects), (i) => sel.score[i] >= sel.cut);
}

/**
 * Masses (GeV) for one Z′ mass point, as the seed suggested (§4.1: "predict on one type of signal
 * file at a time"): among background plus the Z′ samples of mass `massGeV`, the leading-pair mass
 * of the events with `score ≥ cut` (predicted signal) and of the true Z′ → ℓℓ (objects 'lep', m_ll)
 * or Z′ → jj (objects 'jet', m_jj) events.
 */
export function massPointSeries(test: FeatureSet, score: ArrayLike<number>, cut: number, massGeV: number, objects: 'lep' | 'jet'): { predicted: Float32Array; truth: Float32Array } {
  const ofMass = new Set(test.processNames.flatMap((n, p) => (n.startsWith('Zprime_') && n.endsWith(`_${massGeV}`) ? [p] : [])));
  const channel = new Set(test.processNames.flatMap((n, p) => (ofMass.has(p) && n.includes(objects === 'lep' ? '_ll_' : '_jj_') ? [p] : [])));
  const mass = pairMass(test, objects);
  const inSample = (i: number) => test.label[i] === 0 || ofMass.has(test.process[i]);
  return {
    predicted: massesWhere(mass, (i) => inSample(i) && score[i] >= cut),
    truth: massesWhere(mass, (i) => channel.has(test.process[i])),
  };
}
