#!/usr/bin/env node
// Set-up script run before `npm start`, `npm test`, `npm run notebook` and `npm run bench`.
// Plain JavaScript (type-checked through JSDoc) with no dependencies, so it runs on a fresh clone. Idempotent: when everything is
// present it only checks (well under 5 s). It installs what is missing:
//   1. npm dependencies from the lockfile (`npm ci`), when node_modules is absent or stale, or when a
//      direct dependency is missing or not at the locked version (environment/dependencies.mjs);
//   2. Jupyter (notebook, nbclient, nbconvert) from Debian packages, when no Python can import them
//      (as root through apt-get; otherwise it stops and prints the exact command);
//   3. the kernel spec of this clone, `.jupyter/kernels/physics-ml-notebooks/kernel.json` (git-ignored),
//      which starts environment/tslab-kernel.cjs of this clone. Nothing is registered system-wide or in
//      the user's Jupyter folders: the runner, `npm run notebook` and the tests put `<clone>/.jupyter`
//      first on JUPYTER_PATH, so two clones on one machine each run their own kernel.
// The Python it found and the kernel's location are written to node_modules/.cache/physics-ml/env.json
// for the notebook runner, `npm run notebook` and the tests.
// Flags: --with-bench also installs the optional benchmark packages (PyTorch, scikit-learn).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependencyProblems, describeProblems } from './dependencies.mjs';
import { KERNEL_DISPLAY_NAME, KERNEL_NAME, kernelSpec, stateFile as stateFileOf } from './kernel-spec.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const envDir = path.join(root, 'environment');
const stateFile = stateFileOf(root);
const jupyterPath = path.join(root, '.jupyter');
const withBench = process.argv.includes('--with-bench');
const started = Date.now();

/** @param {string} message */
function log(message) {
  console.log(`[bootstrap] ${message}`);
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`[bootstrap] ${message}`);
  process.exit(1);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with status ${result.status}`);
}

/**
 * Writes through a temporary file and a rename, so a reader never sees half a file, and a hard-linked
 * copy of node_modules (as the tests make) is never written through.
 * @param {string} file
 * @param {string} text
 */
function writeAtomic(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** @param {string} file */
function readPackageList(file) {
  return fs
    .readFileSync(path.join(envDir, file), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

// 1. Node and npm dependencies ------------------------------------------------------------------
function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) fail(`Node ${process.versions.node} found; this project needs Node 20 or newer.`);
}

function lockfileStamp() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) hash.update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

// Installs when the lockfile changed since the last install, or when a direct dependency is missing or
// at another version than the lockfile's (environment/dependencies.mjs).
function ensureNodeModules() {
  const stampFile = path.join(root, 'node_modules', '.cache', 'physics-ml', 'lock.sha256');
  const stamp = lockfileStamp();
  const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
  const problems = fs.existsSync(path.join(root, 'node_modules')) ? dependencyProblems(root) : [];
  const binOk = fs.existsSync(path.join(root, 'node_modules', '.bin', 'tslab'));
  if (current === stamp && problems.length === 0 && binOk) return;
  if (problems.length > 0) log(`dependencies not as locked (${describeProblems(problems)}); repairing`);
  // A fresh clone gets exactly the lockfile (`npm ci`); an existing node_modules is brought up to date
  // in place (`npm install` honours the lockfile), so a running kernel or test is not left without it.
  const hasLock = fs.existsSync(path.join(root, 'package-lock.json'));
  const hasModules = fs.existsSync(path.join(root, 'node_modules'));
  run('npm', [hasLock && !hasModules ? 'ci' : 'install', '--no-audit', '--no-fund']);
  const left = dependencyProblems(root);
  if (left.length > 0) fail(`after npm install, dependencies are still not as locked: ${describeProblems(left)}`);
  writeAtomic(stampFile, stamp + '\n');
}

// 2. Python with Jupyter ------------------------------------------------------------------------
// One Python call checks the modules, to stay fast.
const PROBE = `
import json, sys
out = {"python": sys.executable, "missing": [], "bench_missing": []}
for name in ("nbclient", "nbconvert", "notebook", "jupyter_client"):
    try: __import__(name)
    except Exception: out["missing"].append(name)
for name in ("torch", "sklearn"):
    try: __import__(name)
    except Exception: out["bench_missing"].append(name)
print(json.dumps(out))
`;

/** @typedef {{ python: string, missing: string[], bench_missing: string[] }} Probe */

/**
 * @param {string} python
 * @returns {Probe | null}
 */
function probePython(python) {
  const result = spawnSync(python, ['-c', PROBE], { encoding: 'utf8' });
  if (result.status !== 0 || !result.stdout) return null;
  try {
    return JSON.parse(result.stdout.trim().split('\n').pop() ?? '');
  } catch {
    return null;
  }
}

/** @returns {string[]} */
function pythonCandidates() {
  const list = [process.env.JUPYTER_PYTHON, '/usr/bin/python3', 'python3'].filter((p) => typeof p === 'string' && p !== '');
  return [...new Set(/** @type {string[]} */ (list))];
}

function findJupyterPython() {
  /** @type {Probe | null} */
  let first = null;
  for (const python of pythonCandidates()) {
    const probe = probePython(python);
    if (!probe) continue;
    first ??= probe;
    if (probe.missing.length === 0) return probe;
  }
  return first;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** @param {string[]} packages */
function aptInstall(packages) {
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (!isRoot() || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    fail(`Jupyter is missing. Install it with:\n    sudo sh -c '${command}'\n  or, with PyPI: pip install -r environment/requirements.txt (then set JUPYTER_PYTHON to that python).`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...packages], { env });
}

function ensureJupyter() {
  let probe = findJupyterPython();
  if (!probe || probe.missing.length > 0) {
    log(`Jupyter not found (${probe ? 'missing ' + probe.missing.join(', ') : 'no python3'}); installing Debian packages.`);
    aptInstall(readPackageList('debian-packages.txt'));
    probe = findJupyterPython();
    if (!probe || probe.missing.length > 0) fail('Jupyter still not importable after installing; see the messages above.');
  }
  if (withBench && probe.bench_missing.length > 0) {
    log(`benchmark references missing (${probe.bench_missing.join(', ')}); installing Debian packages.`);
    if (isRoot()) aptInstall(readPackageList('debian-packages-bench.txt'));
    else log(`run: sudo apt-get install -y ${readPackageList('debian-packages-bench.txt').join(' ')}`);
  }
  return probe;
}

// 3. The kernel of this clone -------------------------------------------------------------------
// Written by us rather than `tslab install`, which registers system-wide (or in the user's folder) under
// the fixed names tslab and jslab, so that the last clone bootstrapped took the kernel from the others.
// Rewritten only when its content changes (a moved clone, another Node).
function ensureKernel() {
  const tslab = path.join(root, 'node_modules', '.bin', 'tslab');
  if (!fs.existsSync(tslab)) fail(`${tslab} is missing after npm ci.`);
  const file = path.join(jupyterPath, 'kernels', KERNEL_NAME, 'kernel.json');
  const text = JSON.stringify(kernelSpec(root, process.execPath), null, 2) + '\n';
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (current === text) return;
  log(`${current === null ? 'writing' : 'updating'} the kernel spec ${path.relative(root, file)} ("${KERNEL_DISPLAY_NAME}")`);
  writeAtomic(file, text);
}

checkNode();
ensureNodeModules();
const probe = ensureJupyter();
ensureKernel();
spawnSync(process.execPath, [path.join(envDir, 'build-native.mjs')], { stdio: 'inherit', cwd: root }); // optional oneDNN addon; never fails
writeAtomic(stateFile, JSON.stringify({ python: probe.python, kernelName: KERNEL_NAME, jupyterPath }, null, 2) + '\n');
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (python: ${probe.python}, kernel: ${KERNEL_NAME} in ${path.relative(root, jupyterPath)}/)`);
