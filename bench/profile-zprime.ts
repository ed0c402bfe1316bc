/**
 * Per-kernel time of one training step of the Z′ tabular network (lib/zprime/model/tabular.ts, the
 * network of bench/zprime.ts: layers 200/100, dropout 0.1, batch 1024, cross-entropy, Adam), from
 * `tf.profile`, printed as bench/profile.ts prints the core workloads. One step is what `trainTabular`
 * runs per batch: forward in training mode, loss, gradients, Adam's update.
 *
 *   npx tsx bench/profile-zprime.ts [--batch 1024] [--layers 200,100] [--steps 5]
 *
 * Thread count and backend as for any process: TFJS_THREADS, TFJS_NATIVE, TFJS_BACKEND.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../lib/backend';
import { Random } from '../lib/random';
import { CATEGORICAL_FEATURES, CONTINUOUS_FEATURES, fitStandardizer } from '../lib/zprime/data/features';
import { simulateChunks } from '../lib/zprime/data/simulator';
import { classificationLoss } from '../lib/zprime/model/losses';
import { TabularNet } from '../lib/zprime/model/tabular';
import { featuresFromChunks } from '../lib/zprime/data/dataset';
import { signalShare } from '../lib/zprime/train/variants';
import { printKernelTimes, type KernelTimes } from './profile';

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Sums per-call kernel times (minimum over the profiled steps when they ran the same kernels) by name. */
function byName(calls: { name: string; ms: number }[]): KernelTimes {
  const kernels: KernelTimes = new Map();
  for (const c of calls) {
    const entry = kernels.get(c.name) ?? { calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += c.ms;
    kernels.set(c.name, entry);
  }
  return kernels;
}

async function main(): Promise<void> {
  await initBackend();
  const batch = Number(argument('batch', '1024')), steps = Number(argument('steps', '5'));
  const layers = argument('layers', '200,100').split(',').map(Number);
  const f = await featuresFromChunks(simulateChunks({ nEvents: Math.max(4 * batch, 5000), chunkSize: 50_000, rng: new Random(1) }), 10);
  const dc = CONTINUOUS_FEATURES.length, dk = CATEGORICAL_FEATURES.length;
  const net = new TabularNet({ nContinuous: dc, categoryLevels: CATEGORICAL_FEATURES.map((c) => c.levels), layers, dropout: 0.1, rng: new Random(4), normalization: fitStandardizer(f.cont, dc), priorProbability: signalShare(f.label) });
  const cont = tf.tensor2d(f.cont.subarray(0, batch * dc), [batch, dc]), cat = tf.tensor2d(f.cat.subarray(0, batch * dk), [batch, dk], 'int32');
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(f.label.subarray(0, batch)), 'int32'), 2).toFloat() as tf.Tensor2D);
  const optimizer = tf.train.adam(1e-3);
  const trainable = net.variables.filter((v) => v.trainable);
  const step = (): void => {
    const loss = optimizer.minimize(() => classificationLoss('crossEntropy', net.forward(cont, cat, true), y), true, trainable);
    loss?.dataSync();
    loss?.dispose();
  };
  step(); // warm-up
  let stepMs = Infinity;
  const cpu0 = process.cpuUsage();
  for (let s = 0; s < 3 * steps; s++) {
    const t0 = performance.now();
    step();
    stepMs = Math.min(stepMs, performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0), stepCpuMs = (cpu.user + cpu.system) / 1000 / (3 * steps);
  let calls: { name: string; ms: number }[] | null = null;
  let wallMs = Infinity;
  for (let s = 0; s < steps; s++) {
    const t0 = performance.now();
    const info = await tf.profile(() => step());
    wallMs = Math.min(wallMs, performance.now() - t0);
    const these = info.kernels.map((k) => ({ name: k.name, ms: Number(k.kernelTimeMs) }));
    if (calls && calls.length === these.length && calls.every((c, i) => c.name === these[i].name)) calls.forEach((c, i) => (c.ms = Math.min(c.ms, these[i].ms)));
    else calls = these;
  }
  console.log(`Z′ tabular network (layers ${layers.join('/')}, dropout 0.1): one training step, batch ${batch}`);
  printKernelTimes(byName(calls ?? []), wallMs, 30);
  console.log(`without the profiler: ${stepMs.toFixed(2)} ms wall per step (minimum over ${3 * steps} steps), ${stepCpuMs.toFixed(2)} ms CPU per step (mean; all threads)`);
  optimizer.dispose();
  net.dispose();
  tf.dispose([cont, cat, y]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
