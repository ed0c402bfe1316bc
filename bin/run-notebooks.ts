/**
 * Notebook runner for `npm test` (smoke profile) and `npm start` (NOTEBOOK_PROFILE, else default).
 *
 * Executes every notebook (or those named) headless through nbclient (environment/execute_notebook.py)
 * with this clone's kernel (its folder put first on JUPYTER_PATH), writes executed copies and HTML to
 * `reports/<profile>/`, and prints a table of notebook, status, time and headline metric, then the results every notebook
 * recorded beside the papers' and writes `reports/<profile>/index.html` (`lib/results/summary.ts`). On failure it
 * prints the failing cell and its error and exits 1; a bad command line exits 2 with the usage.
 *
 * SIGINT (Ctrl-C) and SIGTERM stop the whole run within seconds: the signal goes to nbclient's process
 * group, which shuts the kernel down and writes nothing; after GRACE_MS the group is killed (the kernel
 * then ends by itself, environment/tslab-kernel.cjs). The runner prints one line and exits 130 / 143.
 * Run `node environment/bootstrap.mjs` first (the npm scripts do).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../lib/paths';
import { readHeadline } from '../lib/report';
import { readEnvironmentState, withJupyterPath, type EnvironmentState } from '../environment/kernel-spec.mjs';
import { listNotebooks, notebookProblems } from './notebook-files';
import { USAGE, UsageError, parseRunnerOptions, selectNotebooks, type RunnerOptions } from './runner-options';
import { clearResults, summarizeRun } from '../lib/results/summary';

/** How long nbclient gets to shut the kernel down after a signal before its process group is killed. */
const GRACE_MS = 5000;

export interface Outcome {
  name: string;
  ok: boolean;
  /** The run was stopped by a signal while this notebook ran (no report was written for it). */
  interrupted: boolean;
  seconds: number;
  headline: string;
}

/** The signal that stopped the run, and the nbclient process running when it came. */
class Interruption {
  signal: NodeJS.Signals | null = null;
  child: ChildProcess | null = null;
  private killTimer: NodeJS.Timeout | null = null;

  listen(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => this.receive(signal));
  }

  /** First signal: pass it to nbclient's group; a second one, or GRACE_MS later: kill the group. */
  private receive(signal: NodeJS.Signals): void {
    if (this.signal !== null) return this.killChild('SIGKILL');
    this.signal = signal;
    this.killChild(signal);
    this.killTimer = setTimeout(() => this.killChild('SIGKILL'), GRACE_MS);
  }

  private killChild(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined || this.child?.exitCode !== null || this.child?.signalCode !== null) return;
    try {
      process.kill(-pid, signal); // the child leads its own process group (spawned detached)
    } catch {
      /* already gone */
    }
  }

  stopTimer(): void {
    if (this.killTimer) clearTimeout(this.killTimer);
  }

  exitStatus(): number {
    return 128 + (this.signal === 'SIGINT' ? 2 : 15);
  }
}

function runNotebook(
  notebook: string,
  options: RunnerOptions,
  context: { root: string; env: EnvironmentState; reportDir: string; interruption: Interruption },
): Promise<Outcome> {
  const { root, env, reportDir, interruption } = context;
  const name = path.basename(notebook, '.ipynb');
  const started = Date.now();
  console.log(`\n▶ ${name} (profile ${options.profile})`);
  const args = [
    path.join(root, 'environment', 'execute_notebook.py'),
    notebook,
    path.join(reportDir, `${name}.ipynb`),
    path.join(reportDir, `${name}.html`),
    '--timeout',
    String(options.timeoutSeconds),
    '--kernel',
    env.kernelName,
  ];
  const childEnv = {
    ...withJupyterPath(env.jupyterPath),
    NOTEBOOK_PROFILE: options.profile,
    NOTEBOOK_NAME: name,
    NOTEBOOK_REPORT_DIR: reportDir,
    PROJECT_ROOT: root,
  };
  // detached: nbclient leads a process group of its own, so a signal reaches it (and what it started)
  // only through us, once, and Ctrl-C in the terminal does not hit it twice
  const child = spawn(env.python, args, { stdio: ['ignore', 'inherit', 'inherit'], env: childEnv, detached: true });
  interruption.child = child;
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: number | null) => {
      if (done) return;
      done = true;
      interruption.child = null;
      removeTemporaryFiles(reportDir, child.pid);
      const seconds = (Date.now() - started) / 1000;
      const interrupted = interruption.signal !== null;
      const ok = status === 0 && !interrupted;
      const headline = ok ? (readHeadline(reportDir, name) ?? '') : '';
      if (!interrupted) console.log(`${ok ? '✔' : '✘'} ${name}: ${ok ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s`);
      resolve({ name, ok, interrupted, seconds, headline });
    };
    child.on('error', (err) => {
      console.error(`could not start ${env.python}: ${err.message}`);
      finish(null);
    });
    child.on('exit', (code) => finish(code));
  });
}

/** A path for messages: relative to the working directory when inside it. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === '' ? '.' : relative.startsWith('..') ? dir : relative;
}

function printTable(outcomes: Outcome[], reportDir: string): void {
  const rows = outcomes.map((o) => [o.name, o.ok ? 'ok' : 'FAILED', `${o.seconds.toFixed(1)} s`, o.headline]);
  const header = ['notebook', 'status', 'time', 'headline'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  console.log('\n' + line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  const total = outcomes.reduce((s, o) => s + o.seconds, 0);
  console.log(`\n${outcomes.filter((o) => o.ok).length} of ${outcomes.length} notebooks ran in ${total.toFixed(1)} s.`);
  console.log(`Reports: ${shown(reportDir)}/<notebook>.html (open in a browser)`);
}

/** Leftovers of a writer killed mid-write (execute_notebook.py writes `<file>.tmp-<pid>`, then renames). */
function removeTemporaryFiles(reportDir: string, pid: number | undefined): void {
  if (pid === undefined) return;
  for (const file of fs.readdirSync(reportDir)) {
    if (file.endsWith(`.tmp-${pid}`)) fs.rmSync(path.join(reportDir, file), { force: true });
  }
}

function describeInterruption(interruption: Interruption, outcomes: Outcome[], notebooks: string[]): string {
  const stopped = outcomes.find((o) => o.interrupted);
  const notRun = notebooks.slice(outcomes.length).map((nb) => path.basename(nb, '.ipynb'));
  const during = stopped ? `while ${stopped.name} ran (its report was not written)` : 'between notebooks';
  return `✘ interrupted by ${interruption.signal} ${during}; ${notRun.length === 0 ? 'no notebook left' : `not run: ${notRun.join(', ')}`}`;
}

/** Banner line: the profile and where it came from. */
function banner(options: RunnerOptions, count: number, reportDir: string): string {
  const source = options.profileSource === 'default' ? 'the default' : `from ${options.profileSource}`;
  return `Running ${count} notebook${count === 1 ? '' : 's'} in profile ${options.profile} (${source}); per-cell timeout ${options.timeoutSeconds} s; reports in ${shown(reportDir)}/`;
}

function usageExit(err: unknown): never {
  if (!(err instanceof UsageError)) throw err;
  console.error(`run-notebooks: ${err.message}\n${USAGE}`);
  process.exit(2);
}

/** Runs the selected notebooks one after the other; returns their outcomes and the process's exit status. */
async function main(argv: string[]): Promise<{ outcomes: Outcome[]; reportDir: string; status: number }> {
  const interruption = new Interruption();
  interruption.listen();
  let options: RunnerOptions;
  let notebooks: string[];
  const root = projectRoot();
  try {
    options = parseRunnerOptions(argv, process.env);
    if (options.help) {
      console.log(USAGE);
      return { outcomes: [], reportDir: '', status: 0 };
    }
    notebooks = selectNotebooks(listNotebooks(path.resolve(options.notebookDir ?? path.join(root, 'notebooks'))), options.filters);
  } catch (err) {
    usageExit(err);
  }
  const env = readEnvironmentState(root);
  if (!env) {
    console.error('run-notebooks: the environment is not bootstrapped; run node environment/bootstrap.mjs first.');
    return { outcomes: [], reportDir: '', status: 1 };
  }
  const problems = notebooks.flatMap(notebookProblems);
  if (problems.length > 0) {
    console.error('Notebooks must be committed without outputs (executed copies go to reports/):\n  ' + problems.join('\n  '));
    return { outcomes: [], reportDir: '', status: 1 };
  }
  const reportDir = path.resolve(options.reportDir ?? path.join(root, 'reports', options.profile));
  fs.mkdirSync(reportDir, { recursive: true });
  console.log(banner(options, notebooks.length, reportDir));
  const outcomes: Outcome[] = [];
  for (const notebook of notebooks) {
    if (interruption.signal !== null) break;
    const outcome = await runNotebook(notebook, options, { root, env, reportDir, interruption });
    // a notebook that failed leaves no stale results behind; an interrupted one keeps its earlier ones
    if (!outcome.ok && !outcome.interrupted) clearResults(reportDir, [outcome.name]);
    outcomes.push(outcome);
  }
  interruption.stopTimer();
  if (interruption.signal !== null) {
    console.error(describeInterruption(interruption, outcomes, notebooks));
    return { outcomes, reportDir, status: interruption.exitStatus() };
  }
  printTable(outcomes, reportDir);
  summarizeRun(reportDir, options.profile); // the results table over all notebooks and reports/<profile>/index.html
  return { outcomes, reportDir, status: outcomes.every((o) => o.ok) ? 0 : 1 };
}

main(process.argv.slice(2)).then(({ status }) => process.exit(status));
