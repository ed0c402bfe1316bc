/**
 * Conv2D, Conv3D and Dense layers with bias and ReLU fused into the kernel while training (lib/backend/native-fused.ts)
 * against tfjs's own layers on the cpu backend, at 1 and 2 threads: the output and the gradients with
 * respect to the input, the kernel and the bias (relative error ≤ 1e-4), over padding × stride × kernel
 * size × activation × bias; layers the fused path does not take (sigmoid, ELU, a 3-D input to
 * Dense) still match and run the layer's own method.
 *
 * Skipped, with the reason, when the oneDNN addon is not built.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { setNativeThreads } from '../../lib/backend';
import { loadNativeAddon, threadsFromEnv } from '../../lib/backend/native-addon';
import { nativeFusedCalls } from '../../lib/backend/native-fused';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu } from './compare';

const TOLERANCE = 1e-4;
const THREADS = [1, 2];
const status = loadNativeAddon();
const skip = 'reason' in status ? `oneDNN addon not loaded: ${status.reason}` : false;

before(setUpBackends);
after(() => setNativeThreads(threadsFromEnv()));

type Plain = { values: Float32Array; shape: number[] };

/**
 * Output, dx, dkernel and dbias of `makeLayer()` applied in training mode to x, for the loss Σ y·r,
 * concatenated; the layer's weights are set to the given values and disposed afterwards.
 */
function layerValuesAndGradients(makeLayer: () => tf.layers.Layer, weights: Plain[]) {
  return ([x, r]: tf.Tensor[]): tf.Tensor => {
    const layer = makeLayer();
    tf.dispose(layer.apply(x) as tf.Tensor); // builds the weights
    const values = weights.map((w) => tf.tensor(w.values, w.shape));
    layer.setWeights(values);
    tf.dispose(values);
    const loss = (input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input, { training: true }) as tf.Tensor, r));
    const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
    const out = tf.tidy(() => {
      const y = layer.apply(x, { training: true }) as tf.Tensor;
      const dx = tf.grad(loss)(x);
      const { grads } = tf.variableGrads(() => loss(x) as tf.Scalar, variables);
      return tf.concat([y.flatten(), dx.flatten(), ...variables.map((v) => grads[v.name].flatten())]);
    });
    tf.dispose(layer.weights.map((w) => w.read()));
    return out;
  };
}

async function expectLayerClose(label: string, makeLayer: () => tf.layers.Layer, x: Plain, outShape: number[], weights: Plain[], rng: Random): Promise<void> {
  const r = normal(rng, outShape);
  for (const threads of THREADS) {
    setNativeThreads(threads);
    const err = await wasmVsCpu(() => [tf.tensor(x.values, x.shape), tf.tensor(r.values, r.shape)], layerValuesAndGradients(makeLayer, weights));
    assert.ok(err <= TOLERANCE, `${label}, ${threads} threads: relative error ${err}`);
  }
}

test('Conv2D layers with bias and ReLU fused while training match tfjs on cpu (padding × stride × kernel × activation × bias)', { skip }, async () => {
  const before = nativeFusedCalls.conv2d;
  let seed = 0;
  for (const padding of ['valid', 'same'] as const)
    for (const strides of [1, 2])
      for (const kernelSize of [1, 3, 5])
        for (const activation of ['relu', 'linear'] as const)
          for (const useBias of [true, false]) {
            const rng = new Random(++seed);
            const inC = 1 + (seed % 3), filters = 2 + (seed % 4);
            const x = normal(rng, [3, 9, 8, inC]);
            const weights = [normal(rng, [kernelSize, kernelSize, inC, filters]), ...(useBias ? [normal(rng, [filters])] : [])];
            const outShape = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], weights[0].shape as [number, number, number, number], strides, 1, padding).outShape;
            const make = () => tf.layers.conv2d({ filters, kernelSize, strides, padding, activation, useBias });
            await expectLayerClose(JSON.stringify({ padding, strides, kernelSize, activation, useBias }), make, x, outShape, weights, rng);
          }
  assert.ok(nativeFusedCalls.conv2d > before, 'the fused Conv2D path never ran');
});

test('Conv3D layers with bias and ReLU in one kernel while training match tfjs on cpu (padding × stride × kernel × activation × bias)', { skip }, async () => {
  const before = nativeFusedCalls.conv3d;
  let seed = 200;
  for (const padding of ['valid', 'same'] as const)
    for (const strides of [1, 2])
      for (const kernelSize of [1, 3])
        for (const activation of ['relu', 'linear'] as const)
          for (const useBias of [true, false]) {
            const rng = new Random(++seed);
            const inC = 1 + (seed % 2), filters = 2 + (seed % 3);
            const x = normal(rng, [2, 5, 6, 4, inC]);
            const weights = [normal(rng, [kernelSize, kernelSize, kernelSize, inC, filters]), ...(useBias ? [normal(rng, [filters])] : [])];
            const outShape = tf.backend_util.computeConv3DInfo(x.shape as [number, number, number, number, number], weights[0].shape as [number, number, number, number, number], strides, 1, padding).outShape;
            const make = () => tf.layers.conv3d({ filters, kernelSize, strides, padding, activation, useBias });
            await expectLayerClose(JSON.stringify({ conv3d: true, padding, strides, kernelSize, activation, useBias }), make, x, outShape, weights, rng);
          }
  assert.ok(nativeFusedCalls.conv3d > before, 'the fused Conv3D path never ran');
});

test('Dense layers with bias and ReLU fused while training match tfjs on cpu', { skip }, async () => {
  const before = nativeFusedCalls.dense;
  let seed = 100;
  for (const activation of ['relu', 'linear'] as const)
    for (const useBias of [true, false])
      for (const [rows, inputs, units] of [[7, 5, 3], [64, 30, 256], [1, 4, 1]]) {
        const rng = new Random(++seed);
        const x = normal(rng, [rows, inputs]);
        const weights = [normal(rng, [inputs, units]), ...(useBias ? [normal(rng, [units])] : [])];
        const make = () => tf.layers.dense({ units, activation, useBias });
        await expectLayerClose(JSON.stringify({ activation, useBias, rows, inputs, units }), make, x, [rows, units], weights, rng);
      }
  assert.ok(nativeFusedCalls.dense > before, 'the fused Dense path never ran');
});

test('layers the fused path does not take (sigmoid, ELU, a 3-D input to Dense) run their own method and match cpu', { skip }, async () => {
  const before = { ...nativeFusedCalls };
  const rng = new Random(7);
  const x4 = normal(rng, [2, 9, 9, 2]), x3 = normal(rng, [2, 3, 4]);
  const conv = [normal(rng, [3, 3, 2, 3]), normal(rng, [3])], dense = [normal(rng, [4, 5]), normal(rng, [5])];
  await expectLayerClose('sigmoid Conv2D', () => tf.layers.conv2d({ filters: 3, kernelSize: 3, activation: 'sigmoid' }), x4, [2, 7, 7, 3], conv, rng);
  await expectLayerClose('ELU Conv2D', () => tf.layers.conv2d({ filters: 3, kernelSize: 3, activation: 'elu' }), x4, [2, 7, 7, 3], conv, rng);
  await expectLayerClose('Dense on 3-D input', () => tf.layers.dense({ units: 5, activation: 'relu' }), x3, [2, 3, 5], dense, rng);
  assert.deepEqual(nativeFusedCalls, before, 'the fused path took a layer it should have left alone');
});
