/**
 * Tables in the notebooks: showing danfojs DataFrames, arquero tables and plain rows as HTML, and
 * the few conversions that save notebook code.
 *
 * danfojs-node gives students a pandas-like DataFrame (describe, groupby, head…); arquero gives
 * columnar pipelines (derive, groupby/rollup, joins). Use them directly for what they do; this
 * file only adds what they lack in Node: a clean, escaped HTML view for danfo (arquero has its
 * own `toHTML`, used here), and typed-array columns → DataFrame (danfo rejects typed arrays).
 *
 * danfojs-node is loaded lazily, on the first `danfo()` (so by `toDanfo`, `fromArquero`), never by
 * importing this file: in a tslab kernel that first load took 3.2–6.1 s and added 43–47 MiB RSS
 * (2026-12-04, 2 cores under load average 13–17; `bench/frame-load.ts` measures it). Most of it is
 * mathjs (about 55 MiB, 920 files), then xlsx and request; the second copy of tfjs that danfo
 * requires as `@tensorflow/tfjs-node` (our override makes it the plain tfjs 4.22 package, over the
 * shared tfjs-core, layers and converter) costs 0.15–0.3 s and 4 MiB. Checked: loading it leaves the
 * tfjs backend as it was (e.g. 'wasm' stays 'wasm'; the registered backends do not change) — both
 * copies of tfjs share one tfjs-core engine.
 *
 * Used by the notebooks' data and results sections (`showTable(results)`).
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { DataFrame } from 'danfojs-node';
import { displayHtml, escapeHtml } from './display';
import { projectRoot } from './paths';

type Danfo = typeof import('danfojs-node');
type Arquero = typeof import('arquero');

/** Columns by name: plain or typed arrays of equal length. */
export type Columns = Record<string, ArrayLike<unknown>>;

/** The parts of an arquero table that we use (arquero 7 `ColumnTable`). */
export interface ArqueroTableLike {
  numRows(): number;
  numCols(): number;
  columnNames(): string[];
  array(name: string): ArrayLike<unknown>;
  toHTML(options?: { limit?: number }): string;
}

/** The parts of a danfojs DataFrame or Series that we use. */
export interface DanfoLike {
  columns: string[];
  index: (string | number)[];
  values: unknown[];
  shape: number[];
}

/** Anything `showTable` shows: danfo DataFrame/Series, arquero table, rows, or columns. */
export type TableLike = DanfoLike | ArqueroTableLike | Record<string, unknown>[] | Columns;

/** Options of `tableHtml` / `showTable`. */
export interface TableOptions {
  /** Rows shown (default 20); a footer tells how many there are. */
  maxRows?: number;
  /** Significant digits of non-integer numbers (default 4). */
  precision?: number;
  /** Caption above the table. */
  caption?: string;
  /** Header names shown instead of the table's own, in order (e.g. `['events']` for a danfo `valueCounts()`, whose column is "0"). */
  columns?: string[];
}

let danfoModule: Danfo | null = null;
let arqueroModule: Arquero | null = null;

/** danfojs-node, loaded on first use. */
export function danfo(): Danfo {
  if (!danfoModule) danfoModule = createRequire(path.join(projectRoot(), 'package.json'))('danfojs-node') as Danfo;
  return danfoModule;
}

/** arquero, loaded on first use (most notebooks only show tables and never need it). */
export function arquero(): Arquero {
  if (!arqueroModule) arqueroModule = createRequire(path.join(projectRoot(), 'package.json'))('arquero') as Arquero;
  return arqueroModule;
}

/** True for an arquero table. */
export function isArquero(t: unknown): t is ArqueroTableLike {
  const o = t as ArqueroTableLike;
  return !!o && typeof o.toHTML === 'function' && typeof o.numRows === 'function' && typeof o.columnNames === 'function';
}

/** True for a danfojs DataFrame or Series. */
export function isDanfo(t: unknown): t is DanfoLike {
  const o = t as DanfoLike;
  return !!o && Array.isArray(o.columns) && Array.isArray(o.index) && Array.isArray(o.values) && Array.isArray(o.shape);
}

/**
 * A number as text with `precision` significant digits: integers in full, 0.001 ≤ |v| < 10⁶ in fixed
 * notation (never rounding the integer part), others in exponential notation.
 */
export function formatNumber(v: number, precision = 4): string {
  if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(Number(v.toFixed(Math.max(0, precision - 1 - Math.floor(Math.log10(a))))));
  return v.toExponential(precision - 1);
}

/** One cell as escaped HTML. */
function cellHtml(v: unknown, precision: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return escapeHtml(formatNumber(v, precision));
  if (v instanceof Date) return escapeHtml(v.toISOString());
  if (typeof v === 'object') return escapeHtml(JSON.stringify(v));
  return escapeHtml(String(v));
}

/** Header names, row labels (or null) and row accessor of any supported table. */
function tableParts(t: Exclude<TableLike, ArqueroTableLike>): { names: string[]; labels: unknown[] | null; rows: number; cell: (r: number, c: number) => unknown } {
  if (isDanfo(t)) {
    const series = t.values.length > 0 && !Array.isArray(t.values[0]);
    const names = series ? [t.columns[0] ?? 'value'] : t.columns;
    const cell = series ? (r: number) => t.values[r] : (r: number, c: number) => (t.values[r] as unknown[])[c];
    return { names, labels: t.index, rows: t.values.length, cell };
  }
  if (Array.isArray(t)) {
    const names = [...new Set(t.flatMap((row) => Object.keys(row)))];
    return { names, labels: null, rows: t.length, cell: (r, c) => t[r][names[c]] };
  }
  const names = Object.keys(t);
  const rows = Math.max(0, ...names.map((n) => t[n].length));
  return { names, labels: null, rows, cell: (r, c) => t[names[c]][r] };
}

/** "1,234 rows × 5 columns" (showing the first n). */
function footer(rows: number, cols: number, shown: number): string {
  const more = shown < rows ? ` (first ${shown} shown)` : '';
  return `<p style="font-size:smaller;color:#555;margin-top:2px">${rows.toLocaleString('en')} rows × ${cols} columns${more}</p>`;
}

/**
 * A table as an HTML fragment (all text escaped): arquero tables through their own `toHTML`,
 * the others (danfo DataFrame/Series with its index, array of row objects, column object) built here.
 */
export function tableHtml(table: TableLike, options: TableOptions = {}): string {
  const { maxRows = 20, precision = 4 } = options;
  const caption = options.caption ? `<p style="font-weight:bold;margin-bottom:2px">${escapeHtml(options.caption)}</p>` : '';
  if (isArquero(table)) {
    const shown = Math.min(maxRows, table.numRows());
    return caption + table.toHTML({ limit: maxRows }) + footer(table.numRows(), table.numCols(), shown);
  }
  const parts = tableParts(table);
  const { labels, rows, cell } = parts;
  const names = parts.names.map((n, c) => options.columns?.[c] ?? n);
  const shown = Math.min(maxRows, rows);
  const head = (labels ? '<th></th>' : '') + names.map((n) => `<th>${escapeHtml(n)}</th>`).join('');
  const body: string[] = [];
  for (let r = 0; r < shown; r++) {
    const label = labels ? `<th>${cellHtml(labels[r], precision)}</th>` : '';
    const cells = names.map((_, c) => {
      const v = cell(r, c);
      return `<td style="text-align:${typeof v === 'number' ? 'right' : 'left'}">${cellHtml(v, precision)}</td>`;
    });
    body.push(`<tr>${label}${cells.join('')}</tr>`);
  }
  if (shown < rows) body.push(`<tr><td colspan="${names.length + (labels ? 1 : 0)}" style="text-align:center">…</td></tr>`);
  return `${caption}<table class="dataframe"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>${footer(rows, names.length, shown)}`;
}

/**
 * Shows a table in the notebook as HTML (outside a notebook: a one-line summary).
 * @example showTable(df.describe()); showTable(results, { caption: 'AUC per model' })
 */
export function showTable(table: TableLike, options: TableOptions = {}): void {
  displayHtml(tableHtml(table, options));
}

/**
 * Column arrays of an arquero table or of a column object, as plain arrays: typed arrays are copied
 * (danfo rejects them), plain arrays are passed as they are (danfo's constructor copies its input,
 * so the caller's arrays are never shared with the DataFrame).
 */
function plainColumns(source: Columns | ArqueroTableLike): Record<string, unknown[]> {
  const names = isArquero(source) ? source.columnNames() : Object.keys(source);
  const get = (n: string) => (isArquero(source) ? source.array(n) : source[n]);
  return Object.fromEntries(names.map((n) => [n, plainArray(get(n))]));
}

function plainArray(values: ArrayLike<unknown>): unknown[] {
  return Array.isArray(values) ? values : Array.from(values);
}

/** Checks that every column has the same length; the error names the first column that differs. */
function checkLengths(columns: Columns, what: string): void {
  const names = Object.keys(columns);
  const n = names.length ? columns[names[0]].length : 0;
  const bad = names.find((name) => columns[name].length !== n);
  if (bad !== undefined) throw new RangeError(`${what}: column "${bad}" has ${columns[bad].length} values, expected ${n} like "${names[0]}"`);
}

/**
 * Named columns of a row-major matrix [rows, names.length] (a feature table such as NEWSdm's 64
 * features or Z′'s continuous columns), as plain number arrays: one strided copy, the one danfo needs.
 * `pick` keeps only those columns, in that order (each must be one of `names`).
 * @example toDanfo(matrixColumns(split.cont, CONTINUOUS_FEATURES, ['met_et', 'HT']))
 */
export function matrixColumns(matrix: ArrayLike<number>, names: readonly string[], pick: readonly string[] = names): Record<string, number[]> {
  const width = names.length;
  if (width === 0 || matrix.length % width !== 0) throw new RangeError(`matrixColumns: ${matrix.length} values are not rows of ${width} named columns`);
  const rows = matrix.length / width;
  const out: Record<string, number[]> = {};
  for (const name of pick) {
    const c = names.indexOf(name);
    if (c < 0) throw new RangeError(`matrixColumns: no column "${name}" (columns: ${names.join(', ')})`);
    const column = new Array<number>(rows);
    for (let r = 0; r < rows; r++) column[r] = matrix[r * width + c];
    out[name] = column;
  }
  return out;
}

/**
 * Category codes (small integers, e.g. a process or primary index) → their names, for grouping and
 * value counts. A code without a name (outside 0…names.length − 1) throws, naming the row.
 * @example codeLabels(events.process, events.processNames)
 */
export function codeLabels(codes: ArrayLike<number>, names: readonly string[]): string[] {
  const out = new Array<string>(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const name = names[codes[i]];
    if (name === undefined) throw new RangeError(`codeLabels: row ${i} has code ${codes[i]}, expected 0…${names.length - 1} (${names.join(', ')})`);
    out[i] = name;
  }
  return out;
}

/**
 * The bin of each value as a label "lo–hi" (edges ascending, bins [lo, hi), the last one closed), or
 * `outside` for values outside the edges and NaN — nothing is dropped, so group counts add up.
 * @example binLabels(log10E, [-0.5, 0, 0.5, 1, 1.5, 2])  // '0.5–1', …
 */
export function binLabels(values: ArrayLike<number>, edges: readonly number[], outside = 'outside'): string[] {
  if (edges.length < 2 || edges.some((e, k) => k > 0 && !(e > edges[k - 1]))) throw new RangeError(`binLabels: edges must be at least two ascending numbers, got [${edges.join(', ')}]`);
  const labels = edges.slice(1).map((hi, k) => `${formatNumber(edges[k])}–${formatNumber(hi)}`);
  const last = edges.length - 1;
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let b = -1;
    if (v >= edges[0] && v <= edges[last]) {
      b = 0;
      while (b < last - 1 && v >= edges[b + 1]) b++;
    }
    out[i] = b < 0 ? outside : labels[b];
  }
  return out;
}

/**
 * A danfojs DataFrame from columns of equal length (typed arrays welcome: they are copied to plain
 * arrays, which danfo requires; plain arrays are not copied here, danfo copies them once).
 * @throws when the columns differ in length (naming the column).
 * @example toDanfo({ energy: energyEeV, zenith: zenithDeg })
 */
export function toDanfo(columns: Columns): DataFrame {
  checkLengths(columns, 'toDanfo');
  return new (danfo().DataFrame)(plainColumns(columns));
}

/** A danfojs DataFrame with the columns of an arquero table (e.g. after an arquero pipeline). */
export function fromArquero(table: ArqueroTableLike): DataFrame {
  return new (danfo().DataFrame)(plainColumns(table));
}

/** The columns of a danfojs DataFrame, by name (e.g. to hand them to `aq.table` or a chart). */
export function danfoColumns(df: DanfoLike): Record<string, unknown[]> {
  const parts = tableParts(df);
  return Object.fromEntries(parts.names.map((n, c) => [n, Array.from({ length: parts.rows }, (_, r) => parts.cell(r, c))]));
}

/** The rows of `describeTable`, as danfo's `describe()`. */
export const DESCRIBE_STATS = ['count', 'mean', 'std', 'min', 'median', 'max', 'variance'] as const;

/** True when every value is a number, null or undefined (and at least one is a number). */
function isNumericColumn(values: ArrayLike<unknown>): boolean {
  let numbers = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') numbers++;
    else if (v !== null && v !== undefined) return false;
  }
  return numbers > 0;
}

/**
 * danfo's `describe()` — count, mean, std, min, median, max, variance of every numeric column, as a
 * DataFrame with those rows — computed by one arquero `rollup`. Missing values (NaN, null) are left
 * out of every statistic and of the count, as pandas does (danfo's own gives NaN). Why not danfo's:
 * it builds a Series per statistic and column, and took 149 s for 120 000 rows × 6 numeric columns
 * (notebook 05's default size) on our 2 cores under load average 21; this took 4.5 s, arquero's first
 * load included. std and variance are the sample ones (n − 1).
 * @example showTable(describeTable(events))
 */
export function describeTable(table: DanfoLike | Columns): DataFrame {
  const columns: Columns = isDanfo(table) ? danfoColumns(table) : table;
  const numeric = Object.keys(columns).filter((name) => isNumericColumn(columns[name]));
  const aq = arquero();
  const { op } = aq;
  const cleaned = Object.fromEntries(numeric.map((name, k) => [`c${k}`, Float64Array.from(columns[name] as ArrayLike<number>, (v) => (v === null || v === undefined ? NaN : v))]));
  const aggregates = Object.fromEntries(
    numeric.flatMap((_, k) => {
      const c = `c${k}`;
      return [
        [`${c}_count`, op.valid(c)],
        [`${c}_mean`, op.mean(c)],
        [`${c}_std`, op.stdev(c)],
        [`${c}_min`, op.min(c)],
        [`${c}_median`, op.median(c)],
        [`${c}_max`, op.max(c)],
        [`${c}_variance`, op.variance(c)],
      ];
    }),
  );
  const row = aq.table(cleaned).rollup(aggregates).objects()[0] as Record<string, number | undefined>;
  const stats = Object.fromEntries(numeric.map((name, k) => [name, DESCRIBE_STATS.map((s) => row[`c${k}_${s}`] ?? NaN)]));
  return new (danfo().DataFrame)(stats, { index: [...DESCRIBE_STATS] });
}
