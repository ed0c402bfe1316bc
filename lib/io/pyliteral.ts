/**
 * A parser for the small subset of Python literals found in `.npy` headers: dicts, tuples, lists,
 * strings, integers (with the Python 2 `L` suffix), True, False and None. It never evaluates code.
 *
 * Used by `lib/io/npy.ts` (the header dict `{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }`).
 */

/** A parsed literal: dicts become Maps, tuples and lists become arrays. */
export type PyValue = string | number | boolean | null | PyValue[] | Map<string | number, PyValue>;

/** Thrown for text that is not such a literal; the message gives the character offset. */
export class PyLiteralError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at character ${offset}`);
    this.name = 'PyLiteralError';
  }
}

/** Parses one literal; only whitespace may follow it. */
export function parsePyLiteral(text: string): PyValue {
  const parser = new Parser(text);
  const value = parser.value();
  parser.skipSpace();
  if (parser.pos !== text.length) throw new PyLiteralError('unexpected text after the literal', parser.pos);
  return value;
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos])) this.pos++;
  }

  value(): PyValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === undefined) throw new PyLiteralError('unexpected end of text', this.pos);
    if (c === '{') return this.dict();
    if (c === '(') return this.sequence(')');
    if (c === '[') return this.sequence(']');
    if (c === "'" || c === '"') return this.string(c);
    if (c === '-' || c === '+' || (c >= '0' && c <= '9')) return this.integer();
    return this.word();
  }

  private dict(): Map<string | number, PyValue> {
    const out = new Map<string | number, PyValue>();
    this.pos++; // {
    while (true) {
      this.skipSpace();
      if (this.text[this.pos] === '}') break;
      const key = this.value();
      if (typeof key !== 'string' && typeof key !== 'number') throw new PyLiteralError('dict keys must be strings or integers', this.pos);
      this.skipSpace();
      this.expect(':');
      out.set(key, this.value());
      if (!this.separator('}')) break;
    }
    this.pos++; // }
    return out;
  }

  private sequence(close: string): PyValue[] {
    const out: PyValue[] = [];
    this.pos++; // ( or [
    while (true) {
      this.skipSpace();
      if (this.text[this.pos] === close) break;
      out.push(this.value());
      if (!this.separator(close)) break;
    }
    this.pos++;
    return out;
  }

  /** After an item: consumes `,` (true: more may follow) or stops at `close` (false). */
  private separator(close: string): boolean {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === ',') {
      this.pos++;
      return true;
    }
    if (c === close) return false;
    throw new PyLiteralError(`expected ',' or '${close}'`, this.pos);
  }

  private string(q: string): string {
    let out = '';
    let i = this.pos + 1;
    while (i < this.text.length && this.text[i] !== q) {
      if (this.text[i] === '\\' && i + 1 < this.text.length) i++;
      out += this.text[i++];
    }
    if (i >= this.text.length) throw new PyLiteralError('unterminated string', this.pos);
    this.pos = i + 1;
    return out;
  }

  private integer(): number {
    const start = this.pos;
    if (this.text[this.pos] === '-' || this.text[this.pos] === '+') this.pos++;
    while (this.text[this.pos] >= '0' && this.text[this.pos] <= '9') this.pos++;
    const digits = this.text.slice(start, this.pos);
    if (this.text[this.pos] === 'L' || this.text[this.pos] === 'l') this.pos++;
    const n = Number(digits);
    if (!Number.isSafeInteger(n)) throw new PyLiteralError(`not an exact integer: ${digits}`, start);
    return n;
  }

  private word(): boolean | null {
    for (const [word, value] of [['True', true], ['False', false], ['None', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    throw new PyLiteralError(`unexpected character '${this.text[this.pos]}'`, this.pos);
  }

  private expect(c: string): void {
    if (this.text[this.pos] !== c) throw new PyLiteralError(`expected '${c}'`, this.pos);
    this.pos++;
  }
}
