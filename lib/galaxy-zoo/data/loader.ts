/**
 * Loader for the Kaggle "Galaxy Zoo – The Galaxy Challenge" training data:
 * `training_solutions_rev1.csv` (GalaxyID + the 37 columns `Class1.1 … Class11.6`) and
 * `images_training_rev1/<GalaxyID>.jpg` (424×424 RGB), centre-cropped and downsampled.
 *
 * Errors name the file and what is wrong: a wrong header, a bad row (non-numeric, outside [0, 1],
 * not an integer id), a missing or undecodable image. A tiny fixture in this format lives in
 * `data/galaxy-zoo/`.
 *
 * Used by notebook 03-galaxy-zoo-gc (and by anyone with the real data set).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCsv, readCsvHeader } from '../../io/csv';
import { DataFormatError, quote } from '../../io/errors';
import { requireFile } from '../../io/files';
import { CLASS_COLUMNS, NUM_TARGETS } from './decision-tree';
import { cropAndResize, decodeImage, type ImageDecoder } from './image-decode';

/** File names of the Kaggle layout. */
export const SOLUTIONS_CSV = 'training_solutions_rev1.csv';
export const IMAGES_DIR = 'images_training_rev1';

/** Options of {@link loadGalaxyZoo}. */
export interface GalaxyZooLoadOptions {
  /** read only the first `limit` galaxies */
  limit?: number;
  /** central crop in original pixels (default 212 of 424) */
  crop?: number;
  /** output side in pixels (default 64) */
  size?: number;
  /** image decoder (default: `decodeImage`, JPEG via jpeg-js, PNG via pngjs) */
  decode?: ImageDecoder;
  /** image file extension (default `.jpg`) */
  extension?: string;
}

/** Loaded galaxies: ids, images `[n, size, size, 3]` in [0, 1], targets `[n, 37]`. */
export interface GalaxyZooSet {
  ids: number[];
  images: Float32Array;
  targets: Float32Array;
  size: number;
  n: number;
}

/** Reads and checks the solutions CSV: exact header, integer ids, 37 fractions in [0, 1]. */
export async function readSolutions(file: string, limit = Infinity): Promise<{ ids: number[]; targets: Float32Array }> {
  const header = await readCsvHeader(file);
  const expected = ['GalaxyID', ...CLASS_COLUMNS];
  if (header.length !== expected.length || header.some((h, i) => h.trim() !== expected[i])) {
    const at = header.findIndex((h, i) => h.trim() !== expected[i]);
    throw new DataFormatError({
      file,
      line: 1,
      context: 'header',
      expected: `${expected.length} columns GalaxyID, Class1.1 … Class11.6`,
      got: at >= 0 && at < expected.length ? `${quote(header[at] ?? '')} in column ${at + 1} (expected ${quote(expected[at])})` : `${header.length} columns`,
    });
  }
  const { columns, rowCount } = await readCsv(file);
  const n = Math.min(rowCount, limit);
  const idColumn = columns.GalaxyID as Float64Array;
  const ids: number[] = [];
  const targets = new Float32Array(n * NUM_TARGETS);
  for (let r = 0; r < n; r++) {
    const id = idColumn[r];
    if (!Number.isInteger(id) || id < 0) throw new DataFormatError({ file, line: r + 2, context: 'column "GalaxyID"', expected: 'a non-negative integer', got: String(id) });
    ids.push(id);
    CLASS_COLUMNS.forEach((name, c) => {
      const v = (columns[name] as Float64Array)[r];
      if (!(v >= -1e-6 && v <= 1 + 1e-6)) throw new DataFormatError({ file, line: r + 2, context: `column "${name}"`, expected: 'a vote fraction in [0, 1]', got: String(v) });
      targets[r * NUM_TARGETS + c] = v;
    });
  }
  return { ids, targets };
}

/**
 * Loads a Galaxy Zoo training set from `dir` (holding `training_solutions_rev1.csv` and
 * `images_training_rev1/`).
 * @throws DataFormatError for a missing folder or CSV, a bad CSV, a missing image; Error naming the file for an undecodable image.
 */
export async function loadGalaxyZoo(dir: string, options: GalaxyZooLoadOptions = {}): Promise<GalaxyZooSet> {
  const size = options.size ?? 64;
  const crop = options.crop ?? 212;
  const decode = options.decode ?? decodeImage;
  const { ids, targets } = await readSolutions(path.join(dir, SOLUTIONS_CSV), options.limit);
  const images = new Float32Array(ids.length * size * size * 3);
  ids.forEach((id, i) => {
    const file = path.join(dir, IMAGES_DIR, `${id}${options.extension ?? '.jpg'}`);
    requireFile(file, `the image of GalaxyID ${id} (row ${i + 1} of ${SOLUTIONS_CSV})`);
    images.set(cropAndResize(decode(new Uint8Array(fs.readFileSync(file)), file), crop, size), i * size * size * 3);
  });
  return { ids, images, targets, size, n: ids.length };
}

/**
 * What `loadGalaxyZoo` says about a solutions file whose header is broken: copies `csvFile` into
 * `scratchDir` with `Class5.2` renamed `Class5_2` and returns the loader's error message (or
 * 'no error', which would be a defect). Notebook 03 shows it as an example of a clear error.
 */
export async function brokenHeaderMessage(csvFile: string, scratchDir: string): Promise<string> {
  fs.mkdirSync(scratchDir, { recursive: true });
  fs.writeFileSync(path.join(scratchDir, SOLUTIONS_CSV), fs.readFileSync(csvFile, 'utf8').replace('Class5.2', 'Class5_2'));
  return loadGalaxyZoo(scratchDir).then(
    () => 'no error',
    (e: Error) => e.message,
  );
}
