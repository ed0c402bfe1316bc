/**
 * The event generator's 28-dimensional event vector, and back. The talk's β-VAE "generates events in
 * 28D" (seed 002, "Event generators using VAE" slide) without listing the 28; for tt̄ (up to 14 jets,
 * at most 2 leptons, no photons in our simulation) we take:
 *
 *   log(1 + MET)                                       1
 *   nJets, nBJets (all jets of the event, as counts)   2
 *   log(1 + Σ pT of the jets beyond the 6th)           1
 *   6 leading jets:    log(1 + pT), η, φ               18
 *   2 leading leptons: log(1 + pT), η, φ               6
 *                                                     --
 *                                                     28
 *
 * (GeV; φ relative to the MET direction, so METphi is 0 and not a feature; missing slots hold zeros.)
 * Why counts: a slot layout of K objects cannot hold the events with more than K jets — with the
 * notebook's 6 object slots that alone puts the KS distance of the jet multiplicity at ≈ 0.3
 * (`truncatedMultiplicityKs` in `../model/generator.ts`). The jets beyond the 6th are kept as their count and summed pT.
 *
 * Decoding (`generatorMatrixToEvents`, for continuous decoder outputs): counts are rounded to the
 * nearest integer (nJets ≥ 0, 0 ≤ nBJets ≤ nJets); the first min(nJets, 6) jet slots become jets,
 * nBJets of them (drawn at random) b-tagged; each of the nJets − 6 further jets gets an equal share of
 * the summed pT (at least the 20 GeV jet threshold), η = 0 and a uniform φ — a stand-in, since the
 * vector keeps only their count and summed pT. A lepton slot is an object when its log(1 + pT) is above
 * half of log(1 + 15 GeV) (the lepton threshold; a missing slot is 0); its flavour and charge are drawn
 * uniformly from e∓, μ∓ (equally frequent in tt̄). Energies are massless, E = pT cosh η.
 *
 * Used by `../model/generator.ts` and notebook 04-darkmachines.
 */
import type { Random } from '../../random';
import { isLepton, type DmEvent, type DmObject, type ObjectCode } from './event';
import { wrapPhi, type Matrix } from './features';

export const GEN_JET_SLOTS = 6;
export const GEN_LEPTON_SLOTS = 2;
const HEAD = ['logMET', 'nJets', 'nBJets', 'logHTrest'];
const SLOT = ['logPt', 'eta', 'phi'];

/** The 28 column names, e.g. `logMET`, `nJets`, `jet0_logPt`, …, `lep1_phi`. */
export const GENERATOR_FEATURES: readonly string[] = [
  ...HEAD,
  ...Array.from({ length: GEN_JET_SLOTS }, (_, k) => SLOT.map((s) => `jet${k}_${s}`)).flat(),
  ...Array.from({ length: GEN_LEPTON_SLOTS }, (_, k) => SLOT.map((s) => `lep${k}_${s}`)).flat(),
];

const JET_AT = HEAD.length;
const LEP_AT = JET_AT + GEN_JET_SLOTS * SLOT.length;
/** The jet pT threshold of the detector response (GeV). */
const JET_PT_MIN = 20;
/** Lepton slots count as present above half of log(1 + 15 GeV) (15 GeV: the lepton threshold). */
const LEPTON_PRESENT = 0.5 * Math.log1p(15);
const LEPTON_CODES: readonly ObjectCode[] = ['e-', 'e+', 'm-', 'm+'];

/** A light or b-tagged jet. */
export const isJetObject = (o: DmObject): boolean => o.type === 'j' || o.type === 'b';
const byPt = (a: DmObject, b: DmObject) => b.pt - a.pt;

/** Events → n × 28 matrix (see the file header). Photons, if any, are not represented. */
export function eventsToGeneratorMatrix(events: readonly DmEvent[]): Matrix {
  const cols = GENERATOR_FEATURES.length;
  const data = new Float32Array(events.length * cols);
  events.forEach((ev, i) => {
    const row = i * cols;
    const jets = ev.objects.filter(isJetObject).sort(byPt);
    data[row] = Math.log1p(ev.MET);
    data[row + 1] = jets.length;
    data[row + 2] = jets.filter((o) => o.type === 'b').length;
    data[row + 3] = Math.log1p(jets.slice(GEN_JET_SLOTS).reduce((s, o) => s + o.pt, 0));
    const put = (o: DmObject, at: number) => data.set([Math.log1p(o.pt), o.eta, wrapPhi(o.phi - ev.METphi)], row + at);
    jets.slice(0, GEN_JET_SLOTS).forEach((o, k) => put(o, JET_AT + 3 * k));
    ev.objects.filter((o) => isLepton(o.type)).sort(byPt).slice(0, GEN_LEPTON_SLOTS).forEach((o, k) => put(o, LEP_AT + 3 * k));
  });
  return { data, rows: events.length, cols };
}

/** A massless object from (pT, η, φ). */
function object(type: ObjectCode, pt: number, eta: number, phi: number): DmObject {
  return { type, E: pt * Math.cosh(eta), pt, eta, phi: wrapPhi(phi) };
}

/** The jets of one decoded row: slots, b-tags, and the stand-ins beyond the 6th (see the file header). */
function decodeJets(x: Float32Array, row: number, rng: Random): DmObject[] {
  const nJets = Math.max(0, Math.round(x[row + 1]));
  const nB = Math.min(nJets, Math.max(0, Math.round(x[row + 2])));
  const jets: DmObject[] = [];
  for (let k = 0; k < Math.min(nJets, GEN_JET_SLOTS); k++) {
    const at = row + JET_AT + 3 * k;
    jets.push(object('j', Math.max(JET_PT_MIN, Math.expm1(x[at])), x[at + 1], x[at + 2]));
  }
  const extra = nJets - jets.length;
  const share = extra > 0 ? Math.max(JET_PT_MIN, Math.expm1(x[row + 3]) / extra) : 0;
  for (let k = 0; k < extra; k++) jets.push(object('j', share, 0, rng.uniform(-Math.PI, Math.PI)));
  for (const k of rng.sampleIndices(jets.length, nB)) jets[k] = { ...jets[k], type: 'b' };
  return jets;
}

/** Matrix rows (unscaled, e.g. decoded) → events in the frame METphi = 0 (see the file header). */
export function generatorMatrixToEvents(X: Matrix, rng: Random, process = 'generated'): DmEvent[] {
  if (X.cols !== GENERATOR_FEATURES.length) throw new RangeError(`generatorMatrixToEvents: ${X.cols} columns, expected ${GENERATOR_FEATURES.length}`);
  const out: DmEvent[] = [];
  for (let i = 0; i < X.rows; i++) {
    const row = i * X.cols;
    const objects = decodeJets(X.data, row, rng);
    for (let k = 0; k < GEN_LEPTON_SLOTS; k++) {
      const at = row + LEP_AT + 3 * k;
      if (X.data[at] > LEPTON_PRESENT) objects.push(object(LEPTON_CODES[rng.integer(0, LEPTON_CODES.length)], Math.expm1(X.data[at]), X.data[at + 1], X.data[at + 2]));
    }
    out.push({ id: String(i + 1), process, weight: 1, MET: Math.max(0, Math.expm1(X.data[row])), METphi: 0, objects: objects.sort(byPt) });
  }
  return out;
}

/** Column-wise standardisation (mean and 1/n standard deviation over all rows; constant columns keep std 1). */
export class StandardScaler {
  private constructor(readonly mean: Float64Array, readonly std: Float64Array) {}

  static fit(X: Matrix): StandardScaler {
    const mean = new Float64Array(X.cols), sq = new Float64Array(X.cols);
    for (let k = 0; k < X.data.length; k++) mean[k % X.cols] += X.data[k] / X.rows;
    for (let k = 0; k < X.data.length; k++) sq[k % X.cols] += (X.data[k] - mean[k % X.cols]) ** 2 / X.rows;
    return new StandardScaler(mean, sq.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)));
  }

  transform(X: Matrix): Matrix {
    return this.map(X, (v, j) => (v - this.mean[j]) / this.std[j]);
  }

  inverse(X: Matrix): Matrix {
    return this.map(X, (v, j) => v * this.std[j] + this.mean[j]);
  }

  private map(X: Matrix, f: (v: number, col: number) => number): Matrix {
    if (X.cols !== this.mean.length) throw new RangeError(`StandardScaler: ${X.cols} columns, fitted on ${this.mean.length}`);
    return { data: X.data.map((v, k) => f(v, k % X.cols)), rows: X.rows, cols: X.cols };
  }
}
