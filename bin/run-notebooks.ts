/**
 * Notebook runner for `npm test` (smoke profile) and `npm start` (default profile).
 *
 * Executes every notebook (or those named) headless through nbclient with the tslab kernel and
 * `NOTEBOOK_PROFILE`, writes executed copies and HTML to `reports/<profile>/`, and prints a table of
 * notebook, status, time and headline metric, then the results every notebook recorded beside the
 * papers' and `reports/<profile>/index.html` (`lib/results/summary.ts`). On failure it prints the failing cell and its error and
 * exits non-zero. Run `node environment/bootstrap.mjs` first (the npm scripts do).
 *
 * usage: tsx bin/run-notebooks.ts [--profile smoke|default|full] [--timeout SECONDS] [name-filter ...]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROFILES, type ProfileName } from '../lib/profile';
import { projectRoot } from '../lib/paths';
import { readHeadline } from '../lib/report';
import { listNotebooks, notebookProblems } from './notebook-files';
import { clearResults, summarizeRun } from '../lib/results/summary';

const USAGE = `usage: tsx bin/run-notebooks.ts [--profile smoke|default|full] [--timeout SECONDS] [name-filter ...]
  --profile   sizes of the run (default: default); also set as NOTEBOOK_PROFILE in the kernel
  --timeout   seconds per notebook before it is stopped (default: 1800)
  name-filter run only notebooks whose file name contains it, e.g. 02 or zprime`;

interface Options {
  profile: ProfileName;
  timeoutSeconds: number;
  filters: string[];
}

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
  headline: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { profile: 'default', timeoutSeconds: 1800, filters: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--profile') {
      const value = argv[++i] as ProfileName;
      if (!PROFILES.includes(value)) throw new Error(`--profile must be one of ${PROFILES.join(', ')}, got "${value}"`);
      options.profile = value;
    } else if (arg === '--timeout') {
      options.timeoutSeconds = Number(argv[++i]);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    } else {
      options.filters.push(arg);
    }
  }
  return options;
}

/** The Python that bootstrap.mjs found with Jupyter in it. */
function jupyterPython(root: string): string {
  const state = path.join(root, 'node_modules', '.cache', 'physics-ml', 'env.json');
  if (fs.existsSync(state)) return JSON.parse(fs.readFileSync(state, 'utf8')).python as string;
  return process.env.JUPYTER_PYTHON ?? '/usr/bin/python3';
}

function runNotebook(root: string, notebook: string, options: Options, reportDir: string): Outcome {
  const name = path.basename(notebook, '.ipynb');
  const started = Date.now();
  console.log(`\n▶ ${name} (profile ${options.profile})`);
  const result = spawnSync(
    jupyterPython(root),
    [
      path.join(root, 'environment', 'execute_notebook.py'),
      notebook,
      path.join(reportDir, `${name}.ipynb`),
      path.join(reportDir, `${name}.html`),
      '--timeout',
      String(options.timeoutSeconds),
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, NOTEBOOK_PROFILE: options.profile, NOTEBOOK_NAME: name, NOTEBOOK_REPORT_DIR: reportDir, PROJECT_ROOT: root },
    },
  );
  const seconds = (Date.now() - started) / 1000;
  const ok = result.status === 0;
  const headline = ok ? readHeadline(reportDir, name) ?? '' : '';
  console.log(`${ok ? '✔' : '✘'} ${name}: ${ok ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s`);
  return { name, ok, seconds, headline };
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
  console.log(`Reports: ${path.relative(process.cwd(), reportDir) || '.'}/<notebook>.html (open in a browser)`);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const root = projectRoot();
  const notebooks = listNotebooks(path.join(root, 'notebooks')).filter(
    (nb) => options.filters.length === 0 || options.filters.some((f) => path.basename(nb).includes(f)),
  );
  if (notebooks.length === 0) throw new Error(`no notebooks match ${options.filters.join(', ')}`);
  const problems = notebooks.flatMap(notebookProblems);
  if (problems.length > 0) {
    console.error('Notebooks must be committed without outputs (executed copies go to reports/):\n  ' + problems.join('\n  '));
    process.exit(1);
  }
  const reportDir = path.join(root, 'reports', options.profile);
  fs.mkdirSync(reportDir, { recursive: true });
  clearResults(reportDir, notebooks.map((nb) => path.basename(nb, '.ipynb'))); // no stale results survive a rerun
  const outcomes = notebooks.map((nb) => runNotebook(root, nb, options, reportDir));
  printTable(outcomes, reportDir);
  summarizeRun(reportDir, options.profile); // the results table over all notebooks and reports/<profile>/index.html
  process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
}

main();
