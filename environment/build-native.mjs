#!/usr/bin/env node
// Builds the optional oneDNN addon (native/ → native/build/Release/tfjs_onednn.node) that runs the
// heavy tfjs kernels on every core (lib/backend/native-kernels.ts). Called by bootstrap.mjs; also
// runnable alone: `node environment/build-native.mjs [--force]`.
//
// Plain JavaScript, no dependencies beyond node-gyp and node-addon-api from node_modules. It
//   1. installs what is missing from environment/debian-packages-native.txt (libdnnl-dev, g++, make)
//      with apt-get when root, otherwise prints the command;
//   2. builds with `node-gyp rebuild --nodedir=<Node's prefix>` (Node's own headers, no download) when
//      the addon is missing or older than its sources.
// It never fails the bootstrap: when the addon cannot be built, it says why in one line, writes that
// line to native/build-status.txt (the resolver repeats it) and exits 0; training then runs on plain
// wasm. The compiler's output goes to native/build.log. `TFJS_NATIVE=0` skips everything.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = path.join(root, 'native');
const addon = path.join(nativeDir, 'build', 'Release', 'tfjs_onednn.node');
const statusFile = path.join(nativeDir, 'build-status.txt');
const logFile = path.join(nativeDir, 'build.log');
const packagesFile = path.join(root, 'environment', 'debian-packages-native.txt');
const force = process.argv.includes('--force');

/** @param {string} message */
function log(message) {
  console.log(`[native] ${message}`);
}

/**
 * Gives up on the addon for now: one line on the console and in the status file; exit 0.
 * @param {string} reason
 * @returns {never}
 */
function giveUp(reason) {
  fs.rmSync(addon, { force: true }); // never leave an addon that does not match its sources
  fs.writeFileSync(statusFile, reason + '\n');
  log(`${reason}; training runs on plain wasm.`);
  process.exit(0);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function succeeds(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'ignore', ...options });
  return !result.error && result.status === 0;
}

/** Newest modification time (ms) of the addon's sources. */
function newestSource() {
  const files = [path.join(nativeDir, 'binding.gyp'), ...fs.readdirSync(path.join(nativeDir, 'src')).map((f) => path.join(nativeDir, 'src', f))];
  return Math.max(...files.map((f) => fs.statSync(f).mtimeMs));
}

function upToDate() {
  return !force && fs.existsSync(addon) && fs.statSync(addon).mtimeMs >= newestSource();
}

/** What is missing to build: Debian packages (by the files they provide) and Node's headers. */
function missingPackages() {
  /** @type {string[]} */
  const missing = [];
  if (!['/usr/include/oneapi/dnnl/dnnl.hpp', '/usr/include/dnnl.hpp'].some((f) => fs.existsSync(f))) missing.push('libdnnl-dev');
  if (!succeeds('g++', ['--version'])) missing.push('g++');
  if (!succeeds('make', ['--version'])) missing.push('make');
  return missing;
}

function readPackageList() {
  return fs.readFileSync(packagesFile, 'utf8').split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Installs the native build's Debian packages as root; otherwise gives up with the command to run.
 * @param {string[]} missing
 */
function installPackages(missing) {
  const packages = readPackageList();
  const command = `apt-get install -y ${packages.join(' ')}`;
  if (!isRoot() || !succeeds('apt-get', ['--version'])) giveUp(`missing ${missing.join(', ')} (install with: sudo ${command})`);
  log(`missing ${missing.join(', ')}; $ apt-get update && ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const out = fs.openSync(logFile, 'w');
  const ok = succeeds('apt-get', ['update'], { env, stdio: ['ignore', out, out] }) && succeeds('apt-get', ['install', '-y', ...packages], { env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (!ok) giveUp(`apt-get could not install ${packages.join(' ')} (see native/build.log)`);
  const still = missingPackages();
  if (still.length) giveUp(`still missing after apt-get: ${still.join(', ')}`);
}

/** The prefix holding Node's own headers (include/node/node_api.h), so node-gyp needs no download. */
function nodeDir() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (!fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))) giveUp(`Node's headers are not in ${prefix}/include/node`);
  return prefix;
}

function build() {
  const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (!fs.existsSync(nodeGyp)) giveUp('node-gyp is not in node_modules (run npm ci)');
  const started = Date.now();
  log('building the oneDNN addon (node-gyp; about a minute on 2 cores)');
  const out = fs.openSync(logFile, 'a');
  const result = spawnSync(process.execPath, [nodeGyp, 'rebuild', `--nodedir=${nodeDir()}`, '--jobs=max'], { cwd: nativeDir, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (result.error || result.status !== 0 || !fs.existsSync(addon)) {
    const lines = fs.readFileSync(logFile, 'utf8').split('\n');
    const firstError = lines.find((l) => /error|\*\*\*/i.test(l) && !/^gyp (ERR|info)/.test(l)) ?? lines.filter(Boolean).pop() ?? '';
    giveUp(`the build failed: ${firstError.trim().slice(0, 200)} (full log: native/build.log)`);
  }
  fs.rmSync(statusFile, { force: true });
  log(`built native/build/Release/tfjs_onednn.node in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.env.TFJS_NATIVE?.trim() === '0') {
  log('TFJS_NATIVE=0: not building the oneDNN addon.');
} else if (!upToDate()) {
  fs.writeFileSync(logFile, '');
  const missing = missingPackages();
  if (missing.length) installPackages(missing);
  build();
}
