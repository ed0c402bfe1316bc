/**
 * NumPy `.npy` files (format versions 1.0, 2.0 and 3.0), read and written without Python, so that
 * arrays prepared with numpy (images, detector hits, reference outputs) load into typed arrays and
 * our results load back into numpy.
 *
 * Format (numpy.lib.format, NEP 1): magic `\x93NUMPY`, major and minor version bytes, header length
 * (uint16 LE in 1.0, uint32 LE in 2.0/3.0), then a Python dict literal
 * `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }` padded with spaces and a final `\n`
 * so that the data starts at a multiple of 64 bytes; then the raw elements.
 * https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 *
 * Used by the data loaders of the study notebooks (calorimeter images, jet constituents) and by the
 * tests that compare with numpy. Big-endian files are converted to little endian; Fortran-order
 * files are transposed to C order.
 */
import * as fsp from 'node:fs/promises';
import { writeFileAtomic } from './atomic';
import { requireFile } from './files';
import { DataFormatError, quote } from './errors';
import { convertArray, DTYPES, dtypeOf, parseDtype, shapeSize, SUPPORTED_DTYPES, toFloat64 } from './dtype';
import type { NdArray, NumericArray, NumericDtype } from './dtype';
import { parsePyLiteral, PyLiteralError, type PyValue } from './pyliteral';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ARRAY_ALIGN = 64; // numpy.lib.format.ARRAY_ALIGN
const GROWTH_AXIS_MAX_DIGITS = 21; // numpy ≥ 1.23 leaves room to grow the first axis in place

/** Options of {@link readNpy}. */
export interface ReadNpyOptions {
  /**
   * How to return 64-bit integers (`<i8`, `<u8`): as BigInt64Array/BigUint64Array (`'bigint'`, the
   * default), or as Float64Array (`'number'`, dtype `<f8`), checked to be exact (|v| ≤ 2^53 − 1).
   */
  int64?: 'bigint' | 'number';
}

/** Reads a `.npy` file into `{ data, shape, dtype }` (C order, little endian). Throws DataFormatError. */
export async function readNpy(file: string, opts: ReadNpyOptions = {}): Promise<NdArray> {
  requireFile(file, 'a .npy file');
  const bytes = await fsp.readFile(file);
  return parseNpy(bytes, file, opts);
}

/** Parses the bytes of a `.npy` file; `file` names it in error messages. */
export function parseNpy(bytes: Uint8Array, file = '<buffer>', opts: ReadNpyOptions = {}): NdArray {
  const { header, dataOffset } = readHeader(bytes, file);
  const { dtype, bigEndian, fortranOrder, shape } = interpretHeader(header, file);
  const { size, ctor } = DTYPES[dtype];
  const count = shapeSize(shape);
  const available = bytes.length - dataOffset;
  if (available !== count * size) {
    throw new DataFormatError({
      file,
      context: 'data',
      expected: `${count * size} bytes for shape ${pyShape(shape)} of ${dtype}`,
      got: `${available}`,
      hint: available < count * size ? 'the file is truncated' : 'extra bytes after the array (several arrays saved into one file?)',
    });
  }
  let data = bigEndian ? swapToLittle(bytes, dataOffset, count, dtype) : viewOrCopy(bytes, dataOffset, count, size, ctor);
  if (fortranOrder && shape.length > 1) data = fortranToC(data, shape);
  if (opts.int64 === 'number' && (dtype === '<i8' || dtype === '<u8')) {
    try {
      return { data: toFloat64(data), shape, dtype: '<f8' };
    } catch (err) {
      throw new DataFormatError({ file, context: 'data', expected: '64-bit integers within ±2^53 for int64: "number"', got: (err as Error).message, cause: err });
    }
  }
  return { data, shape, dtype };
}

function readHeader(bytes: Uint8Array, file: string): { header: string; dataOffset: number } {
  if (bytes.length === 0) throw new DataFormatError({ file, expected: 'a .npy file', got: 'an empty file' });
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new DataFormatError({ file, context: 'magic', expected: 'the .npy magic string \\x93NUMPY', got: quote(Buffer.from(bytes.subarray(0, 6)).toString('latin1')) });
  }
  const major = bytes[6];
  if (major < 1 || major > 3) throw new DataFormatError({ file, context: 'version', expected: 'format version 1.0, 2.0 or 3.0', got: `${major}.${bytes[7]}` });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw new DataFormatError({ file, context: 'header', expected: 'a header length', got: 'end of file' });
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes;
  if (bytes.length < start + headerLength) {
    throw new DataFormatError({ file, context: 'header', expected: `${headerLength} header bytes`, got: `${bytes.length - start}`, hint: 'the file is truncated' });
  }
  const header = Buffer.from(bytes.buffer, bytes.byteOffset + start, headerLength).toString(major === 3 ? 'utf8' : 'latin1');
  return { header, dataOffset: start + headerLength };
}

function interpretHeader(text: string, file: string): { dtype: NumericDtype; bigEndian: boolean; fortranOrder: boolean; shape: number[] } {
  const bad = (expected: string, got?: string, cause?: unknown): DataFormatError => new DataFormatError({ file, context: 'header', expected, got, cause });
  let dict: PyValue;
  try {
    dict = parsePyLiteral(text);
  } catch (err) {
    if (err instanceof PyLiteralError) throw bad('a Python dict literal', `${quote(text.trim(), 80)} (${err.message})`, err);
    throw err;
  }
  if (!(dict instanceof Map)) throw bad('a dict', quote(text.trim(), 80));
  const descr = dict.get('descr');
  const fortran = dict.get('fortran_order');
  const shape = dict.get('shape');
  if (typeof descr !== 'string') {
    throw bad(`a simple dtype (${SUPPORTED_DTYPES})`, Array.isArray(descr) ? 'a structured dtype' : String(descr));
  }
  const parsed = parseDtype(descr);
  if (!parsed) throw bad(`a supported dtype (${SUPPORTED_DTYPES}, either byte order)`, quote(descr));
  if (typeof fortran !== 'boolean') throw bad("'fortran_order': True or False", String(fortran));
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw bad("'shape': a tuple of non-negative integers", quote(text.trim(), 80));
  }
  return { ...parsed, fortranOrder: fortran, shape: shape as number[] };
}

/** A typed array over the file bytes when aligned and unshared, else a copy. */
function viewOrCopy(bytes: Uint8Array, offset: number, count: number, size: number, ctor: (typeof DTYPES)[NumericDtype]['ctor']): NumericArray {
  const start = bytes.byteOffset + offset;
  const ownsBuffer = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
  if (ownsBuffer && start % size === 0) return new ctor(bytes.buffer, start, count);
  const copy = new Uint8Array(count * size);
  copy.set(bytes.subarray(offset, offset + count * size));
  return new ctor(copy.buffer, 0, count);
}

/** Reads big-endian elements into a native (little-endian) typed array. */
function swapToLittle(bytes: Uint8Array, offset: number, count: number, dtype: NumericDtype): NumericArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * DTYPES[dtype].size);
  const out = new DTYPES[dtype].ctor(count);
  const get: (i: number) => number | bigint = {
    '<f4': (i: number) => view.getFloat32(4 * i),
    '<f8': (i: number) => view.getFloat64(8 * i),
    '<i2': (i: number) => view.getInt16(2 * i),
    '<i4': (i: number) => view.getInt32(4 * i),
    '<i8': (i: number) => view.getBigInt64(8 * i),
    '<u2': (i: number) => view.getUint16(2 * i),
    '<u4': (i: number) => view.getUint32(4 * i),
    '<u8': (i: number) => view.getBigUint64(8 * i),
  }[dtype as '<f4'];
  const dst = out as unknown as (number | bigint)[];
  for (let i = 0; i < count; i++) dst[i] = get(i);
  return out;
}

/** Reorders Fortran-order (first index fastest) elements into C order (last index fastest). */
export function fortranToC<T extends NumericArray>(src: T, shape: readonly number[]): T {
  const n = src.length;
  const nd = shape.length;
  const stride = new Array<number>(nd);
  for (let k = 0, s = 1; k < nd; k++) {
    stride[k] = s;
    s *= shape[k];
  }
  const out = new (src.constructor as new (length: number) => T)(n);
  const from = src as unknown as (number | bigint)[];
  const to = out as unknown as (number | bigint)[];
  const idx = new Array<number>(nd).fill(0);
  let f = 0;
  for (let c = 0; c < n; c++) {
    to[c] = from[f];
    for (let k = nd - 1; k >= 0; k--) {
      idx[k]++;
      f += stride[k];
      if (idx[k] < shape[k]) break;
      f -= stride[k] * shape[k];
      idx[k] = 0;
    }
  }
  return out;
}

/** Python's repr of a shape tuple: `()`, `(3,)`, `(3, 4)`. */
function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Options of {@link writeNpy}. */
export interface WriteNpyOptions {
  /** Element type to store; defaults to the array's own. Conversions to integers are checked exactly. */
  dtype?: NumericDtype;
}

/**
 * Encodes an array as `.npy` bytes [header, data], byte for byte as numpy 1.24 `np.save` writes it
 * (version 1.0 unless the header needs 2.0).
 *
 * @param data elements in C order; a plain number array is stored as `<f8`
 * @param shape axis extents, product = data.length; defaults to `[data.length]`
 */
export function encodeNpy(data: NumericArray | readonly number[], shape?: readonly number[], opts: WriteNpyOptions = {}): [Uint8Array, Uint8Array] {
  let array: NumericArray = Array.isArray(data) ? Float64Array.from(data as number[]) : (data as NumericArray);
  const dims = shape ? [...shape] : [array.length];
  if (shapeSize(dims) !== array.length) {
    throw new RangeError(`shape [${dims.join(', ')}] holds ${shapeSize(dims)} elements but the data has ${array.length}`);
  }
  const dtype = opts.dtype ?? dtypeOf(array);
  array = convertArray(array, dtype);
  let dict = `{'descr': '${dtype}', 'fortran_order': False, 'shape': ${pyShape(dims)}, }`;
  if (dims.length > 0) dict += ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(dims[0]).length));
  const header = wrapHeader(dict);
  return [header, new Uint8Array(array.buffer, array.byteOffset, array.byteLength)];
}

/** numpy.lib.format._wrap_header: magic, version, length, dict, space padding to 64 bytes, `\n`. */
function wrapHeader(dict: string): Uint8Array {
  const hlen = dict.length + 1;
  const padFor = (prefix: number): number => ARRAY_ALIGN - ((prefix + hlen) % ARRAY_ALIGN);
  const major = hlen + padFor(10) <= 0xffff ? 1 : 2; // 1.0 stores the length as uint16
  const prefix = major === 1 ? 10 : 12;
  const padlen = padFor(prefix);
  const out = Buffer.alloc(prefix + hlen + padlen, 0x20);
  out.set(MAGIC, 0);
  out[6] = major;
  out[7] = 0;
  if (major === 1) out.writeUInt16LE(hlen + padlen, 8);
  else out.writeUInt32LE(hlen + padlen, 8);
  out.write(dict, prefix, 'latin1');
  out[out.length - 1] = 0x0a;
  return out;
}

/**
 * Writes an array to a `.npy` file atomically (temporary file, fsync, rename).
 *
 * @param data elements in C order (a Uint8Array of 0/1 with `{ dtype: '|b1' }` for booleans)
 * @param shape axis extents; defaults to `[data.length]`
 */
export async function writeNpy(file: string, data: NumericArray | readonly number[], shape?: readonly number[], opts: WriteNpyOptions = {}): Promise<void> {
  await writeFileAtomic(file, encodeNpy(data, shape, opts));
}
