import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { Random } from '../../lib/random';
import { buildCnn, compileCnn, inputShape, type Architecture } from '../../lib/newsdm/model';

const ARCHS: Architecture[] = ['simple2d', 'vgg2d', 'simple3d', 'vgg3d'];

test('every architecture maps its input to one sigmoid, a softmax, or class + angle outputs', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  for (const arch of ARCHS) {
    const shape = inputShape(arch, 16);
    assert.deepEqual(shape, arch.endsWith('3d') ? [8, 16, 16, 1] : [16, 16, 8]);
    const x = tf.randomUniform([3, ...shape], 0, 1, 'float32', 1);
    for (const [nClasses, angleOutput, outShapes] of [[2, false, [[3, 1]]], [6, false, [[3, 6]]], [2, true, [[3, 1], [3, 2]]]] as const) {
      const model = buildCnn(arch, { size: 16, width: 2, denseUnits: 8, nClasses, angleOutput, rng: new Random(1) });
      tf.dispose(model.predict(x)); // the first call may cache constants
      const before = tf.memory().numTensors;
      const out = model.predict(x);
      const outs = Array.isArray(out) ? out : [out];
      assert.deepEqual(outs.map((t) => t.shape), outShapes, `${arch} ${nClasses} ${angleOutput}`);
      const leaked = tf.memory().numTensors - before - outs.length;
      if (nClasses === 6) assert.ok(Math.abs((tf.tidy(() => outs[0].sum().arraySync()) as number) - 3) < 1e-4, 'softmax rows sum to 1');
      tf.dispose(outs);
      assert.equal(leaked, 0, `${arch}: predict leaks no tensors`);
      model.dispose();
    }
    x.dispose();
  }
});

test('the same seed builds the same weights', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const w = (seed: number) => buildCnn('vgg3d', { size: 8, width: 2, rng: new Random(seed) }).getWeights()[0].dataSync();
  assert.deepEqual(w(3), w(3));
  assert.notDeepEqual(w(3), w(4));
});

test('a few training steps of the two-headed 3D model give a finite, falling loss', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const model = compileCnn(buildCnn('simple3d', { size: 8, width: 4, denseUnits: 8, dropout: 0, angleOutput: true, rng: new Random(2) }), { lr: 1e-2 });
  const x = tf.randomUniform([16, 8, 8, 8, 1], 0, 1, 'float32', 3);
  const y = tf.tensor2d(Array.from({ length: 16 }, (_, i) => [i % 2]));
  const a = tf.tensor2d(Array.from({ length: 16 }, (_, i) => [Math.cos(i), Math.sin(i)]));
  const losses: number[] = [];
  for (let s = 0; s < 15; s++) {
    const l = (await model.trainOnBatch(x, [y, a])) as number[];
    losses.push(l[0]);
  }
  assert.ok(losses.every(Number.isFinite));
  assert.ok(losses.at(-1)! < losses[0], `loss ${losses[0]} → ${losses.at(-1)}`);
  tf.dispose([x, y, a]);
  model.dispose();
});
