/** Choosing the optimizer by the seed's figure of merit (mean validation EV). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseOptimizer } from '../../../lib/telescope-array/train/optimizers';

test('the optimizer with the higher mean validation EV is kept; Adam wins a tie; a diverged one never wins', () => {
  assert.equal(chooseOptimizer({ adadelta: { a: 0.3, b: 0.1 }, adam: { a: 0.1, b: 0.1 } }), 'adadelta');
  assert.equal(chooseOptimizer({ adadelta: { a: 0.1 }, adam: { a: 0.2 } }), 'adam');
  assert.equal(chooseOptimizer({ adadelta: { a: 0.2 }, adam: { a: 0.2 } }), 'adam');
  assert.equal(chooseOptimizer({ adadelta: { a: 0.2 }, adam: { a: NaN } }), 'adadelta');
});
