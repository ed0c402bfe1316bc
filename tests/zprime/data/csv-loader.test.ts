import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataFormatError } from '../../../lib/io';
import { dataPath } from '../../../lib/paths';
import { Random } from '../../../lib/random';
import { concatTables, eventWeights, type EventTable } from '../../../lib/zprime/data/events';
import { leadingPairMass } from '../../../lib/zprime/data/features';
import { readEventsCsvChunks, writeEventsCsv } from '../../../lib/zprime/data/csv-loader';
import { simulateEvents } from '../../../lib/zprime/data/simulator';
import { assertAllClose, assertClose } from '../../helpers';

const FIXTURE = dataPath('fixtures', 'zprime', 'events.csv');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zprime-csv-'));

async function readAll(file: string, opts: Parameters<typeof readEventsCsvChunks>[1] = {}): Promise<EventTable[]> {
  const out: EventTable[] = [];
  for await (const t of readEventsCsvChunks(file, opts)) out.push(t);
  return out;
}

test('reads the fixture: jagged lists, scalars, processes, weights, masses', async () => {
  const [t] = await readAll(FIXTURE);
  assert.equal(t.n, 3);
  assert.deepEqual([...t.lepOffsets], [0, 2, 3, 5]);
  assert.deepEqual([...t.jetOffsets], [0, 0, 2, 3]);
  assert.deepEqual(t.processNames, ['Zjets', 'ttbar', 'Zprime_ll_1000']);
  assert.deepEqual([...t.label], [0, 0, 1]);
  assertAllClose(eventWeights(t, 10), [(1 * 6000 * 1e4) / 100, (0.98 * 830 * 1e4) / 50, (1.02 * 0.2 * 1e4) / 10], { rtol: 1e-6 });
  // event 1: two 50 GeV electrons back to back → m_ll = 100 GeV; event 2 has one lepton → NaN
  const mll = leadingPairMass(t, 'lep');
  assertClose(mll[0], 100, { rtol: 1e-6 });
  assert.ok(Number.isNaN(mll[1]));
  assertClose(mll[2], Math.sqrt(2 * 40 * 30 * (Math.cosh(1) - 1)), { rtol: 1e-5 }); // Δη = 1, Δφ = 0 (leading first)
});

test('simulated events survive a CSV round trip in chunks', async () => {
  const t = simulateEvents({ nEvents: 300, rng: new Random(5) });
  const file = path.join(tmp, 'sim.csv');
  await writeEventsCsv(file, t);
  const back = concatTables(await readAll(file, { chunkSize: 128 }));
  assert.equal(back.n, 300);
  assert.deepEqual(back.lepOffsets, t.lepOffsets);
  assert.deepEqual(back.jet.jet_pt, t.jet.jet_pt);
  assert.deepEqual(back.scalar.XSection, t.scalar.XSection);
  assert.deepEqual([...back.label], [...t.label]);
  assert.deepEqual(Array.from(back.process, (p) => back.processNames[p]), Array.from(t.process, (p) => t.processNames[p]));
});

test('clear errors: missing column, wrong type, list length, empty and truncated files', async () => {
  const text = fs.readFileSync(FIXTURE, 'utf8');
  const bad = async (name: string, content: string, pattern: RegExp, opts = {}) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, content);
    await assert.rejects(readAll(file, opts), (err: unknown) => err instanceof DataFormatError && pattern.test(err.message), name);
  };
  await bad('nomet.csv', text.replace('met_et,', 'met_x,'), /column "met_et"|met_et/);
  await bad('type.csv', text.replace('\n1,[40000]', '\none,[40000]'), /line 3.*lep_n.*expected a number, got "one"/);
  await bad('list.csv', text.replace('[-0.3]', '[-0.3x]'), /record 2: column "lep_phi": expected a list of numbers/);
  await bad('count.csv', text.replace('\n1,[40000]', '\n2,[40000]'), /record 2: branch "lep_pt": expected 2 values \(lep_n\), got 1/);
  await bad('label.csv', text.replace('Zjets,0', 'Zjets,7'), /column "label": expected 0 or 1/);
  await bad('empty.csv', '', /empty|header/);
  await bad('cut.csv', text.slice(0, text.length - 40), /expected 20 fields|field/);
  await bad('nosample.csv', text.replace(',process,label', ',p,l'), /Pass \{ sample/);
});
