/**
 * The project's benchmark: ms per training epoch of three workloads (bench/models.ts: the reference CNN,
 * a tabular MLP, a dense autoencoder) on every available tfjs backend and in PyTorch on CPU
 * (bench/torch_reference.py, once with all cores and once with 1 thread), all in one run so that the
 * ratios compare figures taken at the same time.
 *
 *   npx tsx bench/run.ts [--models cnn,mlp,autoencoder] [--backends wasm,cpu] [--epochs 3]
 *                        [--cpu-budget-s 20] [--no-torch] [--python /usr/bin/python3]
 *                        [--studies all|none|trees,newsdm,...]
 *
 * First it runs the studies' own benchmarks (bench/<study>.ts, each against its Python reference:
 * trees against scikit-learn, the studies' networks against PyTorch, simulators and readers in
 * events/s), one process each, then the three core workloads, so the last line is the core CNN's.
 *
 * The tfjs `cpu` backend (minutes per CNN epoch) is timed on growing prefixes of the data within
 * `--cpu-budget-s` seconds per workload and extrapolated; 0 skips it. The last line is
 * `ratio_vs_torch=<best tfjs ms / torch all-cores ms for the CNN>` (2 decimals, `NA` without torch).
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describeBackend, initBackend, type BackendChoice } from '../lib/backend';
import { projectRoot } from '../lib/paths';
import { WORKLOADS, workloadSpec, type WorkloadName } from './models';
import { timeWorkload, type EpochTiming } from './timing';

interface Options {
  models: WorkloadName[];
  backends: BackendChoice[] | null;
  epochs: number;
  cpuBudgetMs: number;
  torch: boolean;
  python: string;
  studies: string[];
}

/** The studies' standalone benchmarks, bench/<name>.ts, in the order they run. */
const STUDY_BENCHES = ['trees', 'newsdm', 'telescope-array', 'galactic-centre', 'darkmachines', 'zprime'];

/** One row of the results table. */
interface Row {
  model: WorkloadName;
  engine: string;
  /** Wall ms per epoch. */
  ms: number;
  /** Process CPU ms per epoch (all threads). */
  cpuMs: number;
  note: string;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (s: string | undefined) => (s ? s.split(',').map((t) => t.trim()).filter(Boolean) : null);
  const models = (list(value('models')) ?? [...WORKLOADS]) as WorkloadName[];
  for (const m of models) if (!WORKLOADS.includes(m)) throw new Error(`unknown model "${m}" (expected ${WORKLOADS.join(', ')})`);
  return {
    models,
    backends: list(value('backends')) as BackendChoice[] | null,
    epochs: Number(value('epochs') ?? 3),
    cpuBudgetMs: 1000 * Number(value('cpu-budget-s') ?? 20),
    torch: !argv.includes('--no-torch'),
    python: value('python') ?? process.env.BENCH_PYTHON ?? '/usr/bin/python3',
    studies: studyList(value('studies') ?? 'all'),
  };
}

function studyList(spec: string): string[] {
  if (spec === 'all') return STUDY_BENCHES;
  if (spec === 'none') return [];
  const names = spec.split(',').map((t) => t.trim()).filter(Boolean);
  for (const n of names) if (!STUDY_BENCHES.includes(n)) throw new Error(`unknown study bench "${n}" (expected ${STUDY_BENCHES.join(', ')})`);
  return names;
}

/** Runs bench/<name>.ts in its own process (tsx), its output going straight to ours. */
function runStudyBench(name: string, opts: Options): boolean {
  console.log(`\n=== study benchmark: bench/${name}.ts ===`);
  const args = ['--import', 'tsx', path.join(projectRoot(), 'bench', `${name}.ts`)];
  const noReference: Record<string, string> = { trees: '--no-sklearn', zprime: '--no-python', newsdm: '--no-torch', 'galactic-centre': '--no-torch' };
  if (!opts.torch && noReference[name]) args.push(noReference[name]);
  const proc = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: projectRoot(), timeout: 30 * 60_000 });
  const ok = proc.status === 0;
  if (!ok) console.log(`  bench/${name}.ts failed (${proc.error?.message ?? `status ${proc.status}`})`);
  return ok;
}

/** Backends to time: the requested ones, else every one that starts (tensorflow only if really installed). */
async function availableBackends(requested: BackendChoice[] | null): Promise<BackendChoice[]> {
  const candidates: BackendChoice[] = requested ?? ['tensorflow', 'wasm', 'cpu'];
  const ok: BackendChoice[] = [];
  for (const b of candidates) {
    try {
      await initBackend({ backend: b, quiet: true });
      ok.push(b);
    } catch (err) {
      if (requested) throw err;
    }
  }
  return ok;
}

async function timeTfjs(opts: Options): Promise<Row[]> {
  const rows: Row[] = [];
  for (const backend of await availableBackends(opts.backends)) {
    if (backend === 'cpu' && opts.cpuBudgetMs <= 0) {
      for (const model of opts.models) rows.push({ model, engine: 'tfjs cpu', ms: NaN, cpuMs: NaN, note: 'skipped (--cpu-budget-s 0)' });
      continue;
    }
    await initBackend({ backend, quiet: true });
    const engine = `tfjs ${describeBackend()}`;
    for (const model of opts.models) {
      const spec = workloadSpec(model);
      const t: EpochTiming = await timeWorkload(spec, opts.epochs, backend === 'cpu' ? opts.cpuBudgetMs : undefined);
      const note = t.extrapolatedFrom
        ? `extrapolated from ${t.extrapolatedFrom} of ${spec.samples} samples`
        : `min of ${t.epochsMs.map((m) => m.toFixed(0)).join(', ')}; loss ${t.loss.toFixed(4)}`;
      rows.push({ model, engine, ms: t.ms, cpuMs: t.cpuMs, note });
      console.log(`  ${model.padEnd(12)} ${engine.padEnd(44)} ${t.ms.toFixed(0).padStart(9)} ms/epoch  (${note})`);
      if (tf.memory().numTensors > 0) console.warn(`  warning: ${tf.memory().numTensors} tensors alive after ${model}`);
    }
  }
  return rows;
}

interface TorchOutput {
  torch?: string;
  threads?: number;
  error?: string;
  results?: Record<string, { ms: number; cpu_ms: number; epochs_ms: number[]; loss: number }>;
}

function runTorch(opts: Options, threads: number): { rows: Row[]; error?: string } {
  const script = path.join(projectRoot(), 'bench', 'torch_reference.py');
  const args = [script, '--threads', String(threads), '--models', opts.models.join(','), '--epochs', String(opts.epochs)];
  const proc = spawnSync(opts.python, args, { encoding: 'utf8', timeout: 30 * 60_000 });
  if (proc.error || proc.status !== 0) {
    return { rows: [], error: `${opts.python} failed: ${proc.error?.message ?? proc.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  }
  const lastLine = proc.stdout.trim().split('\n').pop() ?? '';
  const out = JSON.parse(lastLine) as TorchOutput;
  if (out.error || !out.results) return { rows: [], error: out.error ?? 'no results' };
  const engine = `torch ${out.torch} CPU, ${out.threads} thread${out.threads === 1 ? '' : 's'}`;
  const rows = opts.models.map((model) => {
    const r = out.results![model];
    const note = `min of ${r.epochs_ms.map((m) => m.toFixed(0)).join(', ')}; loss ${r.loss.toFixed(4)}`;
    console.log(`  ${model.padEnd(12)} ${engine.padEnd(44)} ${r.ms.toFixed(0).padStart(9)} ms/epoch  (${note})`);
    return { model, engine, ms: r.ms, cpuMs: r.cpu_ms, note };
  });
  return { rows };
}

function ratio(a: number, b: number | undefined): string {
  return b && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : '—';
}

function printTable(rows: Row[], torchAll: Map<WorkloadName, number>, torchOne: Map<WorkloadName, number>): void {
  console.log('\nmodel        engine                                        ms/epoch  CPU ms/epoch   ÷ torch all-cores   ÷ torch 1 thread');
  for (const r of rows) {
    const ms = Number.isFinite(r.ms) ? r.ms.toFixed(0) : 'n/a';
    const cpu = Number.isFinite(r.cpuMs) ? r.cpuMs.toFixed(0) : 'n/a';
    console.log(`${r.model.padEnd(12)} ${r.engine.padEnd(44)} ${ms.padStart(9)} ${cpu.padStart(13)}   ${ratio(r.ms, torchAll.get(r.model)).padStart(17)}   ${ratio(r.ms, torchOne.get(r.model)).padStart(16)}`);
  }
  console.log('(ratios use wall time; on a busy machine compare CPU ms of single-threaded engines too)');
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const failedStudies = opts.studies.filter((name) => !runStudyBench(name, opts));
  const cores = os.cpus().length;
  const loadBefore = os.loadavg()[0];
  console.log(`benchmark: ${opts.models.join(', ')}; ${opts.epochs} timed epochs after a warm-up; ${cores} cores; node ${process.version}`);
  console.log(`load average before the run: ${loadBefore.toFixed(2)} (other processes)`);
  for (const m of opts.models) console.log(`  ${m}: ${workloadSpec(m).description}, ${workloadSpec(m).samples} samples, batch ${workloadSpec(m).batchSize}`);

  console.log('\ntfjs:');
  const rows = await timeTfjs(opts);

  const torchAll = new Map<WorkloadName, number>(), torchOne = new Map<WorkloadName, number>();
  let torchError: string | undefined;
  if (opts.torch) {
    console.log('\nPyTorch (CPU):');
    for (const threads of [...new Set([cores, 1])]) {
      const result = runTorch(opts, threads);
      if (result.error) {
        torchError = result.error;
        console.log(`  PyTorch not available: ${result.error}`);
        console.log('  (Debian python3-torch may still be installing: see `tail /tmp/apt-install.log`.)');
        break;
      }
      for (const r of result.rows) (threads === cores ? torchAll : torchOne).set(r.model, r.ms);
      if (threads === 1 && cores === 1) for (const r of result.rows) torchOne.set(r.model, r.ms);
      rows.push(...result.rows);
    }
  }
  printTable(rows, torchAll, torchOne);

  const tfjsCnn = rows.filter((r) => r.model === 'cnn' && r.engine.startsWith('tfjs') && Number.isFinite(r.ms));
  const bestCnn = tfjsCnn.length ? Math.min(...tfjsCnn.map((r) => r.ms)) : NaN;
  const fmt = (b: number | undefined) => (b && Number.isFinite(bestCnn) ? (bestCnn / b).toFixed(2) : 'NA');
  if (!opts.models.includes('cnn')) console.log('\n(the CNN was not run: no ratio)');
  else if (torchError || !opts.torch) console.log('\n(no PyTorch figures: ratio NA)');
  if (loadBefore > 0.5 || os.loadavg()[0] > 1.5) {
    console.log(`\nwarning: the machine was busy (load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after, on ${cores} cores):`);
    console.log('  multi-threaded figures (PyTorch all cores) suffer most when another process holds a core; rerun on an idle machine.');
  }
  if (failedStudies.length) console.log(`\nstudy benchmarks that failed: ${failedStudies.join(', ')}`);
  console.log(`\nratio_vs_torch_1thread=${fmt(torchOne.get('cnn'))}`);
  console.log(`ratio_vs_torch=${fmt(torchAll.get('cnn'))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
