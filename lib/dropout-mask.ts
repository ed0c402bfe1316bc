/**
 * The multiplier of inverted dropout, built in one JS pass with exactly the numbers `tf.dropout`
 * produces for the same seed. `tf.dropout(x, rate, undefined, seed)` draws `tf.randomUniform(shape, 0,
 * 1, 'float32', seed)` (seedrandom's Alea seeded with String(seed), one draw per element, stored as
 * float32) and runs four kernels over the whole tensor: m = floor(u + keep) / keep (Add, Floor,
 * RealDiv) and x·m (Multiply), keep = 1 − rate in float32. Its generator loop costs ~7 ns per element
 * (a method call and a property write per draw); here the Alea recurrence runs on local variables and
 * each float32 operation is rounded with Math.fround, so the mask is the same bit for bit and only
 * the Multiply stays a kernel.
 *
 * Used by SeededDropout (./layers); tested against tf.dropout in tests/layers.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import seedrandom from 'seedrandom';
import { f32View, tensorOf, wasmBackend } from './backend/wasm-heap';

/** 2^-32, Alea's scale of the carry. */
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** The state of seedrandom's Alea after seeding with `seed` (as tfjs's UniformRandom seeds it). */
function aleaState(seed: number): { c: number; s0: number; s1: number; s2: number } {
  const prng = seedrandom.alea(String(seed), { state: true });
  return prng.state() as unknown as { c: number; s0: number; s1: number; s2: number };
}

/**
 * `size` multipliers m_i = floor(u_i + keep) / keep (keep = 1 − rate, every step in float32), with u_i
 * the uniform draws of `tf.randomUniform([size], 0, 1, 'float32', seed)`: 0 for a dropped element,
 * 1 / keep for a kept one.
 */
export function dropoutMultiplier(size: number, rate: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  fillDropoutMultiplier(out, rate, seed);
  return out;
}

/** Fills `out` with {@link dropoutMultiplier}(out.length, rate, seed) (e.g. a tensor's memory on the wasm heap). */
export function fillDropoutMultiplier(out: Float32Array, rate: number, seed: number): void {
  const keep = Math.fround(1 - rate);
  const size = out.length;
  let { c, s0, s1, s2 } = aleaState(seed);
  for (let i = 0; i < size; i++) {
    // Alea (Baagøe): t = 2091639·s0 + c·2^-32; c = ⌊t⌋ (int32); the draw is t − c.
    const t = 2091639 * s0 + c * TWO_POW_MINUS_32;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    const u = Math.fround(s2);
    out[i] = Math.floor(Math.fround(u + keep)) / keep; // the store rounds the quotient to float32
  }
}

/**
 * The multiplier as a float32 tensor of `shape` on the active backend. On wasm it is written straight
 * into the tensor's heap memory: no 4-bytes-per-element JS array per call, whose external memory
 * (1.2 MB per Z′ step) made V8 collect garbage more often.
 */
export function dropoutMultiplierTensor(shape: number[], rate: number, seed: number): tf.Tensor {
  if (tf.getBackend() !== 'wasm') return tf.tensor(dropoutMultiplier(tf.util.sizeFromShape(shape), rate, seed), shape, 'float32');
  const backend = wasmBackend(tf.backend());
  const info = backend.makeOutput(shape, 'float32'); // allocate before taking the view
  fillDropoutMultiplier(f32View(backend, info), rate, seed);
  return tensorOf(backend, info, true).tensor;
}
