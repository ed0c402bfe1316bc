/**
 * Atomic file writes: data goes to a temporary file beside the target, is flushed to disk (fsync) and
 * then renamed over the target, so a crash or an exception never leaves a half-written file where a
 * good one was. On failure the temporary file is removed.
 *
 * Used by the writers of `lib/io` (writeCsv, writeNpy, HDF5 files opened for writing) and by notebooks
 * that save reports or model weights. A rename within one directory is atomic on POSIX file systems.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Data accepted by the writers: text (written as UTF-8), bytes, or a list of either written in order. */
export type WriteData = string | ArrayBufferView | readonly (string | ArrayBufferView)[];

let counter = 0;

/** A fresh temporary path in the target's directory: `.<name>.<pid>-<n>-<random>.tmp`. */
export function tempPathFor(target: string): string {
  const suffix = `${process.pid}-${counter++}-${randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.tmp`);
}

function toBytes(chunk: string | ArrayBufferView): Uint8Array {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function chunksOf(data: WriteData): Uint8Array[] {
  if (typeof data === 'string' || ArrayBuffer.isView(data)) return [toBytes(data)];
  return (data as readonly (string | ArrayBufferView)[]).map(toBytes);
}

/** Copies the permission bits of an existing target onto the temporary file (best effort). */
function keepModeSync(tempPath: string, target: string): void {
  try {
    fs.chmodSync(tempPath, fs.statSync(target).mode & 0o7777);
  } catch {
    /* no previous target: keep the default mode */
  }
}

/** fsyncs a directory so that a rename in it survives a crash; ignored where unsupported. */
function fsyncDirSync(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* some file systems refuse fsync on directories */
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Makes a finished temporary file the target: fsync, copy the target's mode, rename, fsync the directory.
 * For writers that produce the temporary file themselves (e.g. a library that writes by path).
 */
export function commitTempSync(tempPath: string, target: string): void {
  const fd = fs.openSync(tempPath, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  keepModeSync(tempPath, target);
  fs.renameSync(tempPath, target);
  fsyncDirSync(path.dirname(target));
}

/** Removes a temporary file if it exists; never throws. */
export function discardTempSync(tempPath: string): void {
  try {
    fs.rmSync(tempPath, { force: true });
  } catch {
    /* nothing more to do */
  }
}

/** Writes `data` to `target` atomically (temporary file, fsync, rename). Text is written as UTF-8. */
export async function writeFileAtomic(target: string, data: WriteData): Promise<void> {
  const writer = await AtomicWriter.open(target);
  try {
    for (const chunk of chunksOf(data)) await writer.write(chunk);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  await writer.commit();
}

/** Synchronous {@link writeFileAtomic}. */
export function writeFileAtomicSync(target: string, data: WriteData): void {
  const tempPath = tempPathFor(target);
  try {
    const fd = fs.openSync(tempPath, 'wx');
    try {
      for (const bytes of chunksOf(data)) {
        let done = 0;
        while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
      }
    } finally {
      fs.closeSync(fd);
    }
    commitTempSync(tempPath, target);
  } catch (err) {
    discardTempSync(tempPath);
    throw err;
  }
}

/**
 * Runs `fn` with a temporary path beside `target` for it to create by any means, then commits that
 * file as `target`. If `fn` throws (or creates nothing) the temporary file is removed and the old
 * target, if any, is untouched.
 */
export async function withAtomicPath<T>(target: string, fn: (tempPath: string) => T | Promise<T>): Promise<T> {
  const tempPath = tempPathFor(target);
  try {
    const result = await fn(tempPath);
    commitTempSync(tempPath, target);
    return result;
  } catch (err) {
    discardTempSync(tempPath);
    throw err;
  }
}

/**
 * A long or streamed write to a temporary file that becomes `target` on {@link AtomicWriter.commit}
 * and disappears on {@link AtomicWriter.abort}. Writes are buffered in 1 MiB blocks.
 *
 * @example
 * const w = await AtomicWriter.open('out.csv');
 * try { for (const line of lines) await w.write(line); await w.commit(); } catch (e) { await w.abort(); throw e; }
 */
export class AtomicWriter {
  private static readonly BLOCK = 1 << 20;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private closed = false;

  private constructor(
    /** The file that will be replaced on commit. */
    readonly target: string,
    /** The temporary file being written. */
    readonly tempPath: string,
    private readonly handle: fsp.FileHandle,
  ) {}

  /** Creates the temporary file beside `target` (exclusively: never reuses an existing name). */
  static async open(target: string): Promise<AtomicWriter> {
    const tempPath = tempPathFor(target);
    const handle = await fsp.open(tempPath, 'wx');
    return new AtomicWriter(target, tempPath, handle);
  }

  /** Appends text (UTF-8) or bytes. Await each call before the next. */
  async write(chunk: string | ArrayBufferView): Promise<void> {
    if (this.closed) throw new Error(`AtomicWriter for ${this.target} is already committed or aborted`);
    const bytes = toBytes(chunk);
    if (bytes.length >= AtomicWriter.BLOCK) {
      await this.flush();
      await this.writeAll(bytes);
      return;
    }
    this.pending.push(typeof chunk === 'string' ? bytes : bytes.slice());
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= AtomicWriter.BLOCK) await this.flush();
  }

  /** Flushes, fsyncs and renames the temporary file over the target. */
  async commit(): Promise<void> {
    if (this.closed) throw new Error(`AtomicWriter for ${this.target} is already committed or aborted`);
    try {
      await this.flush();
    } catch (err) {
      await this.abort();
      throw err;
    }
    this.closed = true;
    try {
      await this.handle.close();
      commitTempSync(this.tempPath, this.target); // fsync, rename
    } catch (err) {
      discardTempSync(this.tempPath);
      throw err;
    }
  }

  /** Closes and removes the temporary file; the target is left as it was. Safe to call twice. */
  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.handle.close().catch(() => undefined);
    }
    discardTempSync(this.tempPath);
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const block = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.writeAll(block);
  }

  private async writeAll(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done);
      done += bytesWritten;
    }
  }
}
