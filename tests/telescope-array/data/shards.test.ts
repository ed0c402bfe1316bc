/** HDF5 shards: round trip, layout checks with clear errors on files produced elsewhere. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { withHdf5 } from '../../../lib/io/hdf5';
import { DataFormatError } from '../../../lib/io/errors';
import { Random } from '../../../lib/random';
import { DETECTOR_FEATURES, TRUTH_FEATURES } from '../../../lib/telescope-array/data/event';
import { fakeEvents } from '../fixtures';
import { openShard, readRows, readSummaries, writeShard } from '../../../lib/telescope-array/data/shards';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ta-shards-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('write then read back every array and the sizes', async () => {
  const events = fakeEvents(7, 3, 16, new Random(1));
  const file = path.join(dir, 'a.h5');
  const info = await writeShard(file, events, 3, 16);
  assert.deepEqual(info, { path: file, n: 7, N: 3, T: 16 });
  assert.deepEqual(await openShard(file), info);
  await withHdf5(file, 'r', (f) => {
    const block = readRows(f, 2, 5);
    assert.equal(block.n, 3);
    assert.deepEqual(Array.from(block.waveforms.subarray(0, 3 * 3 * 16 * 2)), Array.from(events[2].waveforms));
    assert.deepEqual(Array.from(block.targets.subarray(6, 9)), Array.from(events[4].targets));
    assert.deepEqual(f.readAttr('/', 'detectorFeatures'), [...DETECTOR_FEATURES]);
  });
  const s = await readSummaries([info, info]);
  assert.equal(s.n, 14);
  assert.deepEqual(Array.from(s.truth.subarray(7 * TRUTH_FEATURES.length, 7 * TRUTH_FEATURES.length + 3)), Array.from(events[0].truth.subarray(0, 3)));
});

test('loader errors name the dataset and what was expected', async () => {
  const good = fakeEvents(2, 2, 8, new Random(2));
  const missing = path.join(dir, 'missing.h5');
  await withHdf5(missing, 'w', (f) => {
    f.writeDataset('waveforms', new Float32Array(2 * 2 * 2 * 8 * 2), [2, 2, 2, 8, 2]);
  });
  await assert.rejects(openShard(missing), (e: unknown) => e instanceof DataFormatError && /detectors/.test(String(e)));

  const wrongShape = path.join(dir, 'shape.h5');
  await withHdf5(wrongShape, 'w', (f) => {
    f.writeDataset('waveforms', new Float32Array(2 * 2 * 2 * 8 * 3), [2, 2, 2, 8, 3]);
  });
  await assert.rejects(openShard(wrongShape), (e: unknown) => e instanceof DataFormatError && /waveforms/.test(String(e)) && /shape/.test(String(e)));

  const wrongType = path.join(dir, 'dtype.h5');
  await writeShard(wrongType, good, 2, 8);
  await withHdf5(wrongType, 'a', (f) => {
    f.writeDataset('extra', new Float64Array(1));
  });
  assert.equal((await openShard(wrongType)).n, 2); // extra datasets are allowed
  const f64 = path.join(dir, 'f64.h5');
  await withHdf5(f64, 'w', (f) => {
    f.writeDataset('waveforms', new Float64Array(2 * 2 * 2 * 8 * 2), [2, 2, 2, 8, 2]);
  });
  await assert.rejects(openShard(f64), (e: unknown) => e instanceof DataFormatError && /dtype/.test(String(e)));

  await assert.rejects(openShard(path.join(dir, 'nope.h5')), (err: unknown) => err instanceof DataFormatError && /nope\.h5: expected an HDF5 file, got no such file/.test(err.message));
});
