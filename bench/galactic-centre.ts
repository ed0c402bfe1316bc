/**
 * One training epoch of the seed's small Galactic Centre model (Aasen 2022, table 2: Rescaling,
 * GaussianNoise 0.8, conv/pool/dense, 274,465 parameters on 90×120×3 maps) in tfjs (wasm, one core)
 * against its PyTorch twin (bench/galactic_centre_torch.py) with all cores and with 1 thread, in one
 * run so that the ratios compare figures taken at the same time. CPU seconds are printed beside wall
 * seconds since our machines are shared.
 *
 *   npx tsx bench/galactic-centre.ts [--maps 500] [--height 90] [--width 120] [--batch 50] [--epochs 2]
 *                                    [--no-torch] [--python /usr/bin/python3] [--large]
 *
 * `--large` also times the seed's large model (table 1: 920×920 RGB, 209 M parameters) in PyTorch, batch 4,
 * extrapolated to an epoch of 10,800 maps (the seed: 7 min per epoch). tfjs-wasm cannot train it: its
 * weights and gradients (1.7 GB) overflow the 32-bit WebAssembly heap ("memory access out of bounds").
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
import { buildModel, smallModelSpec } from '../lib/galactic-centre/model/architecture';
import { timeEpochs } from './timing';
import { torchEnv } from './engines';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

/** The small GC model's epoch on random maps (see `timeEpochs`): min wall ms and CPU seconds of the timed part. */
async function timeTfjs(maps: number, h: number, w: number, batch: number, epochs: number): Promise<{ ms: number; cpuSeconds: number }> {
  const model = buildModel([h, w, 3], smallModelSpec(0.1), new Random(5));
  model.compile({ optimizer: tf.train.adam(5e-4), loss: 'binaryCrossentropy' });
  const rng = new Random(1);
  const x = tf.tensor4d(Float32Array.from({ length: maps * h * w * 3 }, () => rng.uniform(0, 20)), [maps, h, w, 3]);
  const y = tf.tensor2d(Float32Array.from({ length: maps }, () => (rng.random() < 0.5 ? 1 : 0)), [maps, 1]);
  const t = await timeEpochs(model, x, y, batch, epochs);
  tf.dispose([x, y]);
  model.dispose();
  return { ms: t.ms, cpuSeconds: (t.cpuMs * epochs) / 1000 };
}

function timeTorch(python: string, maps: number, h: number, w: number, batch: number, threads: number, epochs: number, large = false): number {
  const script = path.join(projectRoot(), 'bench', 'galactic_centre_torch.py');
  const r = spawnSync(python, [script, ...[maps, h, w, batch, threads, epochs].map(String), ...(large ? ['large'] : [])], { encoding: 'utf8', env: torchEnv() });
  const m = /ms_per_epoch=([\d.]+)/.exec(r.stdout ?? '');
  if (!m) throw new Error(`torch run failed: ${r.stderr || r.stdout}`);
  return Number(m[1]);
}

async function main(): Promise<void> {
  const maps = Number(arg('maps', '500'));
  const [h, w] = [Number(arg('height', '90')), Number(arg('width', '120'))];
  const batch = Number(arg('batch', '50'));
  const epochs = Number(arg('epochs', '2'));
  await initBackend({ quiet: true });
  const tfjs = await timeTfjs(maps, h, w, batch, epochs);
  console.log(`GC small model, ${maps} maps ${h}×${w}×3, batch ${batch}`);
  console.log(`tfjs ${describeBackend()}: ${tfjs.ms.toFixed(0)} ms/epoch (${(tfjs.ms / maps).toFixed(2)} ms/map; ${tfjs.cpuSeconds.toFixed(1)} CPU s for ${epochs} epochs)`);
  if (process.argv.includes('--no-torch')) {
    console.log('ratio_vs_torch=NA');
    return;
  }
  const python = arg('python', process.env.BENCH_PYTHON ?? '/usr/bin/python3');
  const all = timeTorch(python, maps, h, w, batch, os.cpus().length, epochs);
  const one = timeTorch(python, maps, h, w, batch, 1, epochs);
  console.log(`PyTorch ${os.cpus().length} threads: ${all.toFixed(0)} ms/epoch; 1 thread: ${one.toFixed(0)} ms/epoch`);
  console.log(`ratio tfjs / torch 1 thread = ${(tfjs.ms / one).toFixed(2)}`);
  if (process.argv.includes('--large')) {
    const epochMs = timeTorch(python, 10800, 920, 920, 4, os.cpus().length, 2, true);
    console.log(`large model, PyTorch ${os.cpus().length} threads, batch 4: ${(epochMs / 60000).toFixed(1)} min per 10,800-map epoch (seed: 7 min)`);
  }
  console.log(`ratio_vs_torch=${(tfjs.ms / all).toFixed(2)}`);
}

void main();
