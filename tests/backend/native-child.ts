/**
 * Child process of tests/backend/native-kernels.test.ts, for what must run in a process of its own:
 *   - `train`: a short training on whatever `initBackend` picks (the environment sets TFJS_NATIVE /
 *     TFJS_THREADS); prints the backend line it logged and then `loss=<last loss>`;
 *   - `stress <repetitions>`: the filter gradient of a stride-2 1×1 convolution (NHWC 10×10 → 5×5),
 *     which hung or corrupted the heap in oneDNN 2.6's jit_1x1 kernel with 2 threads, repeated and
 *     checked against the first result; prints `stress ok` (a hang is caught by the parent's timeout).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { Random } from '../../lib/random';
import { normal } from './compare';

async function train(): Promise<void> {
  await initBackend(); // prints the backend line
  const rng = new Random(5);
  const x = normal(rng, [32, 8, 8, 2]);
  const y = normal(rng, [32, 1]);
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [8, 8, 2], filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  const history = await model.fit(tf.tensor(x.values, x.shape), tf.tensor(y.values, y.shape), { epochs: 2, batchSize: 8, shuffle: false, verbose: 0 });
  console.log(`loss=${Number(history.history.loss[1])}`);
}

async function stress(repetitions: number): Promise<void> {
  await initBackend({ quiet: true });
  const rng = new Random(9);
  const x = tf.tensor(normal(rng, [16, 10, 10, 32]).values, [16, 10, 10, 32]) as tf.Tensor4D;
  const dy = tf.tensor(normal(rng, [16, 5, 5, 64]).values, [16, 5, 5, 64]) as tf.Tensor4D;
  const filterGrad = () => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 2, pad: 'valid', dataFormat: 'NHWC', filterShape: [1, 1, 32, 64] }) as tf.Tensor;
  const first = await filterGrad().data();
  for (let r = 0; r < repetitions; r++) {
    const again = filterGrad();
    const values = again.dataSync();
    again.dispose();
    if (values.some((v, i) => v !== first[i])) throw new Error(`repetition ${r}: the filter gradient changed`);
  }
  console.log('stress ok');
}

const [mode, arg] = process.argv.slice(2);
(mode === 'train' ? train() : mode === 'stress' ? stress(Number(arg ?? 300)) : Promise.reject(new Error(`unknown mode ${mode}`))).catch((err) => {
  console.error(err);
  process.exit(1);
});
