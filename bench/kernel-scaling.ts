/**
 * Where the reference CNN's training step spends its time, and what a second thread buys per kernel:
 * each heavy kernel of one step (bench/models.ts `cnn`, batch 64) is run alone many times at every
 * thread count, in one process (setNativeThreads), alternating the counts so that a change of load on
 * a shared machine hits both alike; it prints wall ms and CPU ms per call and the wall speed-up, once
 * with warm caches (the same inputs again and again) and once with the caches emptied before every
 * call (64 MiB rewritten, outside the timing), as in a step where each kernel reads what others wrote. Then
 * it times whole training steps at each count, with a timer around every call into the addon, and prints
 * how much of a step's wall time is spent inside the addon (what more threads can shorten) and outside
 * it (tfjs's dispatch and bookkeeping, wasm kernels, the optimizer: serial).
 *
 *   npx tsx bench/kernel-scaling.ts [--reps 40] [--rounds 5]
 *
 * Needs the oneDNN addon (the native kernels); OMP_WAIT_POLICY and TFJS_THREADS as for any process.
 */
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { describeBackend, initBackend, nativeAddon, setNativeThreads } from '../lib/backend';
import { Random } from '../lib/random';
import { buildModel, makeData, workloadSpec } from './models';

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function randomTensor(rng: Random, shape: number[]): tf.Tensor {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = rng.normal();
  return tf.tensor(values, shape);
}

/** The CNN's heavy kernels of one step, each as a thunk on fixed inputs. */
function cnnKernels(rng: Random): { name: string; run: () => tf.Tensor }[] {
  const x1 = randomTensor(rng, [64, 32, 32, 8]), w1 = randomTensor(rng, [3, 3, 8, 32]), dy1 = randomTensor(rng, [64, 30, 30, 32]);
  const x2 = randomTensor(rng, [64, 15, 15, 32]), w2 = randomTensor(rng, [3, 3, 32, 64]), dy2 = randomTensor(rng, [64, 13, 13, 64]);
  const p1 = randomTensor(rng, [64, 15, 15, 32]);
  const flat = randomTensor(rng, [64, 2304]), wd = randomTensor(rng, [2304, 64]), dyd = randomTensor(rng, [64, 64]);
  const k = tf.engine();
  const conv = { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: 1 };
  return [
    { name: 'Conv2D 32×32×8→32', run: () => k.runKernel('Conv2D', { x: x1, filter: w1 }, conv) as tf.Tensor },
    { name: 'Conv2D 15×15×32→64', run: () => k.runKernel('Conv2D', { x: x2, filter: w2 }, conv) as tf.Tensor },
    { name: 'BackpropInput 15×15×32←64', run: () => k.runKernel('Conv2DBackpropInput', { dy: dy2, filter: w2 }, { ...conv, inputShape: [64, 15, 15, 32] }) as tf.Tensor },
    { name: 'BackpropFilter 32×32×8→32', run: () => k.runKernel('Conv2DBackpropFilter', { x: x1, dy: dy1 }, { ...conv, filterShape: [3, 3, 8, 32] }) as tf.Tensor },
    { name: 'BackpropFilter 15×15×32→64', run: () => k.runKernel('Conv2DBackpropFilter', { x: x2, dy: dy2 }, { ...conv, filterShape: [3, 3, 32, 64] }) as tf.Tensor },
    { name: 'MaxPool 30×30×32', run: () => tf.maxPool(dy1 as tf.Tensor4D, 2, 2, 'valid') },
    { name: 'MaxPoolGrad 30×30×32', run: () => k.runKernel('MaxPoolGrad', { dy: p1, input: dy1, output: p1 }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor },
    { name: 'MatMul 64×2304·2304×64', run: () => tf.matMul(flat, wd) },
    { name: 'MatMul dW 2304×64ᵀ·64×64', run: () => tf.matMul(flat, dyd, true, false) },
    { name: 'Relu 64×30×30×32', run: () => tf.relu(dy1) },
  ];
}

/** 64 MiB written between calls: more than the caches hold, so every call starts from memory as in a training step. */
const EVICT = new Float32Array(16 << 20);

/** Wall and CPU ms per call of `run`, `reps` calls after one warm-up; `cold` empties the caches (EVICT rewritten) before each call, outside the timing. */
function timeCalls(run: () => tf.Tensor, reps: number, cold: boolean): { wall: number; cpu: number } {
  run().dispose();
  let wall = 0, cpu = 0;
  for (let r = 0; r < reps; r++) {
    if (cold) EVICT.fill(r);
    const cpu0 = process.cpuUsage(), t0 = performance.now();
    run().dispose();
    wall += performance.now() - t0;
    const used = process.cpuUsage(cpu0);
    cpu += (used.user + used.system) / 1000;
  }
  return { wall: wall / reps, cpu: cpu / reps };
}

async function main(): Promise<void> {
  await initBackend({ backend: 'wasm', quiet: true });
  if (!nativeAddon()) throw new Error('the oneDNN addon is off: nothing to scale (see the backend line)');
  const reps = Number(argument('reps', '40')), rounds = Number(argument('rounds', '5'));
  const counts = [...new Set([1, os.availableParallelism()])];
  console.log(`${describeBackend()}; OMP_WAIT_POLICY=${process.env.OMP_WAIT_POLICY ?? '(unset)'}, GOMP_SPINCOUNT=${process.env.GOMP_SPINCOUNT ?? '(unset)'}; load average ${os.loadavg()[0].toFixed(2)} on ${os.availableParallelism()} cores`);
  const kernels = cnnKernels(new Random(3));
  const best = new Map<string, { wall: number; cpu: number }>();
  for (let round = 0; round < rounds; round++) {
    for (const kernel of kernels) {
      for (const threads of counts) {
        setNativeThreads(threads);
        for (const mode of ['warm', 'cold'] as const) {
          const t = timeCalls(kernel.run, mode === 'warm' ? reps : Math.ceil(reps / 4), mode === 'cold');
          const key = `${kernel.name}@${threads}@${mode}`;
          const old = best.get(key);
          if (!old || t.wall < old.wall) best.set(key, t);
        }
      }
    }
  }
  for (const mode of ['warm', 'cold'] as const) {
    const what = mode === 'warm' ? 'the same inputs again and again (warm caches)' : 'caches emptied before every call (as in a training step, where each kernel reads what others wrote)';
    console.log(`\n${what}\nkernel                         ${counts.map((c) => `wall@${c}  cpu@${c}`).join('   ')}   speed-up (best of ${rounds} rounds)`);
    for (const kernel of kernels) {
      const cells = counts.map((c) => {
        const t = best.get(`${kernel.name}@${c}@${mode}`)!;
        return `${t.wall.toFixed(3).padStart(6)} ${t.cpu.toFixed(3).padStart(7)}`;
      });
      const speedup = best.get(`${kernel.name}@1@${mode}`)!.wall / best.get(`${kernel.name}@${counts[counts.length - 1]}@${mode}`)!.wall;
      console.log(`${kernel.name.padEnd(30)} ${cells.join('   ')}   ${speedup.toFixed(2).padStart(8)}`);
    }
  }
  const all = counts[counts.length - 1];
  const forward = best.get(`${kernels[1].name}@${all}@warm`);
  if (all > 1 && forward && forward.cpu < 1.2 * forward.wall) {
    // Seen on a shared 2-core machine: with the other core busy, the OpenMP worker is woken on the main
    // thread's core and the two take turns (pinning them with OMP_PROC_BIND was slower still).
    console.log(`warning: at ${all} threads a convolution used ${forward.cpu.toFixed(2)} ms CPU in ${forward.wall.toFixed(2)} ms wall: its threads did not run at the same time (another process holds a core); the speed-ups above do not measure scaling`);
  }
  await timeSteps(counts, rounds);
}

/** Wall and CPU ms spent inside the addon's functions since the last reset (every function wrapped with timers). */
function timeAddonCalls(): { ms: () => { wall: number; cpu: number }; byFunction: () => Map<string, { wall: number; calls: number }>; reset: () => void } {
  const addon = nativeAddon() as unknown as Record<string, unknown>;
  let wall = 0, cpu = 0;
  let perFunction = new Map<string, { wall: number; calls: number }>();
  for (const [name, fn] of Object.entries(addon)) {
    if (typeof fn !== 'function' || ['setThreads', 'getThreads', 'version'].includes(name)) continue;
    addon[name] = (...args: unknown[]) => {
      const t0 = performance.now(), c0 = process.cpuUsage();
      try {
        return (fn as (...a: unknown[]) => unknown)(...args);
      } finally {
        const c = process.cpuUsage(c0), ms = performance.now() - t0;
        const entry = perFunction.get(name) ?? { wall: 0, calls: 0 };
        entry.wall += ms;
        entry.calls++;
        perFunction.set(name, entry);
        wall += ms;
        cpu += (c.user + c.system) / 1000;
      }
    };
  }
  return {
    ms: () => ({ wall, cpu }),
    byFunction: () => perFunction,
    reset: () => {
      wall = cpu = 0;
      perFunction = new Map();
    },
  };
}

/** Wall and CPU ms of one training step (an 8-batch epoch ÷ 8) at each thread count, and the wall ms inside the addon. */
async function timeSteps(counts: number[], rounds: number): Promise<void> {
  const spec = workloadSpec('cnn');
  const { x, y } = makeData(spec);
  const model = buildModel(spec);
  const steps = spec.samples / spec.batchSize;
  const inAddon = timeAddonCalls();
  const best = new Map<number, { wall: number; cpu: number; addon: { wall: number; cpu: number }; byFunction: Map<string, { wall: number; calls: number }> }>();
  for (let round = 0; round < rounds + 1; round++) {
    for (const threads of counts) {
      setNativeThreads(threads);
      inAddon.reset();
      const cpu0 = process.cpuUsage(), t0 = performance.now();
      await model.fit(x, y, { epochs: 1, batchSize: spec.batchSize, shuffle: false, verbose: 0 });
      const wall = (performance.now() - t0) / steps, used = process.cpuUsage(cpu0);
      const cpu = (used.user + used.system) / 1000 / steps, inside = inAddon.ms(), addon = { wall: inside.wall / steps, cpu: inside.cpu / steps };
      if (round > 0 && (!best.has(threads) || wall < best.get(threads)!.wall)) best.set(threads, { wall, cpu, addon, byFunction: inAddon.byFunction() });
    }
  }
  console.log('\nCNN training step (epoch of 8 batches ÷ 8, best of rounds): wall and CPU ms, in all, inside the addon, outside it');
  for (const threads of counts) {
    const t = best.get(threads)!;
    const parts = [`${t.wall.toFixed(2)} wall, ${t.cpu.toFixed(2)} CPU`, `inside ${t.addon.wall.toFixed(2)} wall, ${t.addon.cpu.toFixed(2)} CPU`, `outside ${(t.wall - t.addon.wall).toFixed(2)} wall, ${(t.cpu - t.addon.cpu).toFixed(2)} CPU`];
    console.log(`  ${threads} thread${threads === 1 ? ' ' : 's'}: ${parts.join('; ')}`);
  }
  console.log('\n  inside the addon by function (wall ms per step, calls per step):');
  for (const name of best.get(1)!.byFunction.keys()) {
    const cells = counts.map((threads) => {
      const e = best.get(threads)!.byFunction.get(name);
      return e ? `${(e.wall / steps).toFixed(3).padStart(7)} (${(e.calls / steps).toFixed(0)})` : '      —';
    });
    console.log(`    ${name.padEnd(22)} ${cells.join('  ')}`);
  }
  // Amdahl: with the addon's CPU time shared perfectly by n threads and the rest serial.
  const one = best.get(1)!, n = counts[counts.length - 1];
  console.log(`  ceiling of the scaling on ${n} idle cores, from the 1-thread CPU split: ${(one.cpu / (one.addon.cpu / n + one.cpu - one.addon.cpu)).toFixed(2)}`);
  console.log(`  scaling ${(best.get(1)!.wall / best.get(counts[counts.length - 1])!.wall).toFixed(2)}; load average ${os.loadavg()[0].toFixed(2)}`);
  model.dispose();
  tf.dispose([x, y]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
