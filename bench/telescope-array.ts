/**
 * Throughput of the Telescope Array study (issue 5): events/s of the simulator + standard
 * reconstruction, of writing HDF5 shards, of the training stream alone (read, scale, collate), and
 * of training the correction network from the stream; with CPU seconds beside wall seconds, since
 * our machines are shared.
 *
 *   npx tsx bench/telescope-array.ts [--events 2000] [--epochs 1] [--N 4] [--disk-events 1000000]
 *
 * `--disk-events` adds the seed's scale test: the training shards are hard-linked again and again
 * until that many events lie on disk (the same events repeated: this measures the reader, not the
 * physics), and one epoch is streamed through the training pipeline while the resident memory is
 * sampled, to show that it does not grow with the number of events.
 *
 * `benchTelescopeArray(options)` returns the rows for a caller such as bench/run.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../lib/backend';
import { Random } from '../lib/random';
import { makeDataSets } from '../lib/telescope-array/data/splits';
import { compiledNet } from '../lib/telescope-array/model';
import { fitNormalizer, shardSource, type Normalizer } from '../lib/telescope-array/data/stream';
import type { ShardInfo } from '../lib/telescope-array/data/shards';
import { trainCorrection } from '../lib/telescope-array/train/correction';

/** One measured stage. */
export interface BenchRow {
  stage: string;
  events: number;
  wallSeconds: number;
  cpuSeconds: number;
  eventsPerSecond: number;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

/** Runs the stages on `events` training events (plus a tenth for validation) in a temporary folder. */
export async function benchTelescopeArray(opts: { events: number; epochs: number; N: number; diskEvents?: number }): Promise<BenchRow[]> {
  await initBackend({ quiet: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ta-bench-'));
  const rows: BenchRow[] = [];
  try {
    let c0 = process.cpuUsage();
    let t0 = performance.now();
    const sizes = { calibration: 500, trainNuclei: opts.events, trainPhotons: 0, validationNuclei: Math.ceil(opts.events / 10), validationPhotons: 0, testNuclei: 0, testPhotons: 0 };
    const data = await makeDataSets(dir, sizes, { N: opts.N, T: 128, shardSize: 1000, seed: 1 });
    const simulated = sizes.calibration + sizes.trainNuclei + sizes.validationNuclei;
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(c0);
    rows.push({ stage: 'simulate + reconstruct', events: simulated, wallSeconds: data.seconds.simulate + data.seconds.calibration, cpuSeconds: cpu * ((data.seconds.simulate + data.seconds.calibration) / wall), eventsPerSecond: data.eventsPerSecond });
    rows.push({ stage: 'write HDF5 shards', events: simulated - sizes.calibration, wallSeconds: data.seconds.write, cpuSeconds: NaN, eventsPerSecond: (simulated - sizes.calibration) / data.seconds.write });

    const norm = await fitNormalizer(data.trainNuclei[0]);
    c0 = process.cpuUsage();
    t0 = performance.now();
    let n = 0;
    for await (const batch of shardSource({ shards: data.trainNuclei, norm, batchSize: 128 }).batches(0, new Random(2))) {
      n += (batch.y as tf.Tensor).shape[0];
      tf.dispose([...Object.values(batch.x as Record<string, tf.Tensor>), batch.y as tf.Tensor]);
    }
    const streamWall = (performance.now() - t0) / 1000;
    rows.push({ stage: 'stream batches (no training)', events: n, wallSeconds: streamWall, cpuSeconds: cpuSeconds(c0), eventsPerSecond: n / streamWall });

    if (opts.diskEvents) rows.push(await streamAtScale(data.trainNuclei, opts.diskEvents, norm, dir));

    const model = compiledNet({ N: opts.N, T: 128, rng: new Random(3) }, 'adam');
    c0 = process.cpuUsage();
    t0 = performance.now();
    const run = await trainCorrection(model, { train: data.trainNuclei, validation: data.validationNuclei, norm, epochs: opts.epochs, batchSize: 128, rng: new Random(4), progress: 'none' });
    const trainWall = (performance.now() - t0) / 1000;
    rows.push({ stage: `train from the stream (peak RSS ${Math.round(run.peakRssMiB)} MiB)`, events: opts.events * opts.epochs, wallSeconds: trainWall, cpuSeconds: cpuSeconds(c0), eventsPerSecond: run.samplesPerSecond });
    model.dispose();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/**
 * Streams `events` events from disk in one epoch: the shards hard-linked until there are enough,
 * resident memory sampled every batch (peak, and at 10 % and 100 % of the epoch to show growth).
 */
async function streamAtScale(shards: readonly ShardInfo[], events: number, norm: Normalizer, dir: string): Promise<BenchRow> {
  const linked: ShardInfo[] = [];
  for (let k = 0, n = 0; n < events; k++) {
    const source = shards[k % shards.length];
    const file = path.join(dir, `scale-${String(k).padStart(5, '0')}.h5`);
    fs.linkSync(source.path, file);
    linked.push({ ...source, path: file });
    n += source.n;
  }
  const total = linked.reduce((a, s) => a + s.n, 0);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0, peak = 0, atTenth = 0;
  for await (const batch of shardSource({ shards: linked, norm, batchSize: 128 }).batches(0, new Random(5))) {
    n += (batch.y as tf.Tensor).shape[0];
    tf.dispose([...Object.values(batch.x as Record<string, tf.Tensor>), batch.y as tf.Tensor]);
    const rss = process.memoryUsage().rss / 2 ** 20;
    peak = Math.max(peak, rss);
    if (!atTenth && n >= total / 10) atTenth = rss;
  }
  const wall = (performance.now() - t0) / 1000;
  const end = process.memoryUsage().rss / 2 ** 20;
  const gb = (linked.length * fs.statSync(linked[0].path).size) / 1e9;
  return {
    stage: `stream ${n} events from ${linked.length} shards, ${gb.toFixed(1)} GB (RSS ${Math.round(atTenth)} MiB at 10 %, ${Math.round(end)} MiB at the end, peak ${Math.round(peak)} MiB)`,
    events: n,
    wallSeconds: wall,
    cpuSeconds: cpuSeconds(c0),
    eventsPerSecond: n / wall,
  };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith('telescope-array')) {
  benchTelescopeArray({ events: arg('events', 2000), epochs: arg('epochs', 1), N: arg('N', 4), diskEvents: arg('disk-events', 0) }).then((rows) => {
    console.table(rows.map((r) => ({ ...r, wallSeconds: +r.wallSeconds.toFixed(2), cpuSeconds: +r.cpuSeconds.toFixed(2), eventsPerSecond: Math.round(r.eventsPerSecond) })));
  });
}
