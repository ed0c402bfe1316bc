/**
 * Every layer the studies use trains on the wasm backend (with the kernels of lib/backend/): the loss
 * is finite and decreases over a few epochs, training leaks no tensors, and wasm and cpu give the same
 * forward output for the same weights.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../lib/random';
import { relativeError, setUpBackends } from './compare';

before(setUpBackends);

interface LayerCase {
  name: string;
  inputShape: number[];
  /** Layers before the final (flatten →) dense(1); `seed` seeds their initialisers. */
  layers: (seed: () => number) => tf.layers.Layer[];
  /** Integer inputs in [0, vocabulary) instead of normal ones (for Embedding). */
  vocabulary?: number;
}

const glorot = (seed: () => number) => tf.initializers.glorotUniform({ seed: seed() });

const CASES: LayerCase[] = [
  { name: 'Conv1D + MaxPooling1D', inputShape: [24, 3], layers: (s) => [tf.layers.conv1d({ filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(s) }), tf.layers.maxPooling1d({ poolSize: 2 })] },
  { name: 'Conv2D + MaxPooling2D', inputShape: [10, 10, 2], layers: (s) => [tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: glorot(s) }), tf.layers.maxPooling2d({ poolSize: 2 })] },
  { name: 'Conv2D strided + AveragePooling2D', inputShape: [11, 11, 2], layers: (s) => [tf.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: glorot(s) }), tf.layers.averagePooling2d({ poolSize: 2 })] },
  { name: 'Conv2D + GlobalAveragePooling2D', inputShape: [8, 8, 3], layers: (s) => [tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(s) }), tf.layers.globalAveragePooling2d({})] },
  { name: 'Conv3D + MaxPooling3D', inputShape: [6, 6, 6, 1], layers: (s) => [tf.layers.conv3d({ filters: 3, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(s) }), tf.layers.maxPooling3d({ poolSize: 2 })] },
  { name: 'Dense + BatchNormalization', inputShape: [6], layers: (s) => [tf.layers.dense({ units: 8, kernelInitializer: glorot(s) }), tf.layers.batchNormalization({}), tf.layers.activation({ activation: 'relu' })] },
  { name: 'Dense + Dropout', inputShape: [6], layers: (s) => [tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: glorot(s) }), tf.layers.dropout({ rate: 0.3, seed: s() })] },
  { name: 'GaussianNoise + Dense', inputShape: [6], layers: (s) => [tf.layers.gaussianNoise({ stddev: 0.1 }), tf.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: glorot(s) })] },
  { name: 'Embedding', inputShape: [5], vocabulary: 20, layers: (s) => [tf.layers.embedding({ inputDim: 20, outputDim: 4, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: s() }) })] },
  { name: 'Rescaling + Dense', inputShape: [6], layers: (s) => [tf.layers.rescaling({ scale: 0.5, offset: 0.1 }), tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: glorot(s) })] },
];

function buildModel(c: LayerCase, rng: Random): tf.Sequential {
  const seed = () => rng.integer(0, 2 ** 31);
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: c.inputShape }));
  for (const layer of c.layers(seed)) model.add(layer);
  if (model.outputs[0].shape.length > 2) model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 1, kernelInitializer: glorot(seed) }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
  return model;
}

/** 32 seeded samples and a learnable target (a fixed projection of the inputs). */
function makeData(c: LayerCase, rng: Random): { x: tf.Tensor; y: tf.Tensor } {
  const perSample = c.inputShape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(32 * perSample);
  for (let i = 0; i < values.length; i++) values[i] = c.vocabulary ? rng.integer(0, c.vocabulary) : rng.normal();
  const targets = new Float32Array(32);
  for (let s = 0; s < 32; s++) {
    for (let j = 0; j < perSample; j++) targets[s] += (c.vocabulary ? (values[s * perSample + j] % 3) - 1 : values[s * perSample + j]) * (j % 2 ? 0.3 : -0.2);
  }
  return { x: tf.tensor(values, [32, ...c.inputShape]), y: tf.tensor2d(targets, [32, 1]) };
}

for (const [i, c] of CASES.entries()) {
  test(`${c.name} trains on wasm (finite, decreasing loss, no leaks) and matches cpu forward`, async () => {
    await tf.setBackend('wasm');
    const rng = new Random(1000 + i);
    const model = buildModel(c, rng);
    const { x, y } = makeData(c, rng);
    await model.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0 }); // creates the optimiser's slots
    const before = { tensors: tf.memory().numTensors, buffers: tf.backend().numDataIds() };
    const history = await model.fit(x, y, { epochs: 6, batchSize: 8, shuffle: false, verbose: 0 });
    assert.equal(tf.memory().numTensors, before.tensors, 'training leaked tensors');
    assert.equal(tf.backend().numDataIds(), before.buffers, 'training leaked wasm buffers');
    const losses = history.history.loss.map(Number);
    assert.ok(losses.every(Number.isFinite), `non-finite loss: ${losses}`);
    assert.ok(losses[losses.length - 1] < losses[0], `loss did not decrease: ${losses.map((l) => l.toFixed(4))}`);

    const predict = () => tf.tidy(() => Float32Array.from((model.predict(x) as tf.Tensor).dataSync()));
    const onWasm = predict();
    await tf.setBackend('cpu'); // the same weights, moved to the cpu backend
    const onCpu = predict();
    await tf.setBackend('wasm');
    const err = relativeError(onWasm, onCpu);
    assert.ok(err <= 1e-4, `forward outputs differ between wasm and cpu: relative error ${err}`);
    model.dispose();
    tf.dispose([x, y]);
  });
}
