/**
 * The data pipeline of the Telescope Array study: simulate events, keep those that trigger and pass
 * the reconstruction's quality cuts, reconstruct them with the standard fit, estimate their energy
 * from the S800 table, and write them as HDF5 shards of the network's arrays — a shard at a time,
 * so that memory does not grow with the number of events.
 *
 * Used by notebooks/02-telescope-array.ipynb and bench/telescope-array.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Random } from '../../random';
import { progress } from '../../train/progress';
import { fitEnergyTable, energyFromTable, type EnergyTable } from './energy';
import { eventArrays, type EventArrays } from './event';
import { reconstruct, type Observations, type StandardFit } from './reconstruct';
import { writeShard, type ShardInfo } from './shards';
import { simulateEvent, type SimConfig, type SimEvent } from './simulate';
import { Stopwatch } from '../../timer';

/** Quality cuts after the fit (after TA's: ≥ 5 detectors, θ < 45°, pointing error < 5°; the χ² cut is looser here). */
export function passesCuts(fit: StandardFit): boolean {
  return fit.nHit >= 5 && fit.zenith < Math.PI / 4 && fit.sigmaZenith < (5 * Math.PI) / 180 && fit.chi2 / fit.ndf < 20 && Number.isFinite(fit.s800);
}

/** The observations of a simulated event, as the reconstruction sees them. */
export function observationsOf(ev: SimEvent): Observations {
  return {
    x: ev.x,
    y: ev.y,
    state: ev.detectors.map((d) => d.state),
    signal: ev.detectors.map((d) => d.signal),
    time: ev.detectors.map((d) => d.timeNs),
  };
}

/** Simulates events until one triggers and passes the cuts; returns it with its fit and how many were drawn. */
export function nextAccepted(cfg: SimConfig, rng: Random): { ev: SimEvent; fit: StandardFit; drawn: number } {
  for (let drawn = 1; ; drawn++) {
    const ev = simulateEvent(cfg, rng);
    if (!ev.triggered) continue;
    const fit = reconstruct(observationsOf(ev));
    if (passesCuts(fit)) return { ev, fit, drawn };
  }
}

/**
 * Builds the S800 → energy table from `n` accepted nuclei events (their own seed: these events are
 * not used for training).
 */
export function calibrateEnergy(n: number, cfg: SimConfig, rng: Random): EnergyTable {
  const logS = new Float64Array(n);
  const zen = new Float64Array(n);
  const logE = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { ev, fit } = nextAccepted(cfg, rng);
    logS[i] = Math.log10(fit.s800);
    zen[i] = fit.zenith;
    logE[i] = Math.log10(ev.truth.energyEeV);
  }
  return fitEnergyTable(logS, zen, logE);
}

/** Options of {@link generateShards}. */
export interface GenerateOptions {
  /** output folder (created) and file-name prefix: `<dir>/<prefix>-000.h5`, … */
  dir: string;
  prefix: string;
  sim: SimConfig;
  /** accepted events to write */
  events: number;
  /** events per shard */
  shardSize: number;
  /** detector window N (N × N) */
  N: number;
  table: EnergyTable;
  rng: Random;
  /** show a progress line (default true) */
  showProgress?: boolean;
}

/** What {@link generateShards} did. */
export interface GenerateResult {
  shards: ShardInfo[];
  /** events simulated (including those that did not trigger or failed the cuts) */
  simulated: number;
  accepted: number;
  /** seconds spent simulating + reconstructing, and writing */
  seconds: { simulate: number; write: number };
}

/** Simulates, reconstructs and writes events shard by shard. */
export async function generateShards(opts: GenerateOptions): Promise<GenerateResult> {
  const T = opts.sim.T ?? 128;
  fs.mkdirSync(opts.dir, { recursive: true });
  const shards: ShardInfo[] = [];
  const bar = opts.showProgress === false ? null : progress(opts.events, { label: `simulate ${opts.prefix}` });
  let simulated = 0;
  let simSeconds = 0;
  let writeSeconds = 0;
  for (let s = 0, done = 0; done < opts.events; s++) {
    const size = Math.min(opts.shardSize, opts.events - done);
    const clock = new Stopwatch();
    const events: EventArrays[] = [];
    for (let i = 0; i < size; i++) {
      const { ev, fit, drawn } = nextAccepted(opts.sim, opts.rng);
      simulated += drawn;
      const logE = energyFromTable(opts.table, Math.log10(fit.s800), fit.zenith);
      events.push(eventArrays(ev, fit, logE, opts.N, T));
    }
    const simulationSeconds = clock.restart();
    shards.push(await writeShard(path.join(opts.dir, `${opts.prefix}-${String(s).padStart(3, '0')}.h5`), events, opts.N, T));
    simSeconds += simulationSeconds;
    writeSeconds += clock.seconds();
    done += size;
    bar?.update(done, { 'events/s': Math.round(done / simSeconds) });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  bar?.close();
  return { shards, simulated, accepted: opts.events, seconds: { simulate: simSeconds, write: writeSeconds } };
}
