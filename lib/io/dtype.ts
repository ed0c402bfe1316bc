/**
 * Numeric element types shared by the binary readers (npy, hdf5): NumPy-style type strings
 * (`'<f8'`, `'|u1'`, …), the JavaScript typed array that holds each, and the n-dimensional array
 * record `{ data, shape, dtype }` that the readers return.
 *
 * Used by `lib/io/npy.ts`, `lib/io/hdf5.ts` and the data loaders of the study notebooks.
 * Type strings follow numpy's array-interface protocol: byte order `<` little, `>` big, `|` not
 * applicable (one-byte types), then kind (`f` float, `i` signed, `u` unsigned, `b` boolean) and size
 * in bytes (https://numpy.org/doc/stable/reference/arrays.interface.html).
 */

/** The element types supported by `lib/io`, in numpy's canonical little-endian spelling. */
export type NumericDtype = '<f4' | '<f8' | '|i1' | '<i2' | '<i4' | '<i8' | '|u1' | '<u2' | '<u4' | '<u8' | '|b1';

/** Typed arrays that hold those types (`|b1` booleans are a Uint8Array of 0/1). */
export type NumericArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array;

/** An n-dimensional array: `data` holds prod(shape) elements in C (row-major) order. */
export interface NdArray {
  data: NumericArray;
  /** Extent of each axis; `[]` for a scalar (one element). */
  shape: number[];
  dtype: NumericDtype;
}

type ArrayCtor = {
  new (length: number): NumericArray;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): NumericArray;
  readonly BYTES_PER_ELEMENT: number;
};

/** Kind, size in bytes and typed-array constructor of each dtype. */
export const DTYPES: Readonly<Record<NumericDtype, { kind: 'f' | 'i' | 'u' | 'b'; size: number; ctor: ArrayCtor }>> = {
  '<f4': { kind: 'f', size: 4, ctor: Float32Array },
  '<f8': { kind: 'f', size: 8, ctor: Float64Array },
  '|i1': { kind: 'i', size: 1, ctor: Int8Array },
  '<i2': { kind: 'i', size: 2, ctor: Int16Array },
  '<i4': { kind: 'i', size: 4, ctor: Int32Array },
  '<i8': { kind: 'i', size: 8, ctor: BigInt64Array },
  '|u1': { kind: 'u', size: 1, ctor: Uint8Array },
  '<u2': { kind: 'u', size: 2, ctor: Uint16Array },
  '<u4': { kind: 'u', size: 4, ctor: Uint32Array },
  '<u8': { kind: 'u', size: 8, ctor: BigUint64Array },
  '|b1': { kind: 'b', size: 1, ctor: Uint8Array },
};

/** The supported dtypes as a readable list for error messages. */
export const SUPPORTED_DTYPES = Object.keys(DTYPES).join(', ');

/**
 * Parses a numpy type string into a supported dtype and its byte order, or null if unsupported.
 * Accepts any byte-order mark for one-byte types (`<i1`, `|i1`) and `=` (native, i.e. little on the
 * x86/ARM machines we run on).
 */
export function parseDtype(descr: string): { dtype: NumericDtype; bigEndian: boolean } | null {
  if (descr.length < 3) return null;
  const order = descr[0];
  if (order !== '<' && order !== '>' && order !== '|' && order !== '=') return null;
  const body = descr.slice(1);
  const oneByte = body === 'i1' || body === 'u1' || body === 'b1';
  const dtype = (oneByte ? '|' : '<') + body;
  if (!(dtype in DTYPES)) return null;
  if (order === '|' && !oneByte) return null;
  return { dtype: dtype as NumericDtype, bigEndian: order === '>' && !oneByte };
}

/** The dtype a typed array holds (a Uint8Array reads as `|u1`; pass `|b1` explicitly for booleans). */
export function dtypeOf(data: NumericArray): NumericDtype {
  if (data instanceof Float64Array) return '<f8';
  if (data instanceof Float32Array) return '<f4';
  if (data instanceof Int32Array) return '<i4';
  if (data instanceof Uint8Array) return '|u1';
  if (data instanceof BigInt64Array) return '<i8';
  if (data instanceof Int8Array) return '|i1';
  if (data instanceof Int16Array) return '<i2';
  if (data instanceof Uint16Array) return '<u2';
  if (data instanceof Uint32Array) return '<u4';
  if (data instanceof BigUint64Array) return '<u8';
  throw new TypeError(`unsupported array type ${Object.prototype.toString.call(data)}`);
}

/** Number of elements of a shape (1 for `[]`); throws RangeError for negative or fractional extents. */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw new RangeError(`invalid shape [${shape.join(', ')}]`);
    n *= d;
  }
  return n;
}

/**
 * Converts any numeric array to Float64Array. 64-bit integers are checked: a value beyond ±2^53
 * (where doubles stop being exact) throws a RangeError naming its index.
 */
export function toFloat64(data: NumericArray): Float64Array {
  if (data instanceof Float64Array) return data;
  const out = new Float64Array(data.length);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    const limit = BigInt(Number.MAX_SAFE_INTEGER);
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (v > limit || v < -limit) throw new RangeError(`element ${i} = ${v} is not exactly representable as a double (|v| > 2^53 − 1)`);
      out[i] = Number(v);
    }
    return out;
  }
  out.set(data as ArrayLike<number>);
  return out;
}

const INT_RANGE: Partial<Record<NumericDtype, [number, number]>> = {
  '|i1': [-128, 127],
  '<i2': [-32768, 32767],
  '<i4': [-2147483648, 2147483647],
  '|u1': [0, 255],
  '<u2': [0, 65535],
  '<u4': [0, 4294967295],
  '|b1': [0, 1],
};

/**
 * Converts `data` to the typed array of `dtype`, checking that nothing is lost on the way to an
 * integer type: every value must be an integer within the target's range (`|b1`: 0 or 1), else a
 * RangeError names the first offending index. Float targets accept any number (`<f4` rounds).
 * Returns `data` itself when it already has that type.
 */
export function convertArray(data: NumericArray, dtype: NumericDtype): NumericArray {
  const from = dtypeOf(data);
  const { kind, ctor } = DTYPES[dtype];
  if (from === dtype || (dtype === '|b1' && from === '|u1' && checkRange(data, dtype))) return data;
  if (kind === 'f') {
    const out = new ctor(data.length) as Float32Array | Float64Array;
    out.set(data instanceof BigInt64Array || data instanceof BigUint64Array ? toFloat64(data) : data);
    return out;
  }
  if (dtype === '<i8' || dtype === '<u8') {
    const out = new ctor(data.length) as BigInt64Array | BigUint64Array;
    const [lo, hi] = dtype === '<i8' ? [-(2n ** 63n), 2n ** 63n - 1n] : [0n, 2n ** 64n - 1n];
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (typeof v === 'number' && !Number.isSafeInteger(v)) throw conversionError(i, v, dtype);
      const b = BigInt(v);
      if (b < lo || b > hi) throw conversionError(i, v, dtype);
      out[i] = b;
    }
    return out;
  }
  checkRange(data, dtype);
  const out = new ctor(data.length) as Exclude<NumericArray, BigInt64Array | BigUint64Array>;
  for (let i = 0; i < data.length; i++) out[i] = Number(data[i]);
  return out;
}

function checkRange(data: NumericArray, dtype: NumericDtype): true {
  const [lo, hi] = INT_RANGE[dtype] as [number, number];
  for (let i = 0; i < data.length; i++) {
    const v = Number(data[i]);
    if (!(v >= lo && v <= hi && Number.isInteger(v))) throw conversionError(i, data[i], dtype);
  }
  return true;
}

function conversionError(index: number, value: number | bigint, dtype: NumericDtype): RangeError {
  return new RangeError(`element ${index} = ${value} does not fit ${dtype} exactly`);
}
