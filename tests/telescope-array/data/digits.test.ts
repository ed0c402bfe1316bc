/** The MNIST-shaped synthetic digits: shape, range, balance, determinism, and ten distinct shapes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../lib/random';
import { DIGIT_SIZE, drawDigit, makeDigits } from '../../../lib/telescope-array/data/digits';

test('28 × 28 images in [0, 1], ten classes in equal parts, one-hot labels, the same set from the same seed', () => {
  const set = makeDigits(50, new Random(1));
  assert.equal(set.images.length, 50 * DIGIT_SIZE * DIGIT_SIZE);
  assert.ok(set.images.every((v) => v >= 0 && v <= 1));
  assert.deepEqual(Array.from({ length: 10 }, (_, d) => set.labels.filter((l) => l === d).length), Array(10).fill(5));
  set.labels.forEach((l, i) => assert.equal(set.oneHot[i * 10 + l], 1));
  assert.equal(set.oneHot.reduce((a, v) => a + v, 0), 50);
  assert.deepEqual(makeDigits(50, new Random(1)).images, set.images);
  assert.throws(() => drawDigit(10, new Random(1)), /digit 10 is not one of 0–9/);
});

test('every digit is inked (about a tenth to a third of the pixels) and the ten mean images differ', () => {
  const rng = new Random(2);
  const means = Array.from({ length: 10 }, (_, d) => {
    const mean = new Float64Array(DIGIT_SIZE * DIGIT_SIZE);
    for (let k = 0; k < 20; k++) drawDigit(d, rng).forEach((v, i) => (mean[i] += v / 20));
    return mean;
  });
  for (const m of means) {
    const inked = m.reduce((a, v) => a + v, 0) / m.length;
    assert.ok(inked > 0.05 && inked < 0.4, `ink fraction ${inked}`);
  }
  for (let a = 0; a < 10; a++) {
    for (let b = a + 1; b < 10; b++) {
      const dist = Math.sqrt(means[a].reduce((s, v, i) => s + (v - means[b][i]) ** 2, 0));
      assert.ok(dist > 1, `digits ${a} and ${b}: mean images ${dist.toFixed(2)} apart`);
    }
  }
});
