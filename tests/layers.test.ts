import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../lib/backend';
import { dropoutMultiplier, keptFrom } from '../lib/dropout-mask';
import { dropout, gaussianNoise, mcDropout } from '../lib/layers';
import { Random } from '../lib/random';
import { assertClose } from './helpers';

before(async () => {
  await tf.setBackend('cpu');
});

function masks(seed: number, calls: number): number[][] {
  const layer = dropout({ rate: 0.5, rng: new Random(seed) });
  const x = tf.ones([1, 200]);
  const out: number[][] = [];
  for (let i = 0; i < calls; i++) {
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    out.push(Array.from(y.dataSync()));
    y.dispose();
  }
  x.dispose();
  return out;
}

test('seeded dropout: reproducible, a new mask at every call, inverted scaling, identity at inference', () => {
  const a = masks(1, 3);
  assert.deepEqual(a, masks(1, 3));
  assert.notDeepEqual(a[0], a[1]);
  assert.notDeepEqual(a[0], masks(2, 1)[0]);
  const kept = a[0].filter((v) => v !== 0);
  assert.ok(kept.every((v) => Math.abs(v - 2) < 1e-6), 'kept units are scaled by 1/(1−rate)');
  assertClose(kept.length / 200, 0.5, { atol: 0.12 });
  const layer = dropout({ rate: 0.5, rng: new Random(1) });
  const x = tf.ones([2, 5]);
  assert.deepEqual(Array.from((layer.apply(x) as tf.Tensor).dataSync()), new Array(10).fill(1));
  assert.throws(() => dropout({ rate: 1, rng: new Random(1) }), /rate must be in/);
});

/** A layer whose generator hands out `seed` first: its first training call draws the mask of tf.dropout(x, rate, undefined, seed). */
function layerWithSeed(rate: number, seed: number) {
  const rng = new Random(1);
  rng.int32 = () => seed;
  return dropout({ rate, rng });
}

test('seeded dropout gives tf.dropout\'s numbers bit for bit (values and gradient, cpu and wasm)', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  try {
    for (const backend of ['cpu', 'wasm']) {
      await tf.setBackend(backend);
      for (const [rate, shape, seed] of [[0.1, [64, 200], 7], [0.5, [3, 5, 7], -123456], [0.3, [1000], 2147483647], [0.9, [17, 3], 0], [1e-9, [50], 99]] as [number, number[], number][]) {
        const before = { tensors: tf.memory().numTensors, buffers: tf.backend().numDataIds() };
        const [mine, theirs, gMine, gTheirs] = tf.tidy(() => {
          const x = tf.randomNormal(shape, 0, 1, 'float32', 5);
          const w = tf.randomNormal(shape, 0, 1, 'float32', 6);
          const layer = layerWithSeed(rate, seed);
          const f = (v: tf.Tensor) => tf.sum(tf.mul(layer.apply(v, { training: true }) as tf.Tensor, w));
          const g = (v: tf.Tensor) => tf.sum(tf.mul(tf.dropout(v, rate, undefined, seed), w));
          return [layerWithSeed(rate, seed).apply(x, { training: true }) as tf.Tensor, tf.dropout(x, rate, undefined, seed), tf.grad(f)(x), tf.grad(g)(x)].map((t) => t.dataSync());
        });
        const name = `${backend}, rate ${rate}, shape ${JSON.stringify(shape)}, seed ${seed}`;
        assert.deepEqual({ tensors: tf.memory().numTensors, buffers: tf.backend().numDataIds() }, before, `tensors or buffers left behind: ${name}`);
        assert.deepEqual(Array.from(mine), Array.from(theirs), `values: ${name}`);
        assert.deepEqual(Array.from(gMine), Array.from(gTheirs), `gradient: ${name}`);
      }
    }
  } finally {
    await tf.setBackend('cpu');
  }
});

test('the dropout multiplier is tf.dropout\'s floor(u + keep) / keep for u = tf.randomUniform', () => {
  // 200 000 draws: Alea's rare carry (about one draw in 2000) and draws next to the threshold occur
  for (const [rate, seed, size] of [[0.1, 3, 200_000], [0.25, -8, 5000], [0.999, 12, 5000], [0.5, 2 ** 31 - 1, 200_000], [1e-9, 5, 5000]]) {
    const keep = 1 - rate;
    const expected = tf.tidy(() => tf.div(tf.floor(tf.add(tf.randomUniform([size], 0, 1, 'float32', seed), keep)), keep).dataSync());
    const mine = dropoutMultiplier(size, rate, seed);
    const first = mine.findIndex((v, i) => !Object.is(v, expected[i]));
    assert.equal(first, -1, `rate ${rate}, seed ${seed}: first difference at ${first}`);
  }
});

test('keptFrom is the smallest float32 draw that the kernels keep (fround(u + keep) ≥ 1)', () => {
  const below = (u: number) => { // the float32 just under u > 0
    const f = new Float32Array([u]);
    new Int32Array(f.buffer)[0] -= 1;
    return f[0];
  };
  for (const rate of [0.1, 0.2, 0.25, 0.3, 0.5, 0.7, 0.9, 0.999, 1e-6]) {
    const keep = Math.fround(1 - rate), u = keptFrom(keep);
    assert.equal(Math.fround(u), u, `rate ${rate}: not a float32`);
    assert.ok(Math.fround(u + keep) >= 1 && Math.fround(below(u) + keep) < 1, `rate ${rate}: ${u} is not the threshold`);
  }
});

test('MC dropout stays on at inference', () => {
  const layer = mcDropout({ rate: 0.5, rng: new Random(3) });
  const y = (layer.apply(tf.ones([1, 100])) as tf.Tensor).dataSync();
  assert.ok(Array.from(y).some((v) => v === 0));
});

test('seeded Gaussian noise: reproducible, right spread, off at inference', () => {
  const draw = (seed: number) => {
    const layer = gaussianNoise({ stddev: 0.8, rng: new Random(seed) });
    return Array.from((layer.apply(tf.zeros([1, 5000]), { training: true }) as tf.Tensor).dataSync());
  };
  const a = draw(4);
  assert.deepEqual(a, draw(4));
  const sd = Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);
  assertClose(sd, 0.8, { atol: 0.04 });
  const layer = gaussianNoise({ stddev: 0.8, rng: new Random(4) });
  assert.deepEqual(Array.from((layer.apply(tf.ones([1, 3])) as tf.Tensor).dataSync()), [1, 1, 1]);
});

test('a model with seeded noise trains reproducibly and does not leak tensors', async () => {
  const run = async () => {
    const rng = new Random(9);
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 8, inputShape: [4], activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        dropout({ rate: 0.3, rng: rng.fork('dropout') }),
        gaussianNoise({ stddev: 0.1, rng: rng.fork('noise') }),
        tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
    const x = tf.tensor2d(Array.from({ length: 64 }, (_, i) => Math.sin(i)), [16, 4]);
    const y = tf.tensor2d(Array.from({ length: 16 }, (_, i) => i / 16), [16, 1]);
    const before = tf.memory().numTensors;
    const h = await model.fit(x, y, { epochs: 3, batchSize: 8, shuffle: false, verbose: 0 });
    const leaked = tf.memory().numTensors - before;
    tf.dispose([x, y]);
    model.dispose();
    return { loss: h.history.loss as number[], leaked };
  };
  const first = await run();
  const second = await run();
  assert.deepEqual(first.loss, second.loss);
  assert.ok(first.loss.every(Number.isFinite));
  assert.ok(first.leaked < 20, `leaked ${first.leaked}`); // optimizer state only
});
