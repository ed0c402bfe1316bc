/**
 * Checks the baskets of TTree branches on disk before jsroot reads them. jsroot 7 trusts what it
 * reads: a basket whose key was overwritten (say 4 KB of zeros) makes it log "mismatch in read basket
 * sizes" and then either throw inside its own promise chain (an unhandled rejection, after which
 * `treeProcess` never settles) or go on with the wrong bytes. Here each basket's key is read with
 * `TKey::Streamer`'s layout (ROOT, io/io/src/TKey.cxx) and its compressed blocks are walked
 * (`R__unzip`'s 9-byte headers, core/zip/src/RZip.cxx); zlib blocks are inflated and their adler-32
 * checked, so a corrupt basket becomes a DataFormatError naming the file, tree, branch and basket.
 *
 * Used by `root-loader.ts` (notebook 05-zprime).
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { DataFormatError } from '../../io/errors';

/** The fields of a jsroot TBranch that locate its baskets. */
export interface BasketTable {
  fName: string;
  fWriteBasket: number;
  fEntries: number;
  fBasketSeek: ArrayLike<number>;
  fBasketBytes: ArrayLike<number>;
  fBasketEntry: ArrayLike<number>;
}

/** Compression algorithms of ROOT's block header, by their two letters. */
const ALGORITHMS = new Set(['ZL', 'CS', 'XZ', 'L4', 'ZS']);
const BLOCK_HEADER = 9;

/**
 * Throws a DataFormatError if a basket of `branch` holding entries in [first, first + n) is not a
 * readable TBasket. Baskets kept inside the tree object (seek 0) are not on disk and not checked.
 * `checked` (`branch#basket` keys) skips baskets checked for an earlier chunk and records new ones.
 */
export function checkBaskets(file: string, tree: string, branch: BasketTable, first: number, n: number, checked = new Set<string>()): void {
  const fd = fs.openSync(file, 'r');
  try {
    for (let k = 0; k < branch.fWriteBasket; k++) {
      const start = branch.fBasketEntry[k];
      const stop = k + 1 < branch.fWriteBasket ? branch.fBasketEntry[k + 1] : branch.fEntries;
      const key = `${branch.fName}#${k}`;
      if (stop <= first || start >= first + n || branch.fBasketSeek[k] === 0 || checked.has(key)) continue;
      const problem = basketProblem(fd, Number(branch.fBasketSeek[k]), branch.fBasketBytes[k]);
      if (problem) {
        throw new DataFormatError({ file, context: `tree "${tree}", branch "${branch.fName}", basket ${k} (entries ${start}–${stop - 1}) at byte ${branch.fBasketSeek[k]}`, expected: problem.expected, got: problem.got, hint: 'the file is corrupt' });
      }
      checked.add(key);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** What is wrong with the basket of `bytes` bytes at `seek`, or null. */
function basketProblem(fd: number, seek: number, bytes: number): { expected: string; got: string } | null {
  const buf = Buffer.alloc(bytes);
  const read = fs.readSync(fd, buf, 0, bytes, seek);
  if (read !== bytes) return { expected: `${bytes} bytes`, got: `${read} before the end of the file` };
  if (bytes < 26) return { expected: 'a basket key of at least 26 bytes', got: `${bytes}` };
  const nBytes = buf.readInt32BE(0);
  const version = buf.readInt16BE(4);
  const objLen = buf.readInt32BE(6);
  const keyLen = buf.readInt16BE(14);
  if (nBytes !== bytes) return { expected: `a basket key giving its size as ${bytes} bytes`, got: `${nBytes} (overwritten?)` };
  if (keyLen < 26 || keyLen >= nBytes || objLen <= 0) return { expected: 'a basket key with key length and object size', got: `key length ${keyLen}, object size ${objLen}` };
  const classAt = 18 + (version > 1000 ? 16 : 8); // fSeekKey and fSeekPdir: 64-bit from key version 1001 on
  const className = buf.toString('latin1', classAt + 1, classAt + 1 + Math.min(buf[classAt], 32));
  if (className !== 'TBasket') return { expected: 'a key of class TBasket', got: JSON.stringify(className) };
  if (keyLen + objLen === nBytes) return null; // stored uncompressed
  return blocksProblem(buf.subarray(keyLen), objLen);
}

/** Walks the compressed blocks of a basket's payload: they must fill it and unpack to `objLen` bytes. */
function blocksProblem(payload: Buffer, objLen: number): { expected: string; got: string } | null {
  let at = 0;
  let unpacked = 0;
  while (at < payload.length) {
    const algorithm = payload.toString('latin1', at, at + 2);
    if (at + BLOCK_HEADER > payload.length || !ALGORITHMS.has(algorithm)) {
      return { expected: `a compressed block (ZL, XZ, L4, ZS or CS) at payload byte ${at}`, got: JSON.stringify(algorithm) };
    }
    const packedSize = payload.readUIntLE(at + 3, 3);
    const size = payload.readUIntLE(at + 6, 3);
    const end = at + BLOCK_HEADER + packedSize;
    if (end > payload.length) return { expected: `a block of ${packedSize} bytes within the basket`, got: `${payload.length - at - BLOCK_HEADER}` };
    if (algorithm === 'ZL') {
      const problem = inflateProblem(payload.subarray(at + BLOCK_HEADER, end), size);
      if (problem) return { expected: `zlib data unpacking to ${size} bytes at payload byte ${at}`, got: problem };
    }
    unpacked += size;
    at = end;
  }
  return unpacked === objLen ? null : { expected: `blocks unpacking to ${objLen} bytes`, got: `${unpacked}` };
}

function inflateProblem(block: Buffer, size: number): string | null {
  try {
    const out = zlib.inflateSync(block, { maxOutputLength: size + 1 });
    return out.length === size ? null : `${out.length} bytes`;
  } catch (err) {
    return (err as Error).message;
  }
}
