/**
 * Checks the results a notebook run recorded (`reports/<profile>/results/*.json`) against the expected
 * ranges that each study states beside its tests (`tests/<study>/expected-results.ts`). Exits non-zero,
 * naming the notebook, key, value and range, when a result is missing or outside its range — e.g. when
 * a model stops learning. `npm test` runs it for `smoke` after the notebooks;
 * `npm run check-results -- --profile default` checks the last `npm start`.
 *
 * usage: tsx bin/check-results.ts [--profile smoke|default|full] [--dir REPORT_DIR] [name-filter ...]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROFILES, type ProfileName } from '../lib/profile';
import { projectRoot } from '../lib/paths';
import { checkBounds, type ExpectedResults } from '../lib/results/bounds';

/** Every `expected-results.ts` under `dir`, sorted. */
export function expectationFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === 'expected-results.ts')
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Loads the `EXPECTED` export of every expectation file under `tests/`. */
export async function loadExpectations(root: string): Promise<ExpectedResults[]> {
  const out: ExpectedResults[] = [];
  for (const file of expectationFiles(path.join(root, 'tests'))) {
    const mod = (await import(pathToFileURL(file).href)) as { EXPECTED?: ExpectedResults };
    if (!mod.EXPECTED) throw new Error(`${file}: exports no EXPECTED`);
    out.push(mod.EXPECTED);
  }
  return out;
}

function parseArgs(argv: string[]): { profile: ProfileName; dir: string | null; filters: string[] } {
  const o = { profile: 'default' as ProfileName, dir: null as string | null, filters: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--profile') {
      const value = argv[++i] as ProfileName;
      if (!PROFILES.includes(value)) throw new Error(`--profile must be one of ${PROFILES.join(', ')}, got "${value}"`);
      o.profile = value;
    } else if (argv[i] === '--dir') o.dir = argv[++i];
    else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    else o.filters.push(argv[i]);
  }
  return o;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const root = projectRoot();
  const expectations = await loadExpectations(root);
  const chosen = expectations.filter((e) => options.filters.length === 0 || options.filters.some((f) => e.notebook.includes(f)));
  const resultsDir = path.join(options.dir ?? path.join(root, 'reports', options.profile), 'results');
  const problems = checkBounds(chosen, options.profile, resultsDir);
  const checked = chosen.reduce((n, e) => n + Object.keys(e[options.profile] ?? {}).length, 0);
  if (problems.length > 0) {
    console.error(`✘ ${problems.length} of ${checked} expected ${options.profile} results are missing or out of range:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`✔ ${checked} ${options.profile} results of ${new Set(chosen.map((e) => e.notebook)).size} notebooks lie in their expected ranges (${path.relative(root, resultsDir)}).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
