/** Backend selection (lib/backend.ts): choice, TFJS_BACKEND override, idempotence, the fake tfjs-node. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { projectRoot } from '../lib/paths';
import { backendName, describeBackend, initBackend } from '../lib/backend';
import { WASM_KERNELS } from '../lib/backend/wasm-kernels';

test('picks wasm here (no real native binding), registers our kernels, is idempotent', async () => {
  delete process.env.TFJS_BACKEND;
  const name = await initBackend({ quiet: true });
  assert.equal(name, 'wasm');
  assert.equal(backendName(), 'wasm');
  assert.match(describeBackend(), /^wasm \(tfjs 4\.\d+\.\d+, (oneDNN \d+\.\d+\.\d+, )?\d+ threads?\)$/);
  for (const kernel of ['Conv2DBackpropFilter', 'UnsortedSegmentSum']) assert.ok(tf.getKernel(kernel, 'wasm'), kernel);
  assert.ok(WASM_KERNELS.includes('Conv2DBackpropFilter'));
  assert.equal(await initBackend(), 'wasm'); // same choice, prints nothing new
  await tf.setBackend('cpu');
  assert.equal(await initBackend(), 'wasm'); // and makes it active again
  assert.equal(backendName(), 'wasm');
});

test('TFJS_BACKEND overrides the choice and is validated', async () => {
  process.env.TFJS_BACKEND = 'cpu';
  try {
    assert.equal(await initBackend({ quiet: true }), 'cpu');
    assert.equal(backendName(), 'cpu');
    process.env.TFJS_BACKEND = 'gpu';
    assert.throws(() => initBackend({ quiet: true }), /TFJS_BACKEND="gpu"/);
  } finally {
    delete process.env.TFJS_BACKEND;
  }
  assert.equal(await initBackend({ backend: 'wasm', quiet: true }), 'wasm');
});

/** True if node_modules holds the real native package (then the next test does not apply). */
function realNativeInstalled(): boolean {
  try {
    const req = createRequire(path.join(projectRoot(), 'package.json'));
    return JSON.parse(fs.readFileSync(req.resolve('@tensorflow/tfjs-node/package.json'), 'utf8')).name === '@tensorflow/tfjs-node';
  } catch {
    return false;
  }
}

test('the npm alias of plain tfjs installed as @tensorflow/tfjs-node is not taken for the native backend', { skip: realNativeInstalled() }, async () => {
  await assert.rejects(initBackend({ backend: 'tensorflow', quiet: true }), /no real @tensorflow\/tfjs-node/);
  assert.equal(tf.findBackendFactory('tensorflow'), null);
  assert.equal(await initBackend({ backend: 'wasm', quiet: true }), 'wasm');
});
