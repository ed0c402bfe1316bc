// This clone's kernel (written by environment/bootstrap.mjs) imports the library from a notebook's folder,
// an edit in lib/ is picked up after a kernel restart, and a cell may send any number of outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../lib/paths';
import { bootstrappedKernel } from './kernel-env';

test('an edit in lib/ is picked up after a kernel restart', (t) => {
  const root = projectRoot();
  const kernel = bootstrappedKernel(root, t);
  if (!kernel) return;
  const module = `kernel-probe-${process.pid}`;
  try {
    const result = spawnSync(kernel.python, [path.join(root, 'tests', 'environment', 'kernel_restart.py'), root, module], {
      encoding: 'utf8',
      timeout: 240_000,
      env: kernel.env,
    });
    assert.equal(result.status, 0, result.stderr);
    const { first, second } = JSON.parse(result.stdout.trim().split('\n').pop()!);
    assert.equal(first, '1');
    assert.equal(second, '2');
  } finally {
    fs.rmSync(path.join(root, 'lib', `${module}.ts`), { force: true });
  }
});

test('a cell with 3 000 outputs in one synchronous loop delivers them all, and the kernel lives on', (t) => {
  const root = projectRoot();
  const kernel = bootstrappedKernel(root, t);
  if (!kernel) return;
  // without environment/tslab-kernel.cjs's send queue the 514th send threw EBUSY; without its
  // unlimited high-water mark about one run in four lost messages and hung
  const result = spawnSync(kernel.python, [path.join(root, 'tests', 'environment', 'kernel_many_outputs.py'), root, '3000'], {
    encoding: 'utf8',
    timeout: 240_000,
    env: kernel.env,
  });
  assert.equal(result.status, 0, result.stderr);
  const seen = JSON.parse(result.stdout.trim().split('\n').pop()!) as { displays: number; errors: string[]; second: string };
  assert.deepEqual(seen.errors, []);
  assert.equal(seen.displays, 3000);
  assert.equal(seen.second, '42');
});
