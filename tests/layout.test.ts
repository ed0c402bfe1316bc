// The README and CONTRIBUTING describe the code: these tests keep them honest. The README's layout
// table must name every folder and module of lib/ (and nothing that is not there), every study
// folder must follow the skeleton of CONTRIBUTING ("Shape of a study"), and every file named in a
// lib/ file header or in the README / CONTRIBUTING must exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../lib/paths';

const ROOT = projectRoot();
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** The study folders: each has the role entries below and an entry file `lib/<study>.ts`. */
const STUDIES = ['tour', 'newsdm', 'telescope-array', 'galaxy-zoo', 'galactic-centre', 'darkmachines', 'zprime'];
const ROLES = ['data', 'model', 'train', 'evaluate', 'paper'];
/** Roles every study must have (paper: added with the results contract); the tour trains and evaluates with the core alone. */
const REQUIRED_ROLES: Record<string, string[]> = { tour: ['data', 'model'] };
const DEFAULT_REQUIRED = ['data', 'model', 'train', 'evaluate'];
/** Entries outside the roles, each with the reason it is allowed. */
const NOT_A_ROLE: Record<string, string> = {
  'newsdm/seed.ts': "the seed's numbers: becomes the paper role (paper.ts) on the results-contract branch",
};

function filesUnder(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

/** Names in backticks in the README rows whose first cell is `lib/` or `lib/<study>/`. */
function layoutNames(readme: string): Set<string> {
  const rows = readme.split('\n').filter((line) => /^\|\s*`lib\/(<study>\/)?`\s*\|/.test(line));
  assert.equal(rows.length, 2, 'the README layout table has one `lib/` row (core) and one `lib/<study>/` row');
  const names = rows.flatMap((row) => [...row.split('|')[2].matchAll(/`([a-z][\w-]*)`/g)].map((m) => m[1]));
  return new Set(names);
}

/** Every folder of lib/ and every module file at its top (entry files included; `.cjs` helpers aside). */
function libNames(): Set<string> {
  const entries = fs.readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true });
  return new Set(entries.filter((e) => e.isDirectory() || e.name.endsWith('.ts')).map((e) => e.name.replace(/\.ts$/, '')));
}

test("the README's layout table names exactly the folders and modules of lib/", () => {
  const listed = layoutNames(read('README.md'));
  const actual = libNames();
  const roleWords = new Set(ROLES);
  assert.deepEqual([...actual].filter((n) => !listed.has(n)).sort(), [], 'in lib/ but not in the README layout table');
  assert.deepEqual([...listed].filter((n) => !actual.has(n) && !roleWords.has(n)).sort(), [], 'in the README layout table but not in lib/');
});

test('every study folder has the roles data, model, train, evaluate (and paper), nothing else, and its entry file', () => {
  const problems: string[] = [];
  for (const study of STUDIES) {
    const dir = path.join(ROOT, 'lib', study);
    if (!fs.existsSync(`${dir}.ts`)) problems.push(`lib/${study}.ts (the entry file) is missing`);
    const present = new Set<string>();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const role = entry.isDirectory() ? entry.name : entry.name.replace(/\.ts$/, '');
      present.add(role);
      if (!ROLES.includes(role) && !(`${study}/${entry.name}` in NOT_A_ROLE)) problems.push(`lib/${study}/${entry.name} is not one of the roles ${ROLES.join(', ')}`);
    }
    for (const role of REQUIRED_ROLES[study] ?? DEFAULT_REQUIRED) if (!present.has(role)) problems.push(`lib/${study}/ has no ${role} role`);
  }
  assert.deepEqual(problems, []);
});

test('every lib/ folder is a study or a core module with its entry file', () => {
  const folders = fs.readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true }).filter((e) => e.isDirectory());
  assert.deepEqual(folders.filter((f) => !fs.existsSync(path.join(ROOT, 'lib', `${f.name}.ts`))).map((f) => f.name), []);
});

/** A file name in backticks: a source or notebook path, or a data file under a project folder. */
const NAMED_FILE = /`((?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\.(?:ts|cjs|mjs|py|md|ipynb|json|csv|h5|npy|root|gz|txt))`/g;
const SOURCE = /\.(ts|cjs|mjs|py|md|ipynb)$/;
const ROOTED = /^(lib|tests|data|bench|bin|environment|notebooks)\//;
/** Names that deliberately are not files: the folder index tslab cannot import, the notebook-name pattern. */
const NOT_FILES = new Set(['index.ts', 'lib/metrics/index.ts', 'NN-name.ipynb', 'notebooks/NN-name.ipynb']);

/**
 * The files a text names that do not exist. Rooted paths (`lib/…`, `data/…`) are read from the project
 * root; other source names beside `baseDir` or, for an entry file `lib/<name>.ts`, in `lib/<name>/`.
 * Data-file names that are not rooted (`images.npy` of a format description) are not checked.
 */
function missingNames(text: string, baseDir: string, entryFolder?: string): string[] {
  const missing: string[] = [];
  for (const [, name] of text.matchAll(NAMED_FILE)) {
    if (NOT_FILES.has(name) || (!ROOTED.test(name) && !SOURCE.test(name))) continue;
    const candidates = ROOTED.test(name) ? [path.join(ROOT, name)] : [path.resolve(baseDir, name), ...(entryFolder ? [path.resolve(entryFolder, name)] : [])];
    if (!candidates.some((c) => fs.existsSync(c))) missing.push(name);
  }
  return missing;
}

test('file headers in lib/ name files that exist (beside the file, in an entry file\'s folder, or from the project root)', () => {
  const problems = filesUnder(path.join(ROOT, 'lib'), '.ts').flatMap((file) => {
    const header = /^\/\*\*[\s\S]*?\*\//.exec(fs.readFileSync(file, 'utf8'))?.[0] ?? '';
    return missingNames(header, path.dirname(file), file.slice(0, -3)).map((name) => `${path.relative(ROOT, file)}: \`${name}\``);
  });
  assert.deepEqual(problems, []);
});

test('README and CONTRIBUTING name files that exist', () => {
  const problems = ['README.md', 'CONTRIBUTING.md'].flatMap((doc) => missingNames(read(doc), ROOT).map((name) => `${doc}: \`${name}\``));
  assert.deepEqual(problems, []);
});

test('the header check catches a missing file and accepts siblings and rooted paths', () => {
  const dir = path.join(ROOT, 'lib', 'metrics');
  assert.deepEqual(missingNames('uses `curve.ts`, `lib/metrics.ts` and `nowhere.ts`', dir), ['nowhere.ts']);
  assert.deepEqual(missingNames('`lib/<study>.ts` is a placeholder, `images.npy` a format', dir), []);
  assert.deepEqual(missingNames('`fit.ts`', path.join(ROOT, 'lib'), path.join(ROOT, 'lib', 'train')), []);
});
