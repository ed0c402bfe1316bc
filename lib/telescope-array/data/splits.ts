/**
 * The data sets of the Telescope Array notebook, made in one call: the energy table from a
 * calibration sample, then HDF5 shards for training, validation and test, nuclei and photons apart
 * (each hypothesis gets its own correction network, as TA's photon search reconstructs photon
 * candidates with photon simulations), each split from its own seeded generator.
 *
 * The shards go to a folder of their own under the base folder given (see `lib/io/run-folder.ts`), so
 * that runs sharing a base folder never overwrite or delete each other's shards; `remove()` deletes
 * it when the run is done, and it is deleted at process exit in any case.
 *
 * Used by notebooks/02-telescope-array.ipynb and bench/telescope-array.ts.
 */
import * as fs from 'node:fs';
import { makeRunFolder } from '../../io/run-folder';
import { Random } from '../../random';
import { calibrateEnergy, generateShards } from './generate';
import type { EnergyTable } from './energy';
import type { ShardInfo } from './shards';

/** Sizes (accepted events) of the splits and of the calibration sample. */
export interface SplitSizes {
  calibration: number;
  trainNuclei: number;
  trainPhotons: number;
  validationNuclei: number;
  validationPhotons: number;
  testNuclei: number;
  testPhotons: number;
}

/** The shards of every split, the energy table and the simulator's throughput. */
export interface DataSets {
  /** the folder of this run's shards, `<base>/telescope-array-<host>-<pid>-XXXXXX` */
  dir: string;
  /** deletes `dir` and the shards in it (also done at process exit) */
  remove(): void;
  table: EnergyTable;
  trainNuclei: ShardInfo[];
  trainPhotons: ShardInfo[];
  validationNuclei: ShardInfo[];
  validationPhotons: ShardInfo[];
  testNuclei: ShardInfo[];
  testPhotons: ShardInfo[];
  /** accepted events per second of simulation + reconstruction (excluding writing) */
  eventsPerSecond: number;
  /** fraction of simulated events that triggered and passed the cuts */
  acceptance: number;
  /** bytes on disk of all shards */
  bytes: number;
  seconds: { calibration: number; simulate: number; write: number };
  /** CPU seconds (user + system) of the whole process while the sets were made */
  cpuSeconds: number;
}

/**
 * Simulates and writes all splits into a new folder of this run under `baseDir` (created); nothing
 * else in `baseDir` is touched, except folders of earlier runs on this host whose process has ended.
 * If simulating or writing fails, the folder is removed before the error is passed on.
 * @param N detector window, T trace bins, shardSize events per shard
 */
export async function makeDataSets(baseDir: string, sizes: SplitSizes, opts: { N: number; T: number; shardSize: number; seed: number }): Promise<DataSets> {
  const folder = makeRunFolder(baseDir, 'telescope-array');
  try {
    return { dir: folder.path, remove: folder.remove, ...(await writeSplits(folder.path, sizes, opts)) };
  } catch (err) {
    folder.remove();
    throw err;
  }
}

async function writeSplits(dir: string, sizes: SplitSizes, opts: { N: number; T: number; shardSize: number; seed: number }): Promise<Omit<DataSets, 'dir' | 'remove'>> {
  const root = new Random(opts.seed);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const table = calibrateEnergy(sizes.calibration, { set: 'nuclei', T: opts.T }, root.fork('calibration'));
  const calibration = (performance.now() - t0) / 1000;
  let simulated = 0, accepted = 0, simulate = 0, write = 0;
  const make = async (prefix: string, set: 'nuclei' | 'photons', events: number) => {
    if (events <= 0) return [];
    const r = await generateShards({ dir, prefix, sim: { set, T: opts.T }, events, shardSize: opts.shardSize, N: opts.N, table, rng: root.fork(prefix) });
    simulated += r.simulated;
    accepted += r.accepted;
    simulate += r.seconds.simulate;
    write += r.seconds.write;
    return r.shards;
  };
  const trainNuclei = await make('train-nuclei', 'nuclei', sizes.trainNuclei);
  const trainPhotons = await make('train-photons', 'photons', sizes.trainPhotons);
  const validationNuclei = await make('validation-nuclei', 'nuclei', sizes.validationNuclei);
  const validationPhotons = await make('validation-photons', 'photons', sizes.validationPhotons);
  const testNuclei = await make('test-nuclei', 'nuclei', sizes.testNuclei);
  const testPhotons = await make('test-photons', 'photons', sizes.testPhotons);
  const all = [...trainNuclei, ...trainPhotons, ...validationNuclei, ...validationPhotons, ...testNuclei, ...testPhotons];
  const bytes = all.reduce((a, s) => a + fs.statSync(s.path).size, 0);
  return { table, trainNuclei, trainPhotons, validationNuclei, validationPhotons, testNuclei, testPhotons, eventsPerSecond: accepted / simulate, acceptance: accepted / simulated, bytes, seconds: { calibration, simulate, write }, cpuSeconds: cpuSecondsSince(cpu0) };
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
