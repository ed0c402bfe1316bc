import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dataPath } from '../../../lib/paths';
import { CLASS_COLUMNS } from '../../../lib/galaxy-zoo/data/decision-tree';
import { loadJpegJs, type RgbImage } from '../../../lib/galaxy-zoo/data/image-decode';
import { loadGalaxyZoo, readSolutions } from '../../../lib/galaxy-zoo/data/loader';
import { DataFormatError } from '../../../lib/io/errors';
import { assertClose } from '../../helpers';

const FIXTURE = dataPath('galaxy-zoo');

/** A 424×424 image: white inside a central square of side 100, black outside. */
function squareImage(): RgbImage {
  const rgb = new Uint8Array(424 * 424 * 3);
  for (let i = 162; i < 262; i++) for (let j = 162; j < 262; j++) rgb.fill(255, (i * 424 + j) * 3, (i * 424 + j) * 3 + 3);
  return { width: 424, height: 424, rgb };
}

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(csv: string, ids: number[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'training_solutions_rev1.csv'), csv);
  fs.mkdirSync(path.join(dir, 'images_training_rev1'));
  for (const id of ids) fs.writeFileSync(path.join(dir, 'images_training_rev1', `${id}.jpg`), new Uint8Array([0xff, 0xd8, 0xff, 0]));
  return dir;
}

const row = (id: number | string, v = 0.5): string => [id, ...CLASS_COLUMNS.map(() => v)].join(',');
const header = ['GalaxyID', ...CLASS_COLUMNS].join(',');

test('the fixture reads: 4 galaxies, 37 targets each, consistent with the tree', async () => {
  const { ids, targets } = await readSolutions(path.join(FIXTURE, 'training_solutions_rev1.csv'));
  assert.deepEqual(ids, [100008, 100023, 100053, 100078]);
  assert.equal(targets.length, 4 * 37);
  for (let i = 0; i < 4; i++) assertClose(targets[i * 37] + targets[i * 37 + 1] + targets[i * 37 + 2], 1, { atol: 1e-5 });
});

test('loading with an injected decoder crops the centre and downsamples', async () => {
  const set = await loadGalaxyZoo(FIXTURE, { size: 53, crop: 212, decode: () => squareImage() });
  assert.equal(set.n, 4);
  assert.equal(set.images.length, 4 * 53 * 53 * 3);
  // the 100-pixel square covers 25 of the 53 output pixels in the 212-pixel crop; its centre is white, the corner black
  assertClose(set.images[(26 * 53 + 26) * 3], 1, { atol: 1e-6 });
  assertClose(set.images[0], 0, { atol: 1e-6 });
  let white = 0;
  for (let k = 0; k < 53 * 53; k++) white += set.images[k * 3];
  assertClose(white, (100 / 4) ** 2, { rtol: 1e-3 }); // area averaging conserves the light
});

test('the fixture JPEGs decode with jpeg-js, or say that jpeg-js is missing', async () => {
  if (loadJpegJs()) {
    const set = await loadGalaxyZoo(FIXTURE, { size: 32 });
    const s = 32;
    for (let i = 0; i < set.n; i++) assert.ok(set.images[(i * s * s + (s / 2) * s + s / 2) * 3] > set.images[i * s * s * 3] + 0.1);
  } else {
    await assert.rejects(loadGalaxyZoo(FIXTURE), /jpeg-js/);
  }
});

test('a wrong header, a bad row and a missing image are clear errors', async () => {
  const wrongHeader = tempDir(header.replace('Class5.2', 'Class5.x') + '\n' + row(1) + '\n', [1]);
  await assert.rejects(loadGalaxyZoo(wrongHeader, { decode: () => squareImage() }), (e: unknown) => e instanceof DataFormatError && /header/.test(e.message) && /Class5\.x/.test(e.message));
  const badValue = tempDir(header + '\n' + row(1) + '\n' + row(2, 1.5) + '\n', [1, 2]);
  await assert.rejects(loadGalaxyZoo(badValue, { decode: () => squareImage() }), (e: unknown) => e instanceof DataFormatError && e.line === 3 && /\[0, 1\]/.test(e.message));
  const badId = tempDir(header + '\n' + row('1.5') + '\n', []);
  await assert.rejects(loadGalaxyZoo(badId, { decode: () => squareImage() }), /GalaxyID.*integer/);
  const missing = tempDir(header + '\n' + row(7) + '\n' + row(8) + '\n', [7]);
  await assert.rejects(loadGalaxyZoo(missing, { decode: () => squareImage() }), /8\.jpg: expected the image of GalaxyID 8 \(row 2 of training_solutions_rev1\.csv\), got no such file/);
});
