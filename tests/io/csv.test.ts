import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { readCsv, readCsvChunks, readCsvHeader, writeCsv } from '../../lib/io/csv';
import { DataFormatError } from '../../lib/io/errors';
import { Random } from '../../lib/random';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-test-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test('reads typed columns from a file, in chunks across 1 MiB read blocks', async () => {
  const n = 120_000; // about 2 MB: several read blocks and chunks
  let text = 'id,pt,label\n';
  for (let i = 0; i < n; i++) text += `${i},${(i * 0.25).toFixed(2)},"${i % 3 === 0 ? 'sig,nal' : 'bkg'}"\n`;
  const file = put('big.csv', text);
  let rows = 0;
  let sum = 0;
  let chunks = 0;
  for await (const { columns, rowCount, firstRow } of readCsvChunks(file, { chunkSize: 50_000, types: { label: 'string' } })) {
    assert.equal(firstRow, rows);
    const id = columns.id as Float64Array;
    assert.equal(id[0], rows);
    for (let r = 0; r < rowCount; r++) sum += (columns.pt as Float64Array)[r];
    assert.equal((columns.label as string[])[0], rows % 3 === 0 ? 'sig,nal' : 'bkg');
    rows += rowCount;
    chunks++;
  }
  assert.equal(rows, n);
  assert.equal(chunks, 3);
  assert.equal(sum, (0.25 * (n * (n - 1))) / 2);
});

test('readCsv concatenates all chunks', async () => {
  const file = put('small.csv', 'a,b\n1,x\n2,y\n3,z\n');
  const { columns, rowCount } = await readCsv(file, { chunkSize: 2, types: { b: 'string' } });
  assert.equal(rowCount, 3);
  assert.deepEqual(Array.from(columns.a as Float64Array), [1, 2, 3]);
  assert.deepEqual(columns.b, ['x', 'y', 'z']);
  const empty = await readCsv(put('header-only.csv', 'a,b\n'), { types: { b: 'string' } });
  assert.equal(empty.rowCount, 0);
  assert.ok(empty.columns.a instanceof Float64Array && empty.columns.a.length === 0);
  assert.deepEqual(empty.columns.b, []);
  assert.deepEqual(await readCsvHeader(file), ['a', 'b']);
});

test('gzip input by extension or magic bytes; a truncated gzip file is a DataFormatError', async () => {
  const text = 'x,y\r\n1,2\r\n3,4\r\n';
  const gz = zlib.gzipSync(text);
  for (const name of ['data.csv.gz', 'data-no-ext']) {
    const { columns } = await readCsv(put(name, gz));
    assert.deepEqual(Array.from(columns.y as Float64Array), [2, 4], name);
  }
  const cut = put('cut.csv.gz', gz.subarray(0, gz.length - 10));
  await assert.rejects(readCsv(cut), (err: unknown) => {
    assert.ok(err instanceof DataFormatError);
    assert.match(err.message, /cut\.csv\.gz: expected complete gzip data, got .*truncated/);
    return true;
  });
});

test('error messages name file, line and column', async () => {
  const file = put('data.csv', 'pt,eta\n1,2\n3,4\nabc,5\n');
  await assert.rejects(readCsv(file), (err: unknown) => {
    assert.ok(err instanceof DataFormatError);
    assert.ok(err.message.startsWith(`${file} line 4: column "pt": expected a number, got "abc"`), err.message);
    assert.equal(err.file, file);
    assert.equal(err.line, 4);
    return true;
  });
  await assert.rejects(readCsv(file, { columns: ['pt', 'phi'] }), new RegExp(`${file} line 1: header: expected a column "phi"`));
  await assert.rejects(readCsv(put('trunc.csv', 'a,b,c\n1,2,3\n4,5')), /trunc\.csv line 3: expected 3 fields, got 2\. the last line looks truncated/);
  await assert.rejects(readCsv(put('empty.csv', '')), /empty\.csv: expected a header line, got an empty file/);
  await assert.rejects(readCsv(put('empty2.csv', ''), { header: ['a'] }), /empty2\.csv: expected data, got an empty file/);
  const absent = path.join(dir, 'absent.csv');
  await assert.rejects(readCsv(absent), (err: unknown) => err instanceof DataFormatError && err.message === `${absent}: expected a CSV file, got no such file`);
  await assert.rejects(readCsvHeader(dir), (err: unknown) => err instanceof DataFormatError && err.message === `${dir}: expected a CSV file, got a folder`);
});

test('NaN, nan, inf and 1e400 in a numeric column: refused with file, line and column unless allowed', async () => {
  const file = put('nonfinite.csv', 'pt,eta\n1,2\n3,nan\n');
  await assert.rejects(readCsv(file), (err: unknown) => {
    assert.ok(err instanceof DataFormatError);
    assert.equal(err.message, `${file} line 3: column "eta": expected a finite number, got "nan" (NaN). set nonFinite: 'allow' to read NaN and ±Infinity`);
    return true;
  });
  for (const [k, bad] of ['NaN', 'inf', '1e400'].entries()) {
    await assert.rejects(readCsv(put(`nonfinite${k}.csv.gz`, zlib.gzipSync(`pt\n1\n${bad}\n`))), new RegExp(`line 3: column "pt": expected a finite number, got "${bad}"`));
  }
  const { columns } = await readCsv(file, { nonFinite: 'allow' });
  assert.deepEqual(Array.from(columns.eta as Float64Array), [2, NaN]);
});

test('stopping early closes the file', async () => {
  const file = put('stop.csv', 'a\n' + '1\n'.repeat(1000));
  for await (const chunk of readCsvChunks(file, { chunkSize: 10 })) {
    assert.equal(chunk.rowCount, 10);
    break;
  }
});

test('writeCsv → readCsv round trip is exact for doubles, special values and awkward text', async () => {
  const rng = new Random(5);
  const n = 3000;
  const x = rng.fill(n, (r) => r.normal(0, 1) * 10 ** r.integer(-300, 300));
  x[0] = NaN;
  x[1] = Infinity;
  x[2] = -Infinity;
  x[3] = 0.1 + 0.2;
  x[4] = -0;
  const words = ['plain', 'with,comma', 'with "quote"', 'two\nlines', 'crlf\r\nend', '', ' spaced '];
  const label = Array.from({ length: n }, (_, i) => words[i % words.length]);
  const count = new Int32Array(n).map((_, i) => i - 5);
  for (const name of ['rt.csv', 'rt.csv.gz']) {
    const file = path.join(dir, name);
    await writeCsv(file, { x, label, count });
    const { columns, rowCount } = await readCsv(file, { types: { label: 'string' }, chunkSize: 1000, nonFinite: 'allow' });
    assert.equal(rowCount, n);
    assert.deepEqual(Array.from(columns.x as Float64Array), Array.from(x));
    assert.ok(Object.is((columns.x as Float64Array)[4], -0));
    assert.deepEqual(columns.label, label);
    assert.deepEqual(Array.from(columns.count as Float64Array), Array.from(count));
  }
  assert.equal(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'rt.csv.gz'))).toString().split('\n')[0], 'x,label,count');
});

test('writeCsv refuses ragged columns and leaves the previous file in place', async () => {
  const file = path.join(dir, 'keep.csv');
  await writeCsv(file, { a: [1, 2] });
  await assert.rejects(writeCsv(file, { a: [1, 2], b: [1] }), RangeError);
  assert.equal(fs.readFileSync(file, 'utf8'), 'a\n1\n2\n');
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('keep')), ['keep.csv']);
});
