/**
 * The Z′ event simulator: events shaped like the ATLAS Open Data 13 TeV ntuples (see `events.ts`),
 * drawn from the processes of `processes.ts` in the proportions of their `fraction` and reconstructed
 * by `detector.ts`, in chunks so that a million events stream in bounded memory.
 *
 *     for (const chunk of simulateChunks({ nEvents: 1e6, chunkSize: 1e5, rng: new Random(8) })) { ... }
 *
 * Each chunk uses its own generator forked from `rng` by chunk index, so chunk k is the same whatever
 * is done with the others. Weights: mcWeight ≈ 1 (a 5 % spread, as NLO generator weights),
 * XSection from the process, SumWeights = the expected number of generated events of the process.
 *
 * Used by notebook 05-zprime and the Z′ tests.
 */
import type { Random } from '../../random';
import { reconstruct } from './detector';
import { EventTableBuilder, type EventTable } from './events';
import { defaultProcesses, type ProcessSpec } from './processes';

/** Options of {@link simulateChunks}. */
export interface SimulateOptions {
  /** Total number of events. */
  nEvents: number;
  /** Events per chunk (default 100 000). */
  chunkSize?: number;
  /** Seeded generator. */
  rng: Random;
  /** Processes (default `defaultProcesses()`: 1 % signal). */
  processes?: readonly ProcessSpec[];
}

/** Yields the events in tables of at most `chunkSize` events. */
export function* simulateChunks(opts: SimulateOptions): Generator<EventTable, void, undefined> {
  const { nEvents, chunkSize = 100_000, rng } = opts;
  if (!(Number.isInteger(nEvents) && nEvents > 0)) throw new RangeError(`simulateChunks: nEvents must be a positive integer, got ${nEvents}`);
  const processes = opts.processes ?? defaultProcesses();
  const names = processes.map((p) => p.name);
  const total = processes.reduce((s, p) => s + p.fraction, 0);
  const cumulative = processes.map((_, i) => processes.slice(0, i + 1).reduce((s, p) => s + p.fraction, 0) / total);
  const sumWeights = processes.map((p) => (nEvents * p.fraction) / total);
  for (let start = 0, k = 0; start < nEvents; start += chunkSize, k++) {
    const r = rng.fork(`chunk ${k}`);
    const builder = new EventTableBuilder(names);
    const end = Math.min(nEvents, start + chunkSize);
    for (let e = start; e < end; e++) {
      const u = r.random();
      let p = 0;
      while (p < processes.length - 1 && u >= cumulative[p]) p++;
      const proc = processes[p];
      builder.push({
        ...reconstruct(proc.generate(r), r),
        mcWeight: r.normal(1, 0.05),
        XSection: proc.xsecPb,
        SumWeights: sumWeights[p],
        process: p,
        label: proc.signal ? 1 : 0,
      });
    }
    yield builder.build();
  }
}

/** All `nEvents` events in one table (for small samples; use `simulateChunks` to stream). */
export function simulateEvents(opts: SimulateOptions): EventTable {
  const chunks = [...simulateChunks({ ...opts, chunkSize: opts.nEvents })];
  return chunks[0];
}
