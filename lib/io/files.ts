/**
 * Checks on an input file before a reader opens it, so that every loader reports a missing file or a
 * folder as a {@link DataFormatError} naming the path (not a bare ENOENT from deep inside a stream),
 * and recognises gzip by its magic bytes whatever the file is called.
 *
 * Used by the readers of `lib/io` (CSV, NPY, HDF5) and by the ROOT, DarkMachines and Galaxy Zoo loaders.
 */
import * as fs from 'node:fs';
import { DataFormatError } from './errors';

/**
 * Throws a DataFormatError naming `file` unless it can be opened for reading as a file (pipes and
 * devices pass; a folder, a missing or an unreadable path do not).
 * @param expected what the caller wanted there, worded to follow "expected": `a CSV file`
 */
export function requireFile(file: string, expected: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    fs.accessSync(file, fs.constants.R_OK);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const got = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : code === 'EACCES' ? 'a file we may not read (EACCES)' : `an unreadable path (${String(code ?? cause)})`;
    throw new DataFormatError({ file, expected, got, cause });
  }
  if (stat.isDirectory()) throw new DataFormatError({ file, expected, got: 'a folder' });
}

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
