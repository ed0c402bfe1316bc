/**
 * NEWSdm benchmark: one training epoch of the VGG-like 3D CNN (`lib/newsdm/model.ts`, `vgg3d`; input
 * 8 polarisations × S × S, one channel) in tfjs on wasm (with the oneDNN kernels when built) against its
 * PyTorch twin (`bench/newsdm_torch.py`), each at 1 thread and at every core in a process of its own
 * (bench/engines.ts), in one run so the ratios compare figures taken at the same time. CPU ms are
 * printed beside wall ms (the machines are shared).
 *
 *   npx tsx bench/newsdm.ts [--samples 512] [--size 16] [--width 8] [--batch 64] [--epochs 2]
 *                           [--no-torch] [--python /usr/bin/python3]
 *
 * The last line is `ratio_vs_torch_best=<best tfjs ms / best torch ms>` (`NA` without torch).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describeBackend, initBackend } from '../lib/backend';
import { projectRoot } from '../lib/paths';
import { Random } from '../lib/random';
import { buildCnn, compileCnn } from '../lib/newsdm/model';
import { best, ratioText, runTfjsChild, threadCounts, torchEnv } from './engines';
import { timeEpochs } from './timing';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

/** min ms per epoch over `epochs` timed epochs (after a warm-up) and CPU ms per epoch. */
async function timeModel(model: tf.LayersModel, samples: number, size: number, batch: number, epochs: number): Promise<{ ms: number; cpuMs: number }> {
  const rng = new Random(1);
  const x = tf.tensor5d(Float32Array.from({ length: samples * 8 * size * size }, () => rng.normal()), [samples, 8, size, size, 1]);
  const y = tf.tensor2d(Float32Array.from({ length: samples }, () => (rng.random() < 0.5 ? 1 : 0)), [samples, 1]);
  const t = await timeEpochs(model, x, y, batch, epochs);
  tf.dispose([x, y]);
  return t;
}

function timeTorch(python: string, samples: number, size: number, width: number, batch: number, threads: number, epochs: number): { ms: number; params: number } {
  const script = path.join(projectRoot(), 'bench', 'newsdm_torch.py');
  const r = spawnSync(python, [script, ...[samples, size, width, batch, threads, epochs].map(String)], { encoding: 'utf8', env: torchEnv() });
  const m = /params=(\d+) ms_per_epoch=([\d.]+)/.exec(r.stdout ?? '');
  if (!m) throw new Error(`torch run failed: ${r.stderr || r.stdout}`);
  return { params: Number(m[1]), ms: Number(m[2]) };
}

/** What the tfjs child prints. */
interface ChildOutput {
  engine: string;
  ms: number;
  cpuMs: number;
  params: number;
}

/** The `--tfjs-child` side: times the model on wasm here and prints one JSON line. */
async function tfjsChild(samples: number, size: number, width: number, batch: number, epochs: number): Promise<void> {
  await initBackend({ backend: 'wasm', quiet: true });
  const ours = compileCnn(buildCnn('vgg3d', { size, width, rng: new Random(2) }));
  const t = await timeModel(ours, samples, size, batch, epochs);
  console.log(JSON.stringify({ engine: `tfjs ${describeBackend()}`, ms: t.ms, cpuMs: t.cpuMs, params: ours.countParams() } satisfies ChildOutput));
}

async function main(): Promise<void> {
  const names = ['samples', 'size', 'width', 'batch', 'epochs'];
  const [samples, size, width, batch, epochs] = names.map((n, i) => Number(arg(n, ['512', '16', '8', '64', '2'][i])));
  if (process.argv.includes('--tfjs-child')) return tfjsChild(samples, size, width, batch, epochs);
  console.log(`VGG-like 3D, ${samples} samples 8×${size}×${size}, width ${width}, batch ${batch}; ms per epoch (min of ${epochs} after a warm-up)`);
  const passOn = names.flatMap((n, i) => [`--${n}`, String([samples, size, width, batch, epochs][i])]);
  const tfjs = threadCounts().map((threads) => runTfjsChild<ChildOutput>(path.join(projectRoot(), 'bench', 'newsdm.ts'), passOn, threads));
  for (const t of tfjs) console.log(`  ${t.engine}: ${t.ms.toFixed(0)} ms/epoch (CPU ${t.cpuMs.toFixed(0)} ms), ${t.params} parameters`);
  const torch: { threads: number; ms: number }[] = [];
  if (!process.argv.includes('--no-torch')) {
    const python = arg('python', '/usr/bin/python3');
    for (const threads of threadCounts()) {
      const r = timeTorch(python, samples, size, width, batch, threads, epochs);
      torch.push({ threads, ms: r.ms });
      console.log(`  PyTorch CPU, ${threads} thread${threads === 1 ? '' : 's'}: ${r.ms.toFixed(0)} ms/epoch (${r.params} parameters)`);
    }
  }
  const bestTfjs = best(tfjs.map((t) => t.ms)), bestTorch = best(torch.map((t) => t.ms));
  console.log(`best tfjs / best PyTorch: ${ratioText(bestTfjs, bestTorch)}; tfjs 1 thread / all threads: ${ratioText(tfjs[0].ms, tfjs[tfjs.length - 1].ms)}`);
  console.log(`ratio_vs_torch_best=${ratioText(bestTfjs, bestTorch)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
