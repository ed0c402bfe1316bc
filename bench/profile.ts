/**
 * Per-kernel time of one training step (one batch, forward + backward + Adam) of a benchmark workload,
 * from `tf.profile`. Shows which kernels dominate, e.g. to decide what to replace on `wasm`.
 *
 *   npx tsx bench/profile.ts [--workload cnn|mlp|autoencoder] [--backend wasm|cpu] [--steps 5] [--baseline]
 *
 * `--baseline` profiles stock wasm plus only a transposed-convolution filter gradient (bench/baseline.ts).
 *
 * Kernels that run other kernels (ours: Conv2DBackpropFilter, BatchMatMul with transpose flags) are
 * listed with their children: their time includes the children's, so the total counts those twice.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, type BackendChoice } from '../lib/backend';
import { startBaselineWasm } from './baseline';
import { buildModel, makeData, workloadSpec, type WorkloadName } from './models';

/** Kernel name → { calls, total ms } over the profiled steps. */
export type KernelTimes = Map<string, { calls: number; ms: number }>;

/**
 * Profiles `steps` single-batch training steps after one warm-up step; returns per-kernel times.
 * Every step runs the same kernels in the same order, so each kernel call's time is the minimum over
 * the steps (robust on a shared machine), then summed by kernel name.
 */
export async function profileTrainingStep(workload: WorkloadName, steps = 5): Promise<{ kernels: KernelTimes; wallMs: number; stepWallMs: number; stepCpuMs: number }> {
  const spec = workloadSpec(workload);
  const { x, y } = makeData({ ...spec, samples: spec.batchSize });
  const model = buildModel(spec);
  await model.fit(x, y, { epochs: 1, batchSize: spec.batchSize, verbose: 0 }); // warm-up
  let stepWallMs = Infinity, stepCpuMs = Infinity;
  for (let s = 0; s < steps; s++) {
    const start = performance.now(), cpu = process.cpuUsage();
    await model.fit(x, y, { epochs: 1, batchSize: spec.batchSize, verbose: 0 });
    const used = process.cpuUsage(cpu);
    stepWallMs = Math.min(stepWallMs, performance.now() - start);
    stepCpuMs = Math.min(stepCpuMs, (used.user + used.system) / 1000);
  }
  let calls: { name: string; ms: number }[] | null = null;
  let wallMs = Infinity;
  for (let s = 0; s < steps; s++) {
    const start = performance.now();
    const info = await tf.profile(async () => {
      await model.fit(x, y, { epochs: 1, batchSize: spec.batchSize, verbose: 0 });
    });
    wallMs = Math.min(wallMs, performance.now() - start);
    const these = info.kernels.map((k) => ({ name: k.name, ms: Number(k.kernelTimeMs) }));
    if (calls && calls.length === these.length && calls.every((c, i) => c.name === these[i].name)) {
      calls.forEach((c, i) => (c.ms = Math.min(c.ms, these[i].ms)));
    } else {
      calls = these;
    }
  }
  model.optimizer.dispose();
  model.dispose();
  tf.dispose([x, y]);
  const kernels: KernelTimes = new Map();
  for (const c of calls ?? []) {
    const entry = kernels.get(c.name) ?? { calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += c.ms;
    kernels.set(c.name, entry);
  }
  return { kernels, wallMs, stepWallMs, stepCpuMs };
}

/** Prints the kernels sorted by time, with their share of the summed kernel time. */
export function printKernelTimes(kernels: KernelTimes, wallMs: number, top = 25): void {
  const rows = [...kernels.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, e]) => s + e.ms, 0);
  console.log(`kernel                          calls    ms/step   share`);
  for (const [name, e] of rows.slice(0, top)) {
    console.log(`${name.padEnd(30)} ${e.calls.toFixed(0).padStart(6)} ${e.ms.toFixed(2).padStart(10)} ${((100 * e.ms) / total).toFixed(1).padStart(6)}%`);
  }
  console.log(`sum of kernel times ${total.toFixed(1)} ms/step (nested kernels counted twice); best wall ${wallMs.toFixed(1)} ms/step under the profiler`);
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const backend = (argument('backend') ?? 'wasm') as BackendChoice;
  const workload = (argument('workload') ?? 'cnn') as WorkloadName;
  if (process.argv.includes('--baseline')) await startBaselineWasm();
  else await initBackend({ backend });
  const { kernels, wallMs, stepWallMs, stepCpuMs } = await profileTrainingStep(workload, Number(argument('steps') ?? 5));
  console.log(`${workload} on ${backend}: one training step, batch ${workloadSpec(workload).batchSize}`);
  printKernelTimes(kernels, wallMs);
  console.log(`without the profiler: ${stepWallMs.toFixed(1)} ms wall, ${stepCpuMs.toFixed(1)} ms CPU per step (minimum over the steps)`);
}

if (process.argv[1]?.endsWith('profile.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
