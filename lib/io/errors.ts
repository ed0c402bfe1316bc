/**
 * The one error type of `lib/io`: bad input data (a malformed CSV row, a truncated .npy file, an HDF5
 * dataset of the wrong shape) reported with the file, the place in it, what was expected and what was
 * found, e.g. `data.csv line 17: column "pt": expected a number, got "abc"`.
 *
 * Used by every reader in `lib/io` (csv, npy, hdf5) and by the data loaders of all study notebooks,
 * which may catch it to tell a user which file to fix.
 */

/** Where and what went wrong; every field but `file` and `expected` is optional. */
export interface DataFormatErrorInfo {
  /** The file being read, as the caller named it (relative or absolute path). */
  file: string;
  /** 1-based physical line of a text file (CSV: the line where the record or field starts). */
  line?: number;
  /** 1-based data record (CSV row after the header), when a line number is not meaningful. */
  record?: number;
  /** What part of the file, already worded: `column "pt"`, `dataset "/events/pt"`, `header`. */
  context?: string;
  /** What a valid file has here, worded to follow "expected": `a number`, `shape [null, 4]`. */
  expected: string;
  /** What was found, verbatim; use {@link quote} to show a raw value in quotes. */
  got?: string;
  /** Optional hint appended after the message (how to fix or work around). */
  hint?: string;
  /** The lower-level error that revealed the problem (zlib, HDF5), kept as `Error.cause`. */
  cause?: unknown;
}

/**
 * Thrown by the readers and writers of `lib/io` for input that does not have the expected format.
 * The message reads `<file>[ line N| record N]: [<context>: ]expected <expected>[, got <got>][. <hint>]`.
 */
export class DataFormatError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly record?: number;
  readonly context?: string;
  readonly expected: string;
  readonly got?: string;

  constructor(info: DataFormatErrorInfo) {
    super(formatMessage(info), info.cause === undefined ? undefined : { cause: info.cause });
    this.name = 'DataFormatError';
    this.file = info.file;
    this.line = info.line;
    this.record = info.record;
    this.context = info.context;
    this.expected = info.expected;
    this.got = info.got;
  }
}

function formatMessage(info: DataFormatErrorInfo): string {
  let where = info.file;
  if (info.line !== undefined) where += ` line ${info.line}`;
  else if (info.record !== undefined) where += ` record ${info.record}`;
  const context = info.context ? `${info.context}: ` : '';
  const got = info.got !== undefined ? `, got ${info.got}` : '';
  const hint = info.hint ? `. ${info.hint}` : '';
  return `${where}: ${context}expected ${info.expected}${got}${hint}`;
}

/** Shows a raw value in double quotes, JSON-escaped and cut to `maxLength` characters: `"abc"`. */
export function quote(value: string, maxLength = 40): string {
  const cut = value.length > maxLength ? value.slice(0, maxLength) + '…' : value;
  return JSON.stringify(cut);
}
