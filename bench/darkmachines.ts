/**
 * DarkMachines benchmarks (notebook 04-darkmachines): simulator events/s, reader throughput
 * (lines/s, plain and gzip) and VAE-generator throughput (latent GMM sampling + decoding, events/s).
 *
 * Run: `npx tsx bench/darkmachines.ts` (about 30 s), or `--write-fixture` to regenerate
 * `data/darkmachines/events-fixture.csv`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initBackend } from '../lib/backend';
import { generatorThroughput } from '../lib/darkmachines/model/generator';
import { PROCESSES } from '../lib/darkmachines/data/processes';
import { streamEvents, writeEvents } from '../lib/darkmachines/data/reader';
import { fixtureEvents, simulateMixture } from '../lib/darkmachines/data/simulator';
import { dataPath } from '../lib/paths';
import { Random } from '../lib/random';

async function main(): Promise<void> {
  if (process.argv.includes('--write-fixture')) {
    const n = await writeEvents(dataPath('darkmachines', 'events-fixture.csv'), fixtureEvents([...PROCESSES.values()]));
    console.log(`wrote ${n} events to data/darkmachines/events-fixture.csv`);
    return;
  }
  const N = 100_000;
  let t0 = performance.now();
  const { events } = simulateMixture([...PROCESSES.keys()], N, new Random(1));
  const simRate = N / ((performance.now() - t0) / 1000);
  console.log(`simulator: ${simRate.toFixed(0)} events/s`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-bench-'));
  for (const name of ['bench.csv', 'bench.csv.gz']) {
    const file = path.join(dir, name);
    await writeEvents(file, events);
    let best = 0, bestCpu = 0;
    for (let rep = 0; rep < 3; rep++) {
      t0 = performance.now();
      const c0 = process.cpuUsage();
      let n = 0;
      for await (const ev of streamEvents(file)) n += ev.objects.length > -1 ? 1 : 0;
      const cpu = process.cpuUsage(c0);
      best = Math.max(best, n / ((performance.now() - t0) / 1000));
      bestCpu = Math.max(bestCpu, n / ((cpu.user + cpu.system) / 1e6));
    }
    // the machines are shared: CPU time is the steadier figure (gunzip runs on libuv's thread pool, counted in CPU time)
    console.log(`reader (${name}, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB): ${best.toFixed(0)} lines/s wall, ${bestCpu.toFixed(0)} lines/s of CPU time (best of 3)`);
  }
  fs.rmSync(dir, { recursive: true });
  await initBackend();
  const rate = await generatorThroughput({ inputDim: 28, latentDim: 20, hidden: [64, 32], nEvents: 200_000, rng: new Random(2) });
  console.log(`VAE generator (74-d events, Z = 8, decoder 8-32-64-74): ${rate.toFixed(0)} events/s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
