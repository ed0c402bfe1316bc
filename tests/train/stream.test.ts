import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { chunk, collate, shuffleBuffer, streamSource, type Sample } from '../../lib/train/stream';
import { disposeBatch, type Batch } from '../../lib/train/batches';

before(async () => {
  await tf.setBackend('cpu');
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const v of items) out.push(v);
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

test('shuffleBuffer emits a seeded permutation of its input', async () => {
  const a = await collect(shuffleBuffer(range(100), 16, new Random(1)));
  const b = await collect(shuffleBuffer(range(100), 16, new Random(1)));
  assert.deepEqual(a, b);
  assert.deepEqual([...a].sort((p, q) => p - q), range(100));
  assert.notDeepEqual(a, range(100));
  assert.deepEqual(await collect(shuffleBuffer(range(5), 1, new Random(1))), range(5));
  // a buffer larger than the input shuffles it all
  assert.deepEqual((await collect(shuffleBuffer(range(10), 100, new Random(2)))).sort((p, q) => p - q), range(10));
});

test('chunk groups items and keeps or drops the remainder', async () => {
  assert.deepEqual(await collect(chunk(range(5), 2)), [[0, 1], [2, 3], [4]]);
  assert.deepEqual(await collect(chunk(range(5), 2, true)), [[0, 1], [2, 3]]);
});

test('collate stacks samples into tensors with the given shapes', () => {
  const samples: Sample[] = [
    { x: [1, 2, 3, 4], y: 0, weight: 2 },
    { x: [5, 6, 7, 8], y: 1 },
  ];
  const b = collate(samples, [2, 2]);
  assert.deepEqual((b.x as tf.Tensor).shape, [2, 2, 2]);
  assert.deepEqual((b.y as tf.Tensor).arraySync(), [[0], [1]]);
  assert.deepEqual(Array.from(b.weight!.dataSync()), [2, 1]);
  disposeBatch(b);
  const named = collate([{ x: { a: [1], b: [2, 3] }, y: [1, 0] }], { a: [1], b: [2] }, [2]);
  assert.deepEqual(((named.x as Record<string, tf.Tensor>).b).arraySync(), [[2, 3]]);
  disposeBatch(named);
  assert.throws(() => collate([{ x: [1, 2, 3], y: 0 }], [2]), /3 values, expected 2/);
});

test('streamSource reads every shard once per epoch, in a seeded order that changes with the epoch', async () => {
  const shards = [0, 1, 2, 3, 4, 5];
  const reads: number[][] = [];
  const src = streamSource({
    shards,
    batchSize: 8,
    xShape: [1],
    bufferSize: 0,
    size: 60,
    read: async function* (shard) {
      reads[reads.length - 1].push(shard);
      for (let i = 0; i < 10; i++) yield { x: [shard * 10 + i], y: shard };
    },
  });
  assert.equal(src.batchesPerEpoch, 8);
  const epoch = async (e: number, seed: number) => {
    reads.push([]);
    const values: number[] = [];
    for await (const b of src.batches(e, new Random(seed).fork(`epoch ${e}`))) {
      values.push(...(b.x as tf.Tensor).dataSync());
      disposeBatch(b as Batch);
    }
    return values;
  };
  const e0 = await epoch(0, 1);
  assert.deepEqual([...e0].sort((p, q) => p - q), range(60));
  const e1 = await epoch(1, 1);
  assert.notDeepEqual(reads[0], reads[1]);
  assert.deepEqual(await epoch(0, 1), e0);
  assert.deepEqual([...reads[0]].sort(), shards);
  assert.notDeepEqual(e0, e1);
});
