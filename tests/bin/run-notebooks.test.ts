// The notebook runner driven as a subprocess, on the fixture notebooks of tests/bin/fixtures/: bad
// command lines, NOTEBOOK_PROFILE through `npm start`, SIGINT / SIGTERM in the middle of a cell, and the
// cell named when it times out or the kernel dies.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../lib/paths';
import { readEnvironmentState } from '../../environment/kernel-spec.mjs';

const root = projectRoot();
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const runner = path.join(root, 'bin', 'run-notebooks.ts');
const fixtures = path.join(root, 'tests', 'bin', 'fixtures');

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
  seconds: number;
}

/** Starts a command in a process group of its own; `during` runs while it does. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = {}, during?: (pid: number) => Promise<void>): Promise<Run> {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const started = Date.now();
  const exited = new Promise<Run>((resolve) => {
    const done = (status: number | null, signal: NodeJS.Signals | null) =>
      resolve({ status, signal, stdout, stderr, pid: child.pid!, seconds: (Date.now() - started) / 1000 });
    child.on('close', done);
    // an orphan that inherited the pipes would hold 'close' back: give the output 2 s after the exit
    child.on('exit', (status, signal) => setTimeout(() => done(status, signal), 2000).unref());
  });
  const failure = (during ?? (async () => {}))(child.pid!).then(
    () => null,
    (err: Error) => {
      process.kill(-child.pid!, 'SIGKILL');
      return err;
    },
  );
  return Promise.all([exited, failure]).then(([run, err]) => {
    if (err) throw err;
    return run;
  });
}

function runRunner(args: string[], env: NodeJS.ProcessEnv = {}, during?: (pid: number) => Promise<void>): Promise<Run> {
  return start(tsx, [runner, ...args], env, during);
}

/** A process that exists and is not a zombie. */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function groupAlive(pgid: number): boolean {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z' && Number(fields[2]) === pgid) return true;
    } catch {
      /* ended meanwhile */
    }
  }
  return false;
}

async function waitFor(condition: () => boolean, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return condition();
}

function bootstrapped(t: TestContext): boolean {
  if (readEnvironmentState(root)) return true;
  t.skip('Jupyter not bootstrapped (run node environment/bootstrap.mjs)');
  return false;
}

test('bad command lines: one line and the usage, exit status 2, no stack trace', async () => {
  const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
    [['--timeout', 'abc'], {}, /--timeout must be a positive whole number of seconds .*got "abc"/],
    [['--profile', 'bogus'], {}, /--profile must be one of smoke, default, full, got "bogus"/],
    [['--profile'], {}, /--profile needs a value/],
    [['nonesuch'], {}, /no notebook matches "nonesuch"/],
    [[], { NOTEBOOK_PROFILE: 'huge' }, /NOTEBOOK_PROFILE must be one of/],
  ];
  const runs = await Promise.all(cases.map(([args, env]) => runRunner(args, env)));
  runs.forEach((run, i) => {
    const [args, , pattern] = cases[i];
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    const lines = run.stderr.trim().split('\n');
    assert.match(lines[0], new RegExp(`^run-notebooks: ${pattern.source}`));
    assert.match(lines[1], /^usage: /);
    assert.doesNotMatch(run.stderr, /\n\s+at |Error:/, 'no stack trace');
  });
});

test('NOTEBOOK_PROFILE=smoke npm start -- <notebook> runs the smoke profile and says where it came from', async (t) => {
  if (!bootstrapped(t)) return;
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-profile-'));
  const run = await start('npm', ['start', '--', '--notebook-dir', fixtures, '--report-dir', reports, 'profile'], { NOTEBOOK_PROFILE: 'smoke' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /in profile smoke \(from NOTEBOOK_PROFILE\)/);
  assert.match(fs.readFileSync(path.join(reports, 'profile.ipynb'), 'utf8'), /profile seen by the kernel: smoke/);
  fs.rmSync(reports, { recursive: true, force: true });
});

/**
 * Runs the `sleep` fixture, waits until its kernel sleeps in cell 2, then sends `signal` to the runner
 * (to its whole process group, as Ctrl-C in a terminal does, or to its process alone, as `kill` does).
 */
async function interruptRun(signal: NodeJS.Signals, target: 'group' | 'process') {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-signal-'));
  const pidFile = path.join(reports, 'pids.json');
  // a good report of an earlier run, which must stay as it was
  fs.writeFileSync(path.join(reports, 'sleep.ipynb'), 'earlier good report');
  fs.writeFileSync(path.join(reports, 'sleep.html'), 'earlier good report');
  let signalled = 0;
  const run = await runRunner(['--notebook-dir', fixtures, '--report-dir', reports, 'sleep'], { FIXTURE_PID_FILE: pidFile }, async (pid) => {
    assert.ok(await waitFor(() => fs.existsSync(pidFile) && fs.statSync(pidFile).size > 0, 240), 'the kernel never reached cell 1');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // into cell 2
    signalled = Date.now();
    process.kill(target === 'group' ? -pid : pid, signal);
  });
  const stoppedAfter = (Date.now() - signalled) / 1000;
  const { kernel, nbclient } = JSON.parse(fs.readFileSync(pidFile, 'utf8')) as { kernel: number; nbclient: number };
  fs.rmSync(pidFile);
  return { run, reports, kernel, nbclient, stoppedAfter };
}

async function assertStoppedCleanly(result: Awaited<ReturnType<typeof interruptRun>>, signal: string, status: number) {
  const { run, reports, kernel, nbclient, stoppedAfter } = result;
  assert.equal(run.status, status, run.stdout + run.stderr);
  assert.ok(stoppedAfter < 10, `stopped ${stoppedAfter.toFixed(1)} s after the signal`);
  assert.equal(run.stderr.match(/interrupted/g)?.length, 1, run.stderr);
  assert.match(run.stderr, new RegExp(`interrupted by ${signal} while sleep ran`));
  assert.doesNotMatch(run.stdout + run.stderr, /Traceback|FAILED/);
  // the kernel (a session of its own) and nbclient have ended, and nothing of the runner's group is left
  assert.ok(await waitFor(() => !isRunning(kernel) && !isRunning(nbclient), 3), `kernel ${kernel} or nbclient ${nbclient} still running`);
  assert.ok(!groupAlive(run.pid), 'a process of the runner\'s group is still running');
  // no partial report: the earlier one is untouched and nothing else was written
  assert.deepEqual(fs.readdirSync(reports).sort(), ['sleep.html', 'sleep.ipynb']);
  assert.equal(fs.readFileSync(path.join(reports, 'sleep.ipynb'), 'utf8'), 'earlier good report');
  assert.equal(fs.readFileSync(path.join(reports, 'sleep.html'), 'utf8'), 'earlier good report');
  fs.rmSync(reports, { recursive: true, force: true });
}

test('Ctrl-C (SIGINT to the process group) stops the run within seconds, exit 130, no process or partial report left', async (t) => {
  if (!bootstrapped(t)) return;
  await assertStoppedCleanly(await interruptRun('SIGINT', 'group'), 'SIGINT', 130);
});

test('kill -TERM of the runner alone stops the run within seconds, exit 143, no process or partial report left', async (t) => {
  if (!bootstrapped(t)) return;
  await assertStoppedCleanly(await interruptRun('SIGTERM', 'process'), 'SIGTERM', 143);
});

test('a cell that times out, and a kernel that dies, are named with their output kept', async (t) => {
  if (!bootstrapped(t)) return;
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-fail-'));
  const [sleep, dies] = await Promise.all([
    runRunner(['--notebook-dir', fixtures, '--report-dir', reports, '--timeout', '15', 'sleep']),
    runRunner(['--notebook-dir', fixtures, '--report-dir', reports, 'dies']),
  ]);
  assert.equal(dies.status, 1, dies.stdout + dies.stderr);
  assert.match(dies.stderr, /dies\.ipynb FAILED \(DeadKernelError\)/);
  assert.match(dies.stderr, /--- cell 2 source ---\nconsole\.log\('last words of cell 2'\)/);
  assert.match(dies.stderr, /--- its output ---\nlast words of cell 2/);
  assert.equal(sleep.status, 1, sleep.stdout + sleep.stderr);
  assert.match(sleep.stderr, /sleep\.ipynb FAILED \(CellTimeoutError\)/);
  assert.match(sleep.stderr, /--- cell 2 source ---\nconsole\.log\('waiting in cell 2'\)/);
  assert.match(sleep.stderr, /--- its output ---\nwaiting in cell 2/);
  const failed = JSON.parse(fs.readFileSync(path.join(reports, 'sleep.failed.ipynb'), 'utf8'));
  assert.deepEqual(failed.cells[2].outputs.map((o: { text: string[] }) => o.text.join('')), ['waiting in cell 2\n']);
  fs.rmSync(reports, { recursive: true, force: true });
});

test('a kernel whose nbclient is killed outright (SIGKILL) ends by itself', async (t) => {
  if (!bootstrapped(t)) return;
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-orphan-'));
  const pidFile = path.join(reports, 'pids.json');
  let pids = { kernel: 0, nbclient: 0 };
  const run = await runRunner(['--notebook-dir', fixtures, '--report-dir', reports, 'sleep'], { FIXTURE_PID_FILE: pidFile }, async () => {
    assert.ok(await waitFor(() => fs.existsSync(pidFile) && fs.statSync(pidFile).size > 0, 240), 'the kernel never reached cell 1');
    pids = JSON.parse(fs.readFileSync(pidFile, 'utf8'));
    process.kill(pids.nbclient, 'SIGKILL'); // as the runner does when nbclient outlives its grace period
  });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  // environment/tslab-kernel.cjs watches its parent (JPY_PARENT_PID); jupyter_client put it in a session of its own
  assert.ok(await waitFor(() => !isRunning(pids.kernel), 5), `kernel ${pids.kernel} outlived its nbclient`);
  fs.rmSync(reports, { recursive: true, force: true });
});
