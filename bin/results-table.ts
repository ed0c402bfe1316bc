/**
 * Writes the README's studies table from the committed results (`results/default/*.json`,
 * `results/full/*.json`). With `--commit <profile>` it first copies the last run's results
 * (`reports/<profile>/results/*.json`) into `results/<profile>/`, to be committed.
 * `--check` only says whether the README is up to date (exit 1 if not).
 *
 * usage: tsx bin/results-table.ts [--commit default|full] [--check]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../lib/paths';
import { PROFILES, type ProfileName } from '../lib/profile';
import { readRecords } from '../lib/results/files';
import { writeFileAtomicSync } from '../lib/io/atomic';
import { studiesTable, replaceSection } from '../lib/results/readme-table';

/** The README as it should be, given the committed results under `root/results/`. */
export function expectedReadme(root: string): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = studiesTable(readRecords(path.join(root, 'results', 'default')), readRecords(path.join(root, 'results', 'full')));
  return replaceSection(readme, table);
}

function commitRun(root: string, profile: ProfileName): void {
  const records = readRecords(path.join(root, 'reports', profile, 'results'));
  if (records.length === 0) throw new Error(`no results in reports/${profile}/results/: run the notebooks in profile ${profile} first`);
  const dir = path.join(root, 'results', profile);
  fs.mkdirSync(dir, { recursive: true });
  for (const rec of records) writeFileAtomicSync(path.join(dir, `${rec.notebook}.json`), JSON.stringify(rec, null, 2) + '\n');
  console.log(`copied ${records.length} results files to results/${profile}/`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const root = projectRoot();
  const commitAt = argv.indexOf('--commit');
  if (commitAt >= 0) {
    const profile = argv[commitAt + 1] as ProfileName;
    if (!PROFILES.includes(profile)) throw new Error(`--commit needs a profile (${PROFILES.join(', ')}), got "${profile}"`);
    commitRun(root, profile);
  }
  const want = expectedReadme(root);
  const file = path.join(root, 'README.md');
  if (argv.includes('--check')) {
    const same = fs.readFileSync(file, 'utf8') === want;
    console.log(same ? 'README.md studies table matches results/.' : 'README.md studies table is out of date: run npm run results-table');
    process.exit(same ? 0 : 1);
  }
  writeFileAtomicSync(file, want);
  console.log('README.md studies table written from results/.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
