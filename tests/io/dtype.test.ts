import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertArray, DTYPES, dtypeOf, parseDtype, shapeSize, toFloat64 } from '../../lib/io/dtype';

test('parseDtype normalises byte order marks', () => {
  assert.deepEqual(parseDtype('<f8'), { dtype: '<f8', bigEndian: false });
  assert.deepEqual(parseDtype('>i4'), { dtype: '<i4', bigEndian: true });
  assert.deepEqual(parseDtype('<i1'), { dtype: '|i1', bigEndian: false });
  assert.deepEqual(parseDtype('>u1'), { dtype: '|u1', bigEndian: false });
  assert.deepEqual(parseDtype('=f4'), { dtype: '<f4', bigEndian: false });
  for (const bad of ['<f2', '<c16', '|f8', 'f8', '<U5', 'O', '']) assert.equal(parseDtype(bad), null, bad);
});

test('dtypeOf and DTYPES agree for every typed array', () => {
  for (const [dtype, { ctor, size }] of Object.entries(DTYPES)) {
    assert.equal(ctor.BYTES_PER_ELEMENT, size);
    if (dtype !== '|b1') assert.equal(dtypeOf(new ctor(1)), dtype);
  }
});

test('shapeSize', () => {
  assert.equal(shapeSize([]), 1);
  assert.equal(shapeSize([2, 3, 4]), 24);
  assert.equal(shapeSize([5, 0]), 0);
  assert.throws(() => shapeSize([-1]), RangeError);
  assert.throws(() => shapeSize([1.5]), RangeError);
});

test('convertArray checks exactness for integer targets', () => {
  assert.deepEqual(Array.from(convertArray(new Float64Array([1, -2, 127]), '|i1') as Int8Array), [1, -2, 127]);
  assert.throws(() => convertArray(new Float64Array([128]), '|i1'), /element 0 = 128 does not fit \|i1/);
  assert.throws(() => convertArray(new Float64Array([0.5]), '<i4'), RangeError);
  assert.throws(() => convertArray(new Int32Array([-1]), '<u4'), RangeError);
  assert.deepEqual(Array.from(convertArray(new Float64Array([2 ** 53 - 1]), '<i8') as BigInt64Array), [2n ** 53n - 1n]);
  assert.throws(() => convertArray(new Float64Array([2 ** 60]), '<i8'), RangeError);
  assert.throws(() => convertArray(new BigInt64Array([-1n]), '<u8'), RangeError);
  assert.deepEqual(Array.from(convertArray(new Float64Array([0.1]), '<f4') as Float32Array), [Math.fround(0.1)]);
  const bools = new Uint8Array([0, 1]);
  assert.equal(convertArray(bools, '|b1'), bools);
  assert.throws(() => convertArray(new Uint8Array([2]), '|b1'), RangeError);
});

test('toFloat64 converts 64-bit integers only when exact', () => {
  assert.deepEqual(Array.from(toFloat64(new BigInt64Array([-(2n ** 53n) + 1n, 3n]))), [-(2 ** 53) + 1, 3]);
  assert.throws(() => toFloat64(new BigInt64Array([2n ** 53n])), /element 0/);
  const f = new Float64Array([1]);
  assert.equal(toFloat64(f), f);
  assert.deepEqual(Array.from(toFloat64(new Uint16Array([65535]))), [65535]);
});
