/** Tests of lib/zprime/train/checkpoint.ts: exact round trips and resuming finished steps. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Checkpoints, decodeCheckpoint, encodeCheckpoint, settingsHash, zprimeCheckpoints } from '../../../lib/zprime/train/checkpoint';
import { settings } from '../../../lib/zprime/train/settings';

test('a checkpoint round-trips typed arrays bit for bit, nested values and non-finite numbers', () => {
  const value = {
    score: Float32Array.from([0.1, 1 / 3, 0.999999]), wide: Float64Array.from([Math.PI, -0]), rows: Int32Array.from([3, -7]),
    label: Uint8Array.from([0, 1]), trials: [{ id: 0, params: { layers: [800, 1000, 1200] }, values: [0.9, NaN], value: Infinity }],
    name: 'rf',
  };
  const back = decodeCheckpoint<typeof value>(encodeCheckpoint(value));
  assert.ok(back.score instanceof Float32Array && back.wide instanceof Float64Array && back.rows instanceof Int32Array && back.label instanceof Uint8Array);
  assert.deepEqual(back, value);
  assert.ok(Object.is(back.wide[1], -0));
  // a view into a larger buffer stores only its own bytes
  const big = new Float32Array([9, 8, 7, 6]);
  assert.deepEqual(decodeCheckpoint<Float32Array>(encodeCheckpoint(big.subarray(1, 3))), Float32Array.from([8, 7]));
});

test('a step runs once; the next run with the same folder loads it instead of computing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zprime-ckpt-'));
  let computed = 0;
  const step = async () => (computed++, { score: Float32Array.from([0.25, 0.5]) });
  const first = new Checkpoints(dir);
  const a = await first.run('trees', step);
  const second = new Checkpoints(dir);
  const b = await second.run('trees', step);
  assert.equal(computed, 1);
  assert.deepEqual(b, a);
  assert.deepEqual(second.resumed, ['trees']);
  fs.writeFileSync(second.file('broken'), '{"score": ');
  await assert.rejects(second.run('broken', step), /broken\.json: cannot be read .*delete it/);
  assert.throws(() => second.file('../x'), /letters, digits/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('checkpoints are off unless the settings ask; the folder depends on settings and seed', async () => {
  let computed = 0;
  const off = zprimeCheckpoints(settings('default'), 'default', 8);
  assert.equal(off.dir, null);
  await off.run('x', () => computed++);
  await off.run('x', () => computed++);
  assert.equal(computed, 2);
  const full = zprimeCheckpoints(settings('full'), 'full', 8);
  assert.match(full.dir ?? '', /reports[\\/]full[\\/]checkpoints[\\/]05-zprime[\\/][0-9a-f]{12}$/);
  assert.notEqual(zprimeCheckpoints({ ...settings('full'), epochs: 5 }, 'full', 8).dir, full.dir);
  assert.notEqual(zprimeCheckpoints(settings('full'), 'full', 9).dir, full.dir);
  assert.equal(settingsHash({ a: 1 }), settingsHash({ a: 1 }));
});

test('a long step saves its items as it goes and a rerun reads them back; off, nothing is kept', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zprime-ckpt-'));
  const first = new Checkpoints(dir);
  assert.deepEqual(first.partial('search-tpe-trials'), []);
  first.savePartial('search-tpe-trials', [{ id: 0, values: [0.9, NaN] }]);
  first.savePartial('search-tpe-trials', [{ id: 0, values: [0.9, NaN] }, { id: 1, values: [0.95] }]);
  const second = new Checkpoints(dir);
  assert.deepEqual(second.partial('search-tpe-trials'), [{ id: 0, values: [0.9, NaN] }, { id: 1, values: [0.95] }]);
  assert.deepEqual(second.resumed, ['search-tpe-trials (2 saved)']);
  const off = new Checkpoints(null);
  off.savePartial('search-tpe-trials', [1, 2]);
  assert.deepEqual(off.partial('search-tpe-trials'), []);
  fs.rmSync(dir, { recursive: true, force: true });
});
