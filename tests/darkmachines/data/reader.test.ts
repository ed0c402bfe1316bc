/** Tests of lib/darkmachines/data/reader.ts: streamed round trip (plain, gzip), strict and lenient modes, the fixture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DataFormatError } from '../../../lib/io/errors';
import { readEvents, streamEvents, writeEvents } from '../../../lib/darkmachines/data/reader';
import { simulateProcess } from '../../../lib/darkmachines/data/simulator';
import { PROCESSES } from '../../../lib/darkmachines/data/processes';
import { dataPath } from '../../../lib/paths';
import { Random } from '../../../lib/random';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-reader-'));
const events = simulateProcess('ttbar', 50, new Random(5)).events;

for (const name of ['events.csv', 'events.csv.gz']) {
  test(`write + read round trip (${name})`, async () => {
    const file = path.join(dir, name);
    assert.equal(await writeEvents(file, events), 50);
    if (name.endsWith('.gz')) assert.deepEqual([...fs.readFileSync(file).subarray(0, 2)], [0x1f, 0x8b]);
    const { events: back, report } = await readEvents(file);
    assert.equal(report.events, 50);
    assert.equal(report.skipped, 0);
    assert.equal(back.length, 50);
    for (let i = 0; i < 50; i++) {
      assert.equal(back[i].process, 'ttbar');
      assert.equal(back[i].objects.length, events[i].objects.length);
      assert.ok(Math.abs(back[i].MET - events[i].MET) <= 1e-6 * Math.max(1, events[i].MET));
      assert.ok(Math.abs(back[i].objects[0].pt - events[i].objects[0].pt) <= 1e-6 * events[i].objects[0].pt);
    }
  });
}

test('limit stops early; blank lines are not events', async () => {
  const file = path.join(dir, 'blank.csv');
  fs.writeFileSync(file, '1;njets;1;1000;0.1;\n\n2;njets;1;2000;0.2;\n\n');
  assert.equal((await readEvents(file)).events.length, 2);
  const limited = await readEvents(file, { limit: 1 });
  assert.equal(limited.events.length, 1);
  assert.equal(limited.report.lines, 1);
});

test('iterating a stream twice starts its report afresh', async () => {
  const file = path.join(dir, 'twice.csv');
  fs.writeFileSync(file, '1;njets;1;1000;0.1;\n2;njets;1;2000;0.2;\n');
  const stream = streamEvents(file);
  for (let pass = 0; pass < 2; pass++) {
    let n = 0;
    for await (const _ev of stream) n++;
    assert.equal(n, 2);
    assert.equal(stream.report.events, 2);
  }
});

const malformed = ['1;njets;1;1000;0.1;', '2;njets;1;1000;0.1;q,1,2,3,4;', '3;njets;one;1000;0.1;', '4;njets;1;1000;0.1;j,1,2,3;', '5;njets;1;1000;0.1;'].join('\n') + '\n';

test('strict mode: the first malformed line throws with file and line number', async () => {
  const file = path.join(dir, 'bad.csv');
  fs.writeFileSync(file, malformed);
  await assert.rejects(readEvents(file), (err: unknown) => {
    assert.ok(err instanceof DataFormatError);
    assert.equal(err.line, 2);
    assert.match(err.message, /bad\.csv line 2: field 6: expected an object code .* got "q"/);
    return true;
  });
});

test('strict mode through gzip reports the same line', async () => {
  const file = path.join(dir, 'bad.csv.gz');
  fs.writeFileSync(file, zlib.gzipSync(malformed));
  await assert.rejects(readEvents(file), (err: unknown) => err instanceof DataFormatError && err.line === 2);
});

test('lenient mode counts and reports every skipped line', async () => {
  const file = path.join(dir, 'bad.csv');
  fs.writeFileSync(file, malformed);
  const warnings: string[] = [];
  const stream = streamEvents(file, { lenient: true, warn: (m) => warnings.push(m) });
  const ids: string[] = [];
  for await (const ev of stream) ids.push(ev.id);
  assert.deepEqual(ids, ['1', '5']);
  assert.equal(stream.report.skipped, 3);
  assert.deepEqual(stream.report.byKind, { 'object-code': 1, number: 1, 'field-count': 1 });
  assert.equal(stream.report.examples.length, 3);
  assert.match(stream.report.examples[1], /line 3/);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /3 malformed lines skipped/);
});

test('strict mode refuses 0x10-style numbers, negative E and pT, φ outside [−π, π]; lenient mode counts them', async () => {
  const file = path.join(dir, 'range.csv');
  const lines = ['1;njets;1;1000;0.1;j,5000,4000,1,0.5', '2;njets;1;1000;0.1;j,0x10,4000,1,0.5', '3;njets;1;1000;0.1;j,-5000,4000,1,0.5', '4;njets;1;1000;0.1;j,5000,-4000,1,0.5', '5;njets;1;1000;4;', '6;njets;1;0b11;0.1;', '7;njets;1;1000;0.1;j,5000,4000,1,-3.2'];
  fs.writeFileSync(file, lines.join('\n') + '\n');
  await assert.rejects(readEvents(file), (err: unknown) => {
    assert.ok(err instanceof DataFormatError);
    assert.equal(err.message, `${file} line 2: field 6: expected a decimal number (E), got "0x10"`);
    return true;
  });
  fs.writeFileSync(file, [lines[0], lines[2]].join('\n'));
  await assert.rejects(readEvents(file), new RegExp(`range\\.csv line 2: field 6: expected E ≥ 0, got -5000$`));
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const warnings: string[] = [];
  const { events: read, report } = await readEvents(file, { lenient: true, warn: (m) => warnings.push(m) });
  assert.deepEqual(read.map((e) => e.id), ['1']);
  assert.deepEqual(report.byKind, { number: 2, range: 4 });
  assert.equal(report.skipped, 6);
  assert.match(report.examples[3], /line 5: field 5: expected METphi in \[−π, π\], got 4$/);
  assert.match(warnings[0], /1 events from 7 lines; 6 malformed lines skipped \(number: 2, range: 4\)/);
});

test('an empty file, or one of blank lines, is an error in both modes', async () => {
  for (const [name, text, got] of [['empty.csv', '', 'an empty file'], ['blank.csv', '\n\n', '2 blank lines']]) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    for (const lenient of [false, true]) {
      await assert.rejects(readEvents(file, { lenient }), (err: unknown) => err instanceof DataFormatError && err.message === `${file}: expected at least one event line, got ${got}`);
    }
  }
  const gz = path.join(dir, 'empty.csv.gz');
  fs.writeFileSync(gz, zlib.gzipSync(''));
  await assert.rejects(readEvents(gz), /expected at least one event line, got an empty file/);
  assert.equal((await readEvents(path.join(dir, 'blank.csv'), { limit: 0 })).events.length, 0, 'limit 0 reads nothing and is not an error');
});

test('gzip is recognised by its magic bytes when the name lacks .gz', async () => {
  const file = path.join(dir, 'compressed-but-named.csv');
  fs.writeFileSync(file, zlib.gzipSync('1;njets;1;1000;0.1;j,5000,4000,1,0.5\n2;njets;1;2000;0.2;\n'));
  const { events: read } = await readEvents(file);
  assert.deepEqual(read.map((e) => e.id), ['1', '2']);
  assert.equal(read[0].objects[0].pt, 4);
});

test('a missing file is a DataFormatError naming it', async () => {
  const file = path.join(dir, 'absent.csv');
  await assert.rejects(readEvents(file), (err: unknown) => err instanceof DataFormatError && err.message === `${file}: expected a DarkMachines event file, got no such file`);
});

test('a truncated gzip file is a DataFormatError', async () => {
  const file = path.join(dir, 'trunc.csv.gz');
  const gz = zlib.gzipSync(Buffer.from(malformed.repeat(200)));
  fs.writeFileSync(file, gz.subarray(0, gz.length - 20));
  await assert.rejects(readEvents(file, { lenient: true, warn: null }), (err: unknown) => err instanceof DataFormatError && /gzip/.test(err.message));
});

test('the committed fixture reads strictly: a few hundred events of known processes', async () => {
  const { events: fx } = await readEvents(dataPath('darkmachines', 'events-fixture.csv'));
  assert.ok(fx.length >= 200 && fx.length <= 600, `${fx.length} events`);
  for (const ev of fx) assert.ok(PROCESSES.has(ev.process), ev.process);
  assert.ok(new Set(fx.map((e) => e.process)).size >= 15);
});
