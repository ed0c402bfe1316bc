/** The random search's trial space and score (the training loop itself is tested in tests/train). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../lib/random';
import { DEFAULT_TRIAL, drawTrial, meanEV } from '../../../lib/telescope-array/train/search';

test('trials stay in the documented ranges and depend on the seed', () => {
  const rng = new Random(1);
  const trials = Array.from({ length: 50 }, () => drawTrial(rng));
  for (const t of trials) {
    assert.ok(t.conv1d.length >= 1 && t.conv1d.length <= 2 && [4, 8, 16].includes(t.conv1d[0]));
    assert.ok(t.conv2d.length <= 2 && t.conv2d.every((w) => w === 16 || w === 32));
    assert.ok([32, 64, 96].includes(t.dense[0]));
    assert.ok(t.l2 >= 1e-6 && t.l2 <= 1e-3);
    assert.ok([0, 0.1, 0.2, 0.3].includes(t.dropout));
  }
  assert.ok(new Set(trials.map((t) => JSON.stringify(t))).size > 10);
  assert.deepEqual(drawTrial(new Random(5)), drawTrial(new Random(5)));
  assert.deepEqual(DEFAULT_TRIAL.conv1d, [8, 16]);
});

test('mean EV over targets; a diverged model (NaN) never wins', () => {
  assert.equal(meanEV({ a: 0.1, b: 0.3 }), 0.2);
  assert.equal(meanEV({ a: NaN, b: 0.3 }), -Infinity);
});
