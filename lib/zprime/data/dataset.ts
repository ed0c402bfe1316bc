/**
 * The data set of notebook 05-zprime: simulated (or loaded) event tables streamed chunk by chunk into
 * the compact feature table, the stratified train / validation / test split (each part's weights
 * rescaled so it still counts the events expected in the luminosity), the first rows of a table (the
 * subsets the variants and searches train on), and the masses of a selection of events.
 *
 * Used by notebook 05-zprime and `bench/zprime.ts`.
 */
import type { Random } from '../../random';
import { Stopwatch } from '../../timer';
import type { EventTable } from './events';
import { concatFeatures, extractFeatures, takeFeatures, type FeatureSet } from './features';
import { simulateChunks } from './simulator';

/** Streams event tables (simulator or loader chunks) into one feature table; only the features are kept. */
export async function featuresFromChunks(chunks: Iterable<EventTable> | AsyncIterable<EventTable>, lumiFb: number): Promise<FeatureSet> {
  const parts: FeatureSet[] = [];
  for await (const t of chunks) parts.push(extractFeatures(t, lumiFb));
  return concatFeatures(parts);
}

/** Train / validation / test feature tables. */
export interface Split {
  train: FeatureSet;
  validation: FeatureSet;
  test: FeatureSet;
}

/** Stratified split; each part's weights are divided by its fraction, so each estimates the full luminosity. */
export function splitFeatures(f: FeatureSet, fractions: { validation: number; test: number }, rng: Random): Split {
  const idx = rng.split(f.n, fractions, f.label);
  const trainFraction = 1 - fractions.validation - fractions.test;
  return {
    train: takeFeatures(f, idx.train, 1 / trainFraction),
    validation: takeFeatures(f, idx.validation, 1 / fractions.validation),
    test: takeFeatures(f, idx.test, 1 / fractions.test),
  };
}

/** The first `n` rows of a table (all of them when it has fewer); weights unchanged. */
export function firstRows(f: FeatureSet, n: number): FeatureSet {
  return takeFeatures(f, Int32Array.from({ length: Math.min(n, f.n) }, (_, i) => i));
}

/** The simulated sample of a run: every event's features, their split, and the simulation's seconds. */
export interface ZprimeData {
  all: FeatureSet;
  split: Split;
  simulationSeconds: number;
}

/** The split of notebook 05: 55 % train, 15 % validation, 30 % test. */
export const SPLIT_FRACTIONS = { validation: 0.15, test: 0.3 } as const;

/**
 * Simulates `nEvents` events in chunks of `chunk` (weights for `lumiFb` fb⁻¹), reduces each chunk to
 * features at once, and splits them (draws from `rng.fork('simulate')` and `rng.fork('split')`).
 */
export async function simulateZprimeData(s: { nEvents: number; chunk: number; lumiFb: number }, rng: Random): Promise<ZprimeData> {
  const clock = new Stopwatch();
  const all = await featuresFromChunks(simulateChunks({ nEvents: s.nEvents, chunkSize: s.chunk, rng: rng.fork('simulate') }), s.lumiFb);
  const simulationSeconds = clock.seconds();
  return { all, split: splitFeatures(all, SPLIT_FRACTIONS, rng.fork('split')), simulationSeconds };
}

/** Number of signal events (label 1) of a table. */
export function signalCount(f: FeatureSet): number {
  return f.label.reduce((s, v) => s + v, 0);
}

/** Values (GeV) of a mass column for the events selected by `keep`, finite only. */
export function massesWhere(mass: Float32Array, keep: (i: number) => boolean): Float32Array {
  const out: number[] = [];
  for (let i = 0; i < mass.length; i++) if (keep(i) && Number.isFinite(mass[i])) out.push(mass[i]);
  return Float32Array.from(out);
}

/** A mass column (GeV) split into background and signal events, finite values only. */
export function massesByClass(f: FeatureSet, mass: Float32Array): { background: Float32Array; signal: Float32Array } {
  return { background: massesWhere(mass, (i) => f.label[i] === 0), signal: massesWhere(mass, (i) => f.label[i] === 1) };
}

/** Counts of a run's sample: events, signal events, training and test events, simulation seconds. */
export function dataSummary(d: ZprimeData): { events: number; signal: number; train: number; test: number; seconds: number } {
  return { events: d.all.n, signal: signalCount(d.all), train: d.split.train.n, test: d.split.test.n, seconds: +d.simulationSeconds.toFixed(1) };
}
