// tslab loads a local import by appending ".js" to the compiled path, so it cannot import a folder
// (`./lib/metrics` must be the file lib/metrics.ts, not lib/metrics/index.ts). This test keeps every
// relative import in lib/ and in the notebooks pointing at a file that exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../lib/paths';

const SPECIFIER = /(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g;

function filesUnder(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

/** Problems with the relative imports of one source text whose imports resolve from `baseDir`. */
function importProblems(source: string, baseDir: string, label: string): string[] {
  const problems: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''); // examples in comments are not imports
  for (const match of code.matchAll(SPECIFIER)) {
    const spec = match[1];
    const target = path.resolve(baseDir, spec);
    if (path.extname(spec) && fs.existsSync(target)) continue; // explicit file, e.g. './esm.cjs'
    if (fs.existsSync(target + '.ts')) continue;
    const why = fs.existsSync(path.join(target, 'index.ts')) ? 'imports a folder (tslab cannot); import a file' : 'does not resolve to a .ts file';
    problems.push(`${label}: '${spec}' ${why}`);
  }
  return problems;
}

test('relative imports in lib/ name files, never folders', () => {
  const root = projectRoot();
  const problems = filesUnder(path.join(root, 'lib'), '.ts').flatMap((file) =>
    importProblems(fs.readFileSync(file, 'utf8'), path.dirname(file), path.relative(root, file)),
  );
  assert.deepEqual(problems, []);
});

test('notebook cells import the library by file from the project root', () => {
  const root = projectRoot();
  const problems = filesUnder(path.join(root, 'notebooks'), '.ipynb').flatMap((file) => {
    const nb = JSON.parse(fs.readFileSync(file, 'utf8')) as { cells: { cell_type: string; source: string | string[] }[] };
    return nb.cells
      .filter((cell) => cell.cell_type === 'code')
      .flatMap((cell, i) => importProblems([cell.source].flat().join(''), root, `${path.basename(file)} code cell ${i}`));
  });
  assert.deepEqual(problems, []);
});

test('the check catches a folder import', () => {
  assert.match(importProblems("import { rocAuc } from './metrics';", path.join(projectRoot(), 'lib', 'io'), 'x').join(), /does not resolve/);
  const problems = importProblems("import { x } from './lib/nowhere';", projectRoot(), 'x');
  assert.equal(problems.length, 1);
});
