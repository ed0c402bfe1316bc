/**
 * Training entry points: `fit` for a compiled tf.LayersModel and `customFit` for a loss of your
 * own (a VAE's reconstruction + KL, a focal loss, an adversarial term), both over the same loop
 * (`lib/train/loop.ts`): seeded shuffling, schedules, early stopping, progress and `History`.
 *
 * `fit` runs tfjs's own compiled train function batch by batch (the one `model.fit` uses), so
 * losses, metrics and regularisers are exactly tfjs's, while the batch order, the learning rate
 * and the display are ours. Per-sample and class weights reach the loss as tfjs's sample weights.
 *
 * Used by every notebook that trains a network.
 */
import * as tf from '@tensorflow/tfjs';
import {
  batchLength,
  disposeBatch,
  fromArrays,
  tensorsOf,
  type ArrayData,
  type Batch,
  type BatchInputs,
  type BatchSource,
} from './batches';
import type { History } from './history';
import { runTraining, type Trainer, type TrainOptions } from './loop';

/**
 * Training and optional validation data: batch sources, or in-memory arrays batched with `batchSize`.
 * Validation losses and metrics are unweighted means over samples (sample and class weights apply to training).
 */
export interface FitData<B = Batch> {
  train: BatchSource<B> | ArrayData;
  validation?: BatchSource<B> | ArrayData;
}

/** Options of `fit`. */
export interface FitOptions extends TrainOptions {
  /** samples per batch for in-memory arrays (default 32; a BatchSource makes its own batches) */
  batchSize?: number;
  /** weight of each class in the loss, by class index (classes not listed weigh 1); labels are
   * read from the first output's targets: a class index ([b] or [b, 1]) or one-hot ([b, k]) */
  classWeight?: Readonly<Record<number, number>>;
  /**
   * Splits each training batch into slices of at most `microBatch` samples, sums their gradients and
   * takes one optimizer step per batch: the update of the whole batch (the loss is a mean over
   * samples) with the memory of a slice. Validation runs in slices of this size too. Not with sample
   * or class weights, nor with regularisers.
   */
  microBatch?: number;
}

type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

interface LayersInternals {
  makeTrainFunction(): (data: tf.Tensor[]) => tf.Scalar[];
  getDedupedMetricsNames(): string[];
  lossFunctions: LossFn[];
  metricsTensors: Array<[LossFn, number]>;
  losses: unknown[];
}

/**
 * Trains a compiled `model` for `opts.epochs` epochs and returns the per-epoch history
 * (`loss`, the compiled metrics, `val_` values, `lr`, `seconds`).
 *
 * @example
 * const history = await fit(model, { train: { x: arrayBlock(X, [n, 4]), y }, validation },
 *   { epochs: 20, batchSize: 64, rng: new Random(1), lrSchedule: oneCycle({ lrMax: 3e-3 }),
 *     earlyStopping: { monitor: 'val_loss', patience: 5 } });
 */
export async function fit(model: tf.LayersModel, data: FitData, opts: FitOptions): Promise<History> {
  if (!model.optimizer) throw new Error('fit: compile the model first (model.compile({ optimizer, loss, metrics }))');
  // tf.Sequential delegates training to an inner LayersModel built at compile time.
  const core = model instanceof tf.Sequential ? (model as unknown as { model: tf.LayersModel }).model : model;
  const internals = core as unknown as LayersInternals;
  const trainFn = internals.makeTrainFunction();
  const names = internals.getDedupedMetricsNames();
  const classTable = opts.classWeight;
  const trainer: Trainer<Batch> = {
    optimizer: model.optimizer,
    variables: model.weights.map((w) => w.read() as tf.Variable),
    async trainBatch(batch) {
      const xs = ordered(batch.x, core.inputNames, 'x');
      const ys = ordered(batch.y, core.outputNames, 'y');
      if (opts.microBatch && batchLength(batch) > opts.microBatch) {
        if (batch.weight || classTable) throw new Error('fit: microBatch does not take sample or class weights');
        return accumulateBatch(core, internals, model.optimizer, xs, ys, opts.microBatch, names);
      }
      const weight = await sampleWeights(batch, ys[0], classTable);
      try {
        const outs = trainFn([...xs, ...ys, ...(weight ? ys.map(() => weight) : [])]);
        return await readNamed(outs, names);
      } finally {
        if (weight && weight !== batch.weight) weight.dispose();
      }
    },
    async evalBatch(batch) {
      const xs = ordered(batch.x, core.inputNames, 'x');
      const ys = ordered(batch.y, core.outputNames, 'y');
      const out = core.evaluate(xs.length === 1 ? xs[0] : xs, ys.length === 1 ? ys[0] : ys, { batchSize: batchLength(batch) });
      return readNamed(Array.isArray(out) ? out : [out], names);
    },
    batchLength,
    disposeBatch,
  };
  const sources = toSources(data, opts.batchSize);
  if (opts.microBatch && data.validation && !('batches' in data.validation)) {
    sources.validation = fromArrays(data.validation, { batchSize: opts.microBatch, shuffle: false }) as unknown as BatchSource<Batch>;
  }
  return runTraining(trainer, sources, opts);
}

/**
 * One optimizer step on a batch from the summed gradients of its slices of at most `micro` samples;
 * each slice's mean loss (and metrics) weighs by its share of the batch. Returns the batch's loss and metrics.
 */
async function accumulateBatch(core: tf.LayersModel, internals: LayersInternals, optimizer: tf.Optimizer, xs: tf.Tensor[], ys: tf.Tensor[], micro: number, names: readonly string[]): Promise<Record<string, number>> {
  if (internals.losses.length > 0) throw new Error('fit: microBatch does not support regularisers');
  const n = xs[0].shape[0] ?? 0;
  const variables = core.trainableWeights.map((w) => w.read() as tf.Variable);
  let sums: tf.Tensor[] | null = null;
  const values = new Array<number>(names.length).fill(0);
  for (let start = 0; start < n; start += micro) {
    const size = Math.min(micro, n - start);
    const share = size / n;
    const metrics: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const x = xs.map((t) => t.slice(start, size));
      const y = ys.map((t) => t.slice(start, size));
      const out = core.apply(x.length === 1 ? x[0] : x, { training: true });
      const preds = (Array.isArray(out) ? out : [out]) as tf.Tensor[];
      const loss = internals.lossFunctions.map((fn, i) => tf.mean(fn(y[i], preds[i]))).reduce((a, b) => tf.add(a, b)) as tf.Scalar;
      for (const [fn, i] of internals.metricsTensors) metrics.push(tf.keep(tf.mean(fn(y[i], preds[i])) as tf.Scalar));
      return tf.mul(loss, share) as tf.Scalar;
    }, variables);
    const ordered = variables.map((v) => grads[v.name]);
    if (sums) {
      const old: tf.Tensor[] = sums;
      sums = ordered.map((g, k) => tf.add(old[k], g));
      tf.dispose([...old, ...ordered]);
    } else sums = ordered;
    const read = await Promise.all([value, ...metrics].map((t) => t.data()));
    values[0] += read[0][0];
    for (let k = 1; k < read.length && k < names.length; k++) values[k] += share * read[k][0];
    tf.dispose([value, ...metrics]);
  }
  const named: Record<string, tf.Tensor> = {};
  variables.forEach((v, k) => (named[v.name] = sums![k]));
  optimizer.applyGradients(named);
  tf.dispose(sums ?? []);
  return Object.fromEntries(names.map((name, k) => [name, values[k]]));
}

/** Passed to a `customFit` step: whether it trains, and where in the run it is. */
export interface StepContext {
  training: boolean;
  /** 0-based epoch */
  epoch: number;
  /** 0-based global batch index (training only; −1 in validation) */
  step: number;
}

/** Options of `customFit`. */
export interface CustomFitOptions extends TrainOptions {
  /** samples per batch for in-memory arrays (default 32) */
  batchSize?: number;
}

/** What `customFit` trains and how one batch's loss is computed. */
export interface CustomFitSpec<B> {
  /** e.g. `tf.train.adam(1e-3)`; schedules change its learning rate (and β1 / momentum). The caller owns
   * it: `customFit` does not dispose it, so a second call continues with its moments. */
  optimizer: tf.Optimizer;
  /** the model(s) or variables trained; also what best-weight restore snapshots */
  variables: tf.LayersModel | readonly tf.LayersModel[] | readonly tf.Variable[];
  /**
   * The loss terms of one batch as scalars; `loss` is minimised, the other entries are logged as
   * metrics (e.g. `{ loss, reconstruction, kl }`). Runs inside tfjs's gradient tape / `tf.tidy`:
   * create tensors freely, do not dispose the returned ones. Called with `training: false` for
   * validation batches.
   */
  step: (batch: B, ctx: StepContext) => Record<string, tf.Scalar>;
  /** samples in a batch (default: first dimension of the first tensor found in it) */
  batchLength?: (batch: B) => number;
  /** frees a batch (default: disposes every tensor found in it) */
  disposeBatch?: (batch: B) => void;
}

/**
 * Trains with a loss function of your own: per batch, differentiates `spec.step(batch).loss` with
 * respect to the trainable variables and applies `spec.optimizer`; otherwise the same loop as `fit`.
 */
export async function customFit<B = Batch>(
  spec: CustomFitSpec<B>,
  data: { train: BatchSource<B> | ArrayData; validation?: BatchSource<B> | ArrayData },
  opts: CustomFitOptions,
): Promise<History> {
  const { all, trainable } = variablesOf(spec.variables);
  const trainer: Trainer<B> = {
    optimizer: spec.optimizer,
    variables: all,
    async trainBatch(batch, ctx) {
      const extras: Record<string, tf.Scalar> = {};
      const loss = spec.optimizer.minimize(
        () => {
          const terms = spec.step(batch, { training: true, epoch: ctx.epoch, step: ctx.step });
          if (!terms.loss) throw new Error('customFit: step must return a `loss` scalar');
          for (const [k, v] of Object.entries(terms)) if (k !== 'loss') extras[k] = tf.keep(v);
          return terms.loss;
        },
        true,
        trainable,
      );
      return readNamed([loss!, ...Object.values(extras)], ['loss', ...Object.keys(extras)]);
    },
    async evalBatch(batch, ctx) {
      const terms = tf.tidy(() => spec.step(batch, { training: false, epoch: ctx.epoch, step: -1 }));
      return readNamed(Object.values(terms), Object.keys(terms));
    },
    batchLength: spec.batchLength ?? ((b) => firstDim(b)),
    disposeBatch: spec.disposeBatch ?? ((b) => tf.dispose(collectTensors(b))),
  };
  return runTraining(trainer, toSources(data, opts.batchSize) as { train: BatchSource<B>; validation?: BatchSource<B> }, opts);
}

/** In-memory arrays become shuffled (train) or ordered (validation) batch sources. */
function toSources<B>(data: { train: BatchSource<B> | ArrayData; validation?: BatchSource<B> | ArrayData }, batchSize = 32) {
  const asSource = (d: BatchSource<B> | ArrayData, shuffle: boolean): BatchSource<B> =>
    'batches' in d ? d : (fromArrays(d, { batchSize, shuffle }) as unknown as BatchSource<B>);
  return { train: asSource(data.train, true), validation: data.validation ? asSource(data.validation, false) : undefined };
}

/** Tensors in the model's input (output) order; records are matched by input (output) name. */
function ordered(value: BatchInputs, names: readonly string[], what: string): tf.Tensor[] {
  const list = value instanceof tf.Tensor || Array.isArray(value) ? tensorsOf(value) : names.map((n) => (value as Record<string, tf.Tensor>)[n]);
  if (list.length !== names.length || list.some((t) => t === undefined)) {
    throw new Error(`fit: the batch's ${what} has ${list.filter(Boolean).length} tensors for the model's ${names.length} (${names.join(', ')})`);
  }
  return list;
}

/** The batch's sample weights times the class weights of its labels, or `undefined` when neither is given. */
async function sampleWeights(batch: Batch, y: tf.Tensor, classWeight?: Readonly<Record<number, number>>): Promise<tf.Tensor | undefined> {
  if (!classWeight) return batch.weight;
  const labels = await y.data();
  const n = y.shape[0] ?? 1;
  const k = y.size / n;
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let cls = Math.round(labels[i * k]);
    if (k > 1) {
      cls = 0;
      for (let j = 1; j < k; j++) if (labels[i * k + j] > labels[i * k + cls]) cls = j;
    }
    w[i] = classWeight[cls] ?? 1;
  }
  if (!batch.weight) return tf.tensor1d(w);
  const given = await batch.weight.data();
  return tf.tensor1d(w.map((v, i) => v * given[i]));
}

/** Reads scalars into a record and disposes them. */
async function readNamed(tensors: tf.Tensor[], names: readonly string[]): Promise<Record<string, number>> {
  try {
    const values = await Promise.all(tensors.map((t) => t.data()));
    return Object.fromEntries(names.map((n, i) => [n, values[i][0]]));
  } finally {
    tf.dispose(tensors);
  }
}

function variablesOf(spec: CustomFitSpec<unknown>['variables']): { all: tf.Variable[]; trainable: tf.Variable[] } {
  const models = spec instanceof tf.LayersModel ? [spec] : (spec as readonly unknown[]).every((m) => m instanceof tf.LayersModel) ? (spec as readonly tf.LayersModel[]) : null;
  if (!models) {
    const vars = [...(spec as readonly tf.Variable[])];
    return { all: vars, trainable: vars.filter((v) => v.trainable) };
  }
  return {
    all: models.flatMap((m) => m.weights.map((w) => w.read() as tf.Variable)),
    trainable: models.flatMap((m) => m.trainableWeights.map((w) => w.read() as tf.Variable)),
  };
}

/** Every tensor in a batch of any shape (tensor, array, plain object), depth-first. */
function collectTensors(value: unknown, out: tf.Tensor[] = [], depth = 0): tf.Tensor[] {
  if (value instanceof tf.Tensor) out.push(value);
  else if (depth < 4 && value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const v of Array.isArray(value) ? value : Object.values(value)) collectTensors(v, out, depth + 1);
  }
  return out;
}

function firstDim(batch: unknown): number {
  const t = collectTensors(batch)[0];
  return t ? t.shape[0] ?? 1 : 0;
}
