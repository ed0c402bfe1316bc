/**
 * Expected ranges of results: each study states, beside its tests (`tests/<study>/expected-results.ts`),
 * a [low, high] range per key for the `smoke` and `default` profiles, tight enough that a model that
 * stops learning leaves it. `checkBounds` compares a run's results files with them.
 *
 * Used by `bin/check-results.ts` (`npm run check-results -- --profile smoke|default`, part of `npm test`).
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import type { ProfileName } from '../profile';
import { readRecord } from './files';

/** Closed range [low, high] a result must lie in. */
export type Range = readonly [number, number];

/** The expectations of one study for one notebook. */
export type ExpectedResults = {
  notebook: string;
  /** what the ranges were derived from (runs, seeds) and how wide they are */
  basis: string;
  smoke: Record<string, Range>;
  default: Record<string, Range>;
  full?: Record<string, Range>;
};

/** Problems of one run against a list of expectations; empty when everything holds. */
export function checkBounds(expectations: readonly ExpectedResults[], profile: ProfileName, resultsDir: string, notebooks?: readonly string[]): string[] {
  const problems: string[] = [];
  for (const e of expectations) {
    if (notebooks && !notebooks.includes(e.notebook)) continue;
    const ranges = e[profile];
    if (!ranges || Object.keys(ranges).length === 0) continue;
    const file = path.join(resultsDir, `${e.notebook}.json`);
    if (!fs.existsSync(file)) {
      problems.push(`${e.notebook}: no results file ${file} (did the notebook run in profile ${profile} and call recordResults?)`);
      continue;
    }
    const record = readRecord(file);
    if (record.profile !== profile) problems.push(`${file}: recorded in profile ${record.profile}, checked as ${profile}`);
    for (const [key, [low, high]] of Object.entries(ranges)) {
      const row = record.results.find((r) => r.key === key);
      if (!row) problems.push(`${e.notebook}: key "${key}" is missing from ${file}`);
      else if (row.ours === null || !(row.ours >= low && row.ours <= high)) problems.push(`${e.notebook}: ${key} (${row.label}) = ${row.ours} is outside the expected ${profile} range [${low}, ${high}]`);
    }
  }
  return problems;
}
