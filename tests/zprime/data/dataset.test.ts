/** Tests of lib/zprime/data/dataset.ts: streaming into features, the split, subsets and masses by class. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { dataSummary, featuresFromChunks, firstRows, massesByClass, massesWhere, signalCount, simulateZprimeData, splitFeatures } from '../../../lib/zprime/data/dataset';
import { extractFeatures } from '../../../lib/zprime/data/features';
import { simulateChunks } from '../../../lib/zprime/data/simulator';

const chunks = [...simulateChunks({ nEvents: 3000, chunkSize: 1000, rng: new Random(4) })];

async function* asAsync<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

test('featuresFromChunks concatenates the chunks’ features, from sync and async sources alike', async () => {
  const f = await featuresFromChunks(chunks, 10);
  const g = await featuresFromChunks(asAsync(chunks), 10);
  assert.equal(f.n, 3000);
  assert.deepEqual(g.cont, f.cont);
  const second = extractFeatures(chunks[1], 10);
  assert.deepEqual(f.cont.subarray(1000 * (f.cont.length / 3000), 2000 * (f.cont.length / 3000)), second.cont);
  assert.deepEqual(Array.from(f.label.subarray(1000, 2000)), Array.from(second.label));
});

test('splitFeatures is stratified, deterministic, and each part’s weights estimate the whole luminosity', async () => {
  const f = await featuresFromChunks(chunks, 10);
  const s = splitFeatures(f, { validation: 0.15, test: 0.3 }, new Random(1));
  assert.equal(s.train.n + s.validation.n + s.test.n, f.n);
  assert.ok(Math.abs(s.test.n - 900) <= 2 && Math.abs(s.validation.n - 450) <= 2, `${s.validation.n} / ${s.test.n}`);
  const share = (x: { label: Uint8Array; n: number }) => signalCount(x as never) / x.n;
  assert.ok(Math.abs(share(s.test) - share(f)) < 0.003, 'stratified by label');
  const total = f.weight.reduce((a, b) => a + b, 0);
  for (const part of [s.train, s.validation, s.test]) {
    const w = part.weight.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(w / total - 1) < 0.35, `weight sum ${w} vs ${total}`);
  }
  assert.deepEqual(splitFeatures(f, { validation: 0.15, test: 0.3 }, new Random(1)).test.label, s.test.label);
});

test('firstRows keeps the first n rows (all when fewer) with their weights', async () => {
  const f = await featuresFromChunks(chunks, 10);
  const head = firstRows(f, 10);
  assert.equal(head.n, 10);
  assert.deepEqual(Array.from(head.weight), Array.from(f.weight.subarray(0, 10)));
  assert.equal(firstRows(f, 10 ** 6).n, f.n);
});

test('simulateZprimeData streams, splits and summarises a run', async () => {
  const d = await simulateZprimeData({ nEvents: 2000, chunk: 700, lumiFb: 10 }, new Random(3));
  const sum = dataSummary(d);
  assert.equal(sum.events, 2000);
  assert.equal(sum.train + d.split.validation.n + sum.test, 2000);
  assert.equal(sum.signal, signalCount(d.all));
  assert.ok(sum.signal > 5 && sum.signal < 50, `signal ${sum.signal}`);
});

test('massesWhere keeps the selected finite masses; massesByClass splits by label', () => {
  const mass = Float32Array.from([91, NaN, 500, 1000, 3000]);
  assert.deepEqual(Array.from(massesWhere(mass, (i) => i !== 3)), [91, 500, 3000]);
  const f = { label: Uint8Array.from([0, 1, 1, 0, 1]) } as Parameters<typeof massesByClass>[0];
  const { background, signal } = massesByClass(f, mass);
  assert.deepEqual(Array.from(background), [91, 1000]);
  assert.deepEqual(Array.from(signal), [500, 3000]);
});
