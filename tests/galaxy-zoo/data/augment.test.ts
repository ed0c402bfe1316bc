import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../../lib/random';
import { augmentedSource, dihedral } from '../../../lib/galaxy-zoo/data/augment';

test('the 8 symmetries are distinct, and four quarter turns are the identity', () => {
  const size = 4;
  const img = Float32Array.from({ length: size * size }, (_, i) => i);
  const seen = new Set<string>();
  for (let k = 0; k < 8; k++) seen.add(dihedral(img, size, 1, k).join(','));
  assert.equal(seen.size, 8);
  let r = img;
  for (let t = 0; t < 4; t++) r = dihedral(r, size, 1, 1);
  assert.deepEqual(r, img);
  assert.deepEqual(dihedral(dihedral(img, size, 1, 4), size, 1, 4), img); // a flip twice
});

test('augmented batches keep targets with their images and cover the epoch', async () => {
  await tf.setBackend('cpu');
  const n = 10;
  const size = 3;
  const images = new Float32Array(n * size * size);
  const targets = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    images.fill(i, i * 9, (i + 1) * 9);
    targets[2 * i] = i;
    targets[2 * i + 1] = -i;
  }
  const src = augmentedSource(images, targets, [n, size, size, 1], 2, { batchSize: 4 });
  const got: number[] = [];
  for (const b of src.batches(0, new Random(1))) {
    const x = (b.x as tf.Tensor).arraySync() as number[][][][];
    const y = (b.y as tf.Tensor).arraySync() as number[][];
    y.forEach((row, i) => {
      assert.equal(x[i][1][1][0], row[0]);
      assert.equal(row[1], -row[0]);
      got.push(row[0]);
    });
    tf.dispose([b.x as tf.Tensor, b.y as tf.Tensor]);
  }
  assert.deepEqual(got.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});
