import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DataFormatError } from '../../../lib/io';
import { dataPath, projectRoot } from '../../../lib/paths';
import { checkAtlasNtuple, readAtlasRootChunks, readRootChunks, rootBranches, type RootChunk } from '../../../lib/zprime/data/root-loader';
import { assertAllClose } from '../../helpers';

const HZZ = dataPath('root', 'uproot-HZZ.root');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zprime-root-'));

async function collect(file: string, opts: Parameters<typeof readRootChunks>[1]): Promise<RootChunk[]> {
  const out: RootChunk[] = [];
  for await (const c of readRootChunks(file, opts)) out.push(c);
  return out;
}

test('reads the CMS HZZ tree: entries, scalars and jagged muon branches', async () => {
  const info = await rootBranches(HZZ, 'events');
  assert.equal(info.entries, 2421);
  assert.ok(info.branches.find((b) => b.name === 'Muon_Px')?.jagged);
  const [c] = await collect(HZZ, { tree: 'events', scalars: ['NMuon', 'EventWeight'], jagged: ['Muon_Px'], chunkSize: 5000 });
  assert.equal(c.n, 2421);
  const px = c.jagged.Muon_Px;
  for (let e = 0; e < c.n; e++) assert.equal(px.offsets[e + 1] - px.offsets[e], c.scalars.NMuon[e]);
  // first three events as printed by uproot's tutorial: [[-52.899, 37.738], [-0.8165], [48.988, 0.8276]]
  assertAllClose(px.values.subarray(0, 5), [-52.89945602416992, 37.7377815246582, -0.8164593577384949, 48.987831115722656, 0.8275666832923889], { rtol: 1e-7 });
});

test('chunked reading gives the same values as one chunk', async () => {
  const whole = await collect(HZZ, { tree: 'events', scalars: ['MET_px'], jagged: ['Jet_E'], chunkSize: 5000 });
  const parts = await collect(HZZ, { tree: 'events', scalars: ['MET_px'], jagged: ['Jet_E'], chunkSize: 1000 });
  assert.deepEqual(parts.map((p) => [p.firstEntry, p.n]), [[0, 1000], [1000, 1000], [2000, 421]]);
  assert.deepEqual(Float64Array.from(parts.flatMap((p) => Array.from(p.scalars.MET_px))), whole[0].scalars.MET_px);
  assert.deepEqual(Float64Array.from(parts.flatMap((p) => [...p.jagged.Jet_E.values])), whole[0].jagged.Jet_E.values);
});

test('clear errors: missing file, empty file, not ROOT, truncated, missing tree / branch, wrong kind', async () => {
  const expectError = async (file: string, opts: Parameters<typeof readRootChunks>[1], pattern: RegExp) => {
    await assert.rejects(collect(file, opts), (err: unknown) => err instanceof DataFormatError && pattern.test(err.message));
  };
  const opts = { tree: 'events', scalars: ['NMuon'], jagged: ['Muon_Px'] };
  await expectError(path.join(tmp, 'nope.root'), opts, /no such file/);
  fs.writeFileSync(path.join(tmp, 'empty.root'), '');
  await expectError(path.join(tmp, 'empty.root'), opts, /empty file/);
  fs.writeFileSync(path.join(tmp, 'text.root'), 'lep_n,lep_pt\n');
  await expectError(path.join(tmp, 'text.root'), opts, /magic bytes "root"/);
  const bytes = fs.readFileSync(HZZ);
  fs.writeFileSync(path.join(tmp, 'cut.root'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  await expectError(path.join(tmp, 'cut.root'), opts, /truncated|corrupt|cannot open/);
  await expectError(HZZ, { tree: 'mini' }, /object "mini": expected a TTree/);
  await expectError(HZZ, { tree: 'events', scalars: ['lep_n'] }, /branch "lep_n": expected a branch of the tree, got none\. Branches: NJet/);
  await expectError(HZZ, { tree: 'events', scalars: ['Muon_Px'] }, /branch "Muon_Px": expected one number per entry, got a variable-length branch/);
  await expectError(HZZ, { tree: 'events', jagged: ['NMuon'] }, /expected a variable-length \(jagged\) branch/);
});

test('the ATLAS reader names the missing ntuple branches', async () => {
  const read = async () => {
    for await (const t of readAtlasRootChunks(HZZ, { tree: 'events', sample: { process: 'x', signal: false } })) void t;
  };
  await assert.rejects(read(), /branch "lep_n": expected a branch of the tree/);
});

/** Unhandled rejections seen while `fn` runs (and one macrotask after), with a guard that keeps the process alive. */
async function unhandledDuring(fn: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const guard = (reason: unknown) => void seen.push(reason);
  process.on('unhandledRejection', guard);
  try {
    await fn();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('unhandledRejection', guard);
  }
  return seen;
}

const CORRUPT = dataPath('root', 'uproot-HZZ-corrupt-basket.root');

test('a corrupted basket (4 KB zeroed, valid header) fails fast with a DataFormatError naming file, tree and branch', { timeout: 30_000 }, async () => {
  const escaped = await unhandledDuring(async () => {
    await assert.rejects(collect(CORRUPT, { tree: 'events', scalars: ['NJet'], jagged: ['Jet_Px'] }), (err: unknown) => {
      assert.ok(err instanceof DataFormatError, String(err));
      assert.equal(err.message, `${CORRUPT}: tree "events", branch "Jet_Px", basket 0 (entries 0–2420) at byte 90002: expected a basket key giving its size as 14171 bytes, got 0 (overwritten?). the file is corrupt`);
      return true;
    });
  });
  assert.deepEqual(escaped, [], 'no rejection escapes jsroot');
  const [met] = await collect(CORRUPT, { tree: 'events', scalars: ['MET_px'] });
  assert.equal(met.n, 2421, 'the intact branches still read');
});

test('other corruptions: zeroed compressed data, a zeroed counter basket, a zeroed key that jsroot read as wrong values', { timeout: 30_000 }, async () => {
  const bytes = fs.readFileSync(HZZ);
  const cases: [number, Parameters<typeof readRootChunks>[1], RegExp][] = [
    [90102, { tree: 'events', jagged: ['Jet_Px'] }, /branch "Jet_Px", basket 0 .*expected zlib data unpacking to 20784 bytes/],
    [88377, { tree: 'events', jagged: ['Jet_Px'] }, /branch "NJet", basket 0 .*got 0 \(overwritten\?\)/],
    [222, { tree: 'events', jagged: ['Muon_Px'] }, /branch "Muon_Px", basket 0 \(entries 0–2230\) at byte 222/],
  ];
  for (const [offset, opts, pattern] of cases) {
    const file = path.join(tmp, `zeroed-${offset}.root`);
    fs.writeFileSync(file, Buffer.from(bytes).fill(0, offset, offset + 4096));
    const escaped = await unhandledDuring(() => assert.rejects(collect(file, opts), (err: unknown) => err instanceof DataFormatError && pattern.test(err.message)));
    assert.deepEqual(escaped, [], `offset ${offset}`);
  }
});

/** Runs `body` (TypeScript, with `lost`, `read` and `settledOrEscaped` in scope) in a fresh Node process, without node:test's own rejection handler. */
function runDetached(body: string): { status: number | null; out: string } {
  const script = path.join(tmp, `detached-${Math.random().toString(36).slice(2)}.ts`);
  fs.writeFileSync(script, [
    `import { settledOrEscaped } from ${JSON.stringify(path.join(projectRoot(), 'lib', 'zprime', 'data', 'root-loader.ts'))};`,
    "const lost = new TypeError(\"Cannot read properties of undefined (reading 'fEntryOffset')\");",
    "lost.stack = `TypeError: ${lost.message}\\n    at doProcessing (file:///x/node_modules/jsroot/modules/tree.mjs:2570:20)`;",
    '// as in jsroot: a chain nobody follows rejects, and the promise returned never settles',
    'const read = () => { void Promise.reject(lost); return new Promise<never>(() => {}); };',
    'void settledOrEscaped;',
    body,
  ].join('\n'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot(), encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

test('a corrupt basket further on: the chunks before it are read, the chunk that needs it fails', { timeout: 30_000 }, async () => {
  const file = path.join(tmp, 'zeroed-late.root');
  fs.writeFileSync(file, Buffer.from(fs.readFileSync(HZZ)).fill(0, 156796, 156796 + 1024)); // Muon_Px basket 1: entries 2231-2420
  const firsts: number[] = [];
  await assert.rejects(
    (async () => {
      for await (const c of readRootChunks(file, { tree: 'events', jagged: ['Muon_Px'], chunkSize: 1000 })) firsts.push(c.firstEntry);
    })(),
    /branch "Muon_Px", basket 1 \(entries 2231–2420\) at byte 156796: expected a basket key giving its size as 1655 bytes/,
  );
  assert.deepEqual(firsts, [0, 1000]);
});

test('settledOrEscaped: a rejection lost inside jsroot ends the read instead of killing the process or hanging', { timeout: 120_000 }, () => {
  const guarded = runDetached("settledOrEscaped(read).then(() => console.log('resolved'), (e) => console.log('rejected:', e.message));");
  assert.equal(guarded.status, 0, guarded.out);
  assert.match(guarded.out, /^rejected: Cannot read properties of undefined \(reading 'fEntryOffset'\)$/m);
  const bare = runDetached("read().then(() => console.log('resolved'));");
  assert.notEqual(bare.status, 0, 'without the guard Node dies of the unhandled rejection');
  assert.match(bare.out, /fEntryOffset/);
  const other = runDetached("settledOrEscaped(async () => { void Promise.reject(new Error('not ours')); await new Promise((r) => setTimeout(r, 100)); return 1; }).then(() => console.log('resolved'));");
  assert.notEqual(other.status, 0, 'an unhandled rejection from elsewhere still ends the process, as Node does by default');
  assert.match(other.out, /not ours/);
});

test('checkAtlasNtuple reports what a file without the ntuple branches lacks, cut to a length', async () => {
  const message = await checkAtlasNtuple(HZZ, 'events');
  assert.match(message, /lep_n/);
  assert.ok(message.includes('uproot-HZZ.root'), message);
  const short = await checkAtlasNtuple(HZZ, 'events', 20);
  assert.equal(short.length, 20 + ' …'.length);
  assert.ok(short.endsWith(' …'));
});
