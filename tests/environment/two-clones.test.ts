// Two clones of this project on one machine, each bootstrapped, run notebooks without interfering: each
// has its own kernel (issue 12: the last clone bootstrapped used to take the system-wide kernel, and the
// other's notebooks then failed with "Cannot find module './lib/profile'"). The clones are copies of this
// working tree with a hard-linked node_modules (cp -al), so no npm install runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../lib/paths';
import { KERNEL_NAME, readEnvironmentState, stateFile } from '../../environment/kernel-spec.mjs';

const root = projectRoot();

/** Copies the working tree (tracked and untracked, not ignored files) and hard-links node_modules. */
function makeClone(dir: string): void {
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(root, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, file));
  }
  const linked = spawnSync('cp', ['-al', path.join(root, 'node_modules'), path.join(dir, 'node_modules')]);
  assert.equal(linked.status, 0, String(linked.stderr));
  fs.rmSync(stateFile(dir)); // this clone's bootstrap must find its own kernel (it writes by rename, never through a link)
}

function run(cwd: string, command: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, PROJECT_ROOT: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

function runNotebooks(clone: string, ...args: string[]) {
  return run(clone, process.execPath, [path.join(clone, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bin/run-notebooks.ts', '--profile', 'smoke', ...args]);
}

/** Kernel specs outside the clones (the user's and the system's folders) that mention `dir`. */
function specsMentioning(dir: string): string[] {
  const folders = [path.join(os.homedir(), '.local', 'share', 'jupyter', 'kernels'), '/usr/local/share/jupyter/kernels', '/usr/share/jupyter/kernels'];
  return folders.flatMap((folder) => {
    if (!fs.existsSync(folder)) return [];
    return fs
      .readdirSync(folder)
      .map((name) => path.join(folder, name, 'kernel.json'))
      .filter((file) => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(dir));
  });
}

test('two clones, each bootstrapped, run notebooks with their own kernel, one after the other and at the same time', { timeout: 900_000 }, async (t) => {
  if (!readEnvironmentState(root)) return t.skip('Jupyter not bootstrapped (run node environment/bootstrap.mjs)');
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'two-clones-'));
  const clones = [path.join(base, 'a'), path.join(base, 'b')];
  try {
    clones.forEach(makeClone);
    for (const clone of clones) {
      const boot = await run(clone, process.execPath, ['environment/bootstrap.mjs']);
      assert.equal(boot.status, 0, boot.output);
    }
    for (const clone of clones) {
      const spec = JSON.parse(fs.readFileSync(path.join(clone, '.jupyter', 'kernels', KERNEL_NAME, 'kernel.json'), 'utf8'));
      assert.equal(spec.argv[1], path.join(clone, 'environment', 'tslab-kernel.cjs'));
      assert.equal(spec.display_name, 'TypeScript (this project)');
    }
    assert.deepEqual(specsMentioning(base), [], 'a clone registered a kernel outside itself');
    // one after the other: A (bootstrapped first) still runs its own kernel after B's bootstrap; the
    // fixture imports ./lib/profile, the import that failed with another clone's kernel
    for (const clone of clones) {
      const result = await runNotebooks(clone, '--notebook-dir', 'tests/bin/fixtures', 'profile');
      assert.equal(result.status, 0, `${clone}:\n${result.output}`);
      assert.match(fs.readFileSync(path.join(clone, 'reports', 'smoke', 'profile.ipynb'), 'utf8'), /profile seen by the kernel: smoke/);
    }
    // at the same time: 00-tour in both clones
    const results = await Promise.all(clones.map((clone) => runNotebooks(clone, '00-tour')));
    results.forEach((result, i) => {
      assert.equal(result.status, 0, `${clones[i]}:\n${result.output}`);
      assert.ok(fs.existsSync(path.join(clones[i], 'reports', 'smoke', '00-tour.html')));
    });
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});
