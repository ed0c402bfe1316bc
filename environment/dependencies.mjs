// Are the project's direct dependencies installed at the versions of the lockfile? Used by bootstrap.mjs
// to decide whether `npm ci` / `npm install` must run (a deleted or hand-edited package in node_modules
// is found even when package.json and the lockfile are unchanged). Reads one package.json per direct
// dependency and the lockfile once: a few milliseconds.
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * @typedef {{ name: string, expected: string | null, found: string | null }} DependencyProblem
 *   `expected`: the version the lockfile pins (null when the lockfile does not list the package);
 *   `found`: the version installed under node_modules (null when it is absent or unreadable).
 */

/**
 * @param {string} file
 * @returns {any} the parsed JSON, or null when the file is absent or not valid JSON
 */
function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Direct dependencies (dependencies and devDependencies of package.json) that are missing from
 * node_modules or installed at another version than `package-lock.json` pins.
 * @param {string} root the project root (holding package.json, package-lock.json and node_modules)
 * @returns {DependencyProblem[]} empty when everything is in place
 */
export function dependencyProblems(root) {
  const manifest = readJson(path.join(root, 'package.json'));
  if (!manifest) throw new Error(`${path.join(root, 'package.json')}: missing or not valid JSON`);
  const lock = readJson(path.join(root, 'package-lock.json'));
  /** @type {Record<string, { version?: string, link?: boolean, resolved?: string }>} */
  const locked = lock?.packages ?? {};
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).sort();
  /** @type {DependencyProblem[]} */
  const problems = [];
  for (const name of names) {
    const entry = locked[`node_modules/${name}`];
    // a `file:` dependency (our stubs) is locked as a link to its folder, which carries the version
    const expected = (entry?.link && entry.resolved ? locked[entry.resolved]?.version : entry?.version) ?? null;
    const installed = readJson(path.join(root, 'node_modules', name, 'package.json'));
    const found = typeof installed?.version === 'string' ? installed.version : null;
    if (found === null || expected === null || found !== expected) problems.push({ name, expected, found });
  }
  return problems;
}

/**
 * One line per problem, for the bootstrap's log.
 * @param {DependencyProblem[]} problems
 * @returns {string}
 */
export function describeProblems(problems) {
  return problems
    .map(({ name, expected, found }) => {
      if (expected === null) return `${name}: not in package-lock.json`;
      if (found === null) return `${name}: not installed (lockfile: ${expected})`;
      return `${name}: ${found} installed, lockfile: ${expected}`;
    })
    .join('; ');
}
