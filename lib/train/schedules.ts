/**
 * Learning-rate (and momentum) schedules, evaluated once per batch by `fit` / `customFit`.
 *
 * A schedule is a plain function `(step, totalSteps) => value` of the 0-based global batch index
 * `step` (counting across epochs) and the number of batches of the whole run `totalSteps`
 * (epochs × batches per epoch; `NaN` when the data source does not say how many batches an epoch
 * has — schedules over the whole run such as cosine and one-cycle then refuse to run).
 *
 * Used by every notebook that trains a network (`lrSchedule: oneCycle({ lrMax: 3e-3 })`).
 */

/** A value per batch: `step` is the 0-based global batch index, `totalSteps` the run's batch count. */
export type Schedule = (step: number, totalSteps: number) => number;

/** A learning-rate schedule with an optional momentum (Adam: β1) schedule run beside it. */
export interface CycleSchedule {
  lr: Schedule;
  momentum?: Schedule;
}

/** Either a plain learning-rate schedule or one with momentum. */
export type LrSchedule = Schedule | CycleSchedule;

/** Normalises an `LrSchedule` to its `{ lr, momentum }` form. */
export function asCycleSchedule(schedule: LrSchedule): CycleSchedule {
  return typeof schedule === 'function' ? { lr: schedule } : schedule;
}

/** The same learning rate at every step. */
export function constant(lr: number): Schedule {
  checkPositive('constant', 'lr', lr);
  return () => lr;
}

/**
 * Step decay: `lr · factor^⌊step / everySteps⌋` (multiply by `factor` every `everySteps` batches).
 * @param opts.lr initial learning rate
 * @param opts.factor multiplier applied at each drop (default 0.1)
 * @param opts.everySteps batches between drops (e.g. `10 * batchesPerEpoch` for every 10 epochs)
 */
export function stepDecay(opts: { lr: number; factor?: number; everySteps: number }): Schedule {
  const { lr, factor = 0.1, everySteps } = opts;
  checkPositive('stepDecay', 'lr', lr);
  checkPositive('stepDecay', 'everySteps', everySteps);
  return (step) => lr * Math.pow(factor, Math.floor(step / everySteps));
}

/**
 * Exponential decay as in Keras `ExponentialDecay`: `lr · rate^(step / decaySteps)`, or with
 * `staircase` `lr · rate^⌊step / decaySteps⌋`.
 */
export function exponentialDecay(opts: { lr: number; rate: number; decaySteps: number; staircase?: boolean }): Schedule {
  const { lr, rate, decaySteps, staircase = false } = opts;
  checkPositive('exponentialDecay', 'lr', lr);
  checkPositive('exponentialDecay', 'rate', rate);
  checkPositive('exponentialDecay', 'decaySteps', decaySteps);
  return (step) => {
    const p = step / decaySteps;
    return lr * Math.pow(rate, staircase ? Math.floor(p) : p);
  };
}

/**
 * Cosine annealing over the whole run (Loshchilov & Hutter 2017, "SGDR", eq. 5, without restarts):
 * `lrMin + ½ (lr − lrMin) (1 + cos(π t / T))`, with an optional linear warm-up from `lr / warmupSteps`
 * to `lr` over the first `warmupSteps` batches (Goyal et al. 2017).
 */
export function cosineDecay(opts: { lr: number; lrMin?: number; warmupSteps?: number }): Schedule {
  const { lr, lrMin = 0, warmupSteps = 0 } = opts;
  checkPositive('cosineDecay', 'lr', lr);
  return (step, totalSteps) => {
    requireTotal('cosineDecay', totalSteps);
    if (step < warmupSteps) return (lr * (step + 1)) / warmupSteps;
    const t = Math.min(1, (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
    return lrMin + 0.5 * (lr - lrMin) * (1 + Math.cos(Math.PI * t));
  };
}

/** Options of `oneCycle`; defaults are fastai's `fit_one_cycle`. */
export interface OneCycleOptions {
  /** peak learning rate */
  lrMax: number;
  /** fraction of the run spent warming up (default 0.25) */
  pctStart?: number;
  /** the run starts at `lrMax / divFactor` (default 25) */
  divFactor?: number;
  /** the run ends at `lrMax / finalDiv` (default 1e5) */
  finalDiv?: number;
  /** momentum (Adam: β1) at start, at the peak and at the end (default [0.95, 0.85, 0.95]); `null`: leave it alone */
  moms?: readonly [number, number, number] | null;
}

/**
 * The one-cycle policy (Smith 2018, "A disciplined approach to neural network hyper-parameters",
 * arXiv:1803.09820) in fastai's form (`fit_one_cycle`, `combined_cos`): the learning rate rises from
 * `lrMax/divFactor` to `lrMax` over the first `pctStart` of the run along a half cosine, then falls
 * along a half cosine to `lrMax/finalDiv`; momentum moves the opposite way (0.95 → 0.85 → 0.95).
 * The position is `step / totalSteps`, as in fastai's `ParamScheduler`.
 */
export function oneCycle(opts: OneCycleOptions): CycleSchedule {
  const { lrMax, pctStart = 0.25, divFactor = 25, finalDiv = 1e5 } = opts;
  const moms = opts.moms === undefined ? ([0.95, 0.85, 0.95] as const) : opts.moms;
  checkPositive('oneCycle', 'lrMax', lrMax);
  if (!(pctStart > 0 && pctStart < 1)) throw new RangeError(`oneCycle: pctStart must be in (0, 1), got ${pctStart}`);
  const lr = combinedCos(pctStart, lrMax / divFactor, lrMax, lrMax / finalDiv);
  const momentum = moms ? combinedCos(pctStart, moms[0], moms[1], moms[2]) : undefined;
  const wrap = (f: (pos: number) => number): Schedule => (step, totalSteps) => {
    requireTotal('oneCycle', totalSteps);
    return f(Math.min(1, step / totalSteps));
  };
  return momentum ? { lr: wrap(lr), momentum: wrap(momentum) } : { lr: wrap(lr) };
}

/** fastai's `SchedCos(start, end)(pos)`: half-cosine from `start` (pos 0) to `end` (pos 1). */
export function cosineRamp(start: number, end: number, pos: number): number {
  return start + ((1 + Math.cos(Math.PI * (1 - pos))) * (end - start)) / 2;
}

/** fastai's `combined_cos(pct, start, middle, end)`: start → middle over [0, pct], middle → end over [pct, 1]. */
function combinedCos(pct: number, start: number, middle: number, end: number): (pos: number) => number {
  return (pos) => (pos < pct ? cosineRamp(start, middle, pos / pct) : cosineRamp(middle, end, (pos - pct) / (1 - pct)));
}

function requireTotal(name: string, totalSteps: number): void {
  if (!(totalSteps > 0) || !Number.isFinite(totalSteps)) {
    throw new RangeError(
      `${name}: the schedule needs the number of batches of the run, which is unknown (give the BatchSource ` +
        '`batchesPerEpoch`, or `size` with a fixed batch size)',
    );
  }
}

function checkPositive(fn: string, name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${value}`);
}
