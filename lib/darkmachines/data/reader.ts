/**
 * Streamed reader and atomic writer for DarkMachines event files (`event.ts` gives the line format),
 * plain or gzip-compressed. The reader goes line by line, so the challenge's multi-GB files stream in
 * bounded memory.
 *
 * Errors: a malformed line (see `parseEventLine`: field count, object code, a value that is not a
 * decimal number, negative E, pT or MET, an azimuth outside [−π, π]) throws `DataFormatError` with the
 * file and 1-based line number (strict mode, the default). In the explicit lenient mode
 * (`{ lenient: true }`) the line is skipped but counted in the stream's `report` (by kind, with the
 * first few messages), and a one-line warning is written at the end, so nothing is dropped silently.
 * A missing file, and a file without any event line (empty, or blank lines only), are a
 * `DataFormatError` in both modes: a challenge file always holds events. Gzip is recognised by the
 * `.gz` name or by its magic bytes.
 *
 * Used by notebook 04-darkmachines, `bench/darkmachines.ts` and the tests.
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { withAtomicPath } from '../../io/atomic';
import { DataFormatError } from '../../io/errors';
import { hasGzipMagic, requireFile } from '../../io/files';
import { formatEventLine, parseEventLine, type DmEvent, type LineProblem } from './event';

/** Options of {@link streamEvents} and {@link readEvents}. */
export interface ReadEventsOptions {
  /** Skip and count malformed lines instead of throwing (default false: strict). */
  lenient?: boolean;
  /** Decompress with gzip (default: when the name ends in `.gz` or the file starts with gzip's magic bytes). */
  gzip?: boolean;
  /** Stop after this many events (default: all). */
  limit?: number;
  /** Where the lenient mode's closing warning goes (default `console.warn`); `null` for none. */
  warn?: ((message: string) => void) | null;
}

/** What a read saw: lines, events, and the malformed lines skipped in lenient mode. */
export interface ReadReport {
  file: string;
  /** physical lines read (including skipped and blank trailing lines) */
  lines: number;
  events: number;
  /** malformed lines skipped (lenient mode only; strict mode throws on the first) */
  skipped: number;
  /** skipped lines by kind (`field-count`, `object-code`, `number`, `range`, `empty`) */
  byKind: Record<string, number>;
  /** the first 10 problems as `DataFormatError` messages */
  examples: string[];
}

function problemError(file: string, line: number, p: LineProblem): DataFormatError {
  return new DataFormatError({ file, line, context: `field ${p.field}`, expected: p.expected, got: p.got });
}

/** An iterable of the events of one file; `report` fills in as it is read. */
export class EventStream implements AsyncIterable<DmEvent> {
  readonly report: ReadReport;
  constructor(
    readonly file: string,
    private readonly opts: ReadEventsOptions = {},
  ) {
    this.report = { file, lines: 0, events: 0, skipped: 0, byKind: {}, examples: [] };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<DmEvent> {
    const { file, report } = this;
    const limit = this.opts.limit ?? Infinity;
    requireFile(file, 'a DarkMachines event file');
    const gzip = this.opts.gzip ?? (file.endsWith('.gz') || hasGzipMagic(file));
    const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    const source: Readable = gzip ? raw.pipe(zlib.createGunzip()) : raw;
    if (gzip) raw.on('error', (err) => source.destroy(err));
    const lines = readline.createInterface({ input: source, crlfDelay: Infinity });
    try {
      Object.assign(report, { lines: 0, events: 0, skipped: 0, byKind: {}, examples: [] }); // a second pass starts afresh
      let stoppedAtLimit = false;
      for await (const line of lines) {
        if (report.events >= limit) {
          stoppedAtLimit = true;
          break;
        }
        report.lines++;
        if (line.length === 0) continue; // blank lines (e.g. the end of the file) are not events
        const parsed = parseEventLine(line);
        if ('event' in parsed) {
          // ('event' in …) rather than `parsed.ok`: tslab compiles without strictNullChecks, where boolean discriminants do not narrow
          report.events++;
          yield parsed.event;
          continue;
        }
        const err = problemError(file, report.lines, parsed.problem);
        if (!this.opts.lenient) throw err;
        report.skipped++;
        report.byKind[parsed.problem.kind] = (report.byKind[parsed.problem.kind] ?? 0) + 1;
        if (report.examples.length < 10) report.examples.push(err.message);
      }
      if (!stoppedAtLimit && report.events === 0 && report.skipped === 0) {
        throw new DataFormatError({ file, expected: 'at least one event line', got: report.lines === 0 ? 'an empty file' : `${report.lines} blank lines` });
      }
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && code.startsWith('Z_')) {
        throw new DataFormatError({ file, line: report.lines + 1, expected: 'complete gzip data', got: (err as Error).message, hint: 'the file is truncated or not gzip', cause: err });
      }
      throw err;
    } finally {
      lines.close();
      raw.destroy();
      source.destroy();
      this.finish();
    }
  }

  private finish(): void {
    const warn = this.opts.warn === undefined ? console.warn : this.opts.warn;
    if (this.report.skipped > 0 && warn) warn(describeReport(this.report));
  }
}

/** One line: `file: N events from M lines; K malformed lines skipped (number: 2, object-code: 1)`. */
export function describeReport(r: ReadReport): string {
  const kinds = Object.entries(r.byKind).map(([k, n]) => `${k}: ${n}`).join(', ');
  return `${r.file}: ${r.events} events from ${r.lines} lines` + (r.skipped > 0 ? `; ${r.skipped} malformed lines skipped (${kinds})` : '');
}

/**
 * Streams the events of a DarkMachines file (see the file header for errors and lenient mode).
 * @example
 * const stream = streamEvents('chan1/background_chan1_7.79.csv.gz');
 * for await (const ev of stream) { ... }
 * stream.report // { lines, events, skipped, byKind, examples }
 */
export function streamEvents(file: string, opts: ReadEventsOptions = {}): EventStream {
  return new EventStream(file, opts);
}

/** All events of a file in memory (use `limit` or `streamEvents` for big files), with the read report. */
export async function readEvents(file: string, opts: ReadEventsOptions = {}): Promise<{ events: DmEvent[]; report: ReadReport }> {
  const stream = streamEvents(file, opts);
  const events: DmEvent[] = [];
  for await (const ev of stream) events.push(ev);
  return { events, report: stream.report };
}

/** Options of {@link writeEvents}. */
export interface WriteEventsOptions {
  /** Compress with gzip (default: when the name ends in `.gz`). */
  gzip?: boolean;
  /** Significant digits per value (default 8). */
  digits?: number;
}

/**
 * Writes events one line each, streamed and atomically (temporary file, fsync, rename).
 * @returns the number of events written
 */
export async function writeEvents(file: string, events: Iterable<DmEvent> | AsyncIterable<DmEvent>, opts: WriteEventsOptions = {}): Promise<number> {
  const gzip = opts.gzip ?? file.endsWith('.gz');
  let count = 0;
  async function* lines(): AsyncGenerator<string> {
    let block = '';
    for await (const ev of events) {
      block += formatEventLine(ev, opts.digits) + '\n';
      count++;
      if (block.length > 1 << 16) {
        yield block;
        block = '';
      }
    }
    if (block) yield block;
  }
  await withAtomicPath(file, async (tempPath) => {
    const out = fs.createWriteStream(tempPath, { flags: 'wx' });
    if (gzip) await pipeline(Readable.from(lines()), zlib.createGzip(), out);
    else await pipeline(Readable.from(lines()), out);
  });
  return count;
}
