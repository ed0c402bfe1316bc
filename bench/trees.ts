/**
 * Benchmark of lib/trees against scikit-learn 1.2 on one seeded table: our gradient boosting and
 * random forest against HistGradientBoostingClassifier and RandomForestClassifier
 * (bench/trees_sklearn.py, on 1 thread and on all cores), same rows, same hyper-parameters
 * (sklearn defaults: 255 bins, 31 leaves, learning rate 0.1, min 20 samples per leaf; forest: √d
 * features, grown to purity). Prints fit and predict ms, test AUC and the ratios ours / sklearn.
 *
 *   npx tsx bench/trees.ts [--rows 200000] [--test 50000] [--features 30] [--iterations 100]
 *                          [--trees 20] [--no-sklearn] [--python /usr/bin/python3] [--json]
 *
 * The table: features ~ N(0, 1); label 1 when x0 + 0.5·x1 − 0.8·x2·x3 + sin 2x4 + [x5 > 0.5] + 0.3·x6²
 * + 0.7·N(0, 1) > 0.5 (non-linear, ~45% positives). `--json` prints the rows as JSON on the last line
 * (for bench/run.ts). Machines are shared: compare only figures of one run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rocAuc } from '../lib/metrics';
import { projectRoot } from '../lib/paths';
import { Random } from '../lib/random';
import { GradientBoostingClassifier, RandomForestClassifier, type RowMajorMatrix } from '../lib/trees';

/** Sizes and switches of the benchmark. */
export interface TreesBenchOptions {
  rows: number;
  test: number;
  features: number;
  iterations: number;
  trees: number;
  sklearn: boolean;
  python: string;
}

/** One result row. */
export interface TreesBenchRow {
  model: 'gbdt' | 'rf';
  engine: string;
  fitMs: number;
  predictMs: number;
  /** CPU time of the process (all its threads) during fit / predict. */
  fitCpuMs: number;
  predictCpuMs: number;
  auc: number;
}

/** The seeded table of the file header: X row-major Float32 (rows + test) × features, y 0/1. */
export function makeTreeTable(nRows: number, nFeatures: number, seed = 20261123): { X: Float32Array; y: Float64Array } {
  if (nFeatures < 7) throw new RangeError('makeTreeTable: need at least 7 features');
  const rng = new Random(seed);
  const X = new Float32Array(nRows * nFeatures), y = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const x = X.subarray(i * nFeatures, (i + 1) * nFeatures);
    for (let j = 0; j < nFeatures; j++) x[j] = rng.normal();
    const s = x[0] + 0.5 * x[1] - 0.8 * x[2] * x[3] + Math.sin(2 * x[4]) + (x[5] > 0.5 ? 1 : 0) + 0.3 * x[6] * x[6] + 0.7 * rng.normal();
    y[i] = s > 0.5 ? 1 : 0;
  }
  return { X, y };
}

function timeModel(model: 'gbdt' | 'rf', fit: () => { predictPositiveProba(X: RowMajorMatrix): Float64Array }, Xte: RowMajorMatrix, yte: Float64Array): TreesBenchRow {
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t0 = performance.now(), c0 = cpuMs();
  const m = fit();
  const t1 = performance.now(), c1 = cpuMs();
  const p = m.predictPositiveProba(Xte);
  const t2 = performance.now(), c2 = cpuMs();
  return { model, engine: 'ours (1 thread)', fitMs: t1 - t0, predictMs: t2 - t1, fitCpuMs: c1 - c0, predictCpuMs: c2 - c1, auc: rocAuc(yte, p) };
}

function runSklearn(o: TreesBenchOptions, X: Float32Array, y: Float64Array): TreesBenchRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trees-bench-'));
  try {
    const xFile = path.join(dir, 'X.f32'), yFile = path.join(dir, 'y.f64');
    fs.writeFileSync(xFile, new Uint8Array(X.buffer, X.byteOffset, X.byteLength));
    fs.writeFileSync(yFile, new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
    const script = path.join(projectRoot(), 'bench', 'trees_sklearn.py');
    const args = [script, '--x', xFile, '--y', yFile, '--features', `${o.features}`, '--train', `${o.rows}`, '--iterations', `${o.iterations}`, '--trees', `${o.trees}`];
    const r = spawnSync(o.python, args, { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`bench/trees_sklearn.py failed (status ${r.status}): ${r.error ?? ''}`);
    type Entry = { model: 'gbdt' | 'rf'; engine: string; fit_ms: number; predict_ms: number; fit_cpu_ms: number; predict_cpu_ms: number; auc: number };
    const out = JSON.parse(r.stdout) as { sklearn: string; results: Entry[] };
    return out.results.map((e) => ({
      model: e.model, engine: `${e.engine} (${out.sklearn})`, fitMs: e.fit_ms, predictMs: e.predict_ms, fitCpuMs: e.fit_cpu_ms, predictCpuMs: e.predict_cpu_ms, auc: e.auc,
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the benchmark and returns its rows (ours first, then sklearn's). */
export function runTreesBench(o: TreesBenchOptions): TreesBenchRow[] {
  const { X, y } = makeTreeTable(o.rows + o.test, o.features);
  const d = o.features;
  const Xtr = { data: X.subarray(0, o.rows * d), nFeatures: d }, ytr = y.subarray(0, o.rows);
  const Xte = { data: X.subarray(o.rows * d), nFeatures: d }, yte = y.subarray(o.rows);
  const rows = [
    timeModel('gbdt', () => new GradientBoostingClassifier({ nIterations: o.iterations, rng: new Random(1) }).fit(Xtr, ytr), Xte, yte),
    timeModel('rf', () => new RandomForestClassifier({ nTrees: o.trees, rng: new Random(2) }).fit(Xtr, ytr), Xte, yte),
  ];
  return o.sklearn ? rows.concat(runSklearn(o, X, y)) : rows;
}

/**
 * The results as a text table with the ratios ours / sklearn of wall time, and of CPU time (on a
 * shared, oversubscribed machine the single-threaded CPU-time ratio is the steadier one).
 */
export function formatTreesBench(rows: TreesBenchRow[]): string {
  const lines = ['model | engine | fit ms | predict ms | fit CPU ms | AUC | fit ours/sk | predict ours/sk | fit CPU ours/sk'];
  for (const r of rows) {
    const ours = rows.find((q) => q.model === r.model && q.engine.startsWith('ours'))!;
    const ratio = (a: number, b: number) => (r === ours ? '' : (a / b).toFixed(2));
    lines.push([
      r.model, r.engine, r.fitMs.toFixed(0), r.predictMs.toFixed(0), r.fitCpuMs.toFixed(0), r.auc.toFixed(4),
      ratio(ours.fitMs, r.fitMs), ratio(ours.predictMs, r.predictMs), ratio(ours.fitCpuMs, r.fitCpuMs),
    ].join(' | '));
  }
  return lines.join('\n');
}

function parseArgs(argv: string[]): TreesBenchOptions & { json: boolean } {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const pi = argv.indexOf('--python');
  return {
    rows: get('rows', 200_000), test: get('test', 50_000), features: get('features', 30), iterations: get('iterations', 100),
    trees: get('trees', 20), sklearn: !argv.includes('--no-sklearn'), python: pi >= 0 ? argv[pi + 1] : '/usr/bin/python3', json: argv.includes('--json'),
  };
}

if (process.argv[1]?.endsWith('trees.ts')) {
  const o = parseArgs(process.argv.slice(2));
  console.log(`trees benchmark: ${o.rows} train + ${o.test} test rows × ${o.features} features; GBDT ${o.iterations} iterations, RF ${o.trees} trees; ${os.cpus().length} cores`);
  const rows = runTreesBench(o);
  console.log(formatTreesBench(rows));
  if (o.json) console.log(JSON.stringify(rows));
}
