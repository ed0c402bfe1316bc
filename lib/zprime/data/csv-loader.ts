/**
 * CSV exports of the ntuples, streamed in chunks through `lib/io`'s CSV reader: one row per event,
 * scalar branches as numbers and jagged branches as lists in one quoted field, written the way
 * pandas writes a column of lists (`"[51234.5, 40321.1]"`; brackets optional, comma or space
 * separated). Optional `process` (sample name) and `label` (1 = Z′) columns let one file hold a
 * mixed sample; otherwise the caller says which sample the file is.
 *
 * Errors are DataFormatErrors with the file and the record: a missing column, a non-numeric value,
 * a list whose length disagrees with lep_n / jet_n, an empty or truncated file.
 * Used by notebook 05-zprime (the simulated sample is written and read back this way).
 */
import { DataFormatError, readCsvChunks, readCsvHeader, writeCsv } from '../../io';
import { JET_BRANCHES, LEPTON_BRANCHES, SCALAR_BRANCHES, jetN, lepN, type EventTable } from './events';
import { NTUPLE_BRANCHES, tableFromColumns, type JaggedColumn, type SampleInfo } from './ntuple';

const JAGGED: readonly string[] = [...LEPTON_BRANCHES, ...JET_BRANCHES];

function formatList(values: Float32Array, start: number, end: number): string {
  const parts: string[] = [];
  for (let i = start; i < end; i++) parts.push(String(values[i]));
  return `[${parts.join(', ')}]`;
}

/** Writes events as CSV (atomically), with `process` and `label` columns. */
export async function writeEventsCsv(file: string, t: EventTable): Promise<void> {
  const cols: Record<string, ArrayLike<number> | string[]> = {};
  cols.lep_n = Int32Array.from({ length: t.n }, (_, e) => lepN(t, e));
  for (const b of LEPTON_BRANCHES) cols[b] = Array.from({ length: t.n }, (_, e) => formatList(t.lep[b], t.lepOffsets[e], t.lepOffsets[e + 1]));
  cols.jet_n = Int32Array.from({ length: t.n }, (_, e) => jetN(t, e));
  for (const b of JET_BRANCHES) cols[b] = Array.from({ length: t.n }, (_, e) => formatList(t.jet[b], t.jetOffsets[e], t.jetOffsets[e + 1]));
  for (const b of SCALAR_BRANCHES) cols[b] = t.scalar[b];
  cols.process = Array.from(t.process, (p) => t.processNames[p]);
  cols.label = t.label;
  await writeCsv(file, cols);
}

/** Parses a list field `"[1, 2.5]"` / `"1 2.5"` / `"[]"` into `out`; throws a DataFormatError on a bad number. */
function parseList(text: string, out: number[], file: string, record: number, column: string): number {
  const inner = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  if (inner === '') return 0;
  const parts = inner.split(/[\s,]+/);
  for (const p of parts) {
    const v = Number(p);
    if (p === '' || Number.isNaN(v)) throw new DataFormatError({ file, record, context: `column "${column}"`, expected: 'a list of numbers', got: JSON.stringify(text) });
    out.push(v);
  }
  return parts.length;
}

/** Options of {@link readEventsCsvChunks}. */
export interface EventsCsvOptions {
  /** The sample, when the file has no `process` / `label` columns. */
  sample?: SampleInfo;
  /** Events per chunk (default 100 000). */
  chunkSize?: number;
  /** Process names shared by all chunks (extended with new names as they appear); default a new list. */
  processNames?: string[];
}

/** Streams an events CSV as event tables of at most `chunkSize` events. */
export async function* readEventsCsvChunks(file: string, opts: EventsCsvOptions = {}): AsyncGenerator<EventTable, void, undefined> {
  const header = await readCsvHeader(file);
  const mixed = header.includes('process') && header.includes('label');
  if (!mixed && !opts.sample) {
    throw new DataFormatError({ file, context: 'header', expected: 'columns "process" and "label"', got: 'neither', hint: 'Pass { sample: { process, signal } } for a file holding one sample' });
  }
  const columns = [...NTUPLE_BRANCHES, ...(mixed ? ['process', 'label'] : [])];
  const types = Object.fromEntries([...JAGGED, 'process'].map((c) => [c, 'string' as const]));
  const names = opts.processNames ?? [];
  for await (const chunk of readCsvChunks(file, { columns, types, chunkSize: opts.chunkSize ?? 100_000 })) {
    const n = chunk.rowCount;
    const jagged: Record<string, JaggedColumn> = {};
    for (const b of JAGGED) {
      const text = chunk.columns[b] as string[];
      const values: number[] = [];
      const offsets = new Int32Array(n + 1);
      for (let e = 0; e < n; e++) offsets[e + 1] = offsets[e] + parseList(text[e], values, file, chunk.firstRow + e + 1, b);
      jagged[b] = { offsets, values: Float64Array.from(values) };
    }
    const scalars = Object.fromEntries(['lep_n', 'jet_n', ...SCALAR_BRANCHES].map((c) => [c, chunk.columns[c] as Float64Array]));
    const table = tableFromColumns({ n, scalars, jagged }, opts.sample ?? { process: 'mixed', signal: false }, file, chunk.firstRow);
    if (mixed) {
      const proc = chunk.columns.process as string[];
      const label = chunk.columns.label as Float64Array;
      for (let e = 0; e < n; e++) {
        let p = names.indexOf(proc[e]);
        if (p < 0) p = names.push(proc[e]) - 1;
        table.process[e] = p;
        if (label[e] !== 0 && label[e] !== 1) throw new DataFormatError({ file, record: chunk.firstRow + e + 1, context: 'column "label"', expected: '0 or 1', got: String(label[e]) });
        table.label[e] = label[e];
      }
      table.processNames = names;
    }
    yield table;
  }
}
