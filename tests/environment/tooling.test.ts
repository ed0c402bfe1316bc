// environment/*.mjs and *.cjs are plain JavaScript: `npm run lint` and `npm run typecheck` cover them
// (ESLint, and TypeScript's checkJs through JSDoc types).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../lib/paths';

const root = projectRoot();

test('npm run lint and npm run typecheck include environment/*.mjs and *.cjs', () => {
  const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
  assert.match(scripts.lint, /^eslint .*\benvironment\b/);
  assert.match(scripts.typecheck, /tsc --noEmit -p tsconfig\.json/);
  // tsconfig.json is JSON without comments here
  const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
  assert.equal(tsconfig.compilerOptions.allowJs, true);
  assert.equal(tsconfig.compilerOptions.checkJs, true);
  assert.ok(tsconfig.include.includes('environment/*.mjs') && tsconfig.include.includes('environment/*.cjs'), tsconfig.include.join());
  const sources = fs.readdirSync(path.join(root, 'environment')).filter((f) => /\.(mjs|cjs)$/.test(f));
  assert.ok(sources.includes('bootstrap.mjs') && sources.includes('tslab-kernel.cjs'));
});
