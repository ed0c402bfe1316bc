import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { arrayBlock, batchLength, disposeBatch, fromArrays, gatherRows, isArrayBlock, type Batch } from '../../lib/train/batches';

before(async () => {
  await tf.setBackend('cpu');
});

/** n samples of 2 features [i, 10 i] and target i. */
function data(n: number) {
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) [x[2 * i], x[2 * i + 1], y[i]] = [i, 10 * i, i];
  return { x: arrayBlock(x, [n, 2]), y };
}

/** The target values of every batch of one epoch, disposing the batches. */
function epochTargets(batches: Iterable<Batch>): number[][] {
  const out: number[][] = [];
  for (const b of batches) {
    const x = (b.x as tf.Tensor).arraySync() as number[][];
    const y = Array.from((b.y as tf.Tensor).dataSync());
    x.forEach((row, i) => assert.deepEqual(row, [y[i], 10 * y[i]])); // rows stay aligned
    out.push(y);
    disposeBatch(b);
  }
  return out;
}

test('arrayBlock checks that the data fill the shape', () => {
  assert.throws(() => arrayBlock(new Float32Array(5), [2, 3]), RangeError);
  assert.ok(isArrayBlock(arrayBlock(new Float32Array(6), [2, 3])));
  assert.ok(!isArrayBlock({ a: arrayBlock(new Float32Array(6), [2, 3]) }));
});

test('an epoch visits every sample once, in batches of batchSize with a smaller last one', () => {
  const src = fromArrays(data(10), { batchSize: 4 });
  assert.equal(src.size, 10);
  assert.equal(src.batchesPerEpoch, 3);
  const batches = epochTargets(src.batches(0, new Random(1)) as Iterable<Batch>);
  assert.deepEqual(batches.map((b) => b.length), [4, 4, 2]);
  assert.deepEqual(batches.flat().sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('the order depends only on the seed: same seed same order, other seeds differ', () => {
  const src = fromArrays(data(50), { batchSize: 8 });
  const a = epochTargets(src.batches(0, new Random(3)) as Iterable<Batch>).flat();
  const b = epochTargets(src.batches(0, new Random(3)) as Iterable<Batch>).flat();
  const c = epochTargets(src.batches(0, new Random(4)) as Iterable<Batch>).flat();
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('shuffle false keeps the order; dropRemainder drops the short batch', () => {
  const ordered = epochTargets(fromArrays(data(5), { batchSize: 2, shuffle: false }).batches(0, new Random(1)) as Iterable<Batch>);
  assert.deepEqual(ordered, [[0, 1], [2, 3], [4]]);
  const dropped = fromArrays(data(5), { batchSize: 2, dropRemainder: true });
  assert.equal(dropped.batchesPerEpoch, 2);
  assert.equal(epochTargets(dropped.batches(0, new Random(1)) as Iterable<Batch>).length, 2);
});

test('named inputs, int32 and uint8 blocks, and per-sample weights', () => {
  const n = 6;
  const src = fromArrays(
    {
      x: { a: arrayBlock(new Uint8Array(n * 4).fill(200), [n, 2, 2]), b: arrayBlock(Int32Array.from({ length: n }, (_, i) => i), [n, 1]) },
      y: arrayBlock(Int32Array.from({ length: n }, (_, i) => i % 3), [n]),
      weight: Float32Array.from({ length: n }, (_, i) => i),
    },
    { batchSize: 4, shuffle: false },
  );
  const first = (src.batches(0, new Random(1)) as Iterable<Batch>)[Symbol.iterator]().next().value as Batch;
  const x = first.x as Record<string, tf.Tensor>;
  assert.deepEqual(x.a.shape, [4, 2, 2]);
  assert.equal(x.a.dtype, 'float32');
  assert.equal(x.a.dataSync()[0], 200);
  assert.equal(x.b.dtype, 'int32');
  assert.equal((first.y as tf.Tensor).dtype, 'int32');
  assert.deepEqual(Array.from(first.weight!.dataSync()), [0, 1, 2, 3]);
  assert.equal(batchLength(first), 4);
  disposeBatch(first);
});

test('inputs and targets must agree on the sample count', () => {
  assert.throws(() => fromArrays({ x: arrayBlock(new Float32Array(6), [3, 2]), y: new Float32Array(4) }), /number of samples/);
  assert.throws(() => fromArrays({ ...data(3), weight: new Float32Array(2) }), /weights/);
});

test('gatherRows picks rows in the given order; consuming batches leaks no tensors', () => {
  const t = gatherRows(arrayBlock(Float32Array.from([0, 1, 2, 3, 4, 5]), [3, 2]), [2, 0]);
  assert.deepEqual(t.arraySync(), [[4, 5], [0, 1]]);
  t.dispose();
  const n0 = tf.memory().numTensors;
  epochTargets(fromArrays(data(100), { batchSize: 7 }).batches(1, new Random(2)) as Iterable<Batch>);
  assert.equal(tf.memory().numTensors, n0);
});
