/**
 * The multiplier of inverted dropout, built in one JS pass with exactly the numbers `tf.dropout`
 * produces for the same seed. `tf.dropout(x, rate, undefined, seed)` draws `tf.randomUniform(shape, 0,
 * 1, 'float32', seed)` (seedrandom's Alea seeded with String(seed), one draw per element, stored as
 * float32) and runs four kernels over the whole tensor: m = floor(u + keep) / keep (Add, Floor,
 * RealDiv) and x·m (Multiply), keep = 1 − rate in float32. Its generator loop costs ~7 ns per element
 * (a method call and a property write per draw, and a float→int conversion on the carry's path);
 * here the Alea recurrence runs on local variables in an exact rearrangement (~3 ns per element), and
 * the float32 steps are rounded with Math.fround, so the mask is the same bit for bit and only the
 * Multiply stays a kernel.
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

/**
 * The smallest float32 u in [0, 1] with fround(u + keep) ≥ 1 (a binary search over float32 bit
 * patterns; fround(u + keep) grows with u, so "kept" is exactly u ≥ this).
 */
export function keptFrom(keep: number): number {
  const f = new Float32Array(1), bits = new Int32Array(f.buffer);
  f[0] = 1;
  let lo = 0, hi = bits[0]; // the bit patterns of 0 and 1
  while (lo < hi) {
    bits[0] = (lo + hi) >> 1;
    if (Math.fround(f[0] + keep) >= 1) hi = bits[0];
    else lo = bits[0] + 1;
  }
  bits[0] = lo;
  return f[0];
}

/**
 * Fills `out` with {@link dropoutMultiplier}(out.length, rate, seed) (e.g. a tensor's memory on the
 * wasm heap).
 *
 * Alea (Baagøe) as seedrandom writes it: t = 2091639·s0 + c·2^-32, c ← ⌊t⌋, the draw s2 ← t − c,
 * (s0, s1) ← (s1, s2). Every s is a multiple of 2^-32 below 1 and t < 2^21, so all of it is exact in
 * doubles, and with A = 2091639·s0 the same numbers come as ⌊A⌋ and frac(A) + c·2^-32 (less 1, carrying
 * 1 into c, when that reaches 1): the carry no longer waits for a float→int conversion, which made the
 * loop twice as fast. A draw u = fround(s2) keeps its element when fround(u + keep) ≥ 1, i.e. when
 * u ≥ keptFrom(keep); then the multiplier is 1 / keep (stored as float32, as RealDiv rounds it).
 */
export function fillDropoutMultiplier(out: Float32Array, rate: number, seed: number): void {
  const keep = Math.fround(1 - rate);
  if (Math.fround(1 + keep) >= 2) return fillDropoutMultiplierGeneral(out, keep, seed); // rate < 2^-24: floor(u + keep) may be 2
  const kept = 1 / keep, threshold = keptFrom(keep);
  let { c, s0, s1, s2 } = aleaState(seed);
  for (let i = 0; i < out.length; i++) {
    const a = 2091639 * s0;
    const whole = Math.floor(a);
    let draw = a - whole + c * TWO_POW_MINUS_32;
    c = whole;
    if (draw >= 1) {
      draw -= 1;
      c += 1;
    }
    s0 = s1;
    s1 = s2;
    s2 = draw;
    out[i] = Math.fround(draw) >= threshold ? kept : 0;
  }
}

/** The same for any keep: floor(fround(u + keep)) / keep step by step, as the kernels compute it. */
function fillDropoutMultiplierGeneral(out: Float32Array, keep: number, seed: number): void {
  let { c, s0, s1, s2 } = aleaState(seed);
  for (let i = 0; i < out.length; i++) {
    const t = 2091639 * s0 + c * TWO_POW_MINUS_32;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    out[i] = Math.floor(Math.fround(Math.fround(s2) + keep)) / keep; // the store rounds the quotient to float32
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
