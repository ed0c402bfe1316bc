/**
 * The part of h5wasm 0.10 (https://github.com/usnistgov/h5wasm) that lib/io/hdf5.ts relies on, typed
 * here rather than imported so that the library type-checks without resolving the ES-module-only
 * package (tslab's TypeScript cannot), plus the mapping between h5wasm's type descriptions and our
 * NumPy-style dtypes.
 *
 * Used only by `lib/io/hdf5.ts`.
 */
import type { NumericArray, NumericDtype } from './dtype';

/** h5wasm's description of a datatype and dataspace (subset). */
export interface H5Metadata {
  /** HDF5 type class: 0 integer, 1 float, 3 string, 6 compound, 8 enum, 9 vlen, 10 array, … */
  type: number;
  /** Bytes per element. */
  size: number;
  signed: boolean;
  littleEndian: boolean;
  shape: number[] | null;
  chunks: number[] | null;
  enum_type?: { type: number; nmembers: number; members: Record<string, number> };
}

export interface H5Attribute {
  readonly value: unknown;
}

interface H5HasAttrs {
  readonly type: string;
  readonly attrs: Record<string, H5Attribute>;
  create_attribute(name: string, data: number | string | string[] | NumericArray): void;
  delete_attribute(name: string): number;
}

export interface H5Dataset extends H5HasAttrs {
  readonly metadata: H5Metadata;
  readonly filters: { id: number; name: string }[];
  readonly value: unknown;
  slice(ranges: [number, number][]): unknown;
}

export interface H5Group extends H5HasAttrs {
  keys(): string[];
  paths(): string[];
  get(name: string): H5Dataset | H5Group | { type: string } | null;
  create_group(name: string): H5Group;
  create_dataset(args: {
    name: string;
    data: NumericArray;
    shape: number[];
    dtype: string;
    chunks: number[] | null;
    compression?: 'gzip';
    compression_opts?: number;
  }): H5Dataset;
}

export interface H5File extends H5Group {
  flush(): void;
  close(): number;
}

/** The default export of `h5wasm/node`. */
export interface H5Wasm {
  ready: Promise<{ activate_throwing_error_handler(): number }>;
  File: new (path: string, mode: 'r' | 'a' | 'w') => H5File;
}

/** h5wasm's dtype strings (Python struct codes) for our dtypes; booleans are stored as uint8. */
export const H5_CODES: Readonly<Record<NumericDtype, string>> = {
  '<f4': '<f',
  '<f8': '<d',
  '|i1': '<b',
  '<i2': '<h',
  '<i4': '<i',
  '<i8': '<q',
  '|u1': '<B',
  '<u2': '<H',
  '<u4': '<I',
  '<u8': '<Q',
  '|b1': '<B',
};

const H5T_INTEGER = 0;
const H5T_FLOAT = 1;
const H5T_ENUM = 8;

/** Our dtype for a dataset's metadata (h5wasm converts byte order on reading), or null if not numeric. */
export function h5dtype(meta: H5Metadata): NumericDtype | null {
  if (meta.type === H5T_ENUM && meta.enum_type && isBoolEnum(meta.enum_type.members)) return '|b1';
  if (meta.type === H5T_FLOAT) return meta.size === 4 ? '<f4' : meta.size === 8 ? '<f8' : null;
  if (meta.type !== H5T_INTEGER) return null;
  const name = `${meta.signed ? 'i' : 'u'}${meta.size}`;
  const dtype = (meta.size === 1 ? '|' : '<') + name;
  return dtype in H5_CODES ? (dtype as NumericDtype) : null;
}

/** h5py stores numpy booleans as an enum {FALSE: 0, TRUE: 1} over int8. */
function isBoolEnum(members: Record<string, number>): boolean {
  const keys = Object.keys(members);
  return keys.length === 2 && members.FALSE === 0 && members.TRUE === 1;
}
