/**
 * Input checks shared by the metrics in `lib/metrics`: lengths, emptiness, finiteness, binary labels
 * and sample weights. Every check throws a `RangeError` whose message names the function and the
 * argument, so a notebook sees at once which input was wrong.
 *
 * Internal to `lib/metrics` (not re-exported by its index).
 */

/** Throws unless `values` is non-empty and every entry is finite (no NaN, no ±Infinity). */
export function checkFinite(fn: string, name: string, values: ArrayLike<number>): void {
  if (values.length === 0) throw new RangeError(`${fn}: ${name} is empty`);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] is ${v}; inputs must be finite numbers`);
  }
}

/** Throws unless `a` and `b` have the same length. */
export function checkSameLength(fn: string, nameA: string, a: ArrayLike<number>, nameB: string, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new RangeError(`${fn}: ${nameA} has length ${a.length} but ${nameB} has length ${b.length}`);
  }
}

/** Throws unless every entry of `y` is exactly 0 or 1 (the positive class is 1). */
export function checkBinary(fn: string, name: string, y: ArrayLike<number>): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`${fn}: ${name}[${i}] is ${y[i]}; binary labels must be 0 or 1`);
  }
}

/**
 * Checks optional per-sample weights: same length as the data, finite, non-negative, not all zero.
 * Returns the total weight (or `n` without weights).
 */
export function checkWeights(fn: string, weights: ArrayLike<number> | undefined, n: number): number {
  if (weights === undefined) return n;
  if (weights.length !== n) throw new RangeError(`${fn}: sampleWeight has length ${weights.length} but the data has ${n} samples`);
  checkFinite(fn, 'sampleWeight', weights);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] < 0) throw new RangeError(`${fn}: sampleWeight[${i}] is ${weights[i]}; weights must be >= 0`);
    total += weights[i];
  }
  if (total === 0) throw new RangeError(`${fn}: all sample weights are zero`);
  return total;
}

/** The usual pair check for (truth, prediction-or-score) arrays plus optional weights. */
export function checkPair(
  fn: string,
  nameA: string,
  a: ArrayLike<number>,
  nameB: string,
  b: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  checkSameLength(fn, nameA, a, nameB, b);
  checkFinite(fn, nameA, a);
  checkFinite(fn, nameB, b);
  return checkWeights(fn, weights, a.length);
}
