/**
 * The project's benchmark: ms per training epoch of three workloads (bench/models.ts: the reference CNN,
 * a tabular MLP, a dense autoencoder) in tfjs on wasm (with the oneDNN kernels when they are built) at
 * 1 thread and at every core, and in PyTorch on CPU (bench/torch_reference.py) at 1 thread and at every
 * core, each in a process of its own with its thread count pinned before the library loads
 * (bench/engines.ts), all in one run so that the ratios compare figures taken at the same time.
 *
 *   npx tsx bench/run.ts [--models cnn,mlp,autoencoder] [--backends wasm,cpu] [--epochs 8]
 *                        [--cpu-budget-s 20] [--no-torch] [--python /usr/bin/python3]
 *                        [--studies all|none|trees,newsdm,...]
 *
 * First it runs the studies' own benchmarks (bench/<study>.ts, each against its Python reference:
 * trees against scikit-learn, the studies' networks against PyTorch, simulators and readers in
 * events/s), one process each, then the three core workloads, so the last lines are the core CNN's.
 *
 * Every figure, tfjs's and PyTorch's alike, is the fastest of `--epochs` timed epochs after one warm-up
 * epoch. The default is 8: V8 keeps optimising tfjs's JavaScript over the first few epochs (the
 * autoencoder's epochs ran 202, 163, 149, 147 … 133 ms), so the fastest of 3 overstated a long run's epoch.
 *
 * The tfjs `cpu` backend (minutes per CNN epoch) is timed in this process on growing prefixes of the
 * data within `--cpu-budget-s` seconds per workload and extrapolated; 0 skips it. The last lines are
 * `ratio_vs_torch_best=<CNN: best tfjs ms / best PyTorch ms>` and
 * `thread_scaling=<CNN: tfjs 1 thread ms / tfjs all threads ms>` (2 decimals, `NA` when missing).
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describeBackend, initBackend, type BackendChoice } from '../lib/backend';
import { projectRoot } from '../lib/paths';
import { best, ratioText, runTfjsChild, threadCounts, torchEnv } from './engines';
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
  /** Which engine family and thread count (for the ratios). */
  kind: 'tfjs' | 'torch';
  threads: number;
}

/** What a tfjs child prints: its backend line and one timing per workload. */
interface TfjsChildOutput {
  engine: string;
  results: Record<string, { ms: number; cpuMs: number; epochsMs: number[]; loss: number }>;
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
    epochs: Number(value('epochs') ?? 8),
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

/** Times the workloads on wasm in this process (the `--tfjs-child` side) and prints one JSON line. */
async function tfjsChild(opts: Options): Promise<void> {
  await initBackend({ backend: 'wasm', quiet: true });
  const results: TfjsChildOutput['results'] = {};
  for (const model of opts.models) {
    const t = await timeWorkload(workloadSpec(model), opts.epochs);
    results[model] = { ms: t.ms, cpuMs: t.cpuMs, epochsMs: t.epochsMs, loss: t.loss };
  }
  console.log(JSON.stringify({ engine: `tfjs ${describeBackend()}`, results } satisfies TfjsChildOutput));
}

/** tfjs on wasm at each thread count, one child process each. */
function timeTfjsWasm(opts: Options): Row[] {
  const rows: Row[] = [];
  for (const threads of threadCounts()) {
    const script = path.join(projectRoot(), 'bench', 'run.ts');
    const out = runTfjsChild<TfjsChildOutput>(script, ['--models', opts.models.join(','), '--epochs', String(opts.epochs)], threads);
    for (const model of opts.models) {
      const r = out.results[model];
      const note = `min of ${r.epochsMs.map((m) => m.toFixed(0)).join(', ')}; loss ${r.loss.toFixed(4)}`;
      rows.push({ model, engine: out.engine, ms: r.ms, cpuMs: r.cpuMs, note, kind: 'tfjs', threads });
      console.log(`  ${model.padEnd(12)} ${out.engine.padEnd(44)} ${r.ms.toFixed(0).padStart(9)} ms/epoch  (${note})`);
    }
  }
  return rows;
}

/** The other tfjs backends asked for (cpu: extrapolated within the budget), in this process. */
async function timeTfjsOthers(opts: Options): Promise<Row[]> {
  const rows: Row[] = [];
  for (const backend of (opts.backends ?? ['wasm', 'cpu']).filter((b) => b !== 'wasm')) {
    if (backend === 'cpu' && opts.cpuBudgetMs <= 0) continue;
    await initBackend({ backend, quiet: true });
    const engine = `tfjs ${describeBackend()}`;
    for (const model of opts.models) {
      const spec = workloadSpec(model);
      const t: EpochTiming = await timeWorkload(spec, opts.epochs, backend === 'cpu' ? opts.cpuBudgetMs : undefined);
      const note = t.extrapolatedFrom ? `extrapolated from ${t.extrapolatedFrom} of ${spec.samples} samples` : `min of ${t.epochsMs.map((m) => m.toFixed(0)).join(', ')}`;
      rows.push({ model, engine, ms: t.ms, cpuMs: t.cpuMs, note, kind: 'tfjs', threads: 1 });
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
  const proc = spawnSync(opts.python, args, { encoding: 'utf8', timeout: 30 * 60_000, env: torchEnv() });
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
    return { model, engine, ms: r.ms, cpuMs: r.cpu_ms, note, kind: 'torch' as const, threads };
  });
  return { rows };
}

/** The fastest figure of a workload among rows of one kind (optionally at one thread count). */
function bestOf(rows: Row[], model: WorkloadName, kind: Row['kind'], threads?: number): number | undefined {
  return best(rows.filter((r) => r.model === model && r.kind === kind && (threads === undefined || r.threads === threads)).map((r) => r.ms));
}

function printTable(rows: Row[], models: WorkloadName[]): void {
  console.log('\nmodel        engine                                        ms/epoch  CPU ms/epoch   ÷ best PyTorch');
  for (const r of rows) {
    const ms = Number.isFinite(r.ms) ? r.ms.toFixed(0) : 'n/a';
    const cpu = Number.isFinite(r.cpuMs) ? r.cpuMs.toFixed(0) : 'n/a';
    const ratio = ratioText(r.ms, bestOf(rows, r.model, 'torch'));
    console.log(`${r.model.padEnd(12)} ${r.engine.padEnd(44)} ${ms.padStart(9)} ${cpu.padStart(13)}   ${(ratio === 'NA' ? '—' : ratio + '×').padStart(14)}`);
  }
  console.log('(ratios use wall time; on a busy machine the all-threads figures suffer most)');
  const wasmThreads = threadCounts();
  console.log('\nmodel        best tfjs ÷ best PyTorch   tfjs 1 thread ÷ tfjs all threads');
  for (const model of models) {
    const scaling = ratioText(bestOf(rows, model, 'tfjs', 1), bestOf(rows, model, 'tfjs', wasmThreads[wasmThreads.length - 1]));
    console.log(`${model.padEnd(12)} ${ratioText(bestOf(rows, model, 'tfjs'), bestOf(rows, model, 'torch')).padStart(24)}   ${scaling.padStart(32)}`);
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (process.argv.includes('--tfjs-child')) return tfjsChild(opts);
  const failedStudies = opts.studies.filter((name) => !runStudyBench(name, opts));
  const cores = os.availableParallelism();
  const loadBefore = os.loadavg()[0];
  console.log(`benchmark: ${opts.models.join(', ')}; ${opts.epochs} timed epochs after a warm-up; ${cores} cores; node ${process.version}`);
  console.log(`load average before the run: ${loadBefore.toFixed(2)} (other processes)`);
  for (const m of opts.models) console.log(`  ${m}: ${workloadSpec(m).description}, ${workloadSpec(m).samples} samples, batch ${workloadSpec(m).batchSize}`);

  console.log('\ntfjs (one process per thread count):');
  const rows = !opts.backends || opts.backends.includes('wasm') ? timeTfjsWasm(opts) : [];
  rows.push(...(await timeTfjsOthers(opts)));

  let torchError: string | undefined;
  if (opts.torch) {
    console.log('\nPyTorch (CPU, one process per thread count):');
    for (const threads of threadCounts()) {
      const result = runTorch(opts, threads);
      if (result.error) {
        torchError = result.error;
        console.log(`  PyTorch not available: ${result.error}`);
        console.log('  (Debian python3-torch may still be installing: see `tail /tmp/apt-install.log`.)');
        break;
      }
      rows.push(...result.rows);
    }
  }
  printTable(rows, opts.models);

  if (!opts.models.includes('cnn')) console.log('\n(the CNN was not run: no ratio)');
  else if (torchError || !opts.torch) console.log('\n(no PyTorch figures: ratio NA)');
  if (loadBefore > 0.5 || os.loadavg()[0] > 1.5) {
    console.log(`\nwarning: the machine was busy (load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after, on ${cores} cores):`);
    console.log('  multi-threaded figures suffer most when another process holds a core; rerun on an idle machine.');
  }
  if (failedStudies.length) console.log(`\nstudy benchmarks that failed: ${failedStudies.join(', ')}`);
  const all = threadCounts()[threadCounts().length - 1];
  console.log(`\nratio_vs_torch_best=${ratioText(bestOf(rows, 'cnn', 'tfjs'), bestOf(rows, 'cnn', 'torch'))}`);
  console.log(`thread_scaling=${ratioText(bestOf(rows, 'cnn', 'tfjs', 1), bestOf(rows, 'cnn', 'tfjs', all))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
