/**
 * Benchmark of the Z′ study's models against the Python references on the same simulated table
 * (lib/zprime): random forest and gradient boosting from lib/trees against scikit-learn
 * (bench/trees_sklearn.py: RandomForestClassifier, HistGradientBoostingClassifier), and one epoch
 * of the tabular network (lib/zprime/model/tabular.ts, tfjs on wasm with the oneDNN kernels when built)
 * against the same network in PyTorch (bench/zprime_torch.py); the network on both sides at 1 thread
 * and at every core, one process per thread count (bench/engines.ts). Prints the ratios ours / theirs,
 * `tabular best tfjs / best PyTorch`, and the peak RSS of this process.
 *
 *   npx tsx bench/zprime.ts [--events 100000] [--trees 20] [--iterations 100] [--layers 200,100]
 *                           [--batch 1024] [--epochs 3] [--python /usr/bin/python3] [--no-python]
 *
 * The network's epoch on either side is the fastest of `--epochs` timed epochs after a warm-up epoch.
 *
 * `--no-python` times only our side (e.g. to measure peak memory at 10⁶ events).
 *
 * Machines are shared: compare only figures of one run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initBackend } from '../lib/backend';
import { rocAuc } from '../lib/metrics';
import { projectRoot } from '../lib/paths';
import { Random } from '../lib/random';
import { GradientBoostingClassifier, RandomForestClassifier } from '../lib/trees';
import { CATEGORICAL_FEATURES, CONTINUOUS_FEATURES, fitStandardizer, treeMatrix } from '../lib/zprime/data/features';
import { featuresFromChunks } from '../lib/zprime/data/dataset';
import { memoryReport } from '../lib/zprime/train/memory';
import { signalShare } from '../lib/zprime/train/variants';
import { simulateChunks } from '../lib/zprime/data/simulator';
import { TabularNet, trainTabular } from '../lib/zprime/model/tabular';
import { describeBackend } from '../lib/backend';
import { best, ratioText, runTfjsChild, threadCounts, torchEnv } from './engines';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function python(script: string, args: string[], py: string): Record<string, unknown> {
  const r = spawnSync(py, [path.join(projectRoot(), 'bench', script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24, env: torchEnv() });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

type Features = Awaited<ReturnType<typeof featuresFromChunks>>;

/** The simulated table (seeded: the same in every process). */
function simulate(events: number): Promise<Features> {
  return featuresFromChunks(simulateChunks({ nEvents: events, chunkSize: 50_000, rng: new Random(1) }), 10);
}

/** ms of the fastest of `timed` training epochs after a warm-up epoch of the tabular network on the first `nTrain` rows (tfjs, this process). */
async function tabularEpochMs(f: Features, nTrain: number, layers: number[], batch: number, timed: number): Promise<number> {
  await initBackend({ quiet: true });
  const dc = CONTINUOUS_FEATURES.length, levels = CATEGORICAL_FEATURES.map((c) => c.levels);
  const cont = f.cont.subarray(0, nTrain * dc), cat = f.cat.subarray(0, nTrain * levels.length), ytr = f.label.subarray(0, nTrain);
  const net = new TabularNet({ nContinuous: dc, categoryLevels: levels, layers, dropout: 0.1, rng: new Random(4), normalization: fitStandardizer(cont, dc), priorProbability: signalShare(ytr) });
  const history = await trainTabular(net, { cont, cat, y: ytr }, { epochs: 1 + timed, batchSize: batch, lrMax: 1e-2, loss: 'crossEntropy', rng: new Random(5), progress: 'none' });
  net.dispose();
  return Math.min(...history.rows.slice(1).map((row) => (row.seconds as number) * 1000));
}

async function main(): Promise<void> {
  const events = Number(arg('events', '100000')), trees = Number(arg('trees', '20')), iterations = Number(arg('iterations', '100'));
  const layers = arg('layers', '200,100').split(',').map(Number), batch = Number(arg('batch', '1024')), epochs = Number(arg('epochs', '3')), py = arg('python', '/usr/bin/python3');
  const f = await simulate(events);
  const nTrain = Math.floor(0.8 * f.n);
  if (process.argv.includes('--tfjs-child')) {
    const ms = await tabularEpochMs(f, nTrain, layers, batch, epochs);
    console.log(JSON.stringify({ engine: `tfjs ${describeBackend()}`, epoch_ms: ms }));
    return;
  }
  const X = treeMatrix(f), d = X.nFeatures;
  const Xtr = { data: X.data.subarray(0, nTrain * d), nFeatures: d }, Xte = { data: X.data.subarray(nTrain * d), nFeatures: d };
  const ytr = f.label.subarray(0, nTrain), yte = f.label.subarray(nTrain);
  const rows: { model: string; engine: string; fitMs: number; auc: number }[] = [];
  const [rf, rfMs] = timed(() => new RandomForestClassifier({ nTrees: trees, rng: new Random(2) }).fit(Xtr, ytr));
  rows.push({ model: 'rf', engine: 'lib/trees', fitMs: rfMs, auc: rocAuc(yte, rf.predictPositiveProba(Xte)) });
  const [gb, gbMs] = timed(() => new GradientBoostingClassifier({ nIterations: iterations, rng: new Random(3) }).fit(Xtr, ytr));
  rows.push({ model: 'gbdt', engine: 'lib/trees', fitMs: gbMs, auc: rocAuc(yte, gb.predictPositiveProba(Xte)) });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zprime-bench-'));
  const file = (name: string, a: ArrayBufferView) => (fs.writeFileSync(path.join(dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength)), path.join(dir, name));
  const withPython = !process.argv.includes('--no-python');
  const sk = !withPython ? { results: [] } : python('trees_sklearn.py', ['--x', file('X.f32', X.data), '--y', file('y.f64', Float64Array.from(f.label)), '--features', String(d), '--train', String(nTrain), '--iterations', String(iterations), '--trees', String(trees)], py);
  for (const r of sk.results as { model: string; engine: string; fit_ms: number; auc: number }[]) rows.push({ model: r.model, engine: r.engine, fitMs: r.fit_ms, auc: r.auc });
  console.table(rows.map((r) => ({ ...r, fitMs: Math.round(r.fitMs), auc: +r.auc.toFixed(4) })));
  for (const model of ['rf', 'gbdt']) {
    const ours = rows.find((r) => r.model === model && r.engine === 'lib/trees')!;
    for (const r of rows.filter((x) => x.model === model && x.engine !== 'lib/trees')) console.log(`${model}: lib/trees / ${r.engine} = ${(ours.fitMs / r.fitMs).toFixed(2)}`);
  }

  const passOn = ['--events', String(events), '--layers', layers.join(','), '--batch', String(batch), '--epochs', String(epochs)];
  const tfjsRows = threadCounts().map((threads) => runTfjsChild<{ engine: string; epoch_ms: number }>(path.join(projectRoot(), 'bench', 'zprime.ts'), passOn, threads));
  const dc = CONTINUOUS_FEATURES.length, levels = CATEGORICAL_FEATURES.map((c) => c.levels);
  const cont = f.cont.subarray(0, nTrain * dc), cat = f.cat.subarray(0, nTrain * levels.length);
  const torchArgs = ['--cont', file('cont.f32', cont), '--cat', file('cat.i32', cat), '--y', file('y.u8', ytr), '--dc', String(dc), '--levels', levels.join(','), '--layers', layers.join(','), '--batch', String(batch), '--epochs', String(epochs)];
  // one process per thread count: OpenBLAS's pool is fixed when torch is imported (bench/torch_common.py)
  const torchRows = !withPython ? [] : ['1', 'all'].flatMap((threads) => python('zprime_torch.py', [...torchArgs, '--threads', threads], py).results as { engine: string; epoch_ms: number }[]);
  const tfjsBest = best(tfjsRows.map((r) => r.epoch_ms)), torchBest = best(torchRows.map((r) => r.epoch_ms));
  console.log(`tabular net epoch (${nTrain} rows, batch ${batch}, layers ${layers.join('/')}):`);
  for (const r of tfjsRows) console.log(`  ${r.engine}: ${Math.round(r.epoch_ms)} ms`);
  for (const r of torchRows) console.log(`  ${r.engine}: ${Math.round(r.epoch_ms)} ms → best tfjs / this = ${ratioText(tfjsBest, r.epoch_ms)}`);
  console.log(`tabular best tfjs / best PyTorch = ${ratioText(tfjsBest, torchBest)}; tfjs 1 thread / all threads = ${ratioText(tfjsRows[0].epoch_ms, tfjsRows[tfjsRows.length - 1].epoch_ms)}`);
  console.log('memory', JSON.stringify(memoryReport()));
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
