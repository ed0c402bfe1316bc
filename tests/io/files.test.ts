/** lib/io/files.ts, and every loader of the project given a path that does not exist. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DataFormatError } from '../../lib/io/errors';
import { hasGzipMagic, requireFile } from '../../lib/io/files';
import { readCsv, readCsvChunks, readCsvHeader } from '../../lib/io/csv';
import { readNpy } from '../../lib/io/npy';
import { openHdf5, withHdf5 } from '../../lib/io/hdf5';
import { readRootChunks, rootBranches } from '../../lib/zprime/data/root-loader';
import { readEventsCsvChunks } from '../../lib/zprime/data/csv-loader';
import { readEvents } from '../../lib/darkmachines/data/reader';
import { loadGalaxyZoo, readSolutions } from '../../lib/galaxy-zoo/data/loader';
import { loadScans } from '../../lib/newsdm/data/loader';
import { openShard } from '../../lib/telescope-array/data/shards';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'io-files-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

async function drain(chunks: AsyncIterable<unknown>): Promise<void> {
  for await (const chunk of chunks) void chunk;
}

/** Each loader, reading `file` (which does not exist) as it would read its own format. */
const LOADERS: Record<string, (file: string) => Promise<unknown>> = {
  'CSV readCsv': (f) => readCsv(f),
  'CSV readCsvChunks': (f) => drain(readCsvChunks(f)),
  'CSV readCsvHeader': (f) => readCsvHeader(f),
  'NPY readNpy': (f) => readNpy(f),
  'HDF5 openHdf5': (f) => openHdf5(f),
  'HDF5 withHdf5': (f) => withHdf5(f, 'r', (h5) => h5.keys()),
  'ROOT readRootChunks': (f) => drain(readRootChunks(f, { tree: 'events', scalars: ['NMuon'] })),
  'ROOT rootBranches': (f) => rootBranches(f, 'events'),
  'Z′ events CSV': (f) => drain(readEventsCsvChunks(f)),
  'DarkMachines readEvents': (f) => readEvents(f),
  'Galaxy Zoo readSolutions': (f) => readSolutions(f),
  'NEWSdm loadScans (NPY + CSV)': (f) => loadScans({ images: f, labels: f + '.csv' }),
  'NEWSdm loadScans (HDF5)': (f) => loadScans({ hdf5: f }),
  'Telescope Array openShard': (f) => openShard(f),
};

for (const [name, load] of Object.entries(LOADERS)) {
  test(`${name}: a missing file is a DataFormatError naming the path`, { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'no-such-folder', `absent-${name.replace(/\W+/g, '-')}`);
    await assert.rejects(load(file), (err: unknown) => {
      assert.ok(err instanceof DataFormatError, `${name}: ${String(err)}`);
      assert.equal(err.file, file);
      assert.match(err.message, /: expected .+, got no such file$/);
      assert.ok(err.message.startsWith(`${file}: `), err.message);
      return true;
    });
  });
}

test('Galaxy Zoo loadGalaxyZoo: a missing folder names the solutions file it looked for', async () => {
  const folder = path.join(dir, 'no-galaxies');
  await assert.rejects(loadGalaxyZoo(folder), (err: unknown) => err instanceof DataFormatError && err.file === path.join(folder, 'training_solutions_rev1.csv') && /got no such file$/.test(err.message));
});

test('requireFile: a folder and an unreadable file are named too; pipes and devices pass', () => {
  assert.throws(() => requireFile(dir, 'a CSV file'), (err: unknown) => err instanceof DataFormatError && err.message === `${dir}: expected a CSV file, got a folder`);
  assert.throws(() => requireFile(path.join(dir, 'x', 'y'), 'a CSV file'), /got no such file$/);
  requireFile('/dev/null', 'a CSV file');
  const file = path.join(dir, 'present.csv');
  fs.writeFileSync(file, 'a\n1\n');
  requireFile(file, 'a CSV file');
});

test('hasGzipMagic: by content, not by name; false for an empty file and for devices', () => {
  const gz = path.join(dir, 'data.txt');
  fs.writeFileSync(gz, zlib.gzipSync('hello'));
  assert.equal(hasGzipMagic(gz), true);
  const plain = path.join(dir, 'plain.gz');
  fs.writeFileSync(plain, 'hello');
  assert.equal(hasGzipMagic(plain), false);
  const empty = path.join(dir, 'empty.gz');
  fs.writeFileSync(empty, '');
  assert.equal(hasGzipMagic(empty), false);
  assert.equal(hasGzipMagic('/dev/null'), false);
});
