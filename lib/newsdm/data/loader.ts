/**
 * Loader for real NEWSdm scans (and the simulator's files in the same format), with the shape, dtype
 * and label checks a user needs to fix a file:
 *
 * - NPY + CSV: `images.npy` shaped (N, 8, H, W) (cluster, polarisation, row, column; float32, float64,
 *   uint8 or uint16) and a labels CSV with one row per cluster: a `label` column (integers
 *   0 … nLabels−1) and optional `class` (a name from CLASS_NAMES) and `direction` (rad) columns.
 * - HDF5: datasets `/images` (N, 8, H, W) and `/labels` (N), optional `/class` (class indices) and
 *   `/direction`.
 *
 * Errors are `DataFormatError`s naming the file, e.g. `x.npy: images: expected shape (N, 8, H, W), got [10, 7, 16, 16]`.
 * Also writes both formats (`writeScansNpy`, `writeScansHdf5`) — the committed fixture under
 * `data/newsdm/` is made that way (`./fixture`).
 *
 * Used by the NEWSdm notebook and the tests.
 */
import { DataFormatError, openHdf5, readCsv, readNpy, withHdf5, writeCsv, writeNpy, type NdArray } from '../../io';
import type { ClusterSet } from './datasets';
import { CLASS_NAMES, N_POL } from './physics';

/** Where a set of scans is: NPY images + labels CSV, or one HDF5 file. */
export type ScanSource = { images: string; labels: string } | { hdf5: string };

/** Options of {@link loadScans}. */
export interface LoadOptions {
  /** names of the label values (default ['background', 'signal']); labels must be < their number */
  labelNames?: readonly string[];
}

const IMAGE_DTYPES = ['<f4', '<f8', '|u1', '<u2'] as const;

/** Checks an image array's shape (N, 8, H, H) and dtype; returns N and H. */
export function checkImages(arr: NdArray, file: string): { n: number; size: number } {
  const s = arr.shape;
  if (s.length !== 4 || s[1] !== N_POL || s[2] !== s[3] || s[2] < 3) {
    throw new DataFormatError({ file, context: 'images', expected: `shape (N, ${N_POL}, H, W) with H = W ≥ 3`, got: `[${s.join(', ')}]`, hint: 'axes are cluster, polarisation, row, column' });
  }
  if (!(IMAGE_DTYPES as readonly string[]).includes(arr.dtype)) {
    throw new DataFormatError({ file, context: 'images', expected: `dtype ${IMAGE_DTYPES.join(', ')}`, got: arr.dtype });
  }
  return { n: s[0], size: s[2] };
}

/** Checks labels: N integers in [0, nLabels). */
export function checkLabels(labels: ArrayLike<number>, n: number, nLabels: number, file: string): Int32Array {
  if (labels.length !== n) throw new DataFormatError({ file, context: 'labels', expected: `${n} labels (one per image)`, got: `${labels.length}` });
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = Number(labels[i]);
    if (!Number.isInteger(v) || v < 0 || v >= nLabels) {
      throw new DataFormatError({ file, record: i + 1, context: 'label', expected: `an integer in [0, ${nLabels - 1}]`, got: String(labels[i]) });
    }
    out[i] = v;
  }
  return out;
}

function toFloat32(data: NdArray['data']): Float32Array {
  return data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
}

function classIndex(name: string, file: string, row: number): number {
  const c = (CLASS_NAMES as readonly string[]).indexOf(name);
  if (c < 0) throw new DataFormatError({ file, record: row + 1, context: 'column "class"', expected: `one of ${CLASS_NAMES.join(', ')}`, got: name });
  return c;
}

/** A ClusterSet around checked images and labels; truth columns default to unknown. */
function makeSet(images: Float32Array, n: number, size: number, labels: Int32Array, labelNames: readonly string[]): ClusterSet {
  return { images, n, size, labels, labelNames, trueClass: new Int32Array(n).fill(-1), direction: new Float64Array(n).fill(NaN), nGrains: new Int32Array(n) };
}

/** Loads scans from NPY + CSV or HDF5 (see the file header). Throws DataFormatError on bad input. */
export async function loadScans(source: ScanSource, options: LoadOptions = {}): Promise<ClusterSet> {
  const labelNames = options.labelNames ?? ['background', 'signal'];
  return 'hdf5' in source ? loadHdf5(source.hdf5, labelNames) : loadNpyCsv(source.images, source.labels, labelNames);
}

async function loadNpyCsv(imagesFile: string, labelsFile: string, labelNames: readonly string[]): Promise<ClusterSet> {
  const arr = await readNpy(imagesFile);
  const { n, size } = checkImages(arr, imagesFile);
  const header = (await readCsv(labelsFile, { defaultType: 'string' })).columns;
  if (!('label' in header)) throw new DataFormatError({ file: labelsFile, context: 'header', expected: 'a "label" column', got: Object.keys(header).join(', ') || '(none)' });
  const labels = checkLabels((header.label as string[]).map(Number), n, labelNames.length, labelsFile);
  const set = makeSet(toFloat32(arr.data), n, size, labels, labelNames);
  if ('class' in header) (header.class as string[]).forEach((name, i) => (set.trueClass[i] = name === '' ? -1 : classIndex(name, labelsFile, i)));
  if ('direction' in header) (header.direction as string[]).forEach((v, i) => (set.direction[i] = v === '' ? NaN : Number(v)));
  return set;
}

async function loadHdf5(file: string, labelNames: readonly string[]): Promise<ClusterSet> {
  const h5 = await openHdf5(file, 'r');
  try {
    for (const name of ['images', 'labels']) {
      if (!h5.has(name)) throw new DataFormatError({ file, context: `dataset "/${name}"`, expected: 'to exist', got: `datasets ${h5.datasets().join(', ') || '(none)'}` });
    }
    const arr = h5.readDataset('images');
    const { n, size } = checkImages(arr, file);
    const labels = checkLabels(h5.readDataset('labels').data as ArrayLike<number>, n, labelNames.length, file);
    const set = makeSet(toFloat32(arr.data), n, size, labels, labelNames);
    if (h5.has('class')) set.trueClass.set(Int32Array.from(h5.readDataset('class').data as ArrayLike<number>).subarray(0, n));
    if (h5.has('direction')) set.direction.set(Float64Array.from(h5.readDataset('direction').data as ArrayLike<number>).subarray(0, n));
    return set;
  } finally {
    h5.close();
  }
}

/** Writes `set` as `images.npy` (float32, (N, 8, H, W)) and a labels CSV (label, class, direction). */
export async function writeScansNpy(set: ClusterSet, imagesFile: string, labelsFile: string): Promise<void> {
  await writeNpy(imagesFile, set.images, [set.n, N_POL, set.size, set.size]);
  await writeCsv(labelsFile, {
    label: set.labels,
    class: Array.from(set.trueClass, (c) => (c >= 0 ? CLASS_NAMES[c] : '')),
    direction: Array.from(set.direction, (d) => (Number.isFinite(d) ? d.toFixed(5) : '')),
  });
}

/** Writes `set` as one HDF5 file with `/images`, `/labels`, `/class`, `/direction`. */
export async function writeScansHdf5(set: ClusterSet, file: string): Promise<void> {
  await withHdf5(file, 'w', (h5) => {
    h5.writeDataset('images', set.images, [set.n, N_POL, set.size, set.size]);
    h5.writeDataset('labels', set.labels, [set.n]);
    h5.writeDataset('class', set.trueClass, [set.n]);
    h5.writeDataset('direction', set.direction, [set.n]);
  });
}
