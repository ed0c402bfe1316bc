/**
 * Test helper: run the same computation on the `wasm` and `cpu` backends and compare the results.
 * Inputs are built per backend from seeded plain arrays; the computation runs outside any tf.tidy, so a
 * kernel that leaks an intermediate tensor fails the comparison.
 */
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { Random } from '../../lib/random';

/** Starts wasm (with the project's kernels) and makes sure cpu is registered; leaves wasm active. */
export async function setUpBackends(): Promise<void> {
  await initBackend({ backend: 'cpu', quiet: true });
  await initBackend({ backend: 'wasm', quiet: true });
}

/** Builds the inputs of a computation (plain seeded arrays → tensors on the active backend). */
export type MakeInputs = () => tf.Tensor[];
/** The computation under test, run outside any tidy so that a kernel leaking tensors is caught. */
export type Compute = (inputs: tf.Tensor[]) => tf.Tensor;

/**
 * Values of `compute(makeInputs())` on one backend; asserts that the computation leaves no tensor and
 * no backend buffer behind (ops run kernels in a scope that disposes stray tensors, but a buffer
 * allocated with makeOutput and dropped would stay).
 */
export async function valuesOn(backend: 'wasm' | 'cpu', makeInputs: MakeInputs, compute: Compute): Promise<Float32Array> {
  await tf.setBackend(backend);
  const inputs = makeInputs();
  const before = { tensors: tf.memory().numTensors, buffers: tf.backend().numDataIds() };
  const out = compute(inputs);
  const values = Float32Array.from(out.dataSync());
  out.dispose();
  assert.equal(tf.memory().numTensors, before.tensors, `${backend}: tensors leaked`);
  assert.equal(tf.backend().numDataIds(), before.buffers, `${backend}: backend buffers leaked`);
  tf.dispose(inputs);
  return values;
}

/** max |a − b| / max |b| (error relative to the largest reference magnitude). */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  assert.equal(actual.length, expected.length, 'lengths differ');
  let maxDiff = 0, maxRef = 0;
  for (let i = 0; i < expected.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
    maxRef = Math.max(maxRef, Math.abs(expected[i]));
  }
  return Number.isFinite(maxDiff) ? maxDiff / Math.max(maxRef, 1e-30) : Infinity;
}

/** Runs the computation on wasm and on cpu; returns the relative error of wasm against cpu. */
export async function wasmVsCpu(makeInputs: MakeInputs, compute: Compute): Promise<number> {
  const wasm = await valuesOn('wasm', makeInputs, compute);
  const cpu = await valuesOn('cpu', makeInputs, compute);
  await tf.setBackend('wasm');
  return relativeError(wasm, cpu);
}

/** Seeded standard-normal values for a tensor of the given shape. */
export function normal(rng: Random, shape: number[]): { values: Float32Array; shape: number[] } {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = rng.normal();
  return { values, shape };
}
