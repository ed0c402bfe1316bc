/**
 * Training-mode batch normalisation on the oneDNN path (lib/backend/native-batchnorm.ts over
 * native/src/batchnorm.cc) against tfjs-layers' own BatchNormalization on the cpu backend, at 1 and 2
 * threads: outputs, gradients of x, γ and β, and the moving statistics after the step, over 2-D and 4-D
 * shapes (small, and large enough to run on several threads); gradients that reach the batch mean and
 * variance directly; the moving-statistics kernel against tfjs-layers' three ops bit for bit; and the
 * inference path left to tfjs.
 *
 * Skipped, with the reason, when the addon is not built.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { setNativeThreads } from '../../lib/backend';
import { loadNativeAddon, threadsFromEnv } from '../../lib/backend/native-addon';
import { BATCH_NORM_KERNEL, MOVING_AVERAGE_KERNEL, nativeBatchNormCalls } from '../../lib/backend/native-batchnorm';
import { Random } from '../../lib/random';
import { normal, relativeError, setUpBackends } from './compare';

const TOLERANCE = 1e-4;
const status = loadNativeAddon();
const skip = 'reason' in status ? `oneDNN addon not loaded: ${status.reason}` : false;

before(setUpBackends);
after(() => setNativeThreads(threadsFromEnv()));

/** Seeded inputs of one case: x, γ, β, the loss weights w, and the moving statistics to start from. */
function caseData(shape: number[], seed: number) {
  const rng = new Random(seed);
  const c = shape[shape.length - 1];
  const x = normal(rng, shape);
  x.values.forEach((v, i) => (x.values[i] = 3 + 2 * v + (i % c))); // an offset and scale per column
  return { x, gamma: normal(rng, [c]).values.map((v) => 1 + 0.5 * v), beta: normal(rng, [c]).values, w: normal(rng, shape), movingMean: normal(rng, [c]).values, movingVariance: normal(rng, [c]).values.map((v) => 1 + v * v) };
}

type Pieces = Record<'y' | 'dx' | 'dGamma' | 'dBeta' | 'movingMean' | 'movingVariance', Float32Array>;

/** One training call of a BatchNormalization layer and its gradients, on `backend`. */
async function trainingStep(backend: 'wasm' | 'cpu', shape: number[], seed: number, training = true): Promise<Pieces> {
  await tf.setBackend(backend);
  const d = caseData(shape, seed);
  const c = shape[shape.length - 1];
  const layer = tf.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-3 });
  layer.build(shape);
  const weights = [d.gamma, d.beta, d.movingMean, d.movingVariance].map((v) => tf.tensor1d(v));
  layer.setWeights(weights);
  tf.dispose(weights);
  const [x, w] = [tf.tensor(d.x.values, shape), tf.tensor(d.w.values, shape)];
  const [gamma, beta] = layer.trainableWeights.map((v) => v.read() as tf.Variable);
  const out = tf.tidy(() => {
    const loss = () => tf.sum(tf.mul(tf.square(layer.apply(x, { training }) as tf.Tensor), w)) as tf.Scalar;
    const y = layer.apply(x, { training: false }) as tf.Tensor; // after the step: uses the updated moving statistics
    const { grads } = tf.variableGrads(loss, [gamma, beta]);
    const dx = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.square(layer.apply(v, { training }) as tf.Tensor), w)))(x);
    const yTrain = layer.apply(x, { training }) as tf.Tensor;
    return { y: yTrain, yInference: y, dx, dGamma: grads[gamma.name], dBeta: grads[beta.name] };
  });
  const [movingMean, movingVariance] = layer.getWeights().slice(2);
  const pieces = { y: out.y.dataSync(), dx: out.dx.dataSync(), dGamma: out.dGamma.dataSync(), dBeta: out.dBeta.dataSync(), movingMean: movingMean.dataSync(), movingVariance: movingVariance.dataSync() } as Pieces;
  tf.dispose([x, w, ...Object.values(out)]);
  for (const weight of layer.weights) weight.read().dispose();
  assert.equal(pieces.dGamma.length, c);
  return pieces;
}

/** Largest relative error over the pieces, with the worst piece's name. */
function compare(a: Pieces, b: Pieces): { err: number; piece: string } {
  let worst = { err: 0, piece: '' };
  for (const key of Object.keys(a) as (keyof Pieces)[]) {
    const err = relativeError(a[key], b[key]);
    if (err > worst.err) worst = { err, piece: key };
  }
  return worst;
}

const SHAPES = [[5, 3], [64, 7], [300, 1], [4, 6, 6, 3], [1024, 200], [16, 12, 12, 32]];

test('training-mode BatchNormalization matches the cpu layer (values, gradients, moving statistics) at 1 and 2 threads', { skip }, async () => {
  for (const threads of [1, 2]) {
    setNativeThreads(threads);
    for (const [i, shape] of SHAPES.entries()) {
      const calls = nativeBatchNormCalls;
      const wasm = await trainingStep('wasm', shape, 40 + i);
      assert.ok(nativeBatchNormCalls > calls, `${JSON.stringify(shape)}: the native kernel did not run`);
      const cpu = await trainingStep('cpu', shape, 40 + i);
      const { err, piece } = compare(wasm, cpu);
      assert.ok(err <= TOLERANCE, `${JSON.stringify(shape)}, ${threads} thread(s): ${piece} relative error ${err}`);
    }
  }
  await tf.setBackend('wasm');
});

test('gradients reaching the batch mean and variance outputs match tf.moments + tf.batchNorm on cpu', { skip }, async () => {
  const shape = [200, 6];
  const run = async (backend: 'wasm' | 'cpu'): Promise<Float32Array[]> => {
    await tf.setBackend(backend);
    const d = caseData(shape, 77);
    const rng = new Random(78);
    const [u, v] = [normal(rng, [6]).values, normal(rng, [6]).values];
    const inputs = [tf.tensor(d.x.values, shape), tf.tensor1d(d.gamma), tf.tensor1d(d.beta)];
    const forward = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor[] => {
      if (backend === 'wasm') return tf.engine().runKernel(BATCH_NORM_KERNEL, { x, gamma, beta }, { epsilon: 1e-3 }) as tf.Tensor[];
      const { mean, variance } = tf.moments(x, [0]);
      return [tf.batchNorm(x, mean, variance, beta, gamma, 1e-3), mean, variance];
    };
    const loss = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => {
      const [y, mean, variance] = forward(x, gamma, beta);
      return tf.addN([tf.sum(tf.mul(y, tf.tensor(d.w.values, shape))), tf.sum(tf.mul(mean, tf.tensor1d(u))), tf.sum(tf.mul(variance, tf.tensor1d(v)))]) as tf.Scalar;
    };
    const grads = tf.tidy(() => tf.grads(loss)(inputs));
    const values = grads.map((g) => g.dataSync() as Float32Array);
    tf.dispose([...grads, ...inputs]);
    return values;
  };
  const wasm = await run('wasm'), cpu = await run('cpu');
  await tf.setBackend('wasm');
  wasm.forEach((g, i) => assert.ok(relativeError(g, cpu[i]) <= TOLERANCE, `gradient ${['x', 'gamma', 'beta'][i]}: relative error ${relativeError(g, cpu[i])}`));
});

test('the moving-statistics kernel gives the numbers of tfjs-layers’ Sub, Mul, Sub bit for bit', { skip }, async () => {
  await tf.setBackend('wasm');
  const rng = new Random(91);
  for (const [c, momentum] of [[1, 0.9], [7, 0.99], [200, 0.9], [100, 0.1]] as [number, number][]) {
    const [mm, mv, m, v] = [0, 1, 2, 3].map(() => normal(rng, [c]).values.map((x, i) => (i % 3 === 0 ? 1e4 * x : x)));
    tf.tidy(() => {
      const [movingMean, movingVariance, mean, variance] = [mm, mv, m, v].map((a) => tf.tensor1d(a));
      const fused = tf.engine().runKernel(MOVING_AVERAGE_KERNEL, { movingMean, movingVariance, mean, variance }, { momentum }) as tf.Tensor[];
      const layers = [[movingMean, mean], [movingVariance, variance]].map(([o, b]) => tf.sub(o, tf.mul(tf.sub(o, b), 1 - momentum)));
      for (const k of [0, 1]) assert.deepEqual(Array.from(fused[k].dataSync()), Array.from(layers[k].dataSync()), `statistic ${k}, ${c} columns, momentum ${momentum}`);
    });
  }
});

test('inference calls keep tfjs-layers’ own path', { skip }, async () => {
  const calls = nativeBatchNormCalls;
  const wasm = await trainingStep('wasm', [32, 4], 90, false);
  const cpu = await trainingStep('cpu', [32, 4], 90, false);
  assert.equal(nativeBatchNormCalls, calls, 'the native kernel ran for an inference call');
  assert.ok(compare(wasm, cpu).err <= TOLERANCE);
  await tf.setBackend('wasm');
});
