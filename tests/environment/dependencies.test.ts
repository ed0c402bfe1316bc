import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dependencyProblems, describeProblems } from '../../environment/dependencies.mjs';
import { projectRoot } from '../../lib/paths';

/** A project tree with package.json, package-lock.json and the given installed versions. */
function fixtureTree(installed: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deps-'));
  const manifest = { name: 'x', dependencies: { '@scope/wasm': '4.22.0', plain: '^1.0.0' }, devDependencies: { dev: '~2.0.0' } };
  const lock = {
    lockfileVersion: 3,
    packages: { '': {}, 'node_modules/@scope/wasm': { version: '4.22.0' }, 'node_modules/plain': { version: '1.2.3' }, 'node_modules/dev': { version: '2.0.1' } },
  };
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify(lock));
  for (const [name, version] of Object.entries(installed)) {
    fs.mkdirSync(path.join(root, 'node_modules', name), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  }
  return root;
}

test('every direct dependency installed at the locked version: no problem', () => {
  const root = fixtureTree({ '@scope/wasm': '4.22.0', plain: '1.2.3', dev: '2.0.1' });
  assert.deepEqual(dependencyProblems(root), []);
  fs.rmSync(root, { recursive: true });
});

test('a deleted package, another version and a package missing from the lockfile are found', () => {
  const root = fixtureTree({ plain: '1.2.4', dev: '2.0.1' });
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  delete lock.packages['node_modules/dev'];
  fs.writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify(lock));
  const problems = dependencyProblems(root);
  assert.deepEqual(problems, [
    { name: '@scope/wasm', expected: '4.22.0', found: null },
    { name: 'dev', expected: null, found: '2.0.1' },
    { name: 'plain', expected: '1.2.3', found: '1.2.4' },
  ]);
  assert.equal(
    describeProblems(problems),
    '@scope/wasm: not installed (lockfile: 4.22.0); dev: not in package-lock.json; plain: 1.2.4 installed, lockfile: 1.2.3',
  );
  fs.rmSync(root, { recursive: true });
});

test('this project, as installed, has every direct dependency at its locked version', () => {
  assert.deepEqual(dependencyProblems(projectRoot()), []);
});

test('a file: dependency (a local stub) is locked as a link and checked against its folder\'s version', () => {
  const root = fixtureTree({ '@scope/wasm': '4.22.0', plain: '1.2.3', dev: '2.0.1', stub: '1.0.0' });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  manifest.dependencies.stub = 'file:environment/stubs/stub';
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest));
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  lock.packages['node_modules/stub'] = { resolved: 'environment/stubs/stub', link: true };
  lock.packages['environment/stubs/stub'] = { version: '1.0.0' };
  fs.writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify(lock));
  assert.deepEqual(dependencyProblems(root), []);
  lock.packages['environment/stubs/stub'] = { version: '1.0.1' };
  fs.writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify(lock));
  assert.deepEqual(dependencyProblems(root), [{ name: 'stub', expected: '1.0.1', found: '1.0.0' }]);
  fs.rmSync(root, { recursive: true });
});
