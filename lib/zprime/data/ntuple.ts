/**
 * The branch layout of the ATLAS Open Data 13 TeV ntuples (TTree `mini`) and the conversion of read
 * columns — a per-event count plus flat values per jagged branch, as both loaders produce them — into
 * an `EventTable` (`events.ts`), with the checks that catch inconsistent files.
 *
 * Used by `root-loader.ts` and `csv-loader.ts` (notebook 05-zprime).
 */
import { DataFormatError } from '../../io';
import { JET_BRANCHES, LEPTON_BRANCHES, SCALAR_BRANCHES, type EventTable } from './events';

/** Jagged branches grouped by the count branch giving their length per event. */
export const JAGGED_GROUPS = { lep_n: LEPTON_BRANCHES, jet_n: JET_BRANCHES } as const;

/** All branches an ntuple must have. */
export const NTUPLE_BRANCHES: readonly string[] = ['lep_n', ...LEPTON_BRANCHES, 'jet_n', ...JET_BRANCHES, ...SCALAR_BRANCHES];

/** A jagged column: values of event e at `values[offsets[e] … offsets[e+1])`. */
export interface JaggedColumn {
  offsets: Int32Array;
  values: Float64Array;
}

/** Columns of a block of `n` events as read from a file. */
export interface NtupleColumns {
  n: number;
  scalars: Record<string, ArrayLike<number>>;
  jagged: Record<string, JaggedColumn>;
}

/** Where the sample comes from: its process name and whether it is Z′ signal. */
export interface SampleInfo {
  /** Sample / process name (e.g. 'Zprime_ll_1000', 'ttbar'). */
  process: string;
  /** Z′ signal (label 1). */
  signal: boolean;
}

/**
 * Builds an event table from ntuple columns, checking that every jagged branch has the length its
 * count branch (lep_n / jet_n) says. `file` and `firstEntry` name the place in errors.
 */
export function tableFromColumns(cols: NtupleColumns, sample: SampleInfo, file: string, firstEntry = 0): EventTable {
  const { n } = cols;
  const offsetsOf = (count: string, branches: readonly string[]): Int32Array => {
    const c = cols.scalars[count];
    const offsets = new Int32Array(n + 1);
    for (let e = 0; e < n; e++) {
      if (!(Number.isInteger(c[e]) && c[e] >= 0)) {
        throw new DataFormatError({ file, record: firstEntry + e + 1, context: `branch "${count}"`, expected: 'a count ≥ 0', got: String(c[e]) });
      }
      offsets[e + 1] = offsets[e] + c[e];
    }
    for (const b of branches) {
      const j = cols.jagged[b];
      for (let e = 0; e < n; e++) {
        const len = j.offsets[e + 1] - j.offsets[e];
        if (len !== c[e]) {
          throw new DataFormatError({ file, record: firstEntry + e + 1, context: `branch "${b}"`, expected: `${c[e]} values (${count})`, got: `${len}` });
        }
      }
    }
    return offsets;
  };
  const lepOffsets = offsetsOf('lep_n', LEPTON_BRANCHES);
  const jetOffsets = offsetsOf('jet_n', JET_BRANCHES);
  const f32 = (a: ArrayLike<number>) => Float32Array.from(a);
  return {
    n, lepOffsets, jetOffsets,
    lep: Object.fromEntries(LEPTON_BRANCHES.map((b) => [b, f32(cols.jagged[b].values)])) as EventTable['lep'],
    jet: Object.fromEntries(JET_BRANCHES.map((b) => [b, f32(cols.jagged[b].values)])) as EventTable['jet'],
    scalar: Object.fromEntries(SCALAR_BRANCHES.map((b) => [b, f32(cols.scalars[b])])) as EventTable['scalar'],
    process: new Uint8Array(n),
    processNames: [sample.process],
    label: new Uint8Array(n).fill(sample.signal ? 1 : 0),
  };
}
