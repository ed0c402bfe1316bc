import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h5dtype, H5_CODES, type H5Metadata } from '../../lib/io/hdf5-wasm';

const meta = (type: number, size: number, signed = true, extra: Partial<H5Metadata> = {}): H5Metadata => ({ type, size, signed, littleEndian: true, shape: [1], chunks: null, ...extra });

test('h5wasm metadata maps to our dtypes', () => {
  assert.equal(h5dtype(meta(1, 8)), '<f8');
  assert.equal(h5dtype(meta(1, 4)), '<f4');
  assert.equal(h5dtype(meta(1, 2)), null, 'float16 unsupported');
  assert.equal(h5dtype(meta(0, 1)), '|i1');
  assert.equal(h5dtype(meta(0, 2, false)), '<u2');
  assert.equal(h5dtype(meta(0, 8)), '<i8');
  assert.equal(h5dtype(meta(3, 5)), null, 'strings are not numeric');
  assert.equal(h5dtype(meta(8, 1, true, { enum_type: { type: 0, nmembers: 2, members: { FALSE: 0, TRUE: 1 } } })), '|b1');
  assert.equal(h5dtype(meta(8, 1, true, { enum_type: { type: 0, nmembers: 2, members: { RED: 0, GREEN: 1 } } })), null);
});

test('every dtype has an h5wasm code of its size', () => {
  const sizes: Record<string, number> = { b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, q: 8, Q: 8, f: 4, d: 8 };
  for (const [dtype, code] of Object.entries(H5_CODES)) assert.equal(sizes[code[1]], Number(dtype.slice(2)), dtype);
});
