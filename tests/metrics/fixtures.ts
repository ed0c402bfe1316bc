/**
 * Loads the scikit-learn reference fixtures of `data/fixtures/metrics/` (written by
 * `tests/metrics/make_fixtures.py`), turning the strings "NaN", "Infinity", "-Infinity" back into numbers.
 */
import * as fs from 'node:fs';
import { dataPath } from '../../lib/paths';

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** The parsed fixture file `name` (e.g. `'roc.json'`); `T` is the shape the test expects. */
export function loadFixture<T>(name: string): { sklearn: string; cases: T } {
  const text = fs.readFileSync(dataPath('fixtures', 'metrics', name), 'utf8');
  return JSON.parse(text, (_key, value) => (typeof value === 'string' && Object.hasOwn(NON_FINITE, value) ? NON_FINITE[value] : value));
}
