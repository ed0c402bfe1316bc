/** The warm-up CNN learns the synthetic digits far above chance (0.1) in a short run. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { initBackend } from '../../../lib/backend';
import { Random } from '../../../lib/random';
import { digitWarmup } from '../../../lib/telescope-array/train/warmup';

before(async () => {
  await initBackend({ quiet: true });
});

test('a small CNN reads the digits: test accuracy well above chance after a few epochs', async () => {
  const r = await digitWarmup({ trainImages: 600, testImages: 200, epochs: 3, batchSize: 32, rng: new Random(3) });
  assert.ok(r.accuracy > 0.6, `accuracy ${r.accuracy}`);
  assert.equal(r.history.length, 3);
  assert.equal(r.sample.labels.length, 16);
  r.model.dispose();
});
