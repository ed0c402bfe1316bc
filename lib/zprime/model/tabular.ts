/**
 * A tabular network in the style of fastai's `TabularModel` (Howard & Gugger 2020, "fastai: a layered
 * API for deep learning", §5.3; the seed's "tabular learner"): one embedding per categorical column
 * (size from fastai's rule min(600, round(1.6 · levels^0.56)), times a scale factor), batch-normalised
 * continuous columns, then hidden blocks Linear → ReLU → BatchNorm → Dropout (fastai's `lin_first`
 * order), and a final Linear layer giving two logits (background, signal).
 *
 * The layers are applied one by one with an explicit `training` flag, so batch norm and the seeded
 * dropout of `lib/layers` (a new mask every step) behave as in training or inference as asked.
 * Training: `lib/train`'s `customFit` with Adam, fastai's one-cycle schedule and one of the losses
 * of `losses.ts`, optional class weights and resampled rows (`../train/sampling.ts`).
 *
 * Used by notebook 05-zprime.
 */
import * as tf from '@tensorflow/tfjs';
import { SeededDropout } from '../../layers';
import type { Random } from '../../random';
import { customFit, oneCycle, type History, type ProgressMode, type TrainCallbacks } from '../../train';
import type { Standardizer } from '../data/features';
import { classificationLoss, type LossName, type LossOptions } from './losses';

/** fastai's embedding size rule for a column with `levels` categories. */
export function embeddingSize(levels: number, scale = 1): number {
  return Math.max(1, Math.round(scale * Math.min(600, Math.round(1.6 * Math.pow(levels, 0.56)))));
}

/** Architecture of a {@link TabularNet}. */
export interface TabularOptions {
  /** Number of continuous columns. */
  nContinuous: number;
  /** Number of levels of each categorical column. */
  categoryLevels: readonly number[];
  /** Hidden layer widths (fastai default [200, 100]). */
  layers: readonly number[];
  /** Multiplies every embedding size (default 1). */
  embeddingScale?: number;
  /** Dropout after each hidden block (default 0). */
  dropout?: number;
  /** Dropout on the concatenated embeddings (fastai `embed_p`, default 0). */
  embeddingDropout?: number;
  /**
   * Expected fraction of signal in training batches: the output bias starts at log(π / (1 − π)) so
   * the untrained network already predicts the class prior (Lin et al. 2017 §4.1, "prior probability
   * initialisation"); without it, early epochs on 1 % signal are spent just learning the prior.
   */
  priorProbability?: number;
  /** Mean and std of the continuous columns on the training set (fastai's `Normalize`); default none. */
  normalization?: Standardizer;
  /** Seeds initialisers and dropout masks. */
  rng: Random;
}

/** Batch-norm momentum of the running statistics: PyTorch's 0.1 update rate (tfjs's default 0.99 needs thousands of steps). */
const BN_MOMENTUM = 0.9;

/** The network; `forward` maps a batch to logits [b, 2]. */
export class TabularNet {
  readonly embeddings: tf.Variable[];
  private readonly contNorm: tf.layers.Layer;
  private readonly blocks: { dense: tf.layers.Layer; norm: tf.layers.Layer; drop: SeededDropout }[];
  private readonly embDrop: SeededDropout;
  private readonly head: tf.layers.Layer;
  private readonly shift: tf.Tensor | null;
  private readonly scale: tf.Tensor | null;

  constructor(readonly options: TabularOptions) {
    const { rng, nContinuous, categoryLevels } = options;
    const scale = options.embeddingScale ?? 1;
    this.embeddings = categoryLevels.map((levels) => tf.variable(tf.randomNormal([levels, embeddingSize(levels, scale)], 0, 0.01, 'float32', rng.int32())));
    this.embDrop = new SeededDropout({ rate: options.embeddingDropout ?? 0, rng: rng.fork('embedding dropout') });
    this.shift = options.normalization ? tf.tensor2d(options.normalization.mean, [1, nContinuous]) : null;
    this.scale = options.normalization ? tf.tensor2d(options.normalization.std, [1, nContinuous]) : null;
    this.contNorm = tf.layers.batchNormalization({ momentum: BN_MOMENTUM });
    this.blocks = options.layers.map((units, i) => ({
      dense: tf.layers.dense({ units, kernelInitializer: tf.initializers.heNormal({ seed: rng.int32() }) }),
      norm: tf.layers.batchNormalization({ momentum: BN_MOMENTUM }),
      drop: new SeededDropout({ rate: options.dropout ?? 0, rng: rng.fork(`dropout ${i}`) }),
    }));
    this.head = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: rng.int32() }) });
    tf.tidy(() => this.forward(tf.zeros([2, nContinuous]), tf.zeros([2, categoryLevels.length], 'int32'), false)); // builds the layers
    const prior = options.priorProbability;
    if (prior !== undefined) {
      if (!(prior > 0 && prior < 1)) throw new RangeError(`TabularNet: priorProbability must be in (0, 1), got ${prior}`);
      const [kernel] = this.head.getWeights();
      const bias = tf.tensor1d([0, Math.log(prior / (1 - prior))]);
      this.head.setWeights([kernel, bias]);
      bias.dispose();
    }
  }

  /** Logits [b, 2] of continuous inputs [b, nContinuous] (raw; standardised inside with `normalization`) and category indices [b, nCat] (int32). */
  forward(cont: tf.Tensor, cat: tf.Tensor, training: boolean): tf.Tensor2D {
    return tf.tidy(() => {
      const columns = this.embeddings.length > 0 ? tf.split(cat, cat.shape[1] ?? 0, 1) : []; // one SplitV, not a Slice per column
      const parts: tf.Tensor[] = this.embeddings.map((E, k) => tf.gather(E, tf.reshape(columns[k], [-1])));
      const emb = parts.length > 0 ? (this.embDrop.apply(tf.concat(parts, 1), { training }) as tf.Tensor) : null;
      const standard = this.shift && this.scale ? tf.div(tf.sub(cont, this.shift), this.scale) : cont;
      const c = this.contNorm.apply(standard, { training }) as tf.Tensor;
      let x = emb ? tf.concat([emb, c], 1) : c;
      for (const b of this.blocks) {
        x = tf.relu(b.dense.apply(x) as tf.Tensor);
        x = b.norm.apply(x, { training }) as tf.Tensor;
        x = b.drop.apply(x, { training }) as tf.Tensor;
      }
      return this.head.apply(x) as tf.Tensor2D;
    });
  }

  /** Every variable (trainable weights, embeddings and batch-norm statistics). */
  get variables(): tf.Variable[] {
    const layers = [this.contNorm, ...this.blocks.flatMap((b) => [b.dense, b.norm]), this.head];
    return [...this.embeddings, ...layers.flatMap((l) => l.weights.map((w) => w.read() as tf.Variable))];
  }

  /** Number of trainable parameters. */
  get parameterCount(): number {
    return this.variables.filter((v) => v.trainable).reduce((s, v) => s + v.size, 0);
  }

  /** P(signal) for n rows: `cont` [n, nContinuous], `cat` [n, nCat], in batches. */
  predictProba(cont: Float32Array, cat: Int32Array, batchSize = 4096): Float32Array {
    const dc = this.options.nContinuous, dk = this.options.categoryLevels.length;
    const n = cont.length / dc;
    const out = new Float32Array(n);
    for (let s = 0; s < n; s += batchSize) {
      const e = Math.min(n, s + batchSize);
      const p = tf.tidy(() => {
        const logits = this.forward(tf.tensor2d(cont.subarray(s * dc, e * dc), [e - s, dc]), tf.tensor2d(cat.subarray(s * dk, e * dk), [e - s, dk], 'int32'), false);
        return tf.reshape(tf.slice(tf.softmax(logits), [0, 1], [-1, 1]), [-1]);
      });
      out.set(p.dataSync() as Float32Array, s);
      p.dispose();
    }
    return out;
  }

  /** Frees the network's tensors. */
  dispose(): void {
    for (const v of this.variables) v.dispose();
    this.shift?.dispose();
    this.scale?.dispose();
  }
}

/** Rows of a training or validation table. */
export interface TabularData {
  /** [n, nContinuous], raw (the network normalises). */
  cont: Float32Array;
  /** [n, nCat] level indices. */
  cat: Int32Array;
  /** 0 / 1 labels [n]. */
  y: Uint8Array;
  /** Rows to use, possibly repeated (resampling); default all, in order. */
  rows?: Int32Array;
}

/** One batch of tensors. */
interface TabularBatch {
  cont: tf.Tensor2D;
  cat: tf.Tensor2D;
  y: tf.Tensor2D;
  w?: tf.Tensor1D;
}

/** Options of {@link trainTabular}. */
export interface TrainTabularOptions {
  epochs: number;
  batchSize: number;
  /** Peak learning rate of the one-cycle schedule. */
  lrMax: number;
  loss: LossName;
  lossOptions?: LossOptions;
  /** Loss weight of class 0 and class 1 (default none). */
  classWeight?: readonly [number, number];
  rng: Random;
  validation?: TabularData;
  progress?: ProgressMode;
  callbacks?: TrainCallbacks;
}

function batchSource(d: TabularData, dc: number, dk: number, batchSize: number, shuffle: boolean, classWeight?: readonly [number, number]) {
  const rows = d.rows ?? Int32Array.from({ length: d.y.length }, (_, i) => i);
  const nBatches = Math.ceil(rows.length / batchSize);
  return {
    size: rows.length,
    batchesPerEpoch: nBatches,
    *batches(_epoch: number, rng: Random): Generator<TabularBatch> {
      const order = shuffle ? rng.shuffle(rows.slice()) : rows;
      for (let b = 0; b < nBatches; b++) {
        const idx = order.subarray(b * batchSize, Math.min(order.length, (b + 1) * batchSize));
        const m = idx.length;
        const cont = new Float32Array(m * dc), cat = new Int32Array(m * dk), y = new Float32Array(m * 2), w = new Float32Array(m);
        for (let i = 0; i < m; i++) {
          const r = idx[i];
          cont.set(d.cont.subarray(r * dc, (r + 1) * dc), i * dc);
          cat.set(d.cat.subarray(r * dk, (r + 1) * dk), i * dk);
          y[i * 2 + d.y[r]] = 1;
          if (classWeight) w[i] = classWeight[d.y[r]];
        }
        yield { cont: tf.tensor2d(cont, [m, dc]), cat: tf.tensor2d(cat, [m, dk], 'int32'), y: tf.tensor2d(y, [m, 2]), ...(classWeight ? { w: tf.tensor1d(w) } : {}) };
      }
    },
  };
}

/** Trains `net` with Adam and one-cycle; returns the per-epoch history (loss, val_loss, lr, …). */
export async function trainTabular(net: TabularNet, train: TabularData, opts: TrainTabularOptions): Promise<History> {
  const dc = net.options.nContinuous, dk = net.options.categoryLevels.length;
  const dispose = (b: TabularBatch) => tf.dispose([b.cont, b.cat, b.y, ...(b.w ? [b.w] : [])]);
  const optimizer = tf.train.adam(opts.lrMax);
  try {
    return await customFit<TabularBatch>(
      {
        optimizer,
        variables: net.variables,
        step: (b, ctx) => ({ loss: classificationLoss(opts.loss, net.forward(b.cont, b.cat, ctx.training), b.y, ctx.training ? b.w : undefined, opts.lossOptions) }),
        batchLength: (b) => b.cont.shape[0],
        disposeBatch: dispose,
      },
      {
        train: batchSource(train, dc, dk, opts.batchSize, true, opts.classWeight),
        ...(opts.validation ? { validation: batchSource(opts.validation, dc, dk, 4 * opts.batchSize, false) } : {}),
      },
      { epochs: opts.epochs, rng: opts.rng, lrSchedule: oneCycle({ lrMax: opts.lrMax }), progress: opts.progress, callbacks: opts.callbacks },
    );
  } finally {
    optimizer.dispose();
  }
}
