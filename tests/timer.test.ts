import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Stopwatch } from '../lib/timer';

test('Stopwatch reports seconds since the start and since each restart', () => {
  let ms = 1000;
  const clock = new Stopwatch(() => ms);
  ms += 2500;
  assert.equal(clock.seconds(), 2.5);
  assert.equal(clock.restart(), 2.5);
  ms += 250;
  assert.equal(clock.seconds(), 0.25);
});

test('Stopwatch uses performance.now by default (non-negative, non-decreasing)', () => {
  const clock = new Stopwatch();
  const a = clock.seconds();
  const b = clock.seconds();
  assert.ok(a >= 0 && b >= a);
});
