import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataFormatError } from '../../../lib/io';
import { dataPath } from '../../../lib/paths';
import { readAtlasRootChunks, readRootChunks, rootBranches, type RootChunk } from '../../../lib/zprime/data/root-loader';
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
