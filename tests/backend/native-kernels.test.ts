/**
 * The oneDNN kernels (lib/backend/native-kernels.ts over native/) against tfjs's cpu backend, at 1 and
 * 2 threads, over the grids the wasm-kernel tests use: 2-D convolutions (forward, input and filter
 * gradients), fused convolutions and products, 3-D convolutions, 2-D and 3-D max pooling and their
 * gradients, batched products with every transpose, sums and means over the batch, the fused Adam
 * step; then whole-model gradients, the same numbers for the same seed, the strided 1×1
 * filter-gradient stress test, bad geometry, TFJS_THREADS, and the plain-wasm fallback.
 *
 * Skipped, with the reason, when the addon is not built (the fallback test runs regardless).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { nativeAddon, setNativeThreads } from '../../lib/backend';
import { loadNativeAddon, threadsFromEnv } from '../../lib/backend/native-addon';
import { nativeAdamInPlace, nativeAdamUpdates } from '../../lib/backend/native-adam';
import { nativeCalls } from '../../lib/backend/native-kernels';
import { projectRoot } from '../../lib/paths';
import { Random } from '../../lib/random';
import { normal, relativeError, setUpBackends, wasmVsCpu, type Compute, type MakeInputs } from './compare';

const TOLERANCE = 1e-4;
const THREADS = [1, 2];
const status = loadNativeAddon();
const skip = 'reason' in status ? `oneDNN addon not loaded: ${status.reason}` : false;

before(setUpBackends);
after(() => setNativeThreads(threadsFromEnv()));

type S2 = [number, number];
type S3 = [number, number, number];

/** Runs `check` at each thread count and asserts that the named native kernels were called. */
async function atEachThreadCount(kernels: string[], check: (threads: number) => Promise<void>): Promise<void> {
  const before = kernels.map((k) => nativeCalls.get(k) ?? 0);
  for (const threads of THREADS) {
    assert.ok(setNativeThreads(threads), 'the oneDNN kernels are not registered');
    await check(threads);
  }
  kernels.forEach((k, i) => assert.ok((nativeCalls.get(k) ?? 0) > before[i], `${k} never reached the addon`));
}

/** Asserts the relative error of wasm (with the addon) against cpu. */
async function expectClose(label: string, inputs: MakeInputs, compute: Compute, tolerance = TOLERANCE): Promise<void> {
  const err = await wasmVsCpu(inputs, compute);
  assert.ok(err <= tolerance, `${label}: relative error ${err}`);
}

interface Conv2DCase { pad: 'valid' | 'same'; stride: number; kernel: S2; size: S2; dilation: number; inChannels: number; outChannels: number }

/** The filter-gradient grid of conv2d-backprop-filter.test.ts, plus dilated forward passes. */
function conv2dCases(): Conv2DCase[] {
  const out: Conv2DCase[] = [];
  for (const pad of ['valid', 'same'] as const)
    for (const stride of [1, 2])
      for (const kernel of [[1, 1], [3, 3], [5, 5], [2, 3]] as S2[])
        for (const size of [[9, 9], [10, 10], [7, 12]] as S2[])
          out.push({ pad, stride, kernel, size, dilation: 1, inChannels: 1 + (out.length % 4) * 2, outChannels: 2 + (out.length % 3) * 3 });
  return out;
}

test('conv2d, its input gradient and its filter gradient match cpu (padding × stride × kernel × size × channels)', { skip }, async () => {
  await atEachThreadCount(['Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'], async (threads) => {
    for (const [i, c] of conv2dCases().entries()) {
      const rng = new Random(100 + i);
      const x = normal(rng, [3, ...c.size, c.inChannels]);
      const w = normal(rng, [...c.kernel, c.inChannels, c.outChannels]);
      const outShape = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], w.shape as [number, number, number, number], c.stride, 1, c.pad).outShape;
      const r = normal(rng, outShape);
      await expectClose(`${threads} threads, ${JSON.stringify(c)}`,
        () => [tf.tensor(x.values, x.shape), tf.tensor(w.values, w.shape), tf.tensor(r.values, r.shape)],
        ([xt, wt, rt]) => tf.tidy(() => {
          const conv = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad);
          const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a, b), rt)))([xt, wt]);
          return tf.concat([conv(xt, wt).flatten(), dx.flatten(), dw.flatten()]);
        }));
    }
  });
});

test('dilated conv2d and fused conv2d (bias, ReLU) match cpu', { skip }, async () => {
  await atEachThreadCount(['Conv2D', 'FusedConv2D'], async (threads) => {
    const rng = new Random(21);
    const x = normal(rng, [2, 11, 9, 3]);
    const w = normal(rng, [3, 3, 3, 5]);
    const b = normal(rng, [5]);
    for (const pad of ['valid', 'same'] as const) {
      await expectClose(`${threads} threads, dilation 2, ${pad}`, () => [tf.tensor(x.values, x.shape), tf.tensor(w.values, w.shape)],
        ([xt, wt]) => tf.conv2d(xt as tf.Tensor4D, wt as tf.Tensor4D, 1, pad, 'NHWC', 2));
      for (const activation of ['relu', 'linear'] as const) {
        await expectClose(`${threads} threads, fused ${activation} ${pad}`, () => [tf.tensor(x.values, x.shape), tf.tensor(w.values, w.shape), tf.tensor(b.values, b.shape)],
          ([xt, wt, bt]) => tf.fused.conv2d({ x: xt as tf.Tensor4D, filter: wt as tf.Tensor4D, strides: 2, pad, bias: bt, activation }));
      }
    }
  });
});

test('conv3d, its filter gradient and its input gradient match cpu', { skip }, async () => {
  await atEachThreadCount(['Conv3D', 'Conv3DBackpropInputV2', 'Conv3DBackpropFilterV2'], async (threads) => {
    let seed = 0;
    for (const pad of ['valid', 'same'] as const)
      for (const stride of [[1, 1, 1], [2, 2, 2], [2, 1, 3]] as S3[])
        for (const kernel of [[3, 3, 3], [1, 1, 1], [2, 3, 1]] as S3[]) {
          const size: S3 = seed % 2 ? [7, 6, 5] : [6, 7, 8];
          const rng = new Random(++seed);
          const x = normal(rng, [2, ...size, 3]);
          const w = normal(rng, [...kernel, 3, 4]);
          const info = tf.backend_util.computeConv3DInfo(x.shape as [number, number, number, number, number], w.shape as [number, number, number, number, number], stride, 1, pad);
          const r = normal(rng, info.outShape);
          await expectClose(`${threads} threads, ${JSON.stringify({ pad, stride, kernel, size })}`,
            () => [tf.tensor(x.values, x.shape), tf.tensor(w.values, w.shape), tf.tensor(r.values, r.shape)],
            ([xt, wt, rt]) => tf.tidy(() => {
              const conv = (a: tf.Tensor, b: tf.Tensor) => tf.conv3d(a as tf.Tensor5D, b as tf.Tensor5D, stride, pad);
              const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a, b), rt)))([xt, wt]);
              return tf.concat([conv(xt, wt).flatten(), dx.flatten(), dw.flatten()]);
            }));
        }
  });
});

test('max pooling 2-D and its gradient match cpu, with and without ties', { skip }, async () => {
  await atEachThreadCount(['MaxPool', 'MaxPoolGrad'], async (threads) => {
    let seed = 0;
    for (const relu of [false, true])
      for (const pad of ['valid', 'same'] as const)
        for (const [pool, stride] of [[[2, 2], 2], [[3, 3], 2], [[3, 3], 1], [[2, 3], 1]] as [S2, number][])
          for (const size of [[8, 8], [9, 7]] as S2[]) {
            const rng = new Random(++seed);
            const x = normal(rng, [2, ...size, 5]);
            const r = normal(rng, tf.backend_util.computePool2DInfo(x.shape as [number, number, number, number], pool, stride, 1, pad).outShape);
            await expectClose(`${threads} threads, ${JSON.stringify({ relu, pad, pool, stride, size })}`,
              () => [tf.tensor(x.values, x.shape), tf.tensor(r.values, r.shape)],
              ([xt, rt]) => tf.tidy(() => {
                const f = (v: tf.Tensor) => tf.maxPool(relu ? (tf.relu(v) as tf.Tensor4D) : (v as tf.Tensor4D), pool, stride, pad);
                return tf.concat([f(xt).flatten(), tf.grad((v: tf.Tensor) => tf.sum(tf.mul(f(v), rt)))(xt).flatten()]);
              }), 1e-6);
          }
  });
});

test('max pooling 3-D and its gradient match cpu (ties only behind a ReLU, whose gradient is 0 there)', { skip }, async () => {
  await atEachThreadCount(['MaxPool3D', 'MaxPool3DGrad'], async (threads) => {
    let seed = 0;
    for (const relu of [false, true])
      for (const pad of ['valid', 'same'] as const)
        for (const [pool, stride] of [[[2, 2, 2], 2], [[1, 2, 2], [1, 2, 2]], [[3, 3, 3], 1]] as [S3, number | S3][]) {
          const rng = new Random(++seed);
          const x = normal(rng, [2, 5, 6, 7, 3]);
          const r = normal(rng, tf.backend_util.computePool3DInfo(x.shape as [number, number, number, number, number], pool, stride, 1, pad).outShape);
          await expectClose(`${threads} threads, ${JSON.stringify({ relu, pad, pool, stride })}`,
            () => [tf.tensor(x.values, x.shape), tf.tensor(r.values, r.shape)],
            ([xt, rt]) => tf.tidy(() => {
              const f = (v: tf.Tensor) => tf.maxPool3d(relu ? (tf.relu(v) as tf.Tensor5D) : (v as tf.Tensor5D), pool, stride, pad);
              return tf.concat([f(xt).flatten(), tf.grad((v: tf.Tensor) => tf.sum(tf.mul(f(v), rt)))(xt).flatten()]);
            }), 1e-6);
        }
  });
});

test('batched products (every transpose, broadcast B), fused products (bias, ReLU), sums and means match cpu', { skip }, async () => {
  await atEachThreadCount(['BatchMatMul', '_FusedMatMul', 'Sum', 'Mean'], async (threads) => {
    const rng = new Random(2);
    for (const [batchA, batchB] of [[[], []], [[1], [1]], [[3], [3]], [[3], []], [[2, 3], [2, 3]]] as number[][][])
      for (const transposeA of [false, true])
        for (const transposeB of [false, true]) {
          const a = normal(rng, [...batchA, ...(transposeA ? [7, 5] : [5, 7])]);
          const b = normal(rng, [...batchB, ...(transposeB ? [4, 7] : [7, 4])]);
          await expectClose(`${threads} threads, a [${a.shape}] b [${b.shape}] ${transposeA} ${transposeB}`,
            () => [tf.tensor(a.values, a.shape), tf.tensor(b.values, b.shape)], ([at, bt]) => tf.matMul(at, bt, transposeA, transposeB));
        }
    const a = normal(rng, [33, 20]), b = normal(rng, [20, 9]), bias = normal(rng, [9]);
    for (const activation of ['relu', 'linear'] as const) {
      await expectClose(`${threads} threads, fused ${activation}`, () => [tf.tensor(a.values, a.shape), tf.tensor(b.values, b.shape), tf.tensor(bias.values, bias.shape)],
        ([at, bt, ct]) => tf.fused.matMul({ a: at as tf.Tensor2D, b: bt as tf.Tensor2D, bias: ct, activation }));
    }
    for (const [shape, axes] of [[[300, 10], [0]], [[4, 5, 6, 7], [0, 1, 2]], [[2, 1000, 3], [0, 1]]] as [number[], number[]][]) {
      const x = normal(rng, shape);
      for (const keepDims of [false, true]) {
        await expectClose(`${threads} threads, sum [${shape}] over [${axes}]`, () => [tf.tensor(x.values, x.shape)], ([xt]) => tf.sum(xt, axes, keepDims));
        await expectClose(`${threads} threads, mean [${shape}] over [${axes}]`, () => [tf.tensor(x.values, x.shape)], ([xt]) => tf.mean(xt, axes, keepDims));
      }
    }
  });
});

/** A small CNN and a small 3-D net with the studies' layers; their loss gradients for every weight. */
function modelGradients(three: boolean, seed: number): [MakeInputs, Compute] {
  const rng = new Random(seed);
  const shape = three ? [4, 4, 8, 8, 2] : [8, 12, 12, 3];
  const x = normal(rng, shape), y = normal(rng, [shape[0], 1]);
  const seeds = [rng.int32(), rng.int32(), rng.int32(), rng.int32()]; // the same weights on both backends
  const compute: Compute = ([xt, yt]) => tf.tidy(() => {
    let next = 0;
    const init = () => tf.initializers.glorotUniform({ seed: seeds[next++] });
    const model = tf.sequential();
    if (three) {
      model.add(tf.layers.conv3d({ inputShape: shape.slice(1), filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }));
      model.add(tf.layers.maxPooling3d({ poolSize: [1, 2, 2] }));
    } else {
      model.add(tf.layers.conv2d({ inputShape: shape.slice(1), filters: 6, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }));
      model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
      model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: init() }));
    }
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: init() }));
    model.add(tf.layers.dense({ units: 1, kernelInitializer: init() }));
    const { grads } = tf.variableGrads(() => tf.losses.meanSquaredError(yt, model.apply(xt) as tf.Tensor) as tf.Scalar);
    const flat = Object.values(grads).map((g) => g.flatten());
    const out = tf.concat(flat);
    model.dispose();
    return out;
  });
  return [() => [tf.tensor(x.values, x.shape), tf.tensor(y.values, y.shape)], compute];
}

test('whole-model gradients (Conv2D/MaxPooling2D/Dense and Conv3D/MaxPooling3D/Dense) match cpu', { skip }, async () => {
  // Conv2D and Conv3D layers (with a bias) take the fused path of lib/backend/native-fused.ts: filter and bias gradients in one call.
  await atEachThreadCount(['NativeConv2DBackpropFilterBias', 'NativeConv3DBackpropFilterBias', 'NativeFusedConv3D', 'NativeReluGrad', 'MaxPoolGrad', 'MaxPool3DGrad', 'BatchMatMul', 'Sum'], async (threads) => {
    for (const three of [false, true]) await expectClose(`${threads} threads, ${three ? '3-D' : '2-D'} model`, ...modelGradients(three, 40 + Number(three)));
  });
});

/** Variables after five Adam steps with given gradients and a falling learning rate, on the active backend. */
function adamSteps(initial: { values: Float32Array; shape: number[] }[], steps: { values: Float32Array; shape: number[] }[][]): Float32Array {
  const vars = initial.map((w) => tf.tidy(() => tf.variable(tf.tensor(w.values, w.shape)))); // (tidy: the variable alone holds its data)
  const optimizer = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
  for (const [k, grads] of steps.entries()) {
    (optimizer as unknown as { learningRate: number }).learningRate = 0.01 / (k + 1);
    tf.tidy(() => optimizer.applyGradients(Object.fromEntries(vars.map((v, i) => [v.name, tf.tensor(grads[i].values, grads[i].shape)])) as unknown as Parameters<typeof optimizer.applyGradients>[0]));
  }
  const out = Float32Array.from(tf.tidy(() => tf.concat(vars.map((v) => v.flatten()))).dataSync());
  optimizer.dispose(); // (tfjs 4.22's Adam leaves one tensor behind here, with or without the native step)
  tf.dispose(vars);
  return out;
}

test('the fused Adam step matches tfjs\'s own Adam (on cpu) over five steps, with a changing learning rate', { skip }, async () => {
  const rng = new Random(31);
  const shapes = [[7, 5], [5], [3, 3, 2, 4]];
  const initial = shapes.map((s) => normal(rng, s));
  const steps = [0, 1, 2, 3, 4].map(() => shapes.map((s) => normal(rng, s)));
  const before = nativeAdamUpdates, beforeInPlace = nativeAdamInPlace;
  await tf.setBackend('cpu');
  const reference = adamSteps(initial, steps);
  await tf.setBackend('wasm');
  await atEachThreadCount([], async (threads) => {
    const err = relativeError(adamSteps(initial, steps), reference);
    assert.ok(err <= 1e-6, `${threads} threads: relative error ${err}`);
  });
  assert.equal(nativeAdamUpdates - before, 2 * 5 * shapes.length, 'the native Adam kernel did not update every variable');
  assert.equal(nativeAdamInPlace - beforeInPlace, 2 * 5 * shapes.length, 'unshared variables were not updated in place');
});

test('a clone of a variable taken before an Adam step keeps its values (shared data is not updated in place)', { skip }, async () => {
  const rng = new Random(32);
  const w = normal(rng, [6, 4]), g = normal(rng, [6, 4]);
  const step = (keepSnapshot: boolean): { after: Float32Array; snapshot: Float32Array | null } => {
    const v = tf.tidy(() => tf.variable(tf.tensor(w.values, w.shape)));
    const snapshot = keepSnapshot ? v.clone() : null;
    const optimizer = tf.train.adam(0.1);
    tf.tidy(() => optimizer.applyGradients([{ name: v.name, tensor: tf.tensor(g.values, g.shape) }]));
    const out = { after: Float32Array.from(v.dataSync()), snapshot: snapshot ? Float32Array.from(snapshot.dataSync()) : null };
    optimizer.dispose();
    tf.dispose([v, ...(snapshot ? [snapshot] : [])]);
    return out;
  };
  const inPlace = nativeAdamInPlace;
  const alone = step(false);
  assert.equal(nativeAdamInPlace - inPlace, 1, 'the unshared variable was not updated in place');
  const shared = step(true);
  assert.equal(nativeAdamInPlace - inPlace, 1, 'a variable with a live clone was updated in place');
  assert.deepEqual(Array.from(shared.snapshot!), Array.from(w.values), 'the clone changed with the variable');
  assert.deepEqual(Array.from(shared.after), Array.from(alone.after), 'in place and through the kernel differ');
  assert.ok(alone.after.some((x, i) => x !== w.values[i]), 'the step changed nothing');
});

/** Weights after two epochs of a small seeded CNN. */
async function trainedWeights(): Promise<Float32Array> {
  const rng = new Random(77);
  const x = tf.tensor(normal(rng, [64, 12, 12, 3]).values, [64, 12, 12, 3]), y = tf.tensor(normal(rng, [64, 1]).values, [64, 1]);
  const init = () => tf.initializers.glorotUniform({ seed: rng.int32() });
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [12, 12, 3], filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: init() }),
      tf.layers.dense({ units: 1, kernelInitializer: init() }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  await model.fit(x, y, { epochs: 2, batchSize: 16, shuffle: false, verbose: 0 });
  const weights = Float32Array.from(model.getWeights().flatMap((w) => Array.from(w.dataSync())));
  model.optimizer.dispose();
  model.dispose();
  tf.dispose([x, y]);
  return weights;
}

test('the same seed gives the same weights at the same thread count', { skip }, async () => {
  await atEachThreadCount(['NativeConv2DBackpropFilterBias'], async (threads) => {
    const first = await trainedWeights();
    const second = await trainedWeights();
    assert.ok(first.every((v, i) => v === second[i]), `${threads} threads: two trainings from the same seed differ`);
  });
});

test('the addon rejects arrays that do not fit the geometry, naming the argument', { skip }, () => {
  const addon = nativeAddon()!;
  const g = [2, 1, 1, 1, 3, 3, 1, 1, 3, 3, 1, 1, 1, 1, 0, 0];
  assert.throws(() => addon.convForward(g, new Float32Array(8), new Float32Array(1), null, false, new Float32Array(9)), /convForward x: has 8 elements, the geometry needs 9/);
  assert.throws(() => addon.convForward([4, 1], new Float32Array(1), new Float32Array(1), null, false, new Float32Array(1)), /spatial rank 2 or 3/);
  assert.throws(() => addon.setThreads(0), /at least 1/);
  const scalars = [0.01, 0.9, 0.999, 0.1, 0.001, 1e-7, 0.1, 0.001];
  assert.throws(() => addon.adamUpdateInPlace(new Float32Array(10), Float64Array.from([0, 2, 4, 6, 5]), scalars), /adamUpdateInPlace heap: has 10 elements, the call reaches 11/);
  assert.throws(() => addon.adamUpdateInPlace(new Float64Array(10) as unknown as Float32Array, Float64Array.from([0, 1, 2, 3, 1]), scalars), /adamUpdateInPlace heap: expected a Float32Array/);
});

/** Runs tests/backend/native-child.ts in its own process; stdout, status, and whether it timed out. */
function child(args: string[], env: Record<string, string>, timeoutMs: number): { stdout: string; stderr: string; status: number | null; timedOut: boolean } {
  const script = path.join(projectRoot(), 'tests', 'backend', 'native-child.ts');
  const proc = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: projectRoot(), env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs });
  return { stdout: proc.stdout ?? '', stderr: proc.stderr ?? '', status: proc.status, timedOut: proc.error?.message.includes('ETIMEDOUT') ?? false };
}

test('the strided 1×1 filter gradient (a oneDNN 2.6 jit_1x1 hang at 2 threads) runs 300 times with the same result', { skip }, () => {
  const run = child(['stress', '300'], { TFJS_THREADS: '2' }, 180_000);
  assert.ok(!run.timedOut, 'the stress run hung (killed after 180 s)');
  assert.equal(run.status, 0, run.stderr.split('\n').slice(-5).join('\n'));
  assert.match(run.stdout, /stress ok/);
  const g = [2, 16, 32, 64, 10, 10, 1, 1, 5, 5, 2, 2, 1, 1, 0, 0];
  assert.doesNotMatch(nativeAddon()!.convImplementations(g)[2], /1x1/, 'the strided 1×1 filter gradient must not use the jit_1x1 kernel');
});

test('TFJS_NATIVE=0 trains on plain wasm and says why in the backend line', () => {
  const run = child(['train'], { TFJS_NATIVE: '0', TFJS_BACKEND: '' }, 120_000);
  assert.equal(run.status, 0, run.stderr.split('\n').slice(-5).join('\n'));
  assert.match(run.stdout, /^tfjs backend: wasm \(tfjs [\d.]+, 1 thread\); oneDNN kernels off: switched off by TFJS_NATIVE=0$/m);
  assert.ok(Number.isFinite(Number(/loss=(\S+)/.exec(run.stdout)?.[1])), run.stdout);
});

test('TFJS_THREADS sets the oneDNN thread count printed with the backend', { skip }, () => {
  const run = child(['train'], { TFJS_THREADS: '1', TFJS_BACKEND: '' }, 120_000);
  assert.equal(run.status, 0, run.stderr.split('\n').slice(-5).join('\n'));
  assert.match(run.stdout, /^tfjs backend: wasm \(tfjs [\d.]+, oneDNN \d+\.\d+\.\d+, 1 thread\)$/m);
});
