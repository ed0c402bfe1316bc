import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataFormatError, withHdf5, writeCsv, writeNpy } from '../../../lib/io';
import { Random } from '../../../lib/random';
import { simulateBinarySet } from '../../../lib/newsdm/data/datasets';
import { FIXTURE_LABEL_NAMES, fixturePaths, fixtureSet } from '../../../lib/newsdm/data/fixture';
import { loadScans, writeScansHdf5, writeScansNpy } from '../../../lib/newsdm/data/loader';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'newsdm-loader-'));

test('the committed fixture loads and equals a fresh simulation (the simulator is deterministic)', async () => {
  const set = await loadScans(fixturePaths(), { labelNames: FIXTURE_LABEL_NAMES });
  const fresh = fixtureSet();
  assert.equal(set.n, 12);
  assert.equal(set.size, 16);
  assert.deepEqual(set.images, fresh.images);
  assert.deepEqual(set.labels, fresh.labels);
  assert.deepEqual(set.trueClass, fresh.trueClass);
});

test('NPY + CSV and HDF5 round trips keep images, labels and truth', async () => {
  const dir = tmp();
  const set = simulateBinarySet(new Random(3), { nSignal: 5, nBackground: 4, size: 8 });
  await writeScansNpy(set, path.join(dir, 'img.npy'), path.join(dir, 'labels.csv'));
  await writeScansHdf5(set, path.join(dir, 'scans.h5'));
  for (const back of [await loadScans({ images: path.join(dir, 'img.npy'), labels: path.join(dir, 'labels.csv') }), await loadScans({ hdf5: path.join(dir, 'scans.h5') })]) {
    assert.deepEqual(back.images, set.images);
    assert.deepEqual(back.labels, set.labels);
    assert.deepEqual(back.trueClass, set.trueClass);
    for (let i = 0; i < set.n; i++) assert.ok(Number.isNaN(set.direction[i]) ? Number.isNaN(back.direction[i]) : Math.abs(back.direction[i] - set.direction[i]) < 1e-4);
  }
});

/** Writes images of `shape` / `values` and a labels CSV; returns the load promise's rejection. */
async function loadError(images: { data: Float32Array | Float64Array | Int32Array | Uint8Array; shape: number[] }, labels: Record<string, number[] | string[]>): Promise<DataFormatError> {
  const dir = tmp();
  const src = { images: path.join(dir, 'x.npy'), labels: path.join(dir, 'y.csv') };
  await writeNpy(src.images, images.data, images.shape);
  await writeCsv(src.labels, labels);
  try {
    await loadScans(src);
  } catch (err) {
    assert.ok(err instanceof DataFormatError, String(err));
    return err;
  }
  assert.fail('expected a DataFormatError');
}

test('wrong shapes are refused with the shape in the message', async () => {
  let err = await loadError({ data: new Float32Array(2 * 7 * 4 * 4), shape: [2, 7, 4, 4] }, { label: [0, 1] });
  assert.match(err.message, /x\.npy.*shape \(N, 8, H, W\).*\[2, 7, 4, 4\]/);
  err = await loadError({ data: new Float32Array(2 * 8 * 16), shape: [2, 8, 16] }, { label: [0, 1] });
  assert.match(err.message, /\[2, 8, 16\]/);
  err = await loadError({ data: new Float32Array(2 * 8 * 4 * 5), shape: [2, 8, 4, 5] }, { label: [0, 1] });
  assert.match(err.message, /H = W/);
});

test('a wrong dtype is refused', async () => {
  const err = await loadError({ data: new Int32Array(2 * 8 * 16), shape: [2, 8, 4, 4] }, { label: [0, 1] });
  assert.match(err.message, /dtype.*<f4.*got <i4/);
});

test('missing, short or out-of-range labels are refused', async () => {
  const img = { data: new Float32Array(3 * 8 * 16), shape: [3, 8, 4, 4] };
  assert.match((await loadError(img, { id: [1, 2, 3] })).message, /y\.csv.*"label" column/);
  assert.match((await loadError(img, { label: [0, 1] })).message, /3 labels.*got 2/);
  assert.match((await loadError(img, { label: [0, 2, 1] })).message, /record 2.*integer in \[0, 1\].*got 2/);
  assert.match((await loadError(img, { label: [0, 1, 1], class: ['C100', 'muon', 'fog'] })).message, /class.*got muon/);
});

test('an HDF5 file without /labels is refused', async () => {
  const dir = tmp();
  const set = simulateBinarySet(new Random(3), { nSignal: 2, nBackground: 1, size: 6 });
  const file = path.join(dir, 'no-labels.h5');
  await withHdf5(file, 'w', (h5) => h5.writeDataset('images', set.images, [3, 8, 6, 6]));
  await assert.rejects(loadScans({ hdf5: file }), (err: Error) => err instanceof DataFormatError && /"\/labels".*to exist/.test(err.message));
});
