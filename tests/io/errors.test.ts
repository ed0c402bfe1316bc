import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataFormatError, quote } from '../../lib/io/errors';

test('message names file, line, context, expectation and finding', () => {
  const err = new DataFormatError({ file: 'data.csv', line: 17, context: 'column "pt"', expected: 'a number', got: quote('abc') });
  assert.equal(err.message, 'data.csv line 17: column "pt": expected a number, got "abc"');
  assert.equal(err.name, 'DataFormatError');
  assert.ok(err instanceof Error);
  assert.equal(err.line, 17);
  assert.equal(err.file, 'data.csv');
});

test('record is shown when there is no line; hints and causes are kept', () => {
  const cause = new Error('zlib');
  const err = new DataFormatError({ file: 'x.bin', record: 3, expected: '8 bytes', got: '5', hint: 'the file is truncated', cause });
  assert.equal(err.message, 'x.bin record 3: expected 8 bytes, got 5. the file is truncated');
  assert.equal(err.cause, cause);
  assert.equal(new DataFormatError({ file: 'f', expected: 'a header line' }).message, 'f: expected a header line');
});

test('quote escapes and shortens raw values', () => {
  assert.equal(quote('a"b\n'), '"a\\"b\\n"');
  assert.equal(quote('x'.repeat(50), 10), `"${'x'.repeat(10)}…"`);
});
