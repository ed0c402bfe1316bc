/**
 * NEWSdm benchmark: one training epoch of the VGG-like 3D CNN (`lib/newsdm/model.ts`, `vgg3d`; input
 * 8 polarisations × S × S, one channel) in tfjs on wasm (one core) against its PyTorch twin
 * (`bench/newsdm_torch.py`) with all cores and with 1 thread, in one run so the ratios compare figures
 * taken at the same time. The Conv3D kernels on wasm are `lib/backend`'s. CPU seconds are printed
 * beside wall seconds (the machines are shared).
 *
 *   npx tsx bench/newsdm.ts [--samples 512] [--size 16] [--width 8] [--batch 64] [--epochs 2]
 *                           [--no-torch] [--python /usr/bin/python3]
 *
 * The last line is `ratio_vs_torch=<tfjs ms / torch all-cores ms>` (`NA` without torch).
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describeBackend, initBackend } from '../lib/backend';
import { projectRoot } from '../lib/paths';
import { Random } from '../lib/random';
import { buildCnn, compileCnn } from '../lib/newsdm/model';
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
  const r = spawnSync(python, [script, ...[samples, size, width, batch, threads, epochs].map(String)], { encoding: 'utf8' });
  const m = /params=(\d+) ms_per_epoch=([\d.]+)/.exec(r.stdout ?? '');
  if (!m) throw new Error(`torch run failed: ${r.stderr || r.stdout}`);
  return { params: Number(m[1]), ms: Number(m[2]) };
}

async function main(): Promise<void> {
  const [samples, size, width, batch, epochs] = ['samples', 'size', 'width', 'batch', 'epochs'].map((n, i) => Number(arg(n, ['512', '16', '8', '64', '2'][i])));
  await initBackend({ backend: 'wasm', quiet: true });
  console.log(`tfjs ${describeBackend()}; VGG-like 3D, ${samples} samples 8×${size}×${size}, width ${width}, batch ${batch}`);
  const ours = compileCnn(buildCnn('vgg3d', { size, width, rng: new Random(2) }));
  const t = await timeModel(ours, samples, size, batch, epochs);
  console.log(`tfjs wasm: ${t.ms.toFixed(0)} ms/epoch (CPU ${t.cpuMs.toFixed(0)} ms), ${ours.countParams()} parameters`);
  let ratio = 'NA';
  if (!process.argv.includes('--no-torch')) {
    const python = arg('python', '/usr/bin/python3');
    const all = timeTorch(python, samples, size, width, batch, os.cpus().length, epochs);
    const one = timeTorch(python, samples, size, width, batch, 1, epochs);
    console.log(`PyTorch ${os.cpus().length} threads: ${all.ms.toFixed(0)} ms/epoch; 1 thread: ${one.ms.toFixed(0)} ms/epoch (${all.params} parameters)`);
    console.log(`tfjs / torch: ${(t.ms / all.ms).toFixed(2)} (all cores), ${(t.ms / one.ms).toFixed(2)} (1 thread)`);
    ratio = (t.ms / all.ms).toFixed(2);
  }
  console.log(`ratio_vs_torch=${ratio}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
