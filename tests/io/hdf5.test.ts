import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectDataset, openHdf5, withHdf5 } from '../../lib/io/hdf5';
import { DataFormatError } from '../../lib/io/errors';
import { dataPath } from '../../lib/paths';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdf5-test-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const LIBHDF5 = dataPath('fixtures', 'io', 'libhdf5_reference.h5');
const H5PY = dataPath('fixtures', 'io', 'h5py_array.h5');

test('round trip of every dtype, with groups, shapes and attributes', async () => {
  const file = path.join(dir, 'rt.h5');
  const cases = {
    f8: { data: new Float64Array([1.5, -2, Math.PI, 1e-300, 0, 6]), shape: [2, 3] },
    f4: { data: new Float32Array([0.25, -8]), shape: [2] },
    i1: { data: new Int8Array([-128, 127]), shape: [2] },
    i2: { data: new Int16Array([-300, 300]), shape: [1, 2] },
    i4: { data: new Int32Array([-(2 ** 31), 2 ** 31 - 1]), shape: [2] },
    i8: { data: new BigInt64Array([-(2n ** 62n), 5n]), shape: [2] },
    u1: { data: new Uint8Array([0, 255]), shape: [2] },
    u2: { data: new Uint16Array([65535]), shape: [1] },
    u4: { data: new Uint32Array([2 ** 32 - 1]), shape: [1] },
    u8: { data: new BigUint64Array([2n ** 64n - 1n]), shape: [1] },
  };
  await withHdf5(file, 'w', (h5) => {
    for (const [name, { data, shape }] of Object.entries(cases)) h5.writeDataset(`typed/${name}`, data, shape);
    h5.writeDataset('/plain', [1, 2, 3]);
    h5.writeAttr('/', 'seed', 42);
    h5.writeAttr('/', 'title', 'reference run');
    h5.writeAttr('typed/f8', 'units', 'GeV');
    h5.writeAttr('typed/f8', 'edges', [0, 0.5, 1]);
    h5.writeAttr('/', 'seed', 43); // replaces
    h5.writeAttr('/', 'names', ['pt', 'eta']);
    h5.writeAttr('/', 'big', new BigInt64Array([2n ** 40n]));
  });
  const h5 = await openHdf5(file);
  try {
    assert.deepEqual(h5.keys(), ['plain', 'typed']);
    assert.deepEqual(h5.keys('typed'), Object.keys(cases).sort());
    for (const [name, { data, shape }] of Object.entries(cases)) {
      const got = h5.readDataset(`typed/${name}`);
      assert.deepEqual(got.shape, shape, name);
      assert.equal(got.data.constructor, data.constructor, name);
      assert.deepEqual(Array.from(got.data as ArrayLike<number>), Array.from(data as ArrayLike<number>), name);
    }
    assert.equal(h5.readDataset('plain').dtype, '<f8');
    assert.deepEqual(h5.readAttrs('/'), { seed: 43, title: 'reference run', names: ['pt', 'eta'], big: new BigInt64Array([2n ** 40n]) });
    assert.equal(h5.readAttr('typed/f8', 'units'), 'GeV');
    assert.deepEqual(Array.from(h5.readAttr('typed/f8', 'edges') as Float64Array), [0, 0.5, 1]);
    assert.throws(() => h5.readAttr('typed/f8', 'colour'), /expected an attribute "colour", got attributes "edges", "units"/);
    assert.throws(() => h5.writeDataset('x', [1]), /read-only/);
  } finally {
    h5.close();
  }
});

test('slices read only the selected hyperslab; rowChunks streams a dataset', async () => {
  const file = path.join(dir, 'slice.h5');
  const n = 1000;
  const data = Float64Array.from({ length: n * 3 }, (_, i) => i);
  await withHdf5(file, 'w', (h5) => h5.writeDataset('x', data, [n, 3], { chunks: [128, 3] }));
  await withHdf5(file, 'r', (h5) => {
    const s = h5.readSlice('x', [[10, 13]]);
    assert.deepEqual(s.shape, [3, 3]);
    assert.deepEqual(Array.from(s.data as Float64Array), Array.from(data.subarray(30, 39)));
    const col = h5.readSlice('x', [[998, 1000], [2, 3]]);
    assert.deepEqual(Array.from(col.data as Float64Array), [2996, 2999]);
    assert.deepEqual(h5.readSlice('x', [[5, 5]]).shape, [0, 3]);
    assert.throws(() => h5.readSlice('x', [[990, 1001]]), RangeError);
    assert.throws(() => h5.readSlice('x', [[0, 1], [0, 1], [0, 1]]), RangeError);
    let rows = 0;
    let sum = 0;
    for (const chunk of h5.rowChunks('x', 300)) {
      assert.equal(chunk.start, rows);
      rows += chunk.shape[0];
      for (const v of chunk.data as Float64Array) sum += v;
    }
    assert.equal(rows, n);
    assert.equal(sum, (n * 3 * (n * 3 - 1)) / 2);
  });
});

test('gzip compression shrinks a compressible dataset and reads back exactly', async () => {
  const data = Float64Array.from({ length: 50_000 }, (_, i) => i % 10);
  const sizes: number[] = [];
  for (const compression of [undefined, 'gzip' as const, 9]) {
    const file = path.join(dir, `gz-${compression}.h5`);
    await withHdf5(file, 'w', (h5) => h5.writeDataset('x', data, [500, 100], { compression }));
    await withHdf5(file, 'r', (h5) => {
      const info = h5.info('x');
      assert.deepEqual(info.filters, compression === undefined ? [] : ['deflate']);
      assert.deepEqual(Array.from(h5.readDataset('x').data as Float64Array), Array.from(data));
    });
    sizes.push(fs.statSync(file).size);
  }
  assert.ok(sizes[1] < sizes[0] / 10, `gzip file ${sizes[1]} B vs raw ${sizes[0]} B`);
});

test('reads a file written by the HDF5 C library (1.10, via ctypes)', async () => {
  await withHdf5(LIBHDF5, 'r', (h5) => {
    assert.deepEqual(h5.datasets(), ['/big_endian_i16', '/counts', '/events/image', '/events/pt', '/label']);
    const pt = h5.readDataset('events/pt');
    assert.deepEqual(Array.from(pt.data as Float64Array), Array.from({ length: 1000 }, (_, i) => i * 0.5));
    assert.deepEqual(h5.info('events/pt').filters, ['deflate']);
    assert.deepEqual(Array.from(h5.readSlice('events/pt', [[998, 1000]]).data as Float64Array), [499, 499.5]);
    const image = h5.readDataset('events/image');
    assert.deepEqual(image.shape, [4, 5, 6]);
    assert.equal(image.dtype, '<f4');
    assert.deepEqual(Array.from(image.data as Float32Array), Array.from({ length: 120 }, (_, i) => Math.fround(i / 7)));
    assert.deepEqual(Array.from(h5.readDataset('big_endian_i16').data as Int16Array), [-2, 300, 32767]);
    assert.deepEqual(Array.from(h5.readDataset('counts').data as BigInt64Array), [-(2n ** 40n), 0n, 2n ** 53n - 1n]);
    assert.equal(h5.readDataset('label').dtype, '|u1');
    assert.equal(h5.readAttr('events/pt', 'units'), 'GeV');
    assert.equal(h5.readAttr('/', 'version'), 2.5);
  });
});

test('reads a file written by h5py: booleans, int64, big-endian floats; refuses non-numeric datasets', async () => {
  await withHdf5(H5PY, 'r', (h5) => {
    const b = h5.readDataset('bool');
    assert.equal(b.dtype, '|b1');
    assert.deepEqual(Array.from(b.data as Uint8Array), [0, 1, 1, 0]);
    assert.deepEqual(Array.from(h5.readDataset('bigint').data as BigInt64Array), [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
    assert.deepEqual(Array.from(h5.readDataset('bigendian').data as Float32Array), [3, 2, 1]);
    assert.throws(() => h5.readDataset('string_arr'), (err: unknown) => err instanceof DataFormatError && /dataset "\/string_arr": expected a numeric dataset/.test(err.message));
  });
});

test('missing datasets and wrong shapes or dtypes are clear DataFormatErrors', async () => {
  await withHdf5(LIBHDF5, 'r', (h5) => {
    assert.throws(() => h5.readDataset('events/eta'), (err: unknown) => {
      assert.ok(err instanceof DataFormatError);
      assert.equal(err.message, `${LIBHDF5}: expected a dataset "/events/eta", got none; the file has /big_endian_i16, /counts, /events/image, /events/pt, /label`);
      return true;
    });
    assert.throws(() => h5.readDataset('events'), /expected a dataset "\/events", got a Group/);
    assert.deepEqual(expectDataset(h5, 'events/image', { shape: [null, 5, 6], dtype: ['<f4', '<f8'] }).shape, [4, 5, 6]);
    assert.throws(() => expectDataset(h5, 'events/image', { shape: [null, 6] }), /dataset "\/events\/image": expected shape \[null, 6\], got \[4, 5, 6\]/);
    assert.throws(() => expectDataset(h5, 'events/image', { dtype: '<f8' }), /expected dtype <f8, got <f4/);
  });
  const absent = path.join(dir, 'absent.h5');
  await assert.rejects(openHdf5(absent), (err: unknown) => err instanceof DataFormatError && err.message === `${absent}: expected an HDF5 file, got no such file`);
  const notH5 = path.join(dir, 'not.h5');
  fs.writeFileSync(notH5, 'hello, this is text');
  await assert.rejects(openHdf5(notH5), (err: unknown) => err instanceof DataFormatError && err.message.startsWith(`${notH5}: expected an HDF5 file`));
});

test('a truncated file: the message keeps the reason from the HDF5 error stack, not only err.cause', async () => {
  const bytes = fs.readFileSync(H5PY);
  const cut = path.join(dir, 'cut.h5');
  fs.writeFileSync(cut, bytes.subarray(0, 5208));
  await assert.rejects(openHdf5(cut), (err: unknown) => {
    assert.ok(err instanceof DataFormatError);
    assert.equal(err.message, `${cut}: expected an HDF5 file, got "unable to synchronously open file: truncated file: eof = 5208, sblock->base_addr = 0, stored_eof = ${bytes.length}"`);
    assert.match(String((err.cause as Error).message), /H5Fopen\(\)/, 'the whole stack stays in err.cause');
    return true;
  });
});

test('a corrupt compressed chunk: a DataFormatError naming the dataset and the HDF5 reason', async () => {
  const file = path.join(dir, 'corrupt-chunk.h5');
  const n = 20000;
  await withHdf5(file, 'w', (h5) => h5.writeDataset('x', new Float64Array(n).map((_, i) => Math.sin(i) * 1000), [n], { compression: 'gzip', chunks: [2000] }));
  const bytes = fs.readFileSync(file);
  bytes.fill(0, bytes.length >> 1, (bytes.length >> 1) + 4096);
  fs.writeFileSync(file, bytes);
  await withHdf5(file, 'r', (h5) => {
    assert.throws(() => h5.readDataset('x'), (err: unknown) => {
      assert.ok(err instanceof DataFormatError, String(err));
      assert.equal(err.message, `${file}: dataset "/x": expected readable data, got "can't synchronously read data: filter returned failure during read". the file is corrupt or truncated`);
      return true;
    });
    assert.equal(h5.readSlice('x', [[0, 100]]).data.length, 100, 'the intact chunks still read');
  });
});

test('writes are atomic: the target appears on close, abort keeps the old file, append edits a copy', async () => {
  const file = path.join(dir, 'atomic.h5');
  const h5 = await openHdf5(file, 'w');
  h5.writeDataset('a', [1, 2]);
  assert.ok(!fs.existsSync(file), 'nothing at the target before close');
  assert.ok(h5.tempPath && fs.existsSync(h5.tempPath));
  h5.close();
  assert.ok(fs.existsSync(file));

  await assert.rejects(
    withHdf5(file, 'w', (f) => {
      f.writeDataset('b', [3]);
      throw new Error('simulated failure');
    }),
    /simulated failure/,
  );
  await withHdf5(file, 'a', (f) => {
    assert.deepEqual(f.keys(), ['a'], 'the failed rewrite left the old file');
    f.writeDataset('extra/b', new Int32Array([7]));
    assert.throws(() => f.writeDataset('a', [0]), /"\/a" already exists/);
  });
  await withHdf5(file, 'r', (f) => assert.deepEqual(f.datasets(), ['/a', '/extra/b']));
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith('.atomic')), [], 'no temporary files left');
});
