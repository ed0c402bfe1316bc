/**
 * HDF5 files through h5wasm (the HDF5 C library compiled to WebAssembly, which reads and writes real
 * files on disk under Node): typed datasets, row slices of big datasets, attributes, gzip chunks, and
 * shape/dtype checks for the loaders of the studies. Files opened for writing are written to a
 * temporary file that replaces the target only on `close()` (atomic at file level).
 *
 * Used by the data loaders of the study notebooks (simulated showers, jet images, event tables) and
 * by notebooks that save arrays for Python tools (h5py reads what we write, and we read h5py's).
 * h5wasm is ES-module only, so it is loaded through `importESM` (lib/esm.ts), never imported statically.
 */
import * as fs from 'node:fs';
import { importESM } from '../esm';
import { commitTempSync, discardTempSync, tempPathFor } from './atomic';
import { convertArray, DTYPES, dtypeOf, shapeSize, SUPPORTED_DTYPES } from './dtype';
import type { NdArray, NumericArray, NumericDtype } from './dtype';
import { DataFormatError, quote } from './errors';
import { requireFile } from './files';
import { H5_CODES, h5dtype, type H5Dataset, type H5File, type H5Group, type H5Wasm } from './hdf5-wasm';

/** `'r'` read only; `'w'` create or replace (atomically, on close); `'a'` read and modify a copy, committed on close. */
export type Hdf5Mode = 'r' | 'w' | 'a';

/** What a dataset holds, read from its metadata without reading its data. */
export interface DatasetInfo {
  /** Absolute path inside the file, e.g. `/events/pt`. */
  name: string;
  shape: number[];
  /** Element type as returned by the readers (byte order converted to little endian). */
  dtype: NumericDtype;
  /** Chunk shape, or null for contiguous storage. */
  chunks: number[] | null;
  /** Names of the filters of a chunked dataset, e.g. `['deflate']` for gzip. */
  filters: string[];
}

/** Options of {@link Hdf5File.writeDataset}. */
export interface WriteDatasetOptions {
  /** Element type to store; defaults to the array's own (conversions to integers are checked). `|b1` is stored as `|u1`. */
  dtype?: NumericDtype;
  /** Chunk shape; required by HDF5 for compression (chosen automatically, ~256 KiB of whole rows, if omitted). */
  chunks?: number[];
  /** gzip (deflate) compression: `'gzip'` (level 4) or a level 0–9. */
  compression?: 'gzip' | number;
}

/** Attribute values as h5wasm returns them (numbers, strings, arrays of either). */
export type AttrValue = number | bigint | boolean | string | string[] | NumericArray;

let loading: Promise<H5Wasm> | null = null;

/** Loads h5wasm once, waits for its WebAssembly module, and makes HDF5 errors throw instead of print. */
function loadH5wasm(): Promise<H5Wasm> {
  loading ??= importESM<{ default: H5Wasm }>('h5wasm/node').then(async ({ default: h5 }) => {
    const module = await h5.ready;
    module.activate_throwing_error_handler();
    return h5;
  });
  return loading;
}

/** Absolute in-file path: `pt` → `/pt`, `/a//b/` → `/a/b`. */
function normalize(name: string): string {
  const parts = name.split('/').filter((p) => p.length > 0);
  return '/' + parts.join('/');
}

/**
 * What an HDF5 error stack says (h5wasm throws the whole stack, `#000: <source> line N in H5Fopen():
 * unable to …`, outermost first): the outermost failure and, when it differs, the innermost one, which
 * holds the reason, e.g. `unable to synchronously open file: truncated file: eof = 5208, …, stored_eof = 10416`.
 */
function hdf5Reason(err: unknown): string {
  const text = String(err instanceof Error ? err.message : err);
  const frames = text.split('\n').flatMap((l) => {
    const m = /^\s*#\d+: .*? in [\w.]+\(\): (.*)$/.exec(l);
    return m ? [m[1].trim()] : [];
  });
  if (frames.length === 0) return text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? text;
  const [outer, inner] = [frames[0], frames[frames.length - 1]];
  return outer === inner ? outer : `${outer}: ${inner}`;
}

/**
 * Opens an HDF5 file. In `'w'` and `'a'` modes the changes go to a temporary file beside the target
 * that `close()` renames over it (`abort()` discards them). Always `close()` (or use {@link withHdf5}).
 */
export async function openHdf5(path: string, mode: Hdf5Mode = 'r'): Promise<Hdf5File> {
  const h5 = await loadH5wasm();
  if (mode === 'r') {
    requireFile(path, 'an HDF5 file');
    return new Hdf5File(path, mode, openFile(h5, path, 'r', path), null);
  }
  const tempPath = tempPathFor(path);
  try {
    if (mode === 'a' && fs.existsSync(path)) {
      fs.copyFileSync(path, tempPath);
      return new Hdf5File(path, mode, openFile(h5, tempPath, 'a', path), tempPath);
    }
    return new Hdf5File(path, mode, openFile(h5, tempPath, 'w', path), tempPath);
  } catch (err) {
    discardTempSync(tempPath);
    throw err;
  }
}

function openFile(h5: H5Wasm, path: string, mode: 'r' | 'a' | 'w', shownAs: string): H5File {
  try {
    return new h5.File(path, mode);
  } catch (err) {
    throw new DataFormatError({ file: shownAs, expected: 'an HDF5 file', got: quote(hdf5Reason(err), 400), cause: err });
  }
}

/** Opens a file, runs `fn`, then closes it (committing writes), or aborts it if `fn` throws. */
export async function withHdf5<T>(path: string, mode: Hdf5Mode, fn: (file: Hdf5File) => T | Promise<T>): Promise<T> {
  const file = await openHdf5(path, mode);
  let result: T;
  try {
    result = await fn(file);
  } catch (err) {
    file.abort();
    throw err;
  }
  file.close();
  return result;
}

/** An open HDF5 file (see {@link openHdf5}). Dataset and group names are paths: `pt`, `/events/pt`. */
export class Hdf5File {
  private open = true;

  /** @internal use {@link openHdf5} */
  constructor(
    /** The target path given to openHdf5. */
    readonly path: string,
    readonly mode: Hdf5Mode,
    private readonly file: H5File,
    /** The temporary file being written (modes 'w' and 'a'), else null. */
    readonly tempPath: string | null,
  ) {}

  /** Names of the members of a group (default the root), sorted. */
  keys(group = '/'): string[] {
    return this.group(group).keys();
  }

  /** Whether a dataset or group exists at `name`. */
  has(name: string): boolean {
    return this.entity(name) !== null;
  }

  /** Paths of all datasets in the file, e.g. `['/events/eta', '/events/pt']`. */
  datasets(): string[] {
    this.check();
    const root = this.file.get('/') as H5Group;
    return root.paths().filter((p) => this.file.get(p)?.type === 'Dataset').map(normalize);
  }

  /** Shape, dtype and storage of a dataset; DataFormatError if it is missing or not numeric. */
  info(name: string): DatasetInfo {
    const ds = this.dataset(name);
    const meta = ds.metadata;
    const dtype = h5dtype(meta);
    if (!dtype) {
      throw new DataFormatError({ file: this.path, context: `dataset ${quote(normalize(name))}`, expected: `a numeric dataset (${SUPPORTED_DTYPES})`, got: describeType(meta.type) });
    }
    return { name: normalize(name), shape: meta.shape ?? [], dtype, chunks: meta.chunks, filters: meta.chunks ? ds.filters.map((f) => f.name) : [] };
  }

  /**
   * A whole dataset as `{ data, shape, dtype }` (C order). It passes through h5wasm's WebAssembly heap
   * (2 GiB at most), so stream datasets of hundreds of MB with {@link Hdf5File.rowChunks} or readSlice.
   */
  readDataset(name: string): NdArray {
    const info = this.info(name);
    if (shapeSize(info.shape) === 0) return { data: new DTYPES[info.dtype].ctor(0), shape: info.shape, dtype: info.dtype };
    return { data: asDtype(this.readData(info.name, (ds) => ds.value), info.dtype), shape: info.shape, dtype: info.dtype };
  }

  /**
   * A hyperslab `[start, stop)` per leading axis (missing axes are read whole), reading from disk
   * only what is selected. `readSlice('x', [[1000, 2000]])` gives rows 1000–1999 of a 2-d dataset.
   */
  readSlice(name: string, ranges: readonly (readonly [number, number])[]): NdArray {
    const info = this.info(name);
    const { shape, dtype } = info;
    if (ranges.length > shape.length) throw new RangeError(`${this.path}: dataset ${quote(info.name)} has ${shape.length} axes, got ${ranges.length} ranges`);
    const outShape = shape.map((d, k) => {
      if (k >= ranges.length) return d;
      const [start, stop] = ranges[k];
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(stop) || start < 0 || start > stop || stop > d) {
        throw new RangeError(`${this.path}: dataset ${quote(info.name)} axis ${k} has length ${d}, range [${start}, ${stop}) is outside it`);
      }
      return stop - start;
    });
    if (shapeSize(outShape) === 0) return { data: new DTYPES[dtype].ctor(0), shape: outShape, dtype };
    const full = shape.map((d, k): [number, number] => (k < ranges.length ? [ranges[k][0], ranges[k][1]] : [0, d]));
    return { data: asDtype(this.readData(info.name, (ds) => ds.slice(full)), dtype), shape: outShape, dtype };
  }

  /** Reads from dataset `name` through h5wasm; an HDF5 error (a corrupt chunk, say) becomes a DataFormatError naming the dataset. */
  private readData(name: string, read: (ds: H5Dataset) => unknown): unknown {
    const ds = this.dataset(name);
    try {
      return read(ds);
    } catch (err) {
      throw new DataFormatError({ file: this.path, context: `dataset ${quote(name)}`, expected: 'readable data', got: quote(hdf5Reason(err), 400), hint: 'the file is corrupt or truncated', cause: err });
    }
  }

  /** Streams a dataset in blocks of `rows` along its first axis; each block also gives its first row. */
  *rowChunks(name: string, rows: number): Generator<NdArray & { start: number }, void, undefined> {
    if (!Number.isSafeInteger(rows) || rows < 1) throw new RangeError(`rows must be a positive integer, got ${rows}`);
    const n = this.info(name).shape[0] ?? 0;
    for (let start = 0; start < n; start += rows) yield { ...this.readSlice(name, [[start, Math.min(n, start + rows)]]), start };
  }

  /**
   * Creates a dataset (and any missing parent groups). Fails if `name` exists.
   *
   * @param data elements in C order, prod(shape) of them
   * @param shape axis extents; defaults to `[data.length]`
   */
  writeDataset(name: string, data: NumericArray | readonly number[], shape?: readonly number[], opts: WriteDatasetOptions = {}): void {
    this.checkWritable();
    const path = normalize(name);
    let array: NumericArray = Array.isArray(data) ? Float64Array.from(data as number[]) : (data as NumericArray);
    const dims = shape ? [...shape] : [array.length];
    if (shapeSize(dims) !== array.length) throw new RangeError(`shape [${dims.join(', ')}] holds ${shapeSize(dims)} elements but the data has ${array.length}`);
    if (this.has(path)) throw new Error(`${this.path}: ${quote(path)} already exists`);
    const dtype = opts.dtype ?? dtypeOf(array);
    array = convertArray(array, dtype);
    this.ensureParents(path);
    const level = opts.compression === 'gzip' ? 4 : opts.compression;
    if (level !== undefined && !(Number.isInteger(level) && level >= 0 && level <= 9)) throw new RangeError(`gzip level must be 0–9, got ${opts.compression}`);
    const chunks = opts.chunks ?? (level !== undefined ? defaultChunks(dims, DTYPES[dtype].size) : undefined);
    try {
      this.file.create_dataset({ name: path, data: array, shape: dims, dtype: H5_CODES[dtype], chunks: chunks ?? null, ...(level !== undefined ? { compression: 'gzip', compression_opts: level } : {}) });
    } catch (err) {
      throw new Error(`${this.path}: cannot create dataset ${quote(path)}: ${hdf5Reason(err)}`, { cause: err });
    }
  }

  /** Creates a group and any missing parents; does nothing if it exists. */
  createGroup(name: string): void {
    this.checkWritable();
    let at = '';
    for (const part of normalize(name).split('/').filter(Boolean)) {
      at += '/' + part;
      const e = this.file.get(at);
      if (e === null) this.file.create_group(at);
      else if (e.type !== 'Group') throw new Error(`${this.path}: ${quote(at)} is a ${e.type}, not a group`);
    }
  }

  /** All attributes of a dataset or group (default the root). */
  readAttrs(name = '/'): Record<string, AttrValue> {
    const e = this.entityOrThrow(name);
    const out: Record<string, AttrValue> = {};
    for (const [key, attr] of Object.entries(e.attrs)) out[key] = attr.value as AttrValue;
    return out;
  }

  /** One attribute; DataFormatError naming the ones present if it is missing. */
  readAttr(name: string, attr: string): AttrValue {
    const attrs = this.readAttrs(name);
    if (!(attr in attrs)) {
      throw new DataFormatError({ file: this.path, context: quote(normalize(name)), expected: `an attribute ${quote(attr)}`, got: `attributes ${Object.keys(attrs).map((a) => quote(a)).join(', ') || 'none'}` });
    }
    return attrs[attr];
  }

  /** Sets an attribute (replacing one of the same name). Numbers are stored as `<f8`, integers as `<i4` by h5wasm's guess. */
  writeAttr(name: string, attr: string, value: number | string | readonly number[] | readonly string[] | NumericArray): void {
    this.checkWritable();
    const e = this.entityOrThrow(name);
    if (attr in e.attrs) e.delete_attribute(attr);
    const data = Array.isArray(value) && value.every((v) => typeof v === 'number') ? Float64Array.from(value as number[]) : value;
    e.create_attribute(attr, data as number | string | string[] | NumericArray);
  }

  /** Closes the file; in 'w'/'a' modes flushes it and atomically replaces the target. Safe to call twice. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      if (this.tempPath) this.file.flush();
      this.file.close();
      if (this.tempPath) commitTempSync(this.tempPath, this.path);
    } catch (err) {
      if (this.tempPath) discardTempSync(this.tempPath);
      throw err;
    }
  }

  /** Closes the file and discards all changes (the target stays as it was). */
  abort(): void {
    if (this.open) {
      this.open = false;
      try {
        this.file.close();
      } catch {
        /* already broken: the temporary file is removed below */
      }
    }
    if (this.tempPath) discardTempSync(this.tempPath);
  }

  private check(): void {
    if (!this.open) throw new Error(`${this.path} is closed`);
  }

  private checkWritable(): void {
    this.check();
    if (this.mode === 'r') throw new Error(`${this.path} is open read-only`);
  }

  private entity(name: string): ReturnType<H5File['get']> {
    this.check();
    return this.file.get(normalize(name));
  }

  private entityOrThrow(name: string): H5Dataset | H5Group {
    const e = this.entity(name);
    if (e === null || (e.type !== 'Dataset' && e.type !== 'Group')) {
      throw new DataFormatError({ file: this.path, expected: `a dataset or group ${quote(normalize(name))}`, got: 'none' });
    }
    return e as H5Dataset | H5Group;
  }

  private group(name: string): H5Group {
    const e = this.entity(name);
    if (e?.type !== 'Group') throw new DataFormatError({ file: this.path, expected: `a group ${quote(normalize(name))}`, got: e ? `a ${e.type}` : 'none' });
    return e as H5Group;
  }

  private dataset(name: string): H5Dataset {
    const e = this.entity(name);
    if (e?.type === 'Dataset') return e as H5Dataset;
    const present = this.datasets();
    const list = present.length > 20 ? present.slice(0, 20).join(', ') + `, … (${present.length} in all)` : present.join(', ') || 'no datasets';
    throw new DataFormatError({ file: this.path, expected: `a dataset ${quote(normalize(name))}`, got: e ? `a ${e.type}` : `none; the file has ${list}` });
  }

  private ensureParents(path: string): void {
    const parent = path.slice(0, path.lastIndexOf('/'));
    if (parent) this.createGroup(parent);
  }
}

/** h5wasm's output as the typed array of `dtype` (booleans come as Int8Array; scalars as numbers). */
function asDtype(value: unknown, dtype: NumericDtype): NumericArray {
  const ctor = DTYPES[dtype].ctor;
  if (ArrayBuffer.isView(value)) {
    const v = value as NumericArray;
    return v instanceof ctor ? v : new ctor(v.buffer, v.byteOffset, v.byteLength / DTYPES[dtype].size);
  }
  const out = new ctor(1);
  (out as unknown as (number | bigint)[])[0] = typeof value === 'boolean' ? Number(value) : (value as number | bigint);
  return out;
}

/** About 256 KiB of whole rows per chunk (HDF5 recommends chunks of 10 KiB – 1 MiB). */
function defaultChunks(shape: readonly number[], itemSize: number): number[] {
  if (shape.length === 0) return [];
  const rowBytes = shape.slice(1).reduce((a, d) => a * Math.max(1, d), itemSize);
  const rows = Math.max(1, Math.min(shape[0], Math.floor((256 * 1024) / rowBytes)));
  return [rows, ...shape.slice(1).map((d) => Math.max(1, d))];
}

function describeType(type: number): string {
  return ['integer', 'float', 'time', 'string', 'bitfield', 'opaque', 'compound', 'reference', 'enum', 'variable-length', 'array'][type] ?? `type ${type}`;
}

/** Expected shape (`null` = any extent on that axis) and dtype(s) of a dataset. */
export interface DatasetExpectation {
  shape?: readonly (number | null)[];
  dtype?: NumericDtype | readonly NumericDtype[];
}

/**
 * Checks a dataset's rank, extents and dtype before a loader reads it, and returns its info.
 * Throws DataFormatError such as `showers.h5: dataset "/energy": expected shape [null, 3], got [1000, 4]`.
 */
export function expectDataset(file: Hdf5File, name: string, expect: DatasetExpectation = {}): DatasetInfo {
  const info = file.info(name);
  const context = `dataset ${quote(info.name)}`;
  if (expect.shape) {
    const ok = expect.shape.length === info.shape.length && expect.shape.every((d, k) => d === null || d === info.shape[k]);
    if (!ok) throw new DataFormatError({ file: file.path, context, expected: `shape [${expect.shape.map((d) => d ?? 'null').join(', ')}]`, got: `[${info.shape.join(', ')}]` });
  }
  if (expect.dtype) {
    const allowed: readonly NumericDtype[] = typeof expect.dtype === 'string' ? [expect.dtype] : expect.dtype;
    if (!allowed.includes(info.dtype)) throw new DataFormatError({ file: file.path, context, expected: `dtype ${allowed.join(' or ')}`, got: info.dtype });
  }
  return info;
}
