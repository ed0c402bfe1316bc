/**
 * The event table of the Z′ study: the per-event branches of the ATLAS Open Data 13 TeV ntuples
 * (TTree `mini`) held column-wise, with the jagged lepton and jet branches as one flat typed array
 * per branch plus offsets — no per-event objects, so a million events take ~100 MB.
 *
 * Momenta and energies in MeV, angles in rad. `lep_type` is |PDG id| (11 electron, 13 muon).
 * Weights follow the ntuples: w = mcWeight · XSection[pb] · 1000 · L[fb⁻¹] / SumWeights.
 *
 * Used by `simulator.ts`, `root-loader.ts`, `csv-loader.ts`, `features.ts`; notebook 05-zprime.
 */

/** Lepton branches (jagged, one entry per lepton). */
export const LEPTON_BRANCHES = ['lep_pt', 'lep_eta', 'lep_phi', 'lep_E', 'lep_charge', 'lep_type'] as const;
/** Jet branches (jagged, one entry per jet). */
export const JET_BRANCHES = ['jet_pt', 'jet_eta', 'jet_phi', 'jet_E', 'jet_MV2c10'] as const;
/** Per-event scalar branches. */
export const SCALAR_BRANCHES = ['met_et', 'met_phi', 'mcWeight', 'XSection', 'SumWeights'] as const;

export type LeptonBranch = (typeof LEPTON_BRANCHES)[number];
export type JetBranch = (typeof JET_BRANCHES)[number];
export type ScalarBranch = (typeof SCALAR_BRANCHES)[number];

/**
 * A block of `n` events. Lepton i of event e sits at flat index `lepOffsets[e] + i`
 * (`lepOffsets` has n + 1 entries; lep_n = lepOffsets[e+1] − lepOffsets[e]); jets likewise.
 * Objects are ordered by decreasing pT within an event.
 */
export interface EventTable {
  n: number;
  lepOffsets: Int32Array;
  lep: Record<LeptonBranch, Float32Array>;
  jetOffsets: Int32Array;
  jet: Record<JetBranch, Float32Array>;
  scalar: Record<ScalarBranch, Float32Array>;
  /** Index of each event's process in `processNames`. */
  process: Uint8Array;
  /** Process names (e.g. 'ttbar', 'Zprime_ll_1000'). */
  processNames: readonly string[];
  /** 1 for Z′ signal, 0 for SM background. */
  label: Uint8Array;
}

/** Number of leptons (lep_n) of event `e`. */
export function lepN(t: EventTable, e: number): number {
  return t.lepOffsets[e + 1] - t.lepOffsets[e];
}

/** Number of jets (jet_n) of event `e`. */
export function jetN(t: EventTable, e: number): number {
  return t.jetOffsets[e + 1] - t.jetOffsets[e];
}

/** One reconstructed object while building a table. */
export interface LeptonRecord {
  pt: number;
  eta: number;
  phi: number;
  E: number;
  charge: number;
  type: number;
}

/** One reconstructed jet while building a table. */
export interface JetRecord {
  pt: number;
  eta: number;
  phi: number;
  E: number;
  MV2c10: number;
}

/** One event while building a table (MeV). */
export interface EventRecord {
  leptons: LeptonRecord[];
  jets: JetRecord[];
  met_et: number;
  met_phi: number;
  mcWeight: number;
  XSection: number;
  SumWeights: number;
  process: number;
  label: number;
}

/** Builds an `EventTable` from events appended one at a time (objects sorted by decreasing pT). */
export class EventTableBuilder {
  private events: EventRecord[] = [];
  constructor(private readonly processNames: readonly string[]) {}

  /** Appends an event; returns the number of events so far. */
  push(event: EventRecord): number {
    return this.events.push(event);
  }

  get length(): number {
    return this.events.length;
  }

  /** The table of the events pushed so far; the builder is emptied. */
  build(): EventTable {
    const ev = this.events;
    this.events = [];
    const n = ev.length;
    const lepOffsets = new Int32Array(n + 1);
    const jetOffsets = new Int32Array(n + 1);
    for (let e = 0; e < n; e++) {
      lepOffsets[e + 1] = lepOffsets[e] + ev[e].leptons.length;
      jetOffsets[e + 1] = jetOffsets[e] + ev[e].jets.length;
    }
    const lep = allocate(LEPTON_BRANCHES, lepOffsets[n]);
    const jet = allocate(JET_BRANCHES, jetOffsets[n]);
    const scalar = allocate(SCALAR_BRANCHES, n);
    const process = new Uint8Array(n), label = new Uint8Array(n);
    for (let e = 0; e < n; e++) {
      const r = ev[e];
      const leptons = [...r.leptons].sort((a, b) => b.pt - a.pt);
      leptons.forEach((l, i) => {
        const k = lepOffsets[e] + i;
        lep.lep_pt[k] = l.pt; lep.lep_eta[k] = l.eta; lep.lep_phi[k] = l.phi; lep.lep_E[k] = l.E;
        lep.lep_charge[k] = l.charge; lep.lep_type[k] = l.type;
      });
      const jets = [...r.jets].sort((a, b) => b.pt - a.pt);
      jets.forEach((j, i) => {
        const k = jetOffsets[e] + i;
        jet.jet_pt[k] = j.pt; jet.jet_eta[k] = j.eta; jet.jet_phi[k] = j.phi; jet.jet_E[k] = j.E; jet.jet_MV2c10[k] = j.MV2c10;
      });
      scalar.met_et[e] = r.met_et; scalar.met_phi[e] = r.met_phi; scalar.mcWeight[e] = r.mcWeight;
      scalar.XSection[e] = r.XSection; scalar.SumWeights[e] = r.SumWeights;
      process[e] = r.process; label[e] = r.label;
    }
    return { n, lepOffsets, lep, jetOffsets, jet, scalar, process, processNames: this.processNames, label };
  }
}

function allocate<K extends string>(names: readonly K[], n: number): Record<K, Float32Array> {
  return Object.fromEntries(names.map((k) => [k, new Float32Array(n)])) as Record<K, Float32Array>;
}

/**
 * Event weights w = mcWeight · XSection · 1000 · L / SumWeights (events expected in `lumiFb` fb⁻¹;
 * XSection in pb, as the ATLAS Open Data ntuples), times `scale` (e.g. 1 / test fraction).
 */
export function eventWeights(t: EventTable, lumiFb: number, scale = 1): Float64Array {
  const w = new Float64Array(t.n);
  const { mcWeight, XSection, SumWeights } = t.scalar;
  for (let e = 0; e < t.n; e++) w[e] = (mcWeight[e] * XSection[e] * 1000 * lumiFb * scale) / SumWeights[e];
  return w;
}

/** Concatenates tables with the same process list (e.g. streamed chunks). */
export function concatTables(tables: readonly EventTable[]): EventTable {
  if (tables.length === 0) throw new RangeError('concatTables: no tables');
  const names = tables[0].processNames;
  for (const t of tables) {
    if (t.processNames.join() !== names.join()) throw new RangeError('concatTables: tables have different process lists');
  }
  const n = tables.reduce((s, t) => s + t.n, 0);
  const nLep = tables.reduce((s, t) => s + t.lepOffsets[t.n], 0);
  const nJet = tables.reduce((s, t) => s + t.jetOffsets[t.n], 0);
  const out: EventTable = {
    n, processNames: names,
    lepOffsets: new Int32Array(n + 1), jetOffsets: new Int32Array(n + 1),
    lep: allocate(LEPTON_BRANCHES, nLep), jet: allocate(JET_BRANCHES, nJet), scalar: allocate(SCALAR_BRANCHES, n),
    process: new Uint8Array(n), label: new Uint8Array(n),
  };
  let e0 = 0, l0 = 0, j0 = 0;
  for (const t of tables) {
    for (let e = 0; e <= t.n; e++) {
      out.lepOffsets[e0 + e] = l0 + t.lepOffsets[e];
      out.jetOffsets[e0 + e] = j0 + t.jetOffsets[e];
    }
    for (const k of LEPTON_BRANCHES) out.lep[k].set(t.lep[k].subarray(0, t.lepOffsets[t.n]), l0);
    for (const k of JET_BRANCHES) out.jet[k].set(t.jet[k].subarray(0, t.jetOffsets[t.n]), j0);
    for (const k of SCALAR_BRANCHES) out.scalar[k].set(t.scalar[k], e0);
    out.process.set(t.process, e0);
    out.label.set(t.label, e0);
    e0 += t.n; l0 += t.lepOffsets[t.n]; j0 += t.jetOffsets[t.n];
  }
  return out;
}

/** The events at `rows` (in that order) as a new table. */
export function takeEvents(t: EventTable, rows: ArrayLike<number>): EventTable {
  const n = rows.length;
  const lepOffsets = new Int32Array(n + 1), jetOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    lepOffsets[i + 1] = lepOffsets[i] + lepN(t, rows[i]);
    jetOffsets[i + 1] = jetOffsets[i] + jetN(t, rows[i]);
  }
  const lep = allocate(LEPTON_BRANCHES, lepOffsets[n]), jet = allocate(JET_BRANCHES, jetOffsets[n]);
  const scalar = allocate(SCALAR_BRANCHES, n);
  const process = new Uint8Array(n), label = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = rows[i];
    for (const k of LEPTON_BRANCHES) lep[k].set(t.lep[k].subarray(t.lepOffsets[e], t.lepOffsets[e + 1]), lepOffsets[i]);
    for (const k of JET_BRANCHES) jet[k].set(t.jet[k].subarray(t.jetOffsets[e], t.jetOffsets[e + 1]), jetOffsets[i]);
    for (const k of SCALAR_BRANCHES) scalar[k][i] = t.scalar[k][e];
    process[i] = t.process[e];
    label[i] = t.label[e];
  }
  return { n, lepOffsets, lep, jetOffsets, jet, scalar, process, processNames: t.processNames, label };
}
