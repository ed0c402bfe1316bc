/**
 * From events to the table the classifiers see: per event, the kinematics of the two leading
 * leptons and jets, MET and HT as continuous columns (GeV, rad), and small integer columns for the
 * categorical quantities (multiplicities, lepton flavours, charge product, b-tag count) that the
 * tabular network embeds. Also the invariant masses of the two leading leptons and jets (the seed's
 * formula, `lib/kinematics.ts`), kept beside the features, not in them, for the mass plots.
 *
 * Used by notebook 05-zprime: `extractFeatures(table, lumiFb)` per streamed chunk, then `concatFeatures`.
 */
import { MV2C10_77 } from './detector';
import { eventWeights, jetN, lepN, type EventTable } from './events';
import { invariantMassPtEtaPhi } from '../../kinematics';

/** Continuous columns (GeV for momenta and energies; 0 when the object is absent). */
export const CONTINUOUS_FEATURES = [
  'lep_pt_1', 'lep_eta_1', 'lep_E_1', 'lep_pt_2', 'lep_eta_2', 'lep_E_2', 'dphi_ll',
  'jet_pt_1', 'jet_eta_1', 'jet_E_1', 'jet_MV2c10_1', 'jet_pt_2', 'jet_eta_2', 'jet_E_2', 'jet_MV2c10_2', 'dphi_jj',
  'met_et', 'HT',
] as const;

/** Categorical columns and their number of levels: lep_n 0…3+, jet_n 0…6+, flavour none/e/μ, charge product none/opposite/same, b-tags 0…3+. */
export const CATEGORICAL_FEATURES = [
  { name: 'lep_n', levels: 4 },
  { name: 'jet_n', levels: 7 },
  { name: 'lep_type_1', levels: 3 },
  { name: 'lep_type_2', levels: 3 },
  { name: 'lep_charge_product', levels: 3 },
  { name: 'n_btag', levels: 4 },
] as const;

/** The feature table of `n` events. */
export interface FeatureSet {
  n: number;
  /** Row-major [n, CONTINUOUS_FEATURES.length]. */
  cont: Float32Array;
  /** Row-major [n, CATEGORICAL_FEATURES.length], level indices. */
  cat: Int32Array;
  /** 1 = Z′ signal. */
  label: Uint8Array;
  /** Physics weight: expected events in the luminosity given to `extractFeatures`. */
  weight: Float64Array;
  /** Process index into `processNames`. */
  process: Uint8Array;
  processNames: readonly string[];
  /** Invariant mass of the two leading leptons, GeV (NaN with fewer than two). */
  mll: Float32Array;
  /** Invariant mass of the two leading jets, GeV (NaN with fewer than two). */
  mjj: Float32Array;
}

const GEV = 1e-3;

/** Δφ wrapped to [0, π]. */
export function deltaPhi(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return d > Math.PI ? 2 * Math.PI - d : d;
}

/**
 * Invariant mass (GeV) of the two leading objects of each event: leptons (`'lep'`) or jets (`'jet'`);
 * NaN for events with fewer than two. M² = 2 pT1 pT2 (cosh Δη − cos Δφ) (seed §4.1).
 */
export function leadingPairMass(t: EventTable, objects: 'lep' | 'jet'): Float32Array {
  const out = new Float32Array(t.n);
  const [off, pt, eta, phi] = objects === 'lep' ? [t.lepOffsets, t.lep.lep_pt, t.lep.lep_eta, t.lep.lep_phi] : [t.jetOffsets, t.jet.jet_pt, t.jet.jet_eta, t.jet.jet_phi];
  for (let e = 0; e < t.n; e++) {
    const i = off[e];
    out[e] = off[e + 1] - i < 2 ? NaN : invariantMassPtEtaPhi(pt[i], eta[i], phi[i], pt[i + 1], eta[i + 1], phi[i + 1]) * GEV;
  }
  return out;
}

function flavourLevel(type: number): number {
  return type === 11 ? 1 : type === 13 ? 2 : 0;
}

/** Features of every event of `t`; weights are expected events in `lumiFb` fb⁻¹ (times `weightScale`). */
export function extractFeatures(t: EventTable, lumiFb: number, weightScale = 1): FeatureSet {
  const dc = CONTINUOUS_FEATURES.length, dk = CATEGORICAL_FEATURES.length;
  const cont = new Float32Array(t.n * dc), cat = new Int32Array(t.n * dk);
  const { lep_pt, lep_eta, lep_phi, lep_E, lep_type, lep_charge } = t.lep;
  const { jet_pt, jet_eta, jet_phi, jet_E, jet_MV2c10 } = t.jet;
  for (let e = 0; e < t.n; e++) {
    const nl = lepN(t, e), nj = jetN(t, e), l = t.lepOffsets[e], j = t.jetOffsets[e];
    const c = cont.subarray(e * dc, (e + 1) * dc);
    if (nl >= 1) [c[0], c[1], c[2]] = [lep_pt[l] * GEV, lep_eta[l], lep_E[l] * GEV];
    if (nl >= 2) [c[3], c[4], c[5], c[6]] = [lep_pt[l + 1] * GEV, lep_eta[l + 1], lep_E[l + 1] * GEV, deltaPhi(lep_phi[l], lep_phi[l + 1])];
    if (nj >= 1) [c[7], c[8], c[9], c[10]] = [jet_pt[j] * GEV, jet_eta[j], jet_E[j] * GEV, jet_MV2c10[j]];
    else c[10] = -1;
    if (nj >= 2) [c[11], c[12], c[13], c[14], c[15]] = [jet_pt[j + 1] * GEV, jet_eta[j + 1], jet_E[j + 1] * GEV, jet_MV2c10[j + 1], deltaPhi(jet_phi[j], jet_phi[j + 1])];
    else c[14] = -1;
    c[16] = t.scalar.met_et[e] * GEV;
    let ht = 0, nb = 0;
    for (let k = j; k < j + nj; k++) {
      ht += jet_pt[k] * GEV;
      if (jet_MV2c10[k] > MV2C10_77) nb++;
    }
    c[17] = ht;
    const k = cat.subarray(e * dk, (e + 1) * dk);
    k[0] = Math.min(nl, 3);
    k[1] = Math.min(nj, 6);
    k[2] = nl >= 1 ? flavourLevel(lep_type[l]) : 0;
    k[3] = nl >= 2 ? flavourLevel(lep_type[l + 1]) : 0;
    k[4] = nl >= 2 ? (lep_charge[l] * lep_charge[l + 1] < 0 ? 1 : 2) : 0;
    k[5] = Math.min(nb, 3);
  }
  return {
    n: t.n, cont, cat, label: t.label.slice(), weight: eventWeights(t, lumiFb, weightScale), process: t.process.slice(),
    processNames: t.processNames, mll: leadingPairMass(t, 'lep'), mjj: leadingPairMass(t, 'jet'),
  };
}

/** Concatenates feature sets (e.g. of streamed chunks) with the same process list. */
export function concatFeatures(sets: readonly FeatureSet[]): FeatureSet {
  if (sets.length === 0) throw new RangeError('concatFeatures: no feature sets');
  const cat = <T extends Float32Array | Int32Array | Uint8Array | Float64Array>(get: (s: FeatureSet) => T, make: (n: number) => T): T => {
    const out = make(sets.reduce((s, f) => s + get(f).length, 0));
    let o = 0;
    for (const s of sets) {
      out.set(get(s) as never, o);
      o += get(s).length;
    }
    return out;
  };
  return {
    n: sets.reduce((s, f) => s + f.n, 0),
    cont: cat((s) => s.cont, (n) => new Float32Array(n)),
    cat: cat((s) => s.cat, (n) => new Int32Array(n)),
    label: cat((s) => s.label, (n) => new Uint8Array(n)),
    weight: cat((s) => s.weight, (n) => new Float64Array(n)),
    process: cat((s) => s.process, (n) => new Uint8Array(n)),
    processNames: sets[0].processNames,
    mll: cat((s) => s.mll, (n) => new Float32Array(n)),
    mjj: cat((s) => s.mjj, (n) => new Float32Array(n)),
  };
}

/** The rows `rows` of a feature set (weights multiplied by `weightScale`, e.g. 1 / test fraction). */
export function takeFeatures(f: FeatureSet, rows: ArrayLike<number>, weightScale = 1): FeatureSet {
  const dc = CONTINUOUS_FEATURES.length, dk = CATEGORICAL_FEATURES.length, n = rows.length;
  const out: FeatureSet = {
    n, cont: new Float32Array(n * dc), cat: new Int32Array(n * dk), label: new Uint8Array(n), weight: new Float64Array(n),
    process: new Uint8Array(n), processNames: f.processNames, mll: new Float32Array(n), mjj: new Float32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    out.cont.set(f.cont.subarray(r * dc, (r + 1) * dc), i * dc);
    out.cat.set(f.cat.subarray(r * dk, (r + 1) * dk), i * dk);
    out.label[i] = f.label[r];
    out.weight[i] = f.weight[r] * weightScale;
    out.process[i] = f.process[r];
    out.mll[i] = f.mll[r];
    out.mjj[i] = f.mjj[r];
  }
  return out;
}

/** The table for the tree models: continuous then categorical columns, row-major Float32 [n, d]. */
export function treeMatrix(f: FeatureSet): { data: Float32Array; nFeatures: number; names: string[] } {
  const dc = CONTINUOUS_FEATURES.length, dk = CATEGORICAL_FEATURES.length, d = dc + dk;
  const data = new Float32Array(f.n * d);
  for (let i = 0; i < f.n; i++) {
    data.set(f.cont.subarray(i * dc, (i + 1) * dc), i * d);
    for (let k = 0; k < dk; k++) data[i * d + dc + k] = f.cat[i * dk + k];
  }
  return { data, nFeatures: d, names: [...CONTINUOUS_FEATURES, ...CATEGORICAL_FEATURES.map((c) => c.name)] };
}

/** Per-column mean and standard deviation of a row-major table (for normalising the network's inputs). */
export interface Standardizer {
  mean: Float32Array;
  std: Float32Array;
}

/** Fits mean and std (population; 1 where the std is 0) of each of the `d` columns of `X`. */
export function fitStandardizer(X: Float32Array, d: number): Standardizer {
  const n = X.length / d;
  const mean = new Float64Array(d), sq = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sq[j] += (X[i * d + j] - mean[j]) ** 2;
  const std = Float32Array.from(sq, (s) => Math.sqrt(s / n) || 1);
  return { mean: Float32Array.from(mean), std };
}

/** (X − mean) / std, column-wise, as a new array. */
export function standardize(X: Float32Array, s: Standardizer): Float32Array {
  const d = s.mean.length;
  const out = new Float32Array(X.length);
  for (let i = 0; i < X.length; i++) out[i] = (X[i] - s.mean[i % d]) / s.std[i % d];
  return out;
}
