import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { arrayBlock, type ArrayBlock, type ArrayData, type Batch, type BatchSource } from '../../lib/train/batches';
import { customFit, fit } from '../../lib/train/fit';
import { getLearningRate, getMomentum } from '../../lib/train/optimizer-params';
import { constant, oneCycle } from '../../lib/train/schedules';
import type { TextSink } from '../../lib/train/progress';
import { assertClose } from '../helpers';

before(async () => {
  await tf.setBackend('cpu');
});

const quiet = { progress: 'none' as const };

/** Two Gaussian features; the label is 1 when x0² + x1 > 0.5 (a curved boundary). */
function dataset(n: number, seed: number): ArrayData {
  const rng = new Random(seed);
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b] = [rng.normal(), rng.normal()];
    [x[2 * i], x[2 * i + 1]] = [a, b];
    y[i] = a * a + b > 0.5 ? 1 : 0;
  }
  return { x: arrayBlock(x, [n, 2]), y };
}

/** A small dense classifier with seeded initial weights. */
function makeModel(seed: number, optimizer: tf.Optimizer = tf.train.adam(0.02)): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 8, inputShape: [2], activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed }) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }));
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

function weightsOf(model: tf.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

/** A sink recording text. */
function sink(): TextSink & { text: string } {
  return { isTTY: false, text: '', write(s: string) { this.text += s; return true; } };
}

const train = dataset(256, 1);
const validation = dataset(128, 2);

test('a small dense model learns: the loss falls and the history has every column', async () => {
  const model = makeModel(10);
  const history = await fit(model, { train, validation }, { epochs: 8, batchSize: 32, rng: new Random(3), ...quiet });
  const loss = history.column('loss');
  assert.equal(history.length, 8);
  assert.ok(loss[7] < 0.7 * loss[0], `loss ${loss[0]} → ${loss[7]}`);
  assert.ok(history.column('val_acc')[7] > 0.75);
  assert.deepEqual(history.columns(), ['epoch', 'loss', 'acc', 'val_loss', 'val_acc', 'lr', 'seconds']);
  assert.deepEqual(history.column('epoch'), [1, 2, 3, 4, 5, 6, 7, 8]);
  model.dispose();
});

test('the same seed gives identical losses; another seed gives another batch order', async () => {
  const run = async (seed: number) => {
    const model = makeModel(20);
    const h = await fit(model, { train, validation }, { epochs: 3, batchSize: 32, rng: new Random(seed), ...quiet });
    model.dispose();
    return [...h.column('loss'), ...h.column('val_loss')];
  };
  const a = await run(7);
  assert.deepEqual(await run(7), a);
  assert.notDeepEqual(await run(8), a);
});

test('fit leaks no tensors (after the optimizer has made its slots)', async () => {
  const model = makeModel(30);
  const opts = { epochs: 2, batchSize: 32, rng: new Random(1), ...quiet };
  await fit(model, { train, validation }, opts); // Adam creates its moment variables on the first step
  const n0 = tf.memory().numTensors;
  await fit(model, { train, validation }, {
    ...opts,
    epochs: 4,
    classWeight: { 0: 1, 1: 2 },
    lrSchedule: oneCycle({ lrMax: 0.01 }),
    earlyStopping: { monitor: 'loss', mode: 'max', patience: 1 },
  });
  assert.equal(tf.memory().numTensors, n0);
  model.dispose();
});

test('the schedule sets the optimizer learning rate and β1 before every batch', async () => {
  const model = makeModel(40);
  const schedule = oneCycle({ lrMax: 0.01 });
  const total = 3 * 8;
  const seen: { lr: number; beta1: number; step: number }[] = [];
  const history = await fit(model, { train }, {
    epochs: 3,
    batchSize: 32,
    rng: new Random(1),
    lrSchedule: schedule,
    callbacks: { onBatchEnd: ({ step }) => void seen.push({ step, lr: getLearningRate(model.optimizer), beta1: getMomentum(model.optimizer)! }) },
    ...quiet,
  });
  assert.equal(seen.length, total);
  for (const { step, lr, beta1 } of seen) {
    assertClose(lr, schedule.lr(step - 1, total), { rtol: 1e-12 });
    assertClose(beta1, schedule.momentum!(step - 1, total), { rtol: 1e-12 });
  }
  assert.ok(seen[8].lr > seen[0].lr * 10); // it really moved
  assertClose(history.column('lr')[2], schedule.lr(total - 1, total), { rtol: 1e-12 });
  assert.equal(history.column('momentum').length, 3);
  model.dispose();
});

test('class weights scale the loss (checked with a learning rate of 0)', async () => {
  const lossWith = async (classWeight?: Record<number, number>) => {
    const model = makeModel(50, tf.train.sgd(0));
    const h = await fit(model, { train }, { epochs: 1, batchSize: 64, rng: new Random(1), classWeight, ...quiet });
    model.dispose();
    return h.column('loss')[0];
  };
  const plain = await lossWith();
  assertClose(await lossWith({ 0: 3, 1: 3 }), 3 * plain, { rtol: 1e-5 });
  const onlyOnes = await lossWith({ 0: 0, 1: 1 });
  assert.ok(onlyOnes > 0 && onlyOnes < plain);
});

test('early stopping halts at the expected epoch and restores the best epoch\'s weights (fit)', async () => {
  // monitoring `loss` in `max` mode: the falling loss never improves after epoch 1
  const model = makeModel(60);
  const snapshots: number[][][] = [];
  const history = await fit(model, { train }, {
    epochs: 10,
    batchSize: 32,
    rng: new Random(1),
    earlyStopping: { monitor: 'loss', mode: 'max', patience: 2 },
    callbacks: { onEpochEnd: () => void snapshots.push(weightsOf(model)) },
    ...quiet,
  });
  assert.equal(history.length, 3);
  assert.equal(history.stoppedEpoch, 3);
  assert.equal(history.stopReason, 'early-stopping');
  assert.equal(history.restoredEpoch, 1);
  assert.deepEqual(weightsOf(model), snapshots[0]);
  assert.notDeepEqual(snapshots[2], snapshots[0]);
  model.dispose();
});

test('customFit: early stopping on a scripted validation sequence restores the best weights', async () => {
  const script = [1.0, 0.8, 0.6, 0.65, 0.7, 0.61, 0.5, 0.4];
  const w = tf.variable(tf.scalar(0), true, 'w_custom');
  const target = tf.scalar(3);
  const seenW: number[] = [];
  const source: BatchSource<{ k: number }> = { batchesPerEpoch: 4, batches: () => [{ k: 1 }, { k: 2 }, { k: 3 }, { k: 4 }] };
  const history = await customFit(
    {
      optimizer: tf.train.sgd(0.05),
      variables: [w],
      step: (_b, ctx) => (ctx.training ? { loss: tf.square(tf.sub(w, target)) as tf.Scalar } : { loss: tf.scalar(script[ctx.epoch]) }),
      batchLength: () => 1,
      disposeBatch: () => {},
    },
    { train: source, validation: { batches: () => [{ k: 0 }] } },
    {
      epochs: 8,
      rng: new Random(1),
      earlyStopping: { patience: 3 },
      callbacks: { onEpochEnd: () => void seenW.push(w.dataSync()[0]) },
      ...quiet,
    },
  );
  assert.deepEqual(history.column('val_loss'), script.slice(0, 6).map(Math.fround)); // float32 scalars
  assert.equal(history.stoppedEpoch, 6);
  assert.equal(history.restoredEpoch, 3);
  assert.equal(w.dataSync()[0], seenW[2]);
  assert.notEqual(seenW[5], seenW[2]);
  tf.dispose([w, target]);
});

test('customFit trains a loss of its own and logs its extra terms; no tensors leak', async () => {
  // fit y = a·x + b by least squares with an extra logged term
  const rng = new Random(5);
  const xs = Float32Array.from({ length: 64 }, () => rng.normal());
  const ys = xs.map((x) => 2 * x - 1);
  const a = tf.variable(tf.scalar(0), true, 'a_custom');
  const b = tf.variable(tf.scalar(0), true, 'b_custom');
  const optimizer = tf.train.adam(0.1);
  const n0 = tf.memory().numTensors;
  const history = await customFit(
    {
      optimizer,
      variables: [a, b],
      step: (batch: Batch) => {
        const pred = tf.add(tf.mul(batch.x as tf.Tensor, a), b);
        const mse = tf.mean(tf.square(tf.sub(pred, batch.y as tf.Tensor))) as tf.Scalar;
        return { loss: mse, slope: a.clone() as tf.Scalar };
      },
    },
    { train: { x: arrayBlock(xs, [64]), y: arrayBlock(ys, [64]) } },
    { epochs: 30, batchSize: 16, rng: new Random(1), ...quiet },
  );
  const loss = history.column('loss');
  assert.ok(loss[29] < 0.05 * loss[0], `loss ${loss[0]} → ${loss[29]}`);
  assert.ok(history.columns().includes('slope'));
  assert.ok(Math.abs(a.dataSync()[0] - 2) < 0.2);
  // Adam's moment slots (2 per variable) are the only new tensors
  assert.equal(tf.memory().numTensors - n0, 4);
  tf.dispose([a, b]);
  optimizer.dispose();
});

test('an async generator source works, including one that does not know its length', async () => {
  const model = makeModel(70);
  const rows = 256;
  const x = (train.x as { data: Float32Array }).data;
  const y = train.y as Float32Array;
  const source: BatchSource = {
    async *batches(_epoch, rng) {
      const order = rng.permutation(rows);
      for (let start = 0; start < rows; start += 32) {
        await new Promise((r) => setTimeout(r, 0)); // as if read from disk
        const idx = order.subarray(start, start + 32);
        const xb = new Float32Array(idx.length * 2);
        const yb = new Float32Array(idx.length);
        idx.forEach((r, i) => ([xb[2 * i], xb[2 * i + 1], yb[i]] = [x[2 * r], x[2 * r + 1], y[r]]));
        yield { x: tf.tensor2d(xb, [idx.length, 2]), y: tf.tensor2d(yb, [idx.length, 1]) };
      }
    },
  };
  const n0 = tf.memory().numTensors;
  const out = sink();
  const history = await fit(model, { train: source }, { epochs: 6, rng: new Random(2), lrSchedule: constant(0.02), progress: 'lines', stream: out });
  const loss = history.column('loss');
  assert.ok(loss[5] < 0.8 * loss[0]);
  assert.match(out.text, /100% 48\/48/); // the total became known after the first epoch
  await assert.rejects(
    fit(model, { train: source }, { epochs: 2, rng: new Random(2), lrSchedule: oneCycle({ lrMax: 0.01 }), ...quiet }),
    /number of batches/,
  );
  // Adam's moment slots for 4 weights appeared on the first step; nothing else stays behind
  assert.equal(tf.memory().numTensors - n0, 8);
  model.dispose();
});

test('progress in a log writes a bounded number of lines; verbose adds one per epoch', async () => {
  const model = makeModel(80);
  const out = sink();
  await fit(model, { train }, { epochs: 20, batchSize: 16, rng: new Random(1), progress: 'lines', stream: out });
  const lines = out.text.trimEnd().split('\n');
  assert.ok(lines.length <= 11, `${lines.length} lines for 320 batches`);
  assert.match(lines[lines.length - 1], /^train 100% 320\/320 .*epoch 20 {2}loss /);
  const verbose = sink();
  await fit(model, { train }, { epochs: 3, batchSize: 64, rng: new Random(1), progress: 'none', verbose: true, stream: verbose });
  assert.equal(verbose.text.trimEnd().split('\n').length, 3);
  model.dispose();
});

test('training stops on a NaN loss and when a callback asks; bad settings are refused', async () => {
  const w = tf.variable(tf.scalar(1), true, 'w_nan');
  const source: BatchSource<number> = { batchesPerEpoch: 3, batches: () => [1, 2, 3] };
  const spec = { optimizer: tf.train.sgd(0.1), variables: [w], batchLength: () => 1, disposeBatch: () => {} };
  const nan = await customFit({ ...spec, step: (k: number) => ({ loss: tf.mul(tf.mul(w, w), k === 2 ? NaN : 1) as tf.Scalar }) }, { train: source }, { epochs: 5, rng: new Random(1), ...quiet });
  assert.equal(nan.stopReason, 'nan-loss');
  assert.equal(nan.length, 1);
  tf.tidy(() => w.assign(tf.scalar(1))); // the NaN step left w = NaN
  const byCallback = await customFit({ ...spec, step: () => ({ loss: tf.mul(w, w) as tf.Scalar }) }, { train: source }, {
    epochs: 5,
    rng: new Random(1),
    callbacks: { onEpochEnd: (row) => row.epoch === 2 },
    ...quiet,
  });
  assert.equal(byCallback.length, 2);
  assert.equal(byCallback.stopReason, 'callback');
  await assert.rejects(
    customFit({ ...spec, step: () => ({ loss: tf.mul(w, w) as tf.Scalar }) }, { train: source }, { epochs: 2, rng: new Random(1), earlyStopping: {}, ...quiet }),
    /no validation data/,
  );
  const uncompiled = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
  await assert.rejects(fit(uncompiled, { train }, { epochs: 1, rng: new Random(1) }), /compile the model/);
  uncompiled.dispose();
  w.dispose();
});

test('a functional model with named inputs takes batches keyed by input name', async () => {
  // inputs of different widths: a wrong pairing would fail on shapes
  const a = tf.input({ shape: [2], name: 'a' });
  const b = tf.input({ shape: [1], name: 'b' });
  const dense = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }).apply(a) as tf.SymbolicTensor;
  const joined = tf.layers.add().apply([dense, b]) as tf.SymbolicTensor;
  const out = tf.layers.activation({ activation: 'sigmoid' }).apply(joined) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [a, b], outputs: out });
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' });
  const x = (train.x as { data: Float32Array }).data;
  const n = 256;
  const x0 = arrayBlock(Float32Array.from({ length: n }, (_, i) => x[2 * i]), [n, 1]);
  // given in the opposite order to the model's inputs: matching is by name
  const history = await fit(model, { train: { x: { b: x0, a: train.x as ArrayBlock }, y: train.y } }, { epochs: 5, batchSize: 32, rng: new Random(1), ...quiet });
  const loss = history.column('loss');
  assert.ok(loss[4] < loss[0]);
  await assert.rejects(fit(model, { train: { x: [x0, train.x as ArrayBlock], y: train.y } }, { epochs: 1, rng: new Random(1), ...quiet }));
  model.dispose();
});

test('microBatch: slices with summed gradients take the same step as the whole batch, and validate in slices', async () => {
  const make = (): tf.Sequential => {
    const m = tf.sequential();
    m.add(tf.layers.dense({ units: 6, activation: 'relu', inputShape: [3], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
    m.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
    m.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    return m;
  };
  const r = new Random(12);
  const x = Float32Array.from({ length: 40 * 3 }, () => r.normal());
  const y = Float32Array.from({ length: 40 }, (_, i) => (x[3 * i] > 0 ? 1 : 0));
  const data = { train: { x: arrayBlock(x.subarray(0, 30 * 3), [30, 3]), y: y.subarray(0, 30) }, validation: { x: arrayBlock(x.subarray(30 * 3), [10, 3]), y: y.subarray(30) } };
  const options = { epochs: 3, batchSize: 10, rng: new Random(5), progress: 'none' as const };
  const [whole, sliced] = [make(), make()];
  const h1 = await fit(whole, data, options);
  const h2 = await fit(sliced, data, { ...options, microBatch: 3 });
  for (const key of ['loss', 'acc', 'val_loss', 'val_acc']) {
    h1.column(key).forEach((v, i) => assert.ok(Math.abs(v - h2.column(key)[i]) < 1e-5, `${key} epoch ${i + 1}: ${v} vs ${h2.column(key)[i]}`));
  }
  const w1 = whole.getWeights().flatMap((t) => Array.from(t.dataSync()));
  const w2 = sliced.getWeights().flatMap((t) => Array.from(t.dataSync()));
  w1.forEach((v, k) => assert.ok(Math.abs(v - w2[k]) < 1e-5, `weight ${k}: ${v} vs ${w2[k]}`));
  [whole, sliced].forEach((m) => m.dispose());
});
