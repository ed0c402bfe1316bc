/**
 * What loading danfojs-node costs a notebook: wall time and resident memory (RSS) added by the first
 * `danfo()` of `lib/frame`, in a fresh process that has already done what every notebook's set-up
 * does (tfjs with the wasm backend started, `lib/frame` and `lib/plot` imported). danfojs-node
 * requires `@tensorflow/tfjs-node`, which package.json's override makes a second install of the plain
 * tfjs 4.22 package (its own entry file over the shared tfjs-core, layers, converter and data).
 * arquero's first load is measured the same way for comparison.
 *
 *   npx tsx bench/frame-load.ts [--runs 5]
 *
 * Prints the median and range over `--runs` fresh processes, and the ratio of each load to the set-up
 * it follows (time and RSS). Machines are shared: compare only figures of one run.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { projectRoot } from '../lib/paths';

/** What one child process measured (ms and MiB). */
interface LoadSample {
  setupMs: number;
  setupRssMiB: number;
  danfoMs: number;
  danfoRssMiB: number;
  arqueroMs: number;
  arqueroRssMiB: number;
  danfoLoadedBefore: boolean;
}

const MiB = 1024 * 1024;

/** RSS after a garbage collection when exposed (`--expose-gc`), so the figures are less noisy. */
function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / MiB;
}

/** Time (ms) and RSS growth (MiB) of one synchronous or asynchronous step. */
async function measure(step: () => unknown): Promise<[number, number]> {
  const rss0 = rssMiB();
  const t0 = performance.now();
  await step();
  return [performance.now() - t0, rssMiB() - rss0];
}

/** The child: notebook set-up, then danfo, then arquero; prints one JSON line. */
async function child(): Promise<void> {
  const rssStart = rssMiB();
  const t0 = performance.now();
  const { initBackend } = await import('../lib/backend');
  const frame = await import('../lib/frame');
  await import('../lib/plot');
  await initBackend({ backend: 'wasm', quiet: true });
  const sample: Partial<LoadSample> = { setupMs: performance.now() - t0, setupRssMiB: rssMiB() - rssStart };
  const require = createRequire(path.join(projectRoot(), 'package.json'));
  sample.danfoLoadedBefore = Object.keys(require.cache).some((file) => file.includes(`${path.sep}danfojs-node${path.sep}`));
  [sample.danfoMs, sample.danfoRssMiB] = await measure(() => frame.danfo());
  [sample.arqueroMs, sample.arqueroRssMiB] = await measure(() => require('arquero'));
  console.log(JSON.stringify(sample));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** "median (min–max)" with one decimal. */
function summary(values: number[]): string {
  return `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
}

function parent(runs: number): void {
  const root = projectRoot();
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const samples: LoadSample[] = [];
  for (let r = 0; r < runs; r++) {
    const out = spawnSync(tsx, [path.join(root, 'bench', 'frame-load.ts'), '--child'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--expose-gc' } });
    if (out.status !== 0) throw new Error(`frame-load child failed (exit ${out.status}):\n${out.stderr}`);
    samples.push(JSON.parse(out.stdout.trim().split('\n').pop()!) as LoadSample);
  }
  if (samples.some((s) => s.danfoLoadedBefore)) console.log('WARNING: danfojs-node was loaded by the set-up alone (not lazy)');
  const col = (k: keyof LoadSample) => samples.map((s) => Number(s[k]));
  console.log(`frame-load: ${runs} fresh processes, median (min–max)`);
  console.log(`  set-up (tfjs wasm, lib/frame, lib/plot): ${summary(col('setupMs'))} ms, +${summary(col('setupRssMiB'))} MiB RSS`);
  console.log(`  first danfo() (danfojs-node):            ${summary(col('danfoMs'))} ms, +${summary(col('danfoRssMiB'))} MiB RSS`);
  console.log(`  first arquero():                         ${summary(col('arqueroMs'))} ms, +${summary(col('arqueroRssMiB'))} MiB RSS`);
  console.log(`  danfo / set-up: time ${(median(col('danfoMs')) / median(col('setupMs'))).toFixed(2)}, RSS ${(median(col('danfoRssMiB')) / median(col('setupRssMiB'))).toFixed(2)}`);
}

const argv = process.argv.slice(2);
if (argv.includes('--child')) {
  child().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  const at = argv.indexOf('--runs');
  parent(at >= 0 ? Number(argv[at + 1]) : 5);
}
