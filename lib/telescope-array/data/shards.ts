/**
 * HDF5 shards of Telescope Array events (through `lib/io`'s h5wasm wrapper, written atomically):
 *
 *   /waveforms  float32 [n, N, N, T, 2]   VEM per 20 ns bin, upper and lower layer
 *   /detectors  float32 [n, N, N, F]      DETECTOR_FEATURES
 *   /standard   float32 [n, P]            STANDARD_FEATURES (the standard fit)
 *   /truth      float32 [n, Q]            TRUTH_FEATURES
 *   /targets    float32 [n, 3]            TARGETS (truth − standard)
 *   root attributes: format, N, T, binNs, gridSpacingM and the feature-name lists
 *
 * `openShard` checks the layout of a file produced elsewhere and fails with a DataFormatError that
 * names the file, the dataset and what was expected; `readRows` reads a block of events.
 * Used by `generate.ts`, `stream.ts` and notebooks/02-telescope-array.ipynb.
 */
import { expectDataset, openHdf5, withHdf5, type Hdf5File } from '../../io/hdf5';
import { DataFormatError } from '../../io/errors';
import { BIN_NS } from './detector';
import { DETECTOR_FEATURES, STANDARD_FEATURES, TARGETS, TRUTH_FEATURES, type EventArrays } from './event';
import { GRID_SPACING_M } from './simulate';

/** The `format` attribute of our shards. */
export const SHARD_FORMAT = 'ta-sd-events-v1';

/** A shard's path and sizes. */
export interface ShardInfo {
  path: string;
  /** number of events */
  n: number;
  /** detectors per side of the window, trace length */
  N: number;
  T: number;
}

/** A block of consecutive events, each field row-major with `n` rows. */
export interface EventBlock extends EventArrays {
  n: number;
}

/** Concatenates events into one block. */
export function stackEvents(events: readonly EventArrays[]): EventBlock {
  const cat = (key: keyof EventArrays) => {
    const size = events[0][key].length;
    const out = new Float32Array(events.length * size);
    events.forEach((e, i) => out.set(e[key], i * size));
    return out;
  };
  return { n: events.length, waveforms: cat('waveforms'), detectors: cat('detectors'), standard: cat('standard'), truth: cat('truth'), targets: cat('targets') };
}

/**
 * Writes events to a shard (atomically: the file appears only when complete).
 * @param compression gzip level for the waveforms (default 1; the traces are mostly zeros)
 */
export async function writeShard(path: string, events: readonly EventArrays[], N: number, T: number, compression = 1): Promise<ShardInfo> {
  if (events.length === 0) throw new RangeError('writeShard: no events');
  const b = stackEvents(events);
  const n = b.n;
  await withHdf5(path, 'w', (f) => {
    f.writeDataset('waveforms', b.waveforms, [n, N, N, T, 2], { compression });
    f.writeDataset('detectors', b.detectors, [n, N, N, DETECTOR_FEATURES.length]);
    f.writeDataset('standard', b.standard, [n, STANDARD_FEATURES.length]);
    f.writeDataset('truth', b.truth, [n, TRUTH_FEATURES.length]);
    f.writeDataset('targets', b.targets, [n, TARGETS.length]);
    f.writeAttr('/', 'format', SHARD_FORMAT);
    f.writeAttr('/', 'N', N);
    f.writeAttr('/', 'T', T);
    f.writeAttr('/', 'binNs', BIN_NS);
    f.writeAttr('/', 'gridSpacingM', GRID_SPACING_M);
    f.writeAttr('/', 'detectorFeatures', [...DETECTOR_FEATURES]);
    f.writeAttr('/', 'standardFeatures', [...STANDARD_FEATURES]);
    f.writeAttr('/', 'truthFeatures', [...TRUTH_FEATURES]);
    f.writeAttr('/', 'targets', [...TARGETS]);
  });
  return { path, n, N, T };
}

/** Checks an open file's layout and returns its sizes; DataFormatError on a missing dataset, wrong shape or dtype. */
export function checkLayout(f: Hdf5File): ShardInfo {
  const wf = expectDataset(f, 'waveforms', { shape: [null, null, null, null, 2], dtype: '<f4' });
  const [n, N, N2, T] = wf.shape;
  if (N2 !== N) throw new DataFormatError({ file: f.path, context: 'dataset "/waveforms"', expected: 'a square N × N detector window', got: `${N} × ${N2}` });
  expectDataset(f, 'detectors', { shape: [n, N, N, DETECTOR_FEATURES.length], dtype: '<f4' });
  expectDataset(f, 'standard', { shape: [n, STANDARD_FEATURES.length], dtype: '<f4' });
  expectDataset(f, 'truth', { shape: [n, TRUTH_FEATURES.length], dtype: '<f4' });
  expectDataset(f, 'targets', { shape: [n, TARGETS.length], dtype: '<f4' });
  return { path: f.path, n, N, T };
}

/** Opens a shard only to check its layout (see {@link checkLayout}). */
export async function openShard(path: string): Promise<ShardInfo> {
  return withHdf5(path, 'r', checkLayout);
}

/** Reads events [start, stop) of an open shard. */
export function readRows(f: Hdf5File, start: number, stop: number): EventBlock {
  const rows: [number, number][] = [[start, stop]];
  const get = (name: string) => f.readSlice(name, rows).data as Float32Array;
  return { n: stop - start, waveforms: get('waveforms'), detectors: get('detectors'), standard: get('standard'), truth: get('truth'), targets: get('targets') };
}

/** Reads the small per-event arrays (no waveforms) of whole shards: for analysis of a test set. */
export async function readSummaries(shards: readonly ShardInfo[]): Promise<Omit<EventBlock, 'waveforms' | 'detectors'>> {
  const parts: { standard: Float32Array; truth: Float32Array; targets: Float32Array }[] = [];
  for (const s of shards) {
    const f = await openHdf5(s.path, 'r');
    try {
      parts.push({ standard: f.readDataset('standard').data as Float32Array, truth: f.readDataset('truth').data as Float32Array, targets: f.readDataset('targets').data as Float32Array });
    } finally {
      f.close();
    }
  }
  const cat = (key: 'standard' | 'truth' | 'targets') => {
    const out = new Float32Array(parts.reduce((a, p) => a + p[key].length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p[key], at);
      at += p[key].length;
    }
    return out;
  };
  return { n: shards.reduce((a, s) => a + s.n, 0), standard: cat('standard'), truth: cat('truth'), targets: cat('targets') };
}
