import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { encodeNpy, fortranToC, parseNpy, readNpy, writeNpy } from '../../lib/io/npy';
import { DataFormatError } from '../../lib/io/errors';
import { dataPath } from '../../lib/paths';
import type { NumericArray } from '../../lib/io/dtype';

const FIXTURES = dataPath('fixtures', 'io');
interface Fixture { descr: string; shape: number[]; fortran_order: boolean; values: (number | string)[] }
const fixtures = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'npy_fixtures.json'), 'utf8')) as Record<string, Fixture>;

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'npy-test-'));
}

function asList(data: NumericArray): (number | string)[] {
  return Array.from(data as ArrayLike<number | bigint>, (v) => (typeof v === 'bigint' ? v.toString() : v));
}

test('reads every numpy-written fixture with the values numpy recorded', async () => {
  assert.ok(Object.keys(fixtures).length >= 15);
  for (const [name, fx] of Object.entries(fixtures)) {
    const arr = await readNpy(path.join(FIXTURES, `${name}.npy`));
    assert.deepEqual(arr.shape, fx.shape, name);
    const expectedDtype = fx.descr.replace('>', '<').replace(/^[<>|](?=[iub]1$)/, '|');
    assert.equal(arr.dtype, expectedDtype, name);
    const expected = fx.descr === '<f4' ? fx.values.map((v) => Math.fround(v as number)) : fx.values;
    assert.deepEqual(asList(arr.data), expected, name);
  }
});

test('typed array classes follow the dtype', async () => {
  const cls = async (name: string): Promise<string> => (await readNpy(path.join(FIXTURES, `${name}.npy`))).data.constructor.name;
  assert.equal(await cls('f8_2x3'), 'Float64Array');
  assert.equal(await cls('f4_5'), 'Float32Array');
  assert.equal(await cls('i8_4'), 'BigInt64Array');
  assert.equal(await cls('b1_2x2'), 'Uint8Array');
  assert.equal(await cls('i1_4'), 'Int8Array');
  assert.equal(await cls('u4_3'), 'Uint32Array');
});

test('int64 as number: exact values convert, values beyond 2^53 are refused', async () => {
  const small = await readNpy(path.join(FIXTURES, 'i8_small_3.npy'), { int64: 'number' });
  assert.equal(small.dtype, '<f8');
  assert.deepEqual(Array.from(small.data as Float64Array), [-5, 0, 2 ** 53 - 1]);
  await assert.rejects(readNpy(path.join(FIXTURES, 'i8_4.npy'), { int64: 'number' }), DataFormatError);
});

test('our writer produces byte-identical files to numpy for C-order little-endian arrays', async () => {
  for (const name of ['f8_2x3', 'f4_5', 'i1_4', 'i2_3', 'i4_2x2', 'i8_4', 'u1_3', 'u2_3', 'u4_3', 'b1_2x2', 'f8_scalar', 'f8_empty_0x3']) {
    const file = path.join(FIXTURES, `${name}.npy`);
    const arr = await readNpy(file);
    const [header, data] = encodeNpy(arr.data, arr.shape, { dtype: arr.dtype });
    assert.deepEqual(Buffer.concat([header, data]), fs.readFileSync(file), name);
  }
});

test('round trip through a file for each dtype, and the data starts on a 64-byte boundary', async () => {
  const dir = tmpDir();
  const cases: [NumericArray, number[]][] = [
    [new Float64Array([1, -2.5, Math.PI, 1e-300, 0, 7]), [2, 3]],
    [new Float32Array([0.1, 0.2]), [2]],
    [new Int16Array([-3, 4, 5, 6]), [2, 1, 2]],
    [new BigInt64Array([-(2n ** 62n), 3n]), [2]],
    [new BigUint64Array([2n ** 64n - 1n]), [1]],
    [new Uint16Array([]), [0, 5]],
  ];
  for (const [data, shape] of cases) {
    const file = path.join(dir, 'a.npy');
    await writeNpy(file, data, shape);
    const back = await readNpy(file);
    assert.deepEqual(back.shape, shape);
    assert.deepEqual(asList(back.data), asList(data));
    const headerLength = fs.readFileSync(file).readUInt16LE(8);
    assert.equal((10 + headerLength) % 64, 0);
  }
  assert.deepEqual(fs.readdirSync(dir), ['a.npy'], 'no temporary files left behind');
  fs.rmSync(dir, { recursive: true });
});

test('writes booleans as |b1 and refuses values that do not fit the dtype', async () => {
  const [header] = encodeNpy(new Uint8Array([1, 0, 1]), [3], { dtype: '|b1' });
  assert.match(Buffer.from(header).toString('latin1'), /'descr': '\|b1'/);
  assert.throws(() => encodeNpy(new Uint8Array([2]), [1], { dtype: '|b1' }), RangeError);
  assert.throws(() => encodeNpy(new Float64Array([1.5]), [1], { dtype: '<i4' }), RangeError);
  assert.throws(() => encodeNpy(new Float64Array([300]), [1], { dtype: '|u1' }), RangeError);
  assert.throws(() => encodeNpy(new Float64Array(6), [4]), /holds 4 elements but the data has 6/);
  const [, data] = encodeNpy([1, 2, 3]);
  assert.equal(data.byteLength, 24, 'plain arrays are stored as <f8');
});

test('Fortran order is transposed to C order', () => {
  const f = new Float64Array([0, 3, 1, 4, 2, 5]); // 2×3 matrix [[0,1,2],[3,4,5]] stored column-major
  assert.deepEqual(Array.from(fortranToC(f, [2, 3])), [0, 1, 2, 3, 4, 5]);
});

test('errors name the file: bad magic, truncated data, trailing bytes, unsupported dtypes, empty file', async () => {
  const good = fs.readFileSync(path.join(FIXTURES, 'f8_2x3.npy'));
  const expectError = (bytes: Uint8Array, pattern: RegExp): void => {
    assert.throws(() => parseNpy(bytes, 'x.npy'), (err: unknown) => {
      assert.ok(err instanceof DataFormatError);
      assert.match(err.message, /^x\.npy/);
      assert.match(err.message, pattern);
      return true;
    });
  };
  const badMagic = Buffer.from(good);
  badMagic[1] = 0x41;
  expectError(badMagic, /magic/);
  expectError(good.subarray(0, good.length - 3), /expected 48 bytes for shape \(2, 3\) of <f8, got 45\. the file is truncated/);
  expectError(Buffer.concat([good, Buffer.alloc(8)]), /got 56\. extra bytes/);
  expectError(good.subarray(0, 40), /header bytes/);
  expectError(new Uint8Array(0), /empty file/);
  await assert.rejects(readNpy(path.join(FIXTURES, 'c16_2.npy')), /c16_2\.npy: header: expected a supported dtype .*got "<c16"/);
  await assert.rejects(readNpy(path.join(FIXTURES, 'structured_2.npy')), /structured dtype/);
});

test('a failed write leaves the previous file intact', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'keep.npy');
  await writeNpy(file, new Float64Array([1, 2, 3]));
  await assert.rejects(writeNpy(file, new Float64Array([1.5]), [1], { dtype: '<i4' }), RangeError);
  assert.deepEqual(Array.from((await readNpy(file)).data as Float64Array), [1, 2, 3]);
  assert.deepEqual(fs.readdirSync(dir), ['keep.npy']);
  fs.rmSync(dir, { recursive: true });
});
