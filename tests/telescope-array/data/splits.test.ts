/** makeDataSets: every split on its own shards, nuclei and photons apart, with the sizes asked for, in a folder of its own. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { readSummaries } from '../../../lib/telescope-array/data/shards';
import { makeDataSets } from '../../../lib/telescope-array/data/splits';
import { truthOf } from '../../../lib/telescope-array/evaluate/analysis';
import { PHOTON } from '../../../lib/telescope-array/data/primaries';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ta-splits-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('nuclei and photon splits hold only their own primaries, in the sizes asked for', async () => {
  const sizes = { calibration: 60, trainNuclei: 30, trainPhotons: 20, validationNuclei: 10, validationPhotons: 10, testNuclei: 12, testPhotons: 0 };
  const data = await makeDataSets(dir, sizes, { N: 3, T: 32, shardSize: 16, seed: 7 });
  const events = async (shards: typeof data.trainNuclei) => truthOf((await readSummaries(shards)).truth).primary;
  const counts = { trainNuclei: 30, trainPhotons: 20, validationNuclei: 10, validationPhotons: 10, testNuclei: 12 } as const;
  for (const [split, n] of Object.entries(counts)) {
    const primaries = await events(data[split as keyof typeof counts]);
    assert.equal(primaries.length, n, split);
    const photons = split.endsWith('Photons');
    assert.ok(primaries.every((p) => (p === PHOTON) === photons), `${split} holds the other hypothesis`);
  }
  assert.deepEqual(data.testPhotons, []);
  assert.equal(data.trainNuclei.length, 2, 'shards of 16 events: 30 events → 2 shards');
  assert.equal(path.dirname(data.dir), dir, 'the shards go to a folder of this run inside the base folder');
  const files = fs.readdirSync(data.dir).filter((f) => f.endsWith('.h5')).sort();
  assert.equal(files.length, 2 + 2 + 1 + 1 + 1);
  assert.ok(files.every((f) => /^(train|validation|test)-(nuclei|photons)-\d{3}\.h5$/.test(f)), files.join(', '));
});

test('two runs at once into the same base folder keep their own shards; remove() leaves nothing behind', async () => {
  const base = path.join(dir, 'shared');
  const sizes = { calibration: 40, trainNuclei: 20, trainPhotons: 0, validationNuclei: 8, validationPhotons: 0, testNuclei: 8, testPhotons: 0 };
  const opts = (seed: number) => ({ N: 3, T: 32, shardSize: 8, seed });
  const alone = await makeDataSets(path.join(dir, 'alone'), sizes, opts(11));
  const expected = (await readSummaries(alone.trainNuclei)).truth;
  alone.remove();
  const [a, b] = await Promise.all([makeDataSets(base, sizes, opts(11)), makeDataSets(base, sizes, opts(12))]);
  assert.notEqual(a.dir, b.dir);
  for (const shard of [...a.trainNuclei, ...a.validationNuclei, ...a.testNuclei, ...b.trainNuclei, ...b.validationNuclei, ...b.testNuclei]) assert.ok(fs.existsSync(shard.path), shard.path);
  assert.deepEqual((await readSummaries(a.trainNuclei)).truth, expected, 'run A reads back its own events, not B\'s');
  assert.notDeepEqual((await readSummaries(b.trainNuclei)).truth, expected);
  const c = await makeDataSets(base, sizes, opts(13)); // a third run later: A's and B's shards stay
  assert.ok([...a.trainNuclei, ...b.trainNuclei].every((s) => fs.existsSync(s.path)));
  for (const run of [a, b, c]) run.remove();
  assert.deepEqual(fs.readdirSync(base), [], 'nothing left behind after cleanup');
  a.remove(); // a second call is harmless
});
