/**
 * A Bayesian CNN for the point-source fraction of the Galactic Centre excess (DarkMachines talk):
 * the network predicts a mean f(x) and a log-variance s(x) = log σ(x)², trained with the
 * heteroscedastic (aleatoric) loss of Kendall & Gal (2017, eq. 8), as on the talk's slide,
 *   L = 1/N Σ_i [ ‖y_i − f(x_i)‖² / (2σ(x_i)²) + ½ log σ(x_i)² ],
 * and dropout kept on at prediction time (Monte Carlo dropout, Gal & Ghahramani 2016) for the
 * epistemic part: T stochastic passes give the spread of f. Total variance = mean σ² + var f.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import * as tf from '@tensorflow/tfjs';
import { dropout } from '../../layers';
import { Random } from '../../random';

/**
 * Heteroscedastic loss on `yTrue` [b] or [b, 1] and `output` [b, 2] (mean, log σ²): a scalar tensor.
 */
export function heteroscedasticLoss(yTrue: tf.Tensor, output: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const y = yTrue.reshape([-1]);
    const mean = output.slice([0, 0], [-1, 1]).reshape([-1]);
    const logVar = output.slice([0, 1], [-1, 1]).reshape([-1]);
    const sq = tf.square(tf.sub(y, mean));
    return tf.mean(tf.add(tf.mul(0.5, tf.mul(tf.exp(tf.neg(logVar)), sq)), tf.mul(0.5, logVar))) as tf.Scalar;
  });
}

/** Options of {@link bayesianCnn}. */
export interface BayesianCnnOptions {
  /** [height, width, bins] */
  inputShape: readonly number[];
  /** multiplies the counts before the first layer (e.g. 1 / typical counts per pixel) */
  scale: number;
  filters?: readonly number[];
  dense?: number;
  /** dropout rate after every block (default 0.2) */
  dropout?: number;
  /** seeds the initial weights and the dropout masks (same seed → same model and same masks) */
  rng: Random;
}

/**
 * CNN with two outputs: the point-source fraction (sigmoid, in [0, 1]) and log σ² (linear).
 * Input counts are multiplied by `scale` in a first (Rescaling) layer.
 */
export function bayesianCnn(o: BayesianCnnOptions): tf.LayersModel {
  const initRng = o.rng.fork('initial weights');
  const init = (): ReturnType<typeof tf.initializers.glorotUniform> => tf.initializers.glorotUniform({ seed: initRng.int32() });
  const rate = o.dropout ?? 0.2;
  const rng = o.rng;
  const input = tf.input({ shape: [...o.inputShape] });
  let h: tf.SymbolicTensor = tf.layers.rescaling({ scale: o.scale }).apply(input) as tf.SymbolicTensor;
  for (const filters of o.filters ?? [16, 32, 32]) {
    h = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.maxPooling2d({ poolSize: 2 }).apply(h) as tf.SymbolicTensor;
    h = dropout({ rate, rng: rng.fork(`dropout ${filters}`) }).apply(h) as tf.SymbolicTensor;
  }
  h = tf.layers.flatten().apply(h) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: o.dense ?? 64, activation: 'relu', kernelInitializer: init() }).apply(h) as tf.SymbolicTensor;
  h = dropout({ rate, rng: rng.fork('dropout dense') }).apply(h) as tf.SymbolicTensor;
  const mean = tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init() }).apply(h) as tf.SymbolicTensor;
  const logVar = tf.layers.dense({ units: 1, kernelInitializer: init(), biasInitializer: tf.initializers.constant({ value: -3 }) }).apply(h) as tf.SymbolicTensor;
  const out = tf.layers.concatenate().apply([mean, logVar]) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

/** Per-sample predictions of MC dropout: mean, aleatoric, epistemic and total standard deviations. */
export interface McPrediction {
  mean: Float32Array;
  aleatoric: Float32Array;
  epistemic: Float32Array;
  total: Float32Array;
}

/**
 * `passes` forward passes of `model` over `x` [n, …] with dropout active, in batches of `batchSize`.
 * mean = average of f; aleatoric² = average of σ²; epistemic² = variance of f over passes.
 */
export function mcDropoutPredict(model: tf.LayersModel, x: tf.Tensor, passes = 20, batchSize = 256): McPrediction {
  const n = x.shape[0] ?? 0;
  const sumF = new Float64Array(n);
  const sumF2 = new Float64Array(n);
  const sumVar = new Float64Array(n);
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const xb = x.slice(start, size);
    for (let t = 0; t < passes; t++) {
      const out = tf.tidy(() => model.apply(xb, { training: true }) as tf.Tensor);
      const v = out.dataSync();
      out.dispose();
      for (let i = 0; i < size; i++) {
        const f = v[2 * i];
        sumF[start + i] += f;
        sumF2[start + i] += f * f;
        sumVar[start + i] += Math.exp(v[2 * i + 1]);
      }
    }
    xb.dispose();
  }
  const mean = new Float32Array(n);
  const aleatoric = new Float32Array(n);
  const epistemic = new Float32Array(n);
  const total = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    mean[i] = sumF[i] / passes;
    const varF = Math.max(0, sumF2[i] / passes - mean[i] ** 2);
    aleatoric[i] = Math.sqrt(sumVar[i] / passes);
    epistemic[i] = Math.sqrt(varF);
    total[i] = Math.sqrt(aleatoric[i] ** 2 + varF);
  }
  return { mean, aleatoric, epistemic, total };
}

/** Fraction of samples whose truth lies within mean ± z·σ (z = 1 → nominal 68.3 %, z = 1.96 → 95 %). */
export function intervalCoverage(yTrue: ArrayLike<number>, mean: ArrayLike<number>, sigma: ArrayLike<number>, z: number): number {
  if (yTrue.length !== mean.length || mean.length !== sigma.length) throw new RangeError('intervalCoverage: arrays differ in length');
  let inside = 0;
  for (let i = 0; i < yTrue.length; i++) if (Math.abs(yTrue[i] - mean[i]) <= z * sigma[i]) inside++;
  return yTrue.length ? inside / yTrue.length : NaN;
}
