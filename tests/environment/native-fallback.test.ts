/**
 * The oneDNN addon stays optional: when the build cannot run (no compiler), when it fails (a missing
 * oneDNN header), or when the built file does not load, environment/build-native.mjs exits 0 with one
 * line saying why (also written to native/build-status.txt), and a training started by `initBackend`
 * runs on plain wasm with that reason in its backend line. Each case runs in a throw-away copy of the
 * project (package.json, the build script, native/ sources; node_modules linked) found through
 * PROJECT_ROOT, so it holds on a machine with the full toolchain too — this is how CI tests the
 * fallback that a fresh clone without a compiler or without oneDNN takes.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../lib/paths';

const ROOT = projectRoot();
const copies: string[] = [];
after(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A minimal copy of the project that the build script and the resolver accept as a project root. */
function projectCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'native-fallback-'));
  copies.push(dir);
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  fs.mkdirSync(path.join(dir, 'environment'));
  for (const file of ['build-native.mjs', 'debian-packages-native.txt']) fs.copyFileSync(path.join(ROOT, 'environment', file), path.join(dir, 'environment', file));
  fs.cpSync(path.join(ROOT, 'native', 'src'), path.join(dir, 'native', 'src'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'native', 'binding.gyp'), path.join(dir, 'native', 'binding.gyp'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs the copy's build script with `env` (TFJS_NATIVE cleared); stdout, exit status. */
function build(dir: string, env: NodeJS.ProcessEnv): { stdout: string; status: number | null } {
  const proc = spawnSync(process.execPath, [path.join(dir, 'environment', 'build-native.mjs')], { cwd: dir, env: { ...process.env, TFJS_NATIVE: '', ...env }, encoding: 'utf8', timeout: 300_000 });
  return { stdout: proc.stdout ?? '', status: proc.status };
}

/** Trains briefly with the copy as the project root (tests/backend/native-child.ts); its stdout. */
function trainIn(dir: string): string {
  const script = path.join(ROOT, 'tests', 'backend', 'native-child.ts');
  const proc = spawnSync(process.execPath, ['--import', 'tsx', script, 'train'], { cwd: ROOT, env: { ...process.env, PROJECT_ROOT: dir, TFJS_NATIVE: '', TFJS_BACKEND: '' }, encoding: 'utf8', timeout: 120_000 });
  assert.equal(proc.status, 0, (proc.stderr ?? '').split('\n').slice(-5).join('\n'));
  assert.ok(Number.isFinite(Number(/loss=(\S+)/.exec(proc.stdout)?.[1])), proc.stdout);
  return proc.stdout;
}

const addonFile = (dir: string) => path.join(dir, 'native', 'build', 'Release', 'tfjs_onednn.node');
const statusLine = (dir: string) => fs.readFileSync(path.join(dir, 'native', 'build-status.txt'), 'utf8').trim();

test('without a compiler the build gives up in one line and training runs on plain wasm, saying why', () => {
  const dir = projectCopy();
  const emptyPath = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-path-'));
  copies.push(emptyPath);
  const run = build(dir, { PATH: emptyPath }); // no g++, make or apt-get to be found
  assert.equal(run.status, 0, 'the build script must never fail the bootstrap');
  assert.match(run.stdout, /^\[native\] missing [^\n]*g\+\+, make \(install with: sudo apt-get install -y [^\n]+\); training runs on plain wasm\.$/m);
  assert.ok(!fs.existsSync(addonFile(dir)), 'no addon may be left behind');
  assert.match(statusLine(dir), /^missing .*g\+\+/);
  const line = /^tfjs backend: .*$/m.exec(trainIn(dir))?.[0];
  assert.match(line ?? '', /^tfjs backend: wasm \(tfjs [\d.]+, 1 thread\); oneDNN kernels off: the oneDNN addon is not built: missing .*g\+\+, make \(install with: sudo apt-get install -y .+\)$/);
});

test('when the build fails (a oneDNN header missing) it says so in one line and training runs on plain wasm', () => {
  const dir = projectCopy();
  const common = path.join(dir, 'native', 'src', 'common.hpp');
  fs.writeFileSync(common, fs.readFileSync(common, 'utf8').replace('#include "oneapi/dnnl/dnnl.hpp"', '#include "oneapi/dnnl/dnnl_missing_for_test.hpp"'));
  const run = build(dir, {});
  assert.equal(run.status, 0, 'the build script must never fail the bootstrap');
  assert.ok(!fs.existsSync(addonFile(dir)), 'no addon may be left behind');
  // Where g++ or libdnnl-dev is missing the build stops earlier, with the "missing" line instead.
  assert.match(statusLine(dir), /^(the build failed: .*dnnl_missing_for_test\.hpp.*\(full log: native\/build\.log\)|missing .+)$/);
  assert.match(run.stdout, /training runs on plain wasm\.$/m);
  const line = /^tfjs backend: .*$/m.exec(trainIn(dir))?.[0];
  assert.match(line ?? '', /^tfjs backend: wasm \(tfjs [\d.]+, 1 thread\); oneDNN kernels off: the oneDNN addon is not built: (the build failed: .*dnnl_missing_for_test\.hpp|missing )/);
});

test('an addon file that does not load (e.g. built against another oneDNN) leaves training on plain wasm, saying why', () => {
  const dir = projectCopy();
  fs.mkdirSync(path.dirname(addonFile(dir)), { recursive: true });
  fs.writeFileSync(addonFile(dir), 'not a shared object');
  const line = /^tfjs backend: .*$/m.exec(trainIn(dir))?.[0];
  assert.match(line ?? '', /^tfjs backend: wasm \(tfjs [\d.]+, 1 thread\); oneDNN kernels off: the oneDNN addon failed to load \(.+\)$/);
});
