/**
 * CSV files of events or tables, read in column-oriented chunks so that files of millions of rows
 * stream in bounded memory, and written atomically. Plain or gzip-compressed (`.gz`) input.
 *
 * Used by the data loaders of the study notebooks (event tables, challenge label files such as
 * Galaxy Zoo's `training_solutions_rev1.csv`) and by notebooks that export results.
 *
 * Why our own parser rather than papaparse (installed with danfojs): papaparse streams, but reports
 * character offsets rather than line numbers, converts types per cell with regular expressions, and
 * returns rows rather than columns. The state machine in `csv-parser.ts` is small, gives the line of
 * every error and writes numbers straight into Float64Arrays.
 */
import * as fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { withAtomicPath } from './atomic';
import { CsvChunkParser, type CsvChunk, type CsvColumns, type CsvType } from './csv-parser';
import { DataFormatError } from './errors';
import { hasGzipMagic, requireFile } from './files';

export type { CsvChunk, CsvColumns, CsvType } from './csv-parser';

/** Options of {@link readCsvChunks} and {@link readCsv}. */
export interface CsvOptions {
  /** Records per chunk (default 65 536). */
  chunkSize?: number;
  /** Columns to read, in this order; each must exist (else DataFormatError). Default: all. */
  columns?: readonly string[];
  /** Type of named columns; others get `defaultType`. */
  types?: Readonly<Record<string, CsvType>>;
  /** Type of columns not named in `types` (default `'number'`). */
  defaultType?: CsvType;
  /** Field separator, one character (default `,`). */
  delimiter?: string;
  /** true (default): the first line names the columns. Or the names of all fields of a headerless file. */
  header?: true | readonly string[];
  /** An empty numeric cell: `'error'` (default) or `'nan'`. */
  missing?: 'error' | 'nan';
  /**
   * NaN and ±Infinity in a numeric column (`nan`, `NaN`, `inf`, `-Infinity`…, or a number such as
   * `1e400` that overflows a double): `'error'` (default, with file, line and column) or `'allow'`.
   */
  nonFinite?: 'error' | 'allow';
  /** Decompress with gzip; default: when the name ends in `.gz` or the file starts with gzip's magic bytes. */
  gzip?: boolean;
}

const DEFAULT_CHUNK = 65536;
const READ_BLOCK = 1 << 20;

/**
 * Reads a CSV file as a sequence of column-oriented chunks of at most `chunkSize` records.
 * Numeric columns are Float64Array; errors (missing file, missing column, bad number, a NaN or
 * infinite number unless `nonFinite: 'allow'`, wrong field count, unterminated quote, truncated
 * gzip, empty file) are DataFormatError with file and line (and column, for a bad value).
 *
 * @example
 * for await (const { columns, rowCount } of readCsvChunks('events.csv.gz', { columns: ['pt', 'eta'] })) {
 *   const pt = columns.pt as Float64Array; // rowCount values, GeV
 * }
 */
export async function* readCsvChunks(file: string, opts: CsvOptions = {}): AsyncGenerator<CsvChunk, void, undefined> {
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const parser = new CsvChunkParser({
    file,
    chunkSize,
    delimiter: opts.delimiter ?? ',',
    names: Array.isArray(opts.header) ? opts.header : null,
    columns: opts.columns ?? null,
    types: opts.types ?? {},
    defaultType: opts.defaultType ?? 'number',
    missing: opts.missing ?? 'error',
    nonFinite: opts.nonFinite ?? 'error',
  });
  let empty = true;
  for await (const text of readText(file, opts.gzip)) {
    empty &&= text.length === 0;
    parser.feed(text);
    yield* parser.drain();
  }
  if (empty) throw new DataFormatError({ file, expected: Array.isArray(opts.header) ? 'data' : 'a header line', got: 'an empty file' });
  parser.finish();
  yield* parser.drain();
}

/** The file's text in blocks of about 1 MiB, gunzipped when `gzip` (default: by name or magic bytes). */
async function* readText(file: string, gzip?: boolean): AsyncGenerator<string, void, undefined> {
  requireFile(file, 'a CSV file');
  const unzip = gzip ?? (file.endsWith('.gz') || hasGzipMagic(file));
  const raw = fs.createReadStream(file, { highWaterMark: READ_BLOCK });
  const source: Readable = unzip ? raw.pipe(zlib.createGunzip({ chunkSize: READ_BLOCK })) : raw;
  if (unzip) raw.on('error', (err) => source.destroy(err));
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const block of source as AsyncIterable<Buffer>) yield decoder.decode(block, { stream: true });
  } catch (err) {
    if (isZlibError(err)) throw new DataFormatError({ file, expected: 'complete gzip data', got: (err as Error).message, hint: 'the file is truncated or not gzip', cause: err });
    throw err;
  } finally {
    raw.destroy();
    source.destroy();
  }
  yield decoder.decode();
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** A whole CSV file as columns (concatenated once from the chunks, so linear in the file size). */
export async function readCsv(file: string, opts: CsvOptions = {}): Promise<{ columns: CsvColumns; rowCount: number }> {
  const parts: CsvColumns[] = [];
  let rowCount = 0;
  let names: string[] | null = null;
  for await (const chunk of readCsvChunks(file, opts)) {
    parts.push(chunk.columns);
    rowCount += chunk.rowCount;
    names ??= Object.keys(chunk.columns);
  }
  if (names === null) return { columns: await emptyColumns(file, opts), rowCount: 0 };
  const columns: CsvColumns = {};
  for (const name of names) {
    if (parts[0][name] instanceof Float64Array) {
      const out = new Float64Array(rowCount);
      let at = 0;
      for (const p of parts) {
        out.set(p[name] as Float64Array, at);
        at += p[name].length;
      }
      columns[name] = out;
    } else {
      const out: string[] = [];
      for (const p of parts) for (const s of p[name] as string[]) out.push(s);
      columns[name] = out;
    }
  }
  return { columns, rowCount };
}

/** Zero-length columns for a file with a header and no records (re-reads only the header). */
async function emptyColumns(file: string, opts: CsvOptions): Promise<CsvColumns> {
  const names = opts.columns ?? (Array.isArray(opts.header) ? opts.header : await readCsvHeader(file, opts));
  const columns: CsvColumns = {};
  for (const name of names) columns[name] = (opts.types?.[name] ?? opts.defaultType ?? 'number') === 'number' ? new Float64Array(0) : [];
  return columns;
}

/** The column names on the header line of a CSV file (reads only as far as the header). */
export async function readCsvHeader(file: string, opts: Pick<CsvOptions, 'delimiter' | 'gzip'> = {}): Promise<string[]> {
  const parser = new CsvChunkParser({ file, chunkSize: 1, delimiter: opts.delimiter ?? ',', names: null, columns: [], types: {}, defaultType: 'string', missing: 'nan', nonFinite: 'allow' });
  for await (const text of readText(file, opts.gzip)) {
    parser.feed(text);
    if (parser.fileColumns.length > 0) return [...parser.fileColumns];
  }
  parser.finish(); // a header line without a line break, or an empty file (throws)
  return [...parser.fileColumns];
}

/** Options of {@link writeCsv}. */
export interface WriteCsvOptions {
  /** Field separator (default `,`). */
  delimiter?: string;
  /** Compress with gzip (default: when the file name ends in `.gz`). */
  gzip?: boolean;
}

/**
 * Writes columns as CSV atomically (temporary file, fsync, rename), header first, `\n` line ends.
 * Numbers are written in JavaScript's shortest round-trip form (NaN, Infinity and -0 as such), so
 * reading the file back gives the same doubles; text is quoted when it holds the delimiter, a quote or a
 * line break.
 *
 * @param columns equal-length columns by name: numbers (any ArrayLike, incl. typed arrays) or strings
 */
export async function writeCsv(file: string, columns: Readonly<Record<string, ArrayLike<number | bigint> | readonly string[]>>, opts: WriteCsvOptions = {}): Promise<void> {
  const names = Object.keys(columns);
  if (names.length === 0) throw new RangeError('writeCsv needs at least one column');
  const rowCount = columns[names[0]].length;
  for (const name of names) {
    if (columns[name].length !== rowCount) throw new RangeError(`column ${JSON.stringify(name)} has ${columns[name].length} values, column ${JSON.stringify(names[0])} has ${rowCount}`);
  }
  const delimiter = opts.delimiter ?? ',';
  const cols = names.map((name) => columns[name]);
  function* lines(): Generator<string> {
    yield names.map((name) => csvField(name, delimiter)).join(delimiter) + '\n';
    const BLOCK = 4096;
    for (let start = 0; start < rowCount; start += BLOCK) {
      let out = '';
      const end = Math.min(rowCount, start + BLOCK);
      for (let r = start; r < end; r++) {
        for (let c = 0; c < cols.length; c++) {
          const v = cols[c][r];
          out += (c > 0 ? delimiter : '') + (typeof v === 'string' ? csvField(v, delimiter) : v === 0 && 1 / (v as number) < 0 ? '-0' : String(v));
        }
        out += '\n';
      }
      yield out;
    }
  }
  const gzip = opts.gzip ?? file.endsWith('.gz');
  await withAtomicPath(file, async (tempPath) => {
    const steps: (Readable | Transform | fs.WriteStream)[] = [Readable.from(lines())];
    if (gzip) steps.push(zlib.createGzip());
    steps.push(fs.createWriteStream(tempPath, { flags: 'wx' }));
    await pipeline(steps);
  });
}

/** A field quoted per RFC 4180 when it holds the delimiter, a quote or a line break. */
function csvField(s: string, delimiter: string): string {
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) return '"' + s.replaceAll('"', '""') + '"';
  return s;
}
