/**
 * Reading ROOT TTrees in chunks with jsroot 7 (pure JavaScript; ES module, loaded through
 * `importESM`): scalar branches as Float64Array, jagged (variable-length) branches as offsets +
 * flat values, never one object per event. Used for the ATLAS Open Data 13 TeV ntuples (TTree
 * `mini`, see `readAtlasRootChunks`) and tested on the CMS open-data file `data/root/uproot-HZZ.root`.
 *
 *     for await (const chunk of readRootChunks('data/root/uproot-HZZ.root', { tree: 'events',
 *         scalars: ['NMuon', 'MET_px'], jagged: ['Muon_Px'], chunkSize: 1000 })) { chunk.jagged.Muon_Px.values }
 *
 * Bad input is a DataFormatError naming the file: missing or empty file, not a ROOT file, truncated
 * file, missing tree or branch (with the branches that exist), a branch of the wrong kind (jagged
 * requested as scalar and vice versa) or of a non-numeric type, and a corrupt basket (named with its
 * tree and branch; checked before jsroot reads it, see `root-baskets.ts`). An error that jsroot throws
 * inside its own promise chain while reading ends the read with a DataFormatError instead of an
 * unhandled rejection and a read that never settles.
 *
 * Used by notebook 05-zprime.
 */
import * as fs from 'node:fs';
import { DataFormatError } from '../../io';
import { requireFile } from '../../io/files';
import { checkBaskets, type BasketTable } from './root-baskets';
import { importESM } from '../../esm';
import type { EventTable } from './events';
import { NTUPLE_BRANCHES, tableFromColumns, type JaggedColumn, type NtupleColumns, type SampleInfo } from './ntuple';

/** What we use of a jsroot TTree. */
interface JsrootTree {
  _typename: string;
  fEntries: number;
  fBranches: { arr: JsrootBranch[] };
}
interface JsrootBranch extends BasketTable {
  fName: string;
  fLeaves: { arr: { _typename: string; fName: string; fTitle: string; fLeafCount?: { fName: string } | null }[] };
}
interface JsrootFile {
  readObject(name: string): Promise<unknown>;
  fKeys?: { fName: string; fClassName: string }[];
}
interface JsrootSelector {
  addBranch(name: string): void;
  tgtobj: Record<string, unknown>;
  Process(entry?: number): void;
}
interface JsrootTreeModule {
  TSelector: new () => JsrootSelector;
  treeProcess(tree: JsrootTree, selector: JsrootSelector, args: { numentries: number; firstentry: number }): Promise<unknown>;
}
interface JsrootCore {
  openFile(path: string): Promise<JsrootFile>;
}

/** Options of {@link readRootChunks}. */
export interface RootReadOptions {
  /** Name of the TTree (ATLAS Open Data: 'mini'). */
  tree: string;
  /** Branches with one number per entry. */
  scalars?: readonly string[];
  /** Branches with a variable-length array per entry. */
  jagged?: readonly string[];
  /** Entries per chunk (default 100 000). */
  chunkSize?: number;
  /** Read at most this many entries (default all). */
  maxEntries?: number;
}

/** One chunk: `n` entries starting at `firstEntry`. */
export interface RootChunk extends NtupleColumns {
  firstEntry: number;
}

/** A branch's name, leaf type (e.g. 'TLeafF') and whether it is variable-length. */
export interface BranchInfo {
  name: string;
  leafType: string;
  jagged: boolean;
}

const NUMERIC_LEAVES = new Set(['TLeafF', 'TLeafD', 'TLeafI', 'TLeafL', 'TLeafS', 'TLeafB', 'TLeafO', 'TLeafF16', 'TLeafD32', 'TLeafElement']);

/** Opens `file` and returns its TTree `treeName`, with DataFormatErrors for every way that fails. */
async function openTree(file: string, treeName: string): Promise<JsrootTree> {
  requireFile(file, 'a ROOT file');
  const size = fs.statSync(file).size;
  if (size === 0) throw new DataFormatError({ file, expected: 'a ROOT file', got: 'an empty file (0 bytes)' });
  const header = Buffer.alloc(20);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 20, 0);
  } finally {
    fs.closeSync(fd);
  }
  const magic = header.toString('latin1', 0, 4);
  if (magic !== 'root') throw new DataFormatError({ file, context: 'header', expected: 'the magic bytes "root"', got: JSON.stringify(magic) });
  const end = fileEnd(header);
  if (end > size) throw new DataFormatError({ file, context: 'header', expected: `${end} bytes (fEND)`, got: `${size} bytes: the file is truncated` });
  const jsroot = await importESM<JsrootCore>('jsroot');
  let rootFile: JsrootFile;
  try {
    rootFile = await jsroot.openFile(file);
  } catch (cause) {
    throw new DataFormatError({ file, expected: 'a readable ROOT file', got: `${size} bytes that jsroot cannot open (truncated?)`, cause });
  }
  let tree: JsrootTree | null = null;
  try {
    tree = (await rootFile.readObject(treeName)) as JsrootTree | null;
  } catch (cause) {
    const keys = (rootFile.fKeys ?? []).map((k) => `${k.fName} (${k.fClassName})`).join(', ');
    throw new DataFormatError({ file, context: `object "${treeName}"`, expected: 'a TTree', got: 'nothing readable', hint: `Objects in the file: ${keys || 'none'}`, cause });
  }
  if (!tree || tree._typename !== 'TTree') throw new DataFormatError({ file, context: `object "${treeName}"`, expected: 'a TTree', got: tree ? tree._typename : 'nothing' });
  return tree;
}

/** fEND of the ROOT file header (TFile::Init: 32-bit before version 1000000, 64-bit after), or 0 if unreadable. */
function fileEnd(header: Buffer): number {
  if (header.length < 20) return 0;
  const version = header.readInt32BE(4);
  return version >= 1_000_000 ? Number(header.readBigInt64BE(12)) : header.readUInt32BE(12);
}

/** Branches of a TTree (name, leaf type, jagged or not). */
export async function rootBranches(file: string, treeName: string): Promise<{ entries: number; branches: BranchInfo[] }> {
  const tree = await openTree(file, treeName);
  return { entries: tree.fEntries, branches: tree.fBranches.arr.map(branchInfo) };
}

function branchInfo(b: JsrootBranch): BranchInfo {
  const leaf = b.fLeaves.arr[0];
  return { name: b.fName, leafType: leaf?._typename ?? 'none', jagged: Boolean(leaf?.fLeafCount) || /\[/.test(leaf?.fTitle ?? '') };
}

function checkBranches(file: string, tree: JsrootTree, scalars: readonly string[], jagged: readonly string[]): void {
  const info = new Map(tree.fBranches.arr.map((b) => [b.fName, branchInfo(b)]));
  for (const [name, wantJagged] of [...scalars.map((s) => [s, false] as const), ...jagged.map((s) => [s, true] as const)]) {
    const b = info.get(name);
    if (!b) {
      throw new DataFormatError({ file, context: `branch "${name}"`, expected: 'a branch of the tree', got: 'none', hint: `Branches: ${[...info.keys()].join(', ')}` });
    }
    if (!NUMERIC_LEAVES.has(b.leafType)) throw new DataFormatError({ file, context: `branch "${name}"`, expected: 'numbers', got: `leaf type ${b.leafType}` });
    if (b.jagged !== wantJagged) {
      throw new DataFormatError({ file, context: `branch "${name}"`, expected: wantJagged ? 'a variable-length (jagged) branch' : 'one number per entry', got: b.jagged ? 'a variable-length branch' : 'one number per entry' });
    }
  }
}

/** Reads a TTree in chunks of `chunkSize` entries; see the file header. */
export async function* readRootChunks(file: string, opts: RootReadOptions): AsyncGenerator<RootChunk, void, undefined> {
  const { scalars = [], jagged = [], chunkSize = 100_000 } = opts;
  const tree = await openTree(file, opts.tree);
  checkBranches(file, tree, scalars, jagged);
  const treeMod = await importESM<JsrootTreeModule>('jsroot/tree');
  const total = Math.min(tree.fEntries, opts.maxEntries ?? Infinity);
  const checkedBaskets = new Set<string>();
  for (let first = 0; first < total; first += chunkSize) {
    const n = Math.min(chunkSize, total - first);
    const sc = Object.fromEntries(scalars.map((s) => [s, new Float64Array(n)]));
    const jv: Record<string, number[]> = Object.fromEntries(jagged.map((s) => [s, []]));
    const jo: Record<string, Int32Array> = Object.fromEntries(jagged.map((s) => [s, new Int32Array(n + 1)]));
    let i = 0;
    const selector = new treeMod.TSelector();
    for (const b of [...scalars, ...jagged]) selector.addBranch(b);
    selector.Process = function process(this: JsrootSelector) {
      if (i >= n) return;
      for (const s of scalars) sc[s][i] = Number(this.tgtobj[s]);
      for (const s of jagged) {
        const arr = this.tgtobj[s] as ArrayLike<number>;
        const vals = jv[s];
        for (let k = 0; k < arr.length; k++) vals.push(Number(arr[k]));
        jo[s][i + 1] = vals.length;
      }
      i++;
    };
    const where = `tree "${opts.tree}", branches ${[...scalars, ...jagged].map((b) => `"${b}"`).join(', ')}`;
    for (const b of branchesRead(tree, [...scalars, ...jagged])) checkBaskets(file, opts.tree, b, first, n, checkedBaskets);
    try {
      await settledOrEscaped(() => treeMod.treeProcess(tree, selector, { numentries: n, firstentry: first }));
    } catch (cause) {
      throw new DataFormatError({ file, record: first + i + 1, context: where, expected: 'readable baskets', got: `a read error in jsroot: ${cause instanceof Error ? cause.message : String(cause)}`, hint: 'the file is corrupt or truncated', cause });
    }
    if (i !== n) {
      throw new DataFormatError({ file, record: first + i + 1, context: where, expected: `${n} entries from entry ${first}`, got: `${i} (truncated or corrupt file?)` });
    }
    const jaggedCols: Record<string, JaggedColumn> = Object.fromEntries(jagged.map((s) => [s, { offsets: jo[s], values: Float64Array.from(jv[s]) }]));
    yield { n, firstEntry: first, scalars: sc, jagged: jaggedCols };
  }
}

/** The branches jsroot reads for `names`: each one and, for a jagged branch, its counter (e.g. NMuon for Muon_Px). */
function branchesRead(tree: JsrootTree, names: readonly string[]): JsrootBranch[] {
  const byName = new Map(tree.fBranches.arr.map((b) => [b.fName, b]));
  const out = new Set<JsrootBranch>();
  for (const name of names) {
    const branch = byName.get(name);
    if (!branch) continue;
    const counter = branch.fLeaves.arr[0]?.fLeafCount?.fName;
    const counterBranch = counter ? tree.fBranches.arr.find((b) => b.fLeaves.arr.some((l) => l.fName === counter)) : undefined;
    if (counterBranch) out.add(counterBranch);
    out.add(branch);
  }
  return [...out];
}

/**
 * Runs a jsroot read and also ends it when jsroot throws inside a promise chain of its own that the
 * returned promise does not follow (Node then reports an unhandled rejection whose stack lies in
 * jsroot, and the returned promise never settles). Other unhandled rejections are left as they were:
 * rethrown when nobody else listens, which is Node's default. Exported for the tests.
 */
export async function settledOrEscaped<T>(read: () => Promise<T>): Promise<T> {
  let escape: (reason: unknown) => void = () => {};
  const escaped = new Promise<never>((_resolve, reject) => (escape = reject));
  const listener = (reason: unknown) => {
    if (reason instanceof Error && /[\\/]jsroot[\\/]/.test(reason.stack ?? '')) escape(reason);
    else if (process.listenerCount('unhandledRejection') === 1) throw reason;
  };
  process.on('unhandledRejection', listener);
  try {
    return await Promise.race([read(), escaped]);
  } finally {
    process.off('unhandledRejection', listener);
  }
}

/** Options of {@link readAtlasRootChunks}. */
export interface AtlasRootOptions {
  /** The sample's process name and whether it is Z′ signal (a file holds one sample). */
  sample: SampleInfo;
  /** Tree name (default 'mini'). */
  tree?: string;
  chunkSize?: number;
  maxEntries?: number;
}

/**
 * Reads an ATLAS Open Data 13 TeV ntuple (TTree `mini`: lep_n, lep_pt…, jet_n, jet_pt…, met_et,
 * met_phi, mcWeight, XSection, SumWeights; MeV) as event tables of `chunkSize` events.
 */
export async function* readAtlasRootChunks(file: string, opts: AtlasRootOptions): AsyncGenerator<EventTable, void, undefined> {
  const jaggedNames = NTUPLE_BRANCHES.filter((b) => b.startsWith('lep_') || b.startsWith('jet_')).filter((b) => b !== 'lep_n' && b !== 'jet_n');
  const scalarNames = NTUPLE_BRANCHES.filter((b) => !jaggedNames.includes(b));
  for await (const chunk of readRootChunks(file, { tree: opts.tree ?? 'mini', scalars: scalarNames, jagged: jaggedNames, chunkSize: opts.chunkSize, maxEntries: opts.maxEntries })) {
    yield tableFromColumns(chunk, opts.sample, file, chunk.firstEntry);
  }
}

/** The first chunk of a tree (e.g. a quick look at the first `chunkSize` entries). */
export async function readRootHead(file: string, opts: RootReadOptions): Promise<RootChunk> {
  for await (const chunk of readRootChunks(file, opts)) return chunk;
  throw new DataFormatError({ file, context: `tree "${opts.tree}"`, expected: 'at least one entry', got: 'none' });
}

/**
 * Reads every chunk of `file` as an ATLAS ntuple and says how it went: `'read'`, or the loader's
 * error message (cut to `maxChars` characters, then ' …') when the file does not have the ntuple's
 * branches. The notebook shows with it what a wrong file reports.
 */
export async function checkAtlasNtuple(file: string, tree: string, maxChars = 160): Promise<string> {
  try {
    for await (const table of readAtlasRootChunks(file, { tree, sample: { process: 'check', signal: false } })) void table;
    return 'read';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return message.length > maxChars ? `${message.slice(0, maxChars)} …` : message;
  }
}
