/**
 * The CSV state machine behind `readCsvChunks` (lib/io/csv.ts): it takes decoded text in pieces of
 * any size and fills column-oriented chunks (Float64Array for numbers, string[] for text), checking
 * the header, the field count of every record and every number, with line numbers in its errors.
 *
 * Dialect: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) — fields may be quoted with `"`, a quote
 * inside is doubled (`""`), quoted fields may hold delimiters and line breaks; records end with LF,
 * CRLF or CR; a quote inside an unquoted field is kept as text; blank lines are skipped.
 * One pass, one character test per character, no regular expressions per cell.
 */
import { DataFormatError, quote } from './errors';

/** Element type of a CSV column. */
export type CsvType = 'number' | 'string';

/** Columns of a chunk by name: numbers as Float64Array, text as string[]; all of one length. */
export type CsvColumns = Record<string, Float64Array | string[]>;

/** One block of consecutive records. */
export interface CsvChunk {
  /** The selected columns, each `rowCount` long. */
  columns: CsvColumns;
  /** Records in this chunk. */
  rowCount: number;
  /** 0-based index of the chunk's first record among all data records of the file. */
  firstRow: number;
}

/** What the parser needs to know; see `CsvOptions` in lib/io/csv.ts for the meaning of each. */
export interface CsvParserConfig {
  file: string;
  chunkSize: number;
  delimiter: string;
  /** null: the first record is the header; else the names of all fields, in file order. */
  names: readonly string[] | null;
  /** Columns to return, in this order (all required); null: every column of the header. */
  columns: readonly string[] | null;
  types: Readonly<Record<string, CsvType>>;
  defaultType: CsvType;
  missing: 'error' | 'nan';
  /** `'error'`: NaN and ±Infinity (spelled out, or a number beyond ±1.8e308) are refused; `'allow'`: read as such. */
  nonFinite: 'error' | 'allow';
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
// Parser states (plain numbers: cheapest to compare in the per-character loop).
const RECORD_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
const QUOTE_SEEN = 4;

/** Incremental parser: call `feed(text)` for each piece, `finish()` at the end, `drain()` for chunks. */
export class CsvChunkParser {
  private readonly delim: number;
  private state = RECORD_START;
  private pendingCR = false;
  private partial = '';
  private line = 1;
  private recordLine = 1;
  private fieldLine = 1;
  private fieldIndex = 0;
  private header: string[] | null;
  private names: string[] = [];
  private nFields = 0;
  /** For each field of the file: the slot of its output column, or -1 if not read. */
  private slotOf: Int32Array = new Int32Array(0);
  private slotNames: string[] = [];
  private slotIsNumber: boolean[] = [];
  private numbers: (Float64Array | null)[] = [];
  private strings: (string[] | null)[] = [];
  private row = 0;
  private rowsBefore = 0;
  private ready: CsvChunk[] = [];

  constructor(private readonly cfg: CsvParserConfig) {
    if (cfg.delimiter.length !== 1 || '"\r\n'.includes(cfg.delimiter)) throw new TypeError(`invalid CSV delimiter ${JSON.stringify(cfg.delimiter)}`);
    this.delim = cfg.delimiter.charCodeAt(0);
    this.header = cfg.names ? null : [];
    if (cfg.names) this.setHeader([...cfg.names]);
  }

  /** Column names of the file (available once the header line is parsed). */
  get fileColumns(): readonly string[] {
    return this.names;
  }

  /** Parses the next piece of text; pieces may split records, fields and CRLF anywhere. */
  feed(text: string): void {
    const n = text.length;
    const delim = this.delim;
    let i = 0;
    let fieldStart = 0;
    while (i < n) {
      switch (this.state) {
        case RECORD_START: {
          const c = text.charCodeAt(i);
          if (this.pendingCR) {
            this.pendingCR = false;
            if (c === LF) {
              i++;
              continue;
            }
          }
          if (c === LF || c === CR) {
            this.line++; // blank line
            this.pendingCR = c === CR;
            i++;
            continue;
          }
          this.recordLine = this.line;
          this.fieldIndex = 0;
          this.state = FIELD_START;
          continue;
        }
        case FIELD_START:
          this.fieldLine = this.line;
          if (text.charCodeAt(i) === QUOTE) {
            this.state = QUOTED;
            i++;
            continue;
          }
          this.state = UNQUOTED;
          fieldStart = i;
          continue;
        case UNQUOTED: {
          let c = 0;
          for (; i < n; i++) {
            c = text.charCodeAt(i);
            if (c === delim || c === LF || c === CR) break;
          }
          if (i === n) {
            this.partial += text.slice(fieldStart, n);
            continue;
          }
          if (this.wants(this.fieldIndex)) this.field(this.partial + text.slice(fieldStart, i));
          else this.fieldIndex++;
          this.partial = '';
          i++;
          if (c === delim) this.state = FIELD_START;
          else this.endLine(c);
          continue;
        }
        case QUOTED: {
          const j = text.indexOf('"', i);
          const seg = j < 0 ? text.slice(i) : text.slice(i, j);
          this.partial += seg;
          this.countLines(seg);
          i = j < 0 ? n : j + 1;
          if (j >= 0) this.state = QUOTE_SEEN;
          continue;
        }
        case QUOTE_SEEN: {
          const c = text.charCodeAt(i++);
          if (c === QUOTE) {
            this.partial += '"';
            this.state = QUOTED;
            continue;
          }
          if (c !== delim && c !== LF && c !== CR) {
            throw this.error(this.line, 'a delimiter or end of line after a closing quote', quote(String.fromCharCode(c)));
          }
          this.field(this.partial);
          this.partial = '';
          if (c === delim) this.state = FIELD_START;
          else this.endLine(c);
          continue;
        }
      }
    }
  }

  /** Ends the input: completes a last record without a final line break and checks for open quotes. */
  finish(): void {
    switch (this.state) {
      case QUOTED:
        throw this.error(this.fieldLine, 'a closing quote for the field that starts here', 'end of file', 'the file is truncated or a quote is unbalanced');
      case FIELD_START:
      case UNQUOTED:
      case QUOTE_SEEN:
        this.field(this.partial);
        this.partial = '';
        this.endRecord(true);
        break;
    }
    this.state = RECORD_START;
    if (this.header !== null) throw new DataFormatError({ file: this.cfg.file, expected: 'a header line', got: this.line > 1 ? 'only blank lines' : 'an empty file' });
    if (this.row > 0) this.emitChunk();
  }

  /** Chunks completed since the last call. */
  drain(): CsvChunk[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  private wants(index: number): boolean {
    return this.header !== null || (index < this.nFields && this.slotOf[index] >= 0);
  }

  private endLine(c: number): void {
    this.endRecord(false);
    this.line++;
    this.pendingCR = c === CR;
    this.state = RECORD_START;
  }

  private countLines(seg: string): void {
    if (seg.indexOf('\n') < 0 && seg.indexOf('\r') < 0) return;
    for (let k = 0; k < seg.length; k++) {
      const c = seg.charCodeAt(k);
      if (c === LF || (c === CR && seg.charCodeAt(k + 1) !== LF)) this.line++;
    }
  }

  private field(value: string): void {
    const index = this.fieldIndex++;
    if (this.header !== null) {
      this.header.push(value);
      return;
    }
    if (index >= this.nFields) return;
    const slot = this.slotOf[index];
    if (slot < 0) return;
    if (this.slotIsNumber[slot]) (this.numbers[slot] as Float64Array)[this.row] = this.parseNumber(value, slot);
    else (this.strings[slot] as string[]).push(value);
  }

  private endRecord(atEnd: boolean): void {
    if (this.header !== null) {
      const names = this.header;
      this.header = null;
      this.setHeader(names);
      return;
    }
    if (this.fieldIndex !== this.nFields) {
      const hint = atEnd ? 'the last line looks truncated' : undefined;
      throw this.error(this.recordLine, `${this.nFields} fields`, `${this.fieldIndex}`, hint);
    }
    if (++this.row === this.cfg.chunkSize) this.emitChunk();
  }

  private setHeader(names: string[]): void {
    const { file, columns, types, defaultType } = this.cfg;
    if (names.length > 0) names[0] = names[0].replace(/^\uFEFF/, '');
    this.names = names;
    this.nFields = names.length;
    const wanted = columns ?? names;
    const where = this.cfg.names ? 'names' : 'header';
    for (const name of wanted) {
      const first = names.indexOf(name);
      if (first < 0) {
        throw new DataFormatError({ file, line: this.cfg.names ? undefined : 1, context: where, expected: `a column ${quote(name)}`, got: `columns ${names.map((s) => quote(s, 20)).join(', ')}` });
      }
      if (names.indexOf(name, first + 1) >= 0) throw new DataFormatError({ file, line: 1, context: where, expected: `column ${quote(name)} once`, got: 'it twice' });
    }
    for (const name of Object.keys(types)) {
      if (!wanted.includes(name)) throw new TypeError(`${file}: types names column ${quote(name)}, which is not among the columns read (${wanted.join(', ')})`);
    }
    this.slotOf = new Int32Array(names.length).fill(-1);
    wanted.forEach((name, slot) => (this.slotOf[names.indexOf(name)] = slot));
    this.slotNames = [...wanted];
    this.slotIsNumber = wanted.map((name) => (types[name] ?? defaultType) === 'number');
    this.allocate();
  }

  private allocate(): void {
    const size = this.cfg.chunkSize;
    this.numbers = this.slotIsNumber.map((isNum) => (isNum ? new Float64Array(size) : null));
    this.strings = this.slotIsNumber.map((isNum) => (isNum ? null : []));
  }

  private emitChunk(): void {
    const rowCount = this.row;
    const columns: CsvColumns = {};
    this.slotNames.forEach((name, slot) => {
      const nums = this.numbers[slot];
      columns[name] = nums ? (rowCount === nums.length ? nums : nums.slice(0, rowCount)) : (this.strings[slot] as string[]);
    });
    this.ready.push({ columns, rowCount, firstRow: this.rowsBefore });
    this.rowsBefore += rowCount;
    this.row = 0;
    this.allocate();
  }

  /**
   * Decimal numbers as JavaScript reads them, plus the nan/inf spellings of numpy and pandas; values
   * that are not finite (those spellings, or `1e400`, which overflows to Infinity) only with
   * `nonFinite: 'allow'`.
   */
  private parseNumber(s: string, slot: number): number {
    const v = +s;
    const n = s.length;
    if (v === v && n > 0) {
      const c0 = s.charCodeAt(0);
      const cl = s.charCodeAt(n - 1);
      const startOk = (c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46;
      const endOk = (cl >= 48 && cl <= 57) || cl === 46;
      const c1 = s.charCodeAt(1) | 32;
      const radix = c0 === 48 && (c1 === 120 || c1 === 98 || c1 === 111); // 0x.., 0b.., 0o..
      if (startOk && endOk && !radix) return v - v === 0 ? v : this.nonFinite(v, s, slot);
    }
    return this.parseSpecial(s, slot);
  }

  private parseSpecial(s: string, slot: number): number {
    const t = s.trim();
    if (t !== s && t.length > 0) return this.parseNumber(t, slot);
    switch (t.toLowerCase()) {
      case 'nan': case '+nan': case '-nan': return this.nonFinite(NaN, s, slot);
      case 'inf': case '+inf': case 'infinity': case '+infinity': return this.nonFinite(Infinity, s, slot);
      case '-inf': case '-infinity': return this.nonFinite(-Infinity, s, slot);
      case '':
        if (this.cfg.missing === 'nan') return NaN;
        throw this.error(this.fieldLine, 'a number', '""', "set missing: 'nan' to read empty cells as NaN", slot);
    }
    throw this.error(this.fieldLine, 'a number', quote(s), `declare text columns with types: { ${JSON.stringify(this.slotNames[slot])}: 'string' }`, slot);
  }

  /** `value` (NaN or ±Infinity, read from the text `s`) when non-finite values are allowed, else the error. */
  private nonFinite(value: number, s: string, slot: number): number {
    if (this.cfg.nonFinite === 'allow') return value;
    throw this.error(this.fieldLine, 'a finite number', `${quote(s)} (${value})`, "set nonFinite: 'allow' to read NaN and ±Infinity", slot);
  }

  private error(line: number, expected: string, got: string, hint?: string, slot?: number): DataFormatError {
    const context = slot === undefined ? undefined : `column ${quote(this.slotNames[slot])}`;
    return new DataFormatError({ file: this.cfg.file, line, context, expected, got, hint });
  }
}
