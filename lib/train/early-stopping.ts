/**
 * Early stopping (Keras `EarlyStopping` semantics) and weight snapshots for restoring the best epoch.
 *
 * `EarlyStopping` is pure bookkeeping over a sequence of monitored values; `WeightSnapshot` keeps
 * copies of a set of variables. A snapshot costs no copy of the data: `tensor.clone()` shares the
 * variable's buffer, and the optimizer's `variable.assign(new)` moves the variable to a new buffer,
 * leaving the clone with the old values.
 *
 * Used by `lib/train/loop.ts` (`fit` and `customFit` with `earlyStopping`).
 */
import * as tf from '@tensorflow/tfjs';
import { inferMode } from './history';

/** Options of early stopping. */
export interface EarlyStoppingOptions {
  /** quantity to watch, e.g. `val_loss` (default), `val_acc`, `loss` */
  monitor?: string;
  /** epochs without improvement before stopping (default 10) */
  patience?: number;
  /** smallest change that counts as an improvement (default 0) */
  minDelta?: number;
  /** `min`: lower is better; `max`: higher is better; `auto` (default): `max` for accuracy-like names */
  mode?: 'min' | 'max' | 'auto';
  /** after training, put back the weights of the best epoch (default true) */
  restoreBestWeights?: boolean;
  /** epochs to run before any stopping decision (warm-up; default 0) */
  startFromEpoch?: number;
}

/** What one epoch's value meant. */
export type EarlyStoppingVerdict = 'improved' | 'waiting' | 'stop';

/**
 * Keras semantics: an epoch improves when `value < best − minDelta` (mode `min`) or
 * `value > best + minDelta` (mode `max`); after `patience` epochs in a row without improvement
 * the verdict is `stop`. Non-finite values never improve.
 */
export class EarlyStopping {
  readonly monitor: string;
  readonly patience: number;
  readonly minDelta: number;
  readonly mode: 'min' | 'max';
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** best value so far (±Infinity before the first finite value) */
  best: number;
  /** 1-based epoch of the best value (0 before any) */
  bestEpoch = 0;
  /** epochs since the last improvement */
  wait = 0;

  constructor(opts: EarlyStoppingOptions = {}) {
    this.monitor = opts.monitor ?? 'val_loss';
    this.patience = opts.patience ?? 10;
    this.minDelta = Math.abs(opts.minDelta ?? 0);
    this.mode = !opts.mode || opts.mode === 'auto' ? inferMode(this.monitor) : opts.mode;
    this.restoreBestWeights = opts.restoreBestWeights ?? true;
    this.startFromEpoch = opts.startFromEpoch ?? 0;
    if (!(this.patience >= 0) || !Number.isInteger(this.patience)) throw new RangeError(`EarlyStopping: patience must be an integer ≥ 0, got ${this.patience}`);
    this.best = this.mode === 'min' ? Infinity : -Infinity;
  }

  /** Records the monitored `value` of 1-based `epoch` and says whether it improved or training should stop. */
  update(epoch: number, value: number): EarlyStoppingVerdict {
    if (epoch <= this.startFromEpoch) return 'waiting';
    const better = this.mode === 'min' ? value < this.best - this.minDelta : value > this.best + this.minDelta;
    if (Number.isFinite(value) && better) {
      this.best = value;
      this.bestEpoch = epoch;
      this.wait = 0;
      return 'improved';
    }
    this.wait++;
    return this.wait >= this.patience ? 'stop' : 'waiting';
  }
}

/** Copies of a fixed list of variables, restorable later. Call `dispose()` when done. */
export class WeightSnapshot {
  private copies: tf.Tensor[] | null = null;
  /** the 1-based epoch the copies were taken at (0: none) */
  epoch = 0;

  constructor(private readonly variables: readonly tf.Variable[]) {}

  /** Replaces the stored copies with the variables' current values. */
  take(epoch: number): void {
    this.release();
    this.copies = this.variables.map((v) => tf.keep(v.clone()));
    this.epoch = epoch;
  }

  /** Whether copies are stored. */
  get held(): boolean {
    return this.copies !== null;
  }

  /** Writes the stored copies back into the variables (the copies stay stored). */
  restore(): void {
    if (!this.copies) throw new Error('WeightSnapshot.restore: nothing stored');
    this.variables.forEach((v, i) => v.assign(this.copies![i]));
  }

  /** Frees the stored copies. */
  dispose(): void {
    this.release();
    this.epoch = 0;
  }

  private release(): void {
    if (this.copies) tf.dispose(this.copies);
    this.copies = null;
  }
}
