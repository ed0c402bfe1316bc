/** Tests of lib/darkmachines/data/damaged-file.ts: the damaged copy and what the strict and lenient readers say about it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DAMAGED_LINES, readStrictAndLenient, writeDamagedCopy } from '../../../lib/darkmachines/data/damaged-file';
import { dataPath } from '../../../lib/paths';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-damaged-'));

test('the damaged copy holds three good lines with the two broken ones at file lines 2 and 4', () => {
  const file = path.join(dir, 'bad.csv');
  writeDamagedCopy(dataPath('darkmachines', 'events-fixture.csv'), file);
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.equal(lines[1], DAMAGED_LINES[0]);
  assert.equal(lines[3], DAMAGED_LINES[1]);
});

test('strict reading stops at line 2 naming the file; lenient reading keeps 3 events and counts 2 skipped lines', async () => {
  const file = path.join(dir, 'bad2.csv');
  writeDamagedCopy(dataPath('darkmachines', 'events-fixture.csv'), file);
  const { strictError, lenientReport } = await readStrictAndLenient(file);
  assert.match(strictError, /bad2\.csv/);
  assert.match(strictError, /line 2/);
  assert.equal(lenientReport.events, 3);
  assert.equal(lenientReport.skipped, 2);
});

test('a source with fewer than three lines is an error naming it', () => {
  const tiny = path.join(dir, 'tiny.csv');
  fs.writeFileSync(tiny, 'one line\n');
  assert.throws(() => writeDamagedCopy(tiny, path.join(dir, 'out.csv')), /tiny\.csv: expected at least 3 event lines/);
});
