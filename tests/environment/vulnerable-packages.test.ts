/**
 * The installed packages: the vulnerable ones that danfojs-node pulls in (xlsx 0.18.5 with two high
 * advisories; request 2.88.2 with form-data 2.3.3, critical, and tough-cookie 2.5.0, moderate) are
 * replaced by the stubs in environment/stubs through package.json's overrides, and must not come back
 * (in the lockfile or in node_modules) with a dependency update. `npm audit` cannot reach its
 * endpoint on the machines this project is built on, so this test stands in for it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import { danfo } from '../../lib/frame';
import { projectRoot } from '../../lib/paths';

const root = projectRoot();

/** A package is acceptable when it is our stub, or a release at or above the first patched version. */
const WATCHED: Record<string, { stub?: string; patched?: [number, number, number] }> = {
  xlsx: { stub: 'environment/stubs/xlsx' },
  request: { stub: 'environment/stubs/request' },
  'form-data': { patched: [4, 0, 4] }, // CVE-2025-7783 (unsafe random boundary), fixed in 4.0.4
  'tough-cookie': { patched: [4, 1, 3] }, // CVE-2023-26136 (prototype pollution), fixed in 4.1.3
};

function olderThan(version: string, patched: [number, number, number]): boolean {
  const v = version.split(/[.+-]/).slice(0, 3).map(Number);
  for (let k = 0; k < 3; k++) if (v[k] !== patched[k]) return v[k] < patched[k];
  return false;
}

/** What is wrong with one installed copy of a watched package, or null. */
function problem(name: string, entry: { version?: string; resolved?: string; link?: boolean }): string | null {
  const rule = WATCHED[name];
  if (rule.stub) return entry.link && entry.resolved === rule.stub ? null : `the real ${name}@${entry.version ?? '?'} instead of ${rule.stub}`;
  if (rule.patched && entry.version && olderThan(entry.version, rule.patched)) return `${name}@${entry.version}, older than the patched ${rule.patched.join('.')}`;
  return null;
}

/** Every copy of the watched packages in a package-lock (v3 `packages` map): `path: problem`. */
function lockProblems(lockFile: string): string[] {
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { packages: Record<string, { version?: string; resolved?: string; link?: boolean }> };
  const found: string[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    const name = where.split('node_modules/').pop() ?? '';
    if (!(name in WATCHED) || !where.includes('node_modules/')) continue;
    const p = problem(name, entry);
    if (p) found.push(`${where}: ${p}`);
  }
  return found;
}

test('package-lock.json holds no real xlsx or request and no vulnerable form-data or tough-cookie', () => {
  assert.deepEqual(lockProblems(path.join(root, 'package-lock.json')), []);
});

test('node_modules as installed agrees (its hidden lockfile lists what npm put there)', () => {
  const hidden = path.join(root, 'node_modules', '.package-lock.json');
  assert.ok(fs.existsSync(hidden), 'run npm ci first');
  assert.deepEqual(lockProblems(hidden), []);
  for (const name of ['xlsx', 'request']) {
    const installed = fs.realpathSync(path.join(root, 'node_modules', name));
    assert.equal(installed, path.join(root, WATCHED[name].stub as string), `node_modules/${name}`);
  }
});

test('the check itself catches the packages that danfojs-node 1.2.0 brought in before the stubs', () => {
  const before = {
    'node_modules/xlsx': { version: '0.18.5' },
    'node_modules/request': { version: '2.88.2' },
    'node_modules/request/node_modules/form-data': { version: '2.3.3' },
    'node_modules/tough-cookie': { version: '2.5.0' },
    'node_modules/jsroot/node_modules/tough-cookie': { version: '6.1.0' },
    'node_modules/form-data': { version: '4.0.6' },
  };
  const file = path.join(fs.mkdtempSync(path.join(root, 'node_modules', '.tmp-deps-')), 'package-lock.json');
  try {
    fs.writeFileSync(file, JSON.stringify({ packages: before }));
    assert.deepEqual(lockProblems(file), [
      'node_modules/xlsx: the real xlsx@0.18.5 instead of environment/stubs/xlsx',
      'node_modules/request: the real request@2.88.2 instead of environment/stubs/request',
      'node_modules/request/node_modules/form-data: form-data@2.3.3, older than the patched 4.0.4',
      'node_modules/tough-cookie: tough-cookie@2.5.0, older than the patched 4.1.3',
    ]);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

test('danfojs-node still loads, and what it gets for Excel and URLs throws a clear error', async () => {
  const dfd = danfo();
  assert.deepEqual(new dfd.DataFrame({ a: [1, 2] }).shape, [2, 1]);
  const fromDanfo = createRequire(path.join(root, 'node_modules', 'danfojs-node', 'package.json'));
  const xlsx = fromDanfo('xlsx') as { readFile(file: string): unknown; utils: { sheet_to_json(sheet: unknown): unknown } };
  assert.throws(() => xlsx.readFile('table.xlsx'), /reading Excel files is not supported by this project/);
  assert.throws(() => xlsx.utils.sheet_to_json({}), /reading Excel files is not supported by this project/);
  await assert.rejects(dfd.readCSV('https://example.org/table.csv'), /network reads are not supported by this project/);
});
