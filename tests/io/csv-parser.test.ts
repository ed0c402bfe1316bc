import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvChunkParser, type CsvChunk, type CsvParserConfig } from '../../lib/io/csv-parser';
import { DataFormatError } from '../../lib/io/errors';
import { Random } from '../../lib/random';

function config(over: Partial<CsvParserConfig> = {}): CsvParserConfig {
  return { file: 't.csv', chunkSize: 1000, delimiter: ',', names: null, columns: null, types: {}, defaultType: 'string', missing: 'error', nonFinite: 'error', ...over };
}

/** Parses `text` fed in pieces of the given sizes (cycled); returns all chunks. */
function parse(text: string, pieces: number[] = [text.length || 1], over: Partial<CsvParserConfig> = {}): CsvChunk[] {
  const p = new CsvChunkParser(config(over));
  const out: CsvChunk[] = [];
  for (let at = 0, k = 0; at < text.length; k++) {
    const size = pieces[k % pieces.length];
    p.feed(text.slice(at, at + size));
    at += size;
    out.push(...p.drain());
  }
  p.finish();
  out.push(...p.drain());
  return out;
}

function rows(chunks: CsvChunk[]): string[][] {
  const out: string[][] = [];
  for (const { columns, rowCount } of chunks) {
    const cols = Object.values(columns);
    for (let r = 0; r < rowCount; r++) out.push(cols.map((c) => String(c[r])));
  }
  return out;
}

const TRICKY =
  'name,comment,x\r\n' +
  '"a,b","he said ""hi""",1\r\n' +
  '"multi\nline\r\nfield",,2\n' +
  'plain,"",3\r' +
  'quote"inside,x,4\n' +
  '\n' +
  'last,"end",5';
const TRICKY_ROWS = [
  ['a,b', 'he said "hi"', '1'],
  ['multi\nline\r\nfield', '', '2'],
  ['plain', '', '3'],
  ['quote"inside', 'x', '4'],
  ['last', 'end', '5'],
];

test('RFC 4180: quotes, doubled quotes, delimiters and line breaks in quotes, CRLF/LF/CR, blank lines', () => {
  assert.deepEqual(rows(parse(TRICKY)), TRICKY_ROWS);
});

test('the result does not depend on where the text is cut into pieces', () => {
  for (const pieces of [[1], [2], [3], [5, 1, 7], [13]]) assert.deepEqual(rows(parse(TRICKY, pieces)), TRICKY_ROWS, `pieces ${pieces}`);
});

test('random records survive a random split into pieces', () => {
  const rng = new Random(11);
  const alphabet = ['a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '1'];
  const records: string[][] = [];
  for (let r = 0; r < 200; r++) {
    const rec: string[] = [];
    for (let c = 0; c < 3; c++) {
      let s = '';
      const len = rng.integer(0, 6);
      for (let k = 0; k < len; k++) s += rng.choice(alphabet);
      rec.push(s);
    }
    records.push(rec);
  }
  const field = (s: string): string => (rng.random() < 0.3 || /[",\r\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s);
  const text = 'a,b,c\n' + records.map((r) => r.map(field).join(',')).join(rng.random() < 0.5 ? '\n' : '\r\n') + '\n';
  const pieces = Array.from({ length: 50 }, () => rng.integer(1, 40));
  const got = rows(parse(text, pieces, { chunkSize: 17 }));
  assert.deepEqual(got, records);
});

test('numbers: decimal forms, nan/inf spellings (when allowed), spaces; hex and junk are refused', () => {
  const text = 'x\n1\n-2.5\n.5\n5.\n1e3\n-1E-3\n+7\n nan\nNaN\ninf\n-inf\nInfinity\n 12 \n1e400\n';
  const [chunk] = parse(text, undefined, { defaultType: 'number', nonFinite: 'allow' });
  assert.deepEqual(Array.from(chunk.columns.x as Float64Array), [1, -2.5, 0.5, 5, 1000, -0.001, 7, NaN, NaN, Infinity, -Infinity, Infinity, 12, Infinity]);
  for (const bad of ['0x10', 'abc', '1,5', '1_000', '.', '-', '0b1', '1e']) {
    assert.throws(() => parse(`x\n1\n${JSON.stringify(bad)}\n`, undefined, { defaultType: 'number' }), (err: unknown) => {
      assert.ok(err instanceof DataFormatError);
      assert.match(err.message, /^t\.csv line 3: column "x": expected a number, got /);
      assert.equal(err.line, 3);
      return true;
    }, bad);
  }
});

test('NaN and ±Infinity are refused by default with line and column, read with nonFinite: allow', () => {
  for (const bad of ['NaN', 'nan', ' nan', '-nan', 'inf', '-inf', 'Infinity', '1e400', '-1e400', '1.8e308']) {
    assert.throws(() => parse(`a,x\n1,2\n3,${bad}\n`, [5], { defaultType: 'number' }), (err: unknown) => {
      assert.ok(err instanceof DataFormatError);
      assert.match(err.message, /^t\.csv line 3: column "x": expected a finite number, got ".*" \((NaN|-?Infinity)\)\. set nonFinite: 'allow'/);
      assert.equal(err.line, 3);
      return true;
    }, bad);
  }
  const [chunk] = parse('x\n1.7e308\n-1e-400\n', undefined, { defaultType: 'number' });
  assert.deepEqual(Array.from(chunk.columns.x as Float64Array), [1.7e308, -0], 'large finite numbers and underflow to -0 are fine');
  const [allowed] = parse('x\nnan\n1e400\n', undefined, { defaultType: 'number', nonFinite: 'allow' });
  assert.deepEqual(Array.from(allowed.columns.x as Float64Array), [NaN, Infinity]);
  const [text] = parse('x\nnan\n', undefined, { defaultType: 'string' });
  assert.deepEqual(text.columns.x, ['nan'], 'text columns keep the word');
});

test('empty numeric cells: an error by default, NaN on request', () => {
  assert.throws(() => parse('a,b\n1,\n', undefined, { defaultType: 'number' }), /line 2: column "b": expected a number, got "". set missing: 'nan'/);
  const [chunk] = parse('a,b\n1,\n', undefined, { defaultType: 'number', missing: 'nan' });
  assert.ok(Number.isNaN((chunk.columns.b as Float64Array)[0]));
});

test('line numbers count line breaks inside quoted fields', () => {
  const text = 'a,b\n"x\ny\nz",1\n"q",oops\n';
  assert.throws(() => parse(text, undefined, { types: { b: 'number' } }), /t\.csv line 5: column "b": expected a number, got "oops"/);
  for (const pieces of [[1], [1000]]) {
    assert.throws(() => parse('a,b\r\n1,2\r\n\r\n3,x\r\n', pieces, { defaultType: 'number' }), /t\.csv line 4: column "b"/);
    assert.throws(() => parse('a,b\r1,2\r3,x\r', pieces, { defaultType: 'number' }), /t\.csv line 3: column "b"/);
  }
});

test('wrong field counts and open quotes are reported with their line', () => {
  assert.throws(() => parse('a,b\n1,2\n3\n4,5\n'), /t\.csv line 3: expected 2 fields, got 1$/);
  assert.throws(() => parse('a,b\n1,2\n3,4,5\n'), /line 3: expected 2 fields, got 3/);
  assert.throws(() => parse('a,b,c\n1,2,3\n4,5'), /line 3: expected 3 fields, got 2\. the last line looks truncated/);
  assert.throws(() => parse('a,b\n1,"2\n3,4\n'), /line 2: expected a closing quote/);
  assert.throws(() => parse('a,b\n1,"2"x\n'), /line 2: expected a delimiter or end of line after a closing quote, got "x"/);
});

test('header: selection and order of columns, missing and duplicate columns, BOM', () => {
  const [chunk] = parse('\uFEFFa,b,c\n1,2,3\n', undefined, { columns: ['c', 'a'] });
  assert.deepEqual(Object.keys(chunk.columns), ['c', 'a']);
  assert.deepEqual(chunk.columns.a, ['1']);
  assert.throws(() => parse('a,b\n1,2\n', undefined, { columns: ['a', 'pt'] }), /t\.csv line 1: header: expected a column "pt", got columns "a", "b"/);
  assert.throws(() => parse('a,a\n1,2\n'), /expected column "a" once/);
  assert.throws(() => parse(''), /expected a header line, got an empty file/);
  assert.throws(() => parse('\n\n'), /got only blank lines/);
  assert.deepEqual(parse('a,b\n'), []);
});

test('headerless files take their names from the options', () => {
  const [chunk] = parse('1;2\n3;4\n', undefined, { names: ['x', 'y'], delimiter: ';', defaultType: 'number' });
  assert.deepEqual(Array.from(chunk.columns.y as Float64Array), [2, 4]);
});

test('chunks hold at most chunkSize records and number them', () => {
  const text = 'v\n' + Array.from({ length: 10 }, (_, i) => `${i}\n`).join('');
  const chunks = parse(text, [4], { chunkSize: 3, defaultType: 'number' });
  assert.deepEqual(chunks.map((c) => [c.firstRow, c.rowCount]), [[0, 3], [3, 3], [6, 3], [9, 1]]);
  assert.deepEqual(chunks.flatMap((c) => Array.from(c.columns.v as Float64Array)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal((chunks[3].columns.v as Float64Array).length, 1);
});
