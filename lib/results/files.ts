/**
 * Reading results files back (`reports/<profile>/results/*.json`, committed `results/<profile>/*.json`)
 * with a check of their shape: a malformed file is an error naming the file, the row and the field.
 *
 * Used by the summary of the notebook runner, `bin/check-results.ts` and `bin/results-table.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROFILES } from '../profile';
import { VERDICTS } from './verdict';
import type { ResultsRecord } from './record';

function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what}`);
}

function expectType(file: string, where: string, value: unknown, type: 'string' | 'number'): void {
  if (typeof value !== type) fail(file, `${where} must be a ${type}, got ${JSON.stringify(value)}`);
}

/** Checks the parsed content of a results file and returns it typed. */
export function validateRecord(data: unknown, file: string): ResultsRecord {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail(file, 'expected a JSON object');
  const r = data as Record<string, unknown>;
  expectType(file, '"notebook"', r.notebook, 'string');
  if (!(PROFILES as readonly unknown[]).includes(r.profile)) fail(file, `"profile" must be one of ${PROFILES.join(', ')}, got ${JSON.stringify(r.profile)}`);
  expectType(file, '"backend"', r.backend, 'string');
  expectType(file, '"seconds"', r.seconds, 'number');
  if (!Array.isArray(r.results)) fail(file, '"results" must be an array');
  (r.results as unknown[]).forEach((row, i) => {
    const where = `results[${i}]`;
    if (typeof row !== 'object' || row === null) fail(file, `${where} must be an object`);
    const x = row as Record<string, unknown>;
    for (const field of ['key', 'label', 'source', 'unit'] as const) expectType(file, `${where}.${field}`, x[field], 'string');
    for (const field of ['ours', 'paper'] as const) if (x[field] !== null) expectType(file, `${where}.${field} (or null)`, x[field], 'number');
    if (!(VERDICTS as readonly unknown[]).includes(x.verdict)) fail(file, `${where}.verdict must be one of ${VERDICTS.join(', ')}, got ${JSON.stringify(x.verdict)}`);
  });
  return data as ResultsRecord;
}

/** Reads and checks one results file. */
export function readRecord(file: string): ResultsRecord {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    fail(file, `not readable JSON (${(err as Error).message})`);
  }
  return validateRecord(data, file);
}

/** All results files of a folder, by notebook name (an empty list when the folder does not exist). */
export function readRecords(dir: string): ResultsRecord[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readRecord(path.join(dir, f)));
}
