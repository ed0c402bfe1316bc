#!/usr/bin/env node
// Set-up script run before `npm start`, `npm test`, `npm run notebook` and `npm run bench`.
// Plain JavaScript with no dependencies, so it runs on a fresh clone. Idempotent: when everything is
// present it only checks (well under 5 s). It installs what is missing:
//   1. npm dependencies from the lockfile (`npm ci`), when node_modules is absent or stale;
//   2. Jupyter (notebook, nbclient, nbconvert) from Debian packages, when no Python can import them
//      (as root through apt-get; otherwise it stops and prints the exact command);
//   3. the tslab kernel, registered against that Python (through environment/tslab-kernel.cjs).
// The Python it found is written to node_modules/.cache/physics-ml/env.json for the notebook runner.
// Flags: --with-bench also installs the optional benchmark packages (PyTorch, scikit-learn).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const envDir = path.join(root, 'environment');
const stateFile = path.join(root, 'node_modules', '.cache', 'physics-ml', 'env.json');
const withBench = process.argv.includes('--with-bench');
const started = Date.now();

function log(message) {
  console.log(`[bootstrap] ${message}`);
}

function fail(message) {
  console.error(`[bootstrap] ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with status ${result.status}`);
}

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

function ensureNodeModules() {
  const stampFile = path.join(root, 'node_modules', '.cache', 'physics-ml', 'lock.sha256');
  const stamp = lockfileStamp();
  const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
  if (current === stamp && fs.existsSync(path.join(root, 'node_modules', '.bin', 'tslab'))) return;
  // A fresh clone gets exactly the lockfile (`npm ci`); an existing node_modules is brought up to date
  // in place (`npm install` honours the lockfile), so a running kernel or test is not left without it.
  const hasLock = fs.existsSync(path.join(root, 'package-lock.json'));
  const hasModules = fs.existsSync(path.join(root, 'node_modules'));
  run('npm', [hasLock && !hasModules ? 'ci' : 'install', '--no-audit', '--no-fund']);
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, stamp + '\n');
}

// 2. Python with Jupyter ------------------------------------------------------------------------
// One Python call checks the modules and reads the registered tslab kernel, to stay fast.
const PROBE = `
import json, sys
out = {"python": sys.executable, "missing": [], "tslab": None, "bench_missing": []}
for name in ("nbclient", "nbconvert", "notebook", "jupyter_client"):
    try: __import__(name)
    except Exception: out["missing"].append(name)
for name in ("torch", "sklearn"):
    try: __import__(name)
    except Exception: out["bench_missing"].append(name)
try:
    from jupyter_client.kernelspec import KernelSpecManager
    out["tslab"] = KernelSpecManager().get_kernel_spec("tslab").argv
except Exception:
    pass
print(json.dumps(out))
`;

function probePython(python) {
  const result = spawnSync(python, ['-c', PROBE], { encoding: 'utf8' });
  if (result.status !== 0 || !result.stdout) return null;
  try {
    return JSON.parse(result.stdout.trim().split('\n').pop());
  } catch {
    return null;
  }
}

function pythonCandidates() {
  const list = [process.env.JUPYTER_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  return [...new Set(list)];
}

function findJupyterPython() {
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

// 3. The tslab kernel ---------------------------------------------------------------------------
// Registered with an absolute path (Jupyter cannot find a project-local bare `tslab`), through
// environment/tslab-kernel.cjs, which starts tslab from the project root (see that file).
function ensureKernel(probe) {
  const tslab = path.join(root, 'node_modules', '.bin', 'tslab');
  const kernel = path.join(envDir, 'tslab-kernel.cjs');
  if (!fs.existsSync(tslab)) fail(`${tslab} is missing after npm ci.`);
  const argv = probe.tslab;
  if (argv && argv[0] === kernel) return;
  log(argv ? `tslab kernel points at ${argv[0]}; re-registering` : 'registering the tslab kernel');
  run(tslab, ['install', `--python=${probe.python}`, `--binary=${kernel}`]);
}

checkNode();
ensureNodeModules();
const probe = ensureJupyter();
ensureKernel(probe);
fs.mkdirSync(path.dirname(stateFile), { recursive: true });
fs.writeFileSync(stateFile, JSON.stringify({ python: probe.python }, null, 2) + '\n');
spawnSync(process.execPath, [path.join(envDir, 'build-native.mjs')], { stdio: 'inherit', cwd: root }); // optional oneDNN addon; never fails
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (python: ${probe.python}, kernel: tslab)`);
