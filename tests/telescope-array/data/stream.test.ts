/** Streaming batches from the shards: every event once per epoch, shapes, scaling, seeded order. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { assertClose } from '../../helpers';
import { Random } from '../../../lib/random';
import { disposeBatch } from '../../../lib/train/batches';
import { writeShard } from '../../../lib/telescope-array/data/shards';
import { fitNormalizer, sampleOf, shardBlocks, shardSource, TARGET_SCALE } from '../../../lib/telescope-array/data/stream';
import { TARGETS, type EventArrays } from '../../../lib/telescope-array/data/event';
import { fakeEvents } from '../fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ta-stream-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Events whose first target is their global index, to track them through the stream. */
function tagged(n: number, offset: number): EventArrays[] {
  const events = fakeEvents(n, 2, 8, new Random(offset + 1));
  events.forEach((e, i) => (e.targets[0] = (offset + i) / TARGET_SCALE[0]));
  return events;
}

test('blocks cover the shards', () => {
  const blocks = shardBlocks([{ path: 'a', n: 10, N: 2, T: 8 }, { path: 'b', n: 3, N: 2, T: 8 }], 4);
  assert.deepEqual(blocks.map((b) => [b.shard.path, b.start, b.stop]), [['a', 0, 4], ['a', 4, 8], ['a', 8, 10], ['b', 0, 3]]);
});

test('one epoch streams every event exactly once, in batches of the right shapes', async () => {
  const shards = [await writeShard(path.join(dir, 's0.h5'), tagged(23, 0), 2, 8), await writeShard(path.join(dir, 's1.h5'), tagged(17, 23), 2, 8)];
  const norm = await fitNormalizer(shards[0]);
  const source = shardSource({ shards, norm, batchSize: 8, blockRows: 5, bufferSize: 16 });
  assert.equal(source.size, 40);
  const seen: number[] = [];
  const before = tf.memory().numTensors;
  for await (const batch of source.batches(0, new Random(3))) {
    const x = batch.x as Record<string, tf.Tensor>;
    assert.deepEqual(x.waveforms.shape.slice(1), [2, 2, 8, 2]);
    assert.deepEqual(x.detectors.shape.slice(1), [2, 2, 7]);
    assert.deepEqual(x.standard.shape.slice(1), [10]);
    const y = (await (batch.y as tf.Tensor).data()) as Float32Array;
    for (let i = 0; i < y.length; i += TARGETS.length) seen.push(Math.round(y[i]));
    disposeBatch(batch);
  }
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => i));
  assert.notDeepEqual(seen, Array.from({ length: 40 }, (_, i) => i), 'shuffled');
  // the same seed gives the same order; validation streams keep the file order
  const again: number[] = [];
  for await (const batch of source.batches(0, new Random(3))) {
    const y = (await (batch.y as tf.Tensor).data()) as Float32Array;
    for (let i = 0; i < y.length; i += TARGETS.length) again.push(Math.round(y[i]));
    disposeBatch(batch);
  }
  assert.deepEqual(again, seen);
  const ordered: number[] = [];
  for await (const batch of shardSource({ shards, norm, batchSize: 16, shuffle: false }).batches(0, new Random(4))) {
    const y = (await (batch.y as tf.Tensor).data()) as Float32Array;
    for (let i = 0; i < y.length; i += TARGETS.length) ordered.push(Math.round(y[i]));
    disposeBatch(batch);
  }
  assert.deepEqual(ordered, Array.from({ length: 40 }, (_, i) => i));
});

test('inputs: log(1 + VEM) waveforms, standardised features, scaled targets', () => {
  const [e] = fakeEvents(1, 2, 8, new Random(5));
  e.waveforms.fill(0);
  e.waveforms[3] = Math.E - 1;
  const block = { n: 1, ...e };
  const norm = { detMean: new Float32Array(7).fill(1), detScale: new Float32Array(7).fill(2), stdMean: new Float32Array(10), stdScale: new Float32Array(10).fill(4) };
  const s = sampleOf(block, 0, norm);
  const x = s.x as Record<string, Float32Array>;
  assertClose(x.waveforms[3], 1, { rtol: 1e-6 });
  assertClose(x.detectors[0], (e.detectors[0] - 1) / 2, { rtol: 1e-6 });
  assertClose(x.standard[2], e.standard[2] / 4, { rtol: 1e-6 });
  assertClose((s.y as Float32Array)[2], e.targets[2] * TARGET_SCALE[2], { rtol: 1e-6 });
});
