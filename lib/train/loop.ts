/**
 * The epoch loop shared by `fit` (tf.LayersModel) and `customFit` (a loss function of your own):
 * seeded per-epoch batch order, per-batch learning-rate / momentum schedules, validation, early
 * stopping with best-weight restore, progress display, callbacks and the `History` table.
 *
 * A `Trainer` supplies what differs: how one batch is trained and evaluated.
 * Used by `lib/train/fit.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../random';
import type { BatchSource } from './batches';
import { EarlyStopping, WeightSnapshot, type EarlyStoppingOptions } from './early-stopping';
import { History, type EpochRecord, type StopReason } from './history';
import { getLearningRate, getMomentum, setLearningRate, setMomentum } from './optimizer-params';
import { Progress, type ProgressMode, type TextSink } from './progress';
import { formatFields } from './progress-format';
import { asCycleSchedule, type CycleSchedule, type LrSchedule } from './schedules';

/** What happens at the end of a batch or an epoch. */
export interface TrainCallbacks {
  /** after each training batch, with the batch's loss and metric values */
  onBatchEnd?(info: { epoch: number; batch: number; step: number; values: Readonly<Record<string, number>> }): void | Promise<void>;
  /** after each epoch (1-based `row.epoch`); return `true` to stop training */
  onEpochEnd?(row: Readonly<EpochRecord>, history: History): void | boolean | Promise<void | boolean>;
}

/** Options shared by `fit` and `customFit`. */
export interface TrainOptions {
  /** number of passes over the training data */
  epochs: number;
  /** seeded generator: epoch e's batch order comes from `rng.fork('epoch e')` */
  rng: Random;
  /** learning rate (and momentum) per batch; see `lib/train/schedules.ts` */
  lrSchedule?: LrSchedule;
  /** stop when the monitored quantity stops improving; restores the best weights by default */
  earlyStopping?: EarlyStoppingOptions;
  callbacks?: TrainCallbacks;
  /** progress display (default `auto`: notebook line, terminal bar or a log line every 10 %) */
  progress?: ProgressMode;
  /** where text goes (default `process.stdout`) */
  stream?: TextSink;
  /** label of the progress line (default `train`) */
  label?: string;
  /** also write one summary line per epoch (default false) */
  verbose?: boolean;
  /** stop at the first batch whose loss is NaN or infinite (default true) */
  terminateOnNaN?: boolean;
}

/** How one batch is trained and evaluated; values are plain numbers already read from the device. */
export interface Trainer<B> {
  optimizer: tf.Optimizer;
  /** every variable whose value defines the model (snapshotted for best-weight restore) */
  variables: readonly tf.Variable[];
  /** one optimizer step; returns `loss` and any metrics of the batch */
  trainBatch(batch: B, ctx: { epoch: number; step: number }): Promise<Record<string, number>>;
  /** loss and metrics without training */
  evalBatch(batch: B, ctx: { epoch: number }): Promise<Record<string, number>>;
  /** samples in the batch (weights the epoch means) */
  batchLength(batch: B): number;
  /** frees the batch's tensors */
  disposeBatch(batch: B): void;
}

/** Running, sample-weighted means of named values. */
class Means {
  private sums = new Map<string, number>();
  private count = 0;
  add(values: Readonly<Record<string, number>>, n: number): void {
    for (const [k, v] of Object.entries(values)) this.sums.set(k, (this.sums.get(k) ?? 0) + v * n);
    this.count += n;
  }
  get empty(): boolean {
    return this.count === 0;
  }
  values(prefix = ''): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, s] of this.sums) out[prefix + k] = s / this.count;
    return out;
  }
}

/** Lets pending I/O (stdout, the notebook's messages) through during a long synchronous-ish loop. */
function makeYielder(intervalMs = 50): () => Promise<void> {
  let last = performance.now();
  return async () => {
    const now = performance.now();
    if (now - last < intervalMs) return;
    last = now;
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
}

/** Runs the epoch loop; see `TrainOptions`. Returns the per-epoch history. */
export async function runTraining<B>(
  trainer: Trainer<B>,
  data: { train: BatchSource<B>; validation?: BatchSource<B> },
  opts: TrainOptions,
): Promise<History> {
  const run = new TrainingRun(trainer, data, opts);
  try {
    for (let epoch = 0; epoch < opts.epochs && !run.history.stopReason; epoch++) {
      const t0 = performance.now();
      const train = await run.trainEpoch(epoch);
      await run.endEpoch(epoch, train, (performance.now() - t0) / 1000);
    }
    run.restoreBest();
  } finally {
    run.dispose();
  }
  return run.history;
}

/** The state of one training run between epochs. */
class TrainingRun<B> {
  readonly history = new History();
  private readonly stopper?: EarlyStopping;
  private readonly snapshot?: WeightSnapshot;
  private readonly schedule?: CycleSchedule;
  private readonly bar: Progress;
  private readonly stream: TextSink;
  private readonly yieldNow = makeYielder();
  private batchesPerEpoch?: number;
  private totalSteps: number;
  private step = 0;
  private momentumSet = false;
  private lastVal: Record<string, number> = {};

  constructor(
    private readonly trainer: Trainer<B>,
    private readonly data: { train: BatchSource<B>; validation?: BatchSource<B> },
    private readonly opts: TrainOptions,
  ) {
    const { epochs } = opts;
    if (!(epochs >= 1) || !Number.isInteger(epochs)) throw new RangeError(`training: epochs must be a positive integer, got ${epochs}`);
    if (opts.earlyStopping) {
      this.stopper = new EarlyStopping(opts.earlyStopping);
      if (this.stopper.monitor.startsWith('val_') && !data.validation) {
        throw new Error(`earlyStopping monitors "${this.stopper.monitor}" but there is no validation data (monitor "loss" instead, or pass validation)`);
      }
      [this.history.monitor, this.history.mode] = [this.stopper.monitor, this.stopper.mode];
      if (this.stopper.restoreBestWeights) this.snapshot = new WeightSnapshot(trainer.variables);
    }
    this.schedule = opts.lrSchedule ? asCycleSchedule(opts.lrSchedule) : undefined;
    this.batchesPerEpoch = data.train.batchesPerEpoch;
    this.totalSteps = this.batchesPerEpoch !== undefined ? epochs * this.batchesPerEpoch : NaN;
    this.stream = opts.stream ?? process.stdout;
    const total = Number.isFinite(this.totalSteps) ? this.totalSteps : undefined;
    this.bar = new Progress(total, { label: opts.label ?? 'train', mode: opts.progress, stream: this.stream });
  }

  /** Trains on every batch of 0-based `epoch`; returns the epoch's mean loss and metrics. */
  async trainEpoch(epoch: number): Promise<Record<string, number>> {
    const { trainer, opts } = this;
    const means = new Means();
    let batch = 0;
    for await (const b of this.data.train.batches(epoch, opts.rng.fork(`epoch ${epoch}`))) {
      let values: Record<string, number>;
      let n: number;
      try {
        if (this.schedule) this.momentumSet = applySchedule(trainer.optimizer, this.schedule, this.step, this.totalSteps) || this.momentumSet;
        n = trainer.batchLength(b);
        values = await trainer.trainBatch(b, { epoch, step: this.step });
      } finally {
        trainer.disposeBatch(b);
      }
      means.add(values, n);
      this.step++;
      batch++;
      await opts.callbacks?.onBatchEnd?.({ epoch: epoch + 1, batch, step: this.step, values });
      const fields = { epoch: `${epoch + 1}/${opts.epochs}`, batch: `${batch}/${this.batchesPerEpoch ?? '?'}` };
      this.bar.update(this.step, { ...fields, ...means.values(), ...this.lastVal });
      if ((opts.terminateOnNaN ?? true) && !Number.isFinite(values.loss)) {
        this.stop('nan-loss', epoch + 1);
        break;
      }
      await this.yieldNow();
    }
    if (means.empty) throw new Error(`training: epoch ${epoch + 1} produced no batches`);
    if (this.batchesPerEpoch === undefined) {
      this.batchesPerEpoch = batch;
      this.totalSteps = opts.epochs * batch;
      this.bar.setTotal(this.totalSteps);
    }
    return means.values();
  }

  /** Validation, the history row, early stopping and callbacks at the end of 0-based `epoch`. */
  async endEpoch(epoch: number, train: Record<string, number>, seconds: number): Promise<void> {
    const { opts, history, stopper } = this;
    const validation = this.data.validation;
    this.lastVal = validation && !history.stopReason ? await validate(this.trainer, validation, epoch, opts.rng) : {};
    const row = epochRow(epoch + 1, train, this.lastVal, this.trainer.optimizer, this.momentumSet, seconds);
    history.push(row);
    if (opts.verbose) this.stream.write(`epoch ${epoch + 1}/${opts.epochs}  ${formatFields(withoutEpoch(row))}\n`);
    const last = epoch + 1 === opts.epochs;
    if (stopper && !history.stopReason) {
      const value = row[stopper.monitor];
      if (value === undefined) throw new Error(`earlyStopping: no "${stopper.monitor}" among ${Object.keys(row).join(', ')}`);
      const verdict = stopper.update(row.epoch, value);
      if (verdict === 'improved') this.snapshot?.take(row.epoch);
      if (verdict === 'stop' && !last) this.stop('early-stopping', row.epoch);
    }
    const stopAsked = (await opts.callbacks?.onEpochEnd?.(row, history)) === true;
    if (stopAsked && !history.stopReason && !last) this.stop('callback', row.epoch);
    await this.yieldNow();
  }

  /** Puts back the best epoch's weights when early stopping kept them. */
  restoreBest(): void {
    if (!this.snapshot?.held) return;
    this.snapshot.restore();
    this.history.restoredEpoch = this.snapshot.epoch;
  }

  /** Frees the snapshot and shows the final progress line. */
  dispose(): void {
    this.snapshot?.dispose();
    this.bar.close(closingFields(this.history));
  }

  private stop(reason: StopReason, epoch: number): void {
    [this.history.stopReason, this.history.stoppedEpoch] = [reason, epoch];
  }
}

async function validate<B>(trainer: Trainer<B>, source: BatchSource<B>, epoch: number, rng: Random): Promise<Record<string, number>> {
  const means = new Means();
  for await (const b of source.batches(epoch, rng.fork(`validation ${epoch}`))) {
    try {
      means.add(await trainer.evalBatch(b, { epoch }), trainer.batchLength(b));
    } finally {
      trainer.disposeBatch(b);
    }
  }
  return means.values('val_');
}

function epochRow(
  epoch: number,
  train: Record<string, number>,
  val: Record<string, number>,
  optimizer: tf.Optimizer,
  withMomentum: boolean,
  seconds: number,
): EpochRecord {
  const row: EpochRecord = { epoch, loss: train.loss, ...train, ...val, seconds };
  const lr = safe(() => getLearningRate(optimizer));
  if (lr !== undefined) row.lr = lr;
  const momentum = withMomentum ? safe(() => getMomentum(optimizer)) : undefined;
  if (momentum !== undefined) row.momentum = momentum;
  row.seconds = seconds; // keep `seconds` last
  return row;
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** Sets the schedule's learning rate (and momentum) for `step`; says whether a momentum was set. */
function applySchedule(optimizer: tf.Optimizer, schedule: CycleSchedule, step: number, totalSteps: number): boolean {
  setLearningRate(optimizer, checkScheduleValue(schedule.lr(step, totalSteps), 'learning rate', step));
  return schedule.momentum ? setMomentum(optimizer, checkScheduleValue(schedule.momentum(step, totalSteps), 'momentum', step)) : false;
}

function checkScheduleValue(value: number, what: string, step: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`lrSchedule: ${what} at step ${step} is ${value}`);
  return value;
}

function withoutEpoch(row: EpochRecord): Record<string, number | string> {
  const { epoch: _epoch, seconds, ...rest } = row;
  return { ...rest, time: `${seconds.toFixed(1)} s` };
}

function closingFields(history: History): Record<string, number | string> {
  const last = history.last();
  if (!last) return {};
  const { epoch, seconds: _s, lr: _lr, momentum: _m, ...values } = last;
  const fields: Record<string, number | string> = { epoch, ...values };
  if (history.stopReason) fields.stopped = history.stopReason;
  if (history.restoredEpoch !== undefined) fields['best epoch'] = history.restoredEpoch;
  return fields;
}

