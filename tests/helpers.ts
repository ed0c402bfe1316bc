/** Shared assertions for tests: "close enough" comparisons of numbers and arrays. */
import assert from 'node:assert/strict';

/** Asserts |actual − expected| ≤ atol + rtol·|expected|. */
export function assertClose(actual: number, expected: number, { rtol = 1e-9, atol = 0, label = '' } = {}): void {
  if (actual === expected) return; // also covers equal infinities, where the difference is NaN
  const tol = atol + rtol * Math.abs(expected);
  if (!(Math.abs(actual - expected) <= tol) && !(Number.isNaN(actual) && Number.isNaN(expected))) {
    assert.fail(`${label ? label + ': ' : ''}expected ${expected}, got ${actual} (|diff| ${Math.abs(actual - expected)} > tol ${tol})`);
  }
}

/** Element-wise `assertClose` over two arrays of the same length. */
export function assertAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, opts: { rtol?: number; atol?: number; label?: string } = {}): void {
  assert.equal(actual.length, expected.length, `${opts.label ?? ''} length`);
  for (let i = 0; i < expected.length; i++) assertClose(actual[i], expected[i], { ...opts, label: `${opts.label ?? ''}[${i}]` });
}

/** Every weight of a tfjs model, flattened in layer order (for "same seed → same model" checks). */
export function modelWeights(model: { getWeights(): { dataSync(): ArrayLike<number> }[] }): number[] {
  return model.getWeights().flatMap((w) => Array.from(w.dataSync()));
}
