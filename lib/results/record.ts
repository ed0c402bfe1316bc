/**
 * Writes a notebook's results: `reports/<profile>/results/<notebook>.json`, atomically, in the shape
 * `{ notebook, profile, backend, seconds, date, machine, results: [{ key, label, ours, paper, source,
 * unit, verdict, tolerance, direction, headline? }] }`, and optionally the notebook's key figure as
 * `<notebook>.svg` beside it (shown on `reports/<profile>/index.html`).
 *
 * Every notebook calls `recordResults` once, at its end, with the quantities of its study's paper module (lib/<study>/paper).
 * Reading, checking and summarising the files: `files.ts`, `bounds.ts`, `summary.ts`.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { writeFileAtomicSync } from '../io/atomic';
import { profileName, type ProfileName } from '../profile';
import { projectRoot } from '../paths';
import { backendName, describeBackend } from '../backend';
import { checkQuantity, verdictOf, type Quantity, type Verdict, type Direction } from './verdict';

/** One measured quantity as the notebook passes it: the paper's quantity and our number. */
export type Measured = Quantity & {
  ours: number;
  /** shown in the README's studies table and the runner's summary first */
  headline?: boolean;
};

/** One row of a results file. `ours` is null where the run produced no finite number. */
export type ResultRow = {
  key: string;
  label: string;
  ours: number | null;
  paper: number | null;
  source: string;
  unit: string;
  verdict: Verdict;
  tolerance: number;
  relative?: boolean;
  factor?: number;
  direction: Direction;
  headline?: boolean;
};

/** The machine a run was made on (for committed `full` and `default` results). */
export type Machine = { cpu: string; cores: number; memoryGiB: number; platform: string };

/** The content of `reports/<profile>/results/<notebook>.json`. */
export type ResultsRecord = {
  notebook: string;
  profile: ProfileName;
  /** the backend line, e.g. "wasm (tfjs 4.22.0, oneDNN 2.6.3, 2 threads)": results repeat for a seed on the same backend and thread count */
  backend: string;
  /** seconds from the start of the kernel (the notebook's run) to the call */
  seconds: number;
  /** ISO 8601 time of the call */
  date: string;
  machine: Machine;
  results: ResultRow[];
};

const NOTEBOOK = /^\d\d-[a-z0-9-]+$/;

/** Folder of the results of a profile: `$NOTEBOOK_REPORT_DIR/results` under the runner, else `reports/<profile>/results`. */
export function resultsDir(profile: ProfileName = profileName()): string {
  const base = process.env.NOTEBOOK_REPORT_DIR ? path.resolve(projectRoot(), process.env.NOTEBOOK_REPORT_DIR) : path.join(projectRoot(), 'reports', profile);
  return path.join(base, 'results');
}

/** This machine, described for the results file. */
export function thisMachine(): Machine {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.arch()}` };
}

/** The row of one measured quantity (checks the quantity; a non-finite `ours` becomes null). */
export function resultRow(m: Measured): ResultRow {
  checkQuantity(m);
  const ours = Number.isFinite(m.ours) ? m.ours : null;
  const row: ResultRow = { key: m.key, label: m.label, ours, paper: m.paper, source: m.source, unit: m.unit, verdict: verdictOf(m, ours), tolerance: m.tolerance, direction: m.direction };
  if (m.relative) row.relative = true;
  if (m.factor !== undefined) row.factor = m.factor;
  if (m.headline) row.headline = true;
  return row;
}

/** Builds the record without writing it (keys must be unique; the notebook name must look like `NN-name`). */
export function buildRecord(notebook: string, measured: readonly Measured[], context: { profile: ProfileName; backend: string; seconds: number; date?: Date; machine?: Machine }): ResultsRecord {
  if (!NOTEBOOK.test(notebook)) throw new Error(`recordResults: notebook name "${notebook}" must look like NN-name (the file name without .ipynb)`);
  const seen = new Set<string>();
  for (const m of measured) {
    if (seen.has(m.key)) throw new Error(`recordResults(${notebook}): key "${m.key}" appears twice`);
    seen.add(m.key);
  }
  return {
    notebook,
    profile: context.profile,
    backend: context.backend,
    seconds: Number(context.seconds.toFixed(1)),
    date: (context.date ?? new Date()).toISOString(),
    machine: context.machine ?? thisMachine(),
    results: measured.map(resultRow),
  };
}

/**
 * Records the notebook's results in `reports/<profile>/results/<notebook>.json` (atomically) and, when
 * given, its key figure as `<notebook>.svg`. Returns the record (show it with `resultsTable`).
 * @param notebook the notebook's file name without `.ipynb`, e.g. `01-newsdm`
 * @param measured the study's quantities from its paper module, each with our number
 * @param options.figure the figure that stands for the study on the index page
 */
export async function recordResults(notebook: string, measured: readonly Measured[], options: { figure?: { svg(): Promise<string> } } = {}): Promise<ResultsRecord> {
  const runner = process.env.NOTEBOOK_NAME;
  if (runner && runner !== notebook) throw new Error(`recordResults: called as "${notebook}" inside notebook "${runner}"`);
  const record = buildRecord(notebook, measured, { profile: profileName(), backend: backendName() ? describeBackend() : 'none', seconds: process.uptime() });
  const dir = resultsDir(record.profile);
  fs.mkdirSync(dir, { recursive: true });
  if (options.figure) writeFileAtomicSync(path.join(dir, `${notebook}.svg`), await options.figure.svg());
  writeFileAtomicSync(path.join(dir, `${notebook}.json`), JSON.stringify(record, null, 2) + '\n');
  return record;
}

/** A number as tables show it: an integer in full, else 4 significant digits; '—' for none. */
export function formatValue(v: number | null, unit = ''): string {
  if (v === null || !Number.isFinite(v)) return '—';
  const text = Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
  return unit ? `${text} ${unit}` : text;
}

/** The rows of a record as the notebook shows them: quantity, ours, paper, verdict, source. */
export function resultsTable(record: ResultsRecord): { quantity: string; ours: string; paper: string; verdict: Verdict; source: string }[] {
  return record.results.map((r) => ({ quantity: r.label, ours: formatValue(r.ours, r.unit), paper: formatValue(r.paper, r.unit), verdict: r.verdict, source: r.source }));
}
