/**
 * Checks on an input file before a reader opens it: gzip recognised by its magic bytes whatever the
 * file is called.
 *
 * Used by the readers of `lib/io` (CSV, NPY, HDF5) and by the ROOT, DarkMachines and Galaxy Zoo loaders.
 */
import * as fs from 'node:fs';

/** Whether a readable regular file starts with gzip's magic bytes 1f 8b (RFC 1952, section 2.3.1); false for pipes. */
export function hasGzipMagic(file: string): boolean {
  if (!fs.statSync(file).isFile()) return false;
  const head = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}
