/**
 * Timing one engine (a tfjs backend) on one workload: ms per training epoch.
 *
 * Fast engines run one warm-up epoch and then `epochs` full timed epochs (we keep the minimum, the
 * usual estimate on a shared, noisy machine; CPU time is recorded beside wall time). Slow engines (tfjs `cpu`: minutes per CNN epoch) get a
 * time budget: they train on growing prefixes of the data (8, 16, 32, … samples) while the budget
 * lasts, and the epoch time is extrapolated linearly from the largest prefix timed.
 *
 * Used by `bench/run.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel, makeData, type WorkloadSpec } from './models';

/** The result of timing one engine on one workload. */
export interface EpochTiming {
  /** ms per epoch: minimum over the timed epochs, or the extrapolated estimate. */
  ms: number;
  /** CPU time of this process per epoch (ms, all threads; same epoch choice as `ms`): on a shared
   * machine it tracks the uncontended wall time of single-threaded code better than wall time does. */
  cpuMs: number;
  /** Every timed epoch (ms); empty when extrapolated. */
  epochsMs: number[];
  /** Training loss after the last timed epoch (NaN when extrapolated from a prefix). */
  loss: number;
  /** Set when `ms` is extrapolated from `samplesTimed` samples. */
  extrapolatedFrom?: number;
}

/** Trains `samples` samples once (no shuffling); wall and CPU time in ms, and the loss. */
async function fitOnce(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, samples: number, batchSize: number): Promise<{ ms: number; cpuMs: number; loss: number }> {
  const xs = samples < x.shape[0] ? x.slice(0, samples) : x;
  const ys = samples < y.shape[0] ? y.slice(0, samples) : y;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const history = await model.fit(xs, ys, { epochs: 1, batchSize: Math.min(batchSize, samples), shuffle: false, verbose: 0 });
  const cpu = process.cpuUsage(cpuStart);
  const ms = performance.now() - start;
  if (xs !== x) tf.dispose([xs, ys]);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, loss: Number(history.history.loss[0]) };
}

/**
 * Wall ms of the fastest of `epochs` full epochs of `model` on (x, y) after one warm-up epoch, and the
 * mean CPU ms per timed epoch. Used by the studies' benchmarks for their own models.
 */
export async function timeEpochs(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, batchSize: number, epochs: number): Promise<{ ms: number; cpuMs: number }> {
  const samples = x.shape[0];
  await fitOnce(model, x, y, samples, batchSize); // warm-up
  const runs = [];
  for (let e = 0; e < epochs; e++) runs.push(await fitOnce(model, x, y, samples, batchSize));
  return { ms: Math.min(...runs.map((r) => r.ms)), cpuMs: runs.reduce((s, r) => s + r.cpuMs, 0) / runs.length };
}

/**
 * Times a workload on the active tfjs backend.
 * @param epochs timed full epochs after the warm-up (when there is no budget)
 * @param budgetMs if set, extrapolate from prefixes of the data instead of running full epochs
 */
export async function timeWorkload(spec: WorkloadSpec, epochs: number, budgetMs?: number): Promise<EpochTiming> {
  const { x, y } = makeData(spec);
  const model = buildModel(spec);
  try {
    if (budgetMs === undefined) {
      await fitOnce(model, x, y, spec.samples, spec.batchSize); // warm-up epoch
      const runs = [];
      for (let e = 0; e < epochs; e++) runs.push(await fitOnce(model, x, y, spec.samples, spec.batchSize));
      const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
      return { ms: best.ms, cpuMs: Math.min(...runs.map((r) => r.cpuMs)), epochsMs: runs.map((r) => r.ms), loss: runs[runs.length - 1].loss };
    }
    return await extrapolate(model, x, y, spec, budgetMs);
  } finally {
    model.optimizer.dispose(); // Adam's moment estimates (model.dispose() keeps them)
    model.dispose();
    tf.dispose([x, y]);
  }
}

async function extrapolate(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, spec: WorkloadSpec, budgetMs: number): Promise<EpochTiming> {
  const start = performance.now();
  let samples = Math.min(8, spec.samples);
  await fitOnce(model, x, y, samples, spec.batchSize); // warm-up
  let last = await fitOnce(model, x, y, samples, spec.batchSize);
  while (samples < spec.samples) {
    const next = Math.min(spec.samples, samples * 2);
    const projected = (last.ms * next) / samples;
    if (performance.now() - start + projected > budgetMs) break;
    samples = next;
    last = await fitOnce(model, x, y, samples, spec.batchSize);
  }
  const scale = spec.samples / samples;
  if (samples === spec.samples) return { ms: last.ms, cpuMs: last.cpuMs, epochsMs: [last.ms], loss: last.loss };
  return { ms: last.ms * scale, cpuMs: last.cpuMs * scale, epochsMs: [], loss: NaN, extrapolatedFrom: samples };
}
