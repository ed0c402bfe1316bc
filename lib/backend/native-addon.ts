/**
 * The optional oneDNN addon (`native/`, built by environment/build-native.mjs): loading it, its
 * functions, and its thread count.
 *
 * The addon computes convolutions, pooling, matrix products and bias sums with Intel's oneDNN
 * (Debian's libdnnl 2.6.3, OpenMP threads) directly on tfjs-backend-wasm's tensors: every array it
 * receives is a Float32Array view into the wasm heap (./wasm-heap), so nothing is copied.
 *
 * Environment: `TFJS_NATIVE=0` keeps it off (plain wasm); `TFJS_THREADS=n` sets its thread count
 * (default: every core, `os.availableParallelism()`); OpenMP's idle workers spin for `GOMP_SPINCOUNT`
 * (default here 10 000) iterations before they sleep, unless `OMP_WAIT_POLICY` or `GOMP_SPINCOUNT` is set.
 *
 * Used by ../backend (the resolver) and ./native-kernels.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../paths';

/** An array of integers describing one op's sizes (see native/src/*.cc for each layout). */
export type Geometry = readonly number[];

/** The functions of native/build/Release/tfjs_onednn.node. */
export interface NativeAddon {
  setThreads(threads: number): void;
  getThreads(): number;
  /** oneDNN's version, e.g. "2.6.3". */
  version(): string;
  convForward(g: Geometry, x: Float32Array, filter: Float32Array, bias: Float32Array | null, relu: boolean, y: Float32Array): void;
  convBackwardData(g: Geometry, dy: Float32Array, filter: Float32Array, dx: Float32Array): void;
  /** The filter gradient dw, and the bias gradient db (dy summed per output channel) when db is given. */
  convBackwardWeights(g: Geometry, x: Float32Array, dy: Float32Array, dw: Float32Array, db?: Float32Array | null): void;
  /** The oneDNN implementations chosen for [forward, input gradient, filter gradient]. */
  convImplementations(g: Geometry): [string, string, string];
  maxPoolForward(g: Geometry, x: Float32Array, y: Float32Array): void;
  maxPoolBackward(g: Geometry, x: Float32Array, dy: Float32Array, dx: Float32Array): void;
  matmul(g: Geometry, a: Float32Array, b: Float32Array, bias: Float32Array | null, relu: boolean, c: Float32Array): void;
  /** out[j] = scale · Σ_i x[i·cols + j] (scale defaults to 1). */
  sumRows(x: Float32Array, out: Float32Array, rows: number, cols: number, scale?: number): void;
  /** One Adam step (native/src/elementwise.cc); scalars [lr, β1, β2, 1 − β1, 1 − β2, ε, 1 − β1ᵗ, 1 − β2ᵗ]. */
  adamUpdate(value: Float32Array, m: Float32Array, v: Float32Array, g: Float32Array, outValue: Float32Array, outM: Float32Array, outV: Float32Array, scalars: number[]): void;
  /** Adam steps in place for many variables: segments [value, m, v, g, n] per variable, element indices into heap (the wasm heap). */
  adamUpdateInPlace(heap: Float32Array, segments: Float64Array, scalars: number[]): void;
  /** dst[dstAt + r·dstStride + j] = src[srcAt + r·srcStride + j], j < n, r < rows (bytes as they are; native/src/elementwise.cc). */
  copyRows(src: Float32Array, dst: Float32Array, geometry: [number, number, number, number, number, number] | number[]): void;
  /** dx = dy · step(y): the gradient of a ReLU from its output (native/src/elementwise.cc). */
  reluBackward(dy: Float32Array, y: Float32Array, dx: Float32Array): void;
  /** Training-mode batch normalisation of x [rows, cols] over rows (native/src/batchnorm.cc): y, and the batch mean and biased variance per column. */
  batchNormForward(x: Float32Array, gamma: Float32Array, beta: Float32Array, y: Float32Array, mean: Float32Array, variance: Float32Array, rows: number, cols: number, epsilon: number): void;
  /** Gradients of batchNormForward for dy (and dMean, dVariance reaching its other outputs, or null). */
  batchNormBackward(x: Float32Array, gamma: Float32Array, mean: Float32Array, variance: Float32Array, dy: Float32Array, dMean: Float32Array | null, dVariance: Float32Array | null, dx: Float32Array, dGamma: Float32Array, dBeta: Float32Array, rows: number, cols: number, epsilon: number): void;
}

/** Calls of each native kernel that reached the addon, by kernel name (the tests check that the addon really ran). */
export const nativeCalls = new Map<string, number>();

/** Counts one call of `kernelName` in {@link nativeCalls}. */
export function countNativeCall(kernelName: string): void {
  nativeCalls.set(kernelName, (nativeCalls.get(kernelName) ?? 0) + 1);
}

/** Where the build puts the addon, and its one-line status when the build failed. */
export const ADDON_PATH = path.join('native', 'build', 'Release', 'tfjs_onednn.node');
export const BUILD_STATUS_PATH = path.join('native', 'build-status.txt');

/** Environment variables this module set for OpenMP (not the user): child processes of other
 * programs, such as the PyTorch references of the benchmarks, should not inherit them. */
export const openMpSettingsOfOurs: string[] = [];

let loaded: { addon: NativeAddon } | { reason: string } | null = null;

/** The addon, or why it is not used (one line): switched off, not built (and why), or failed to load. */
export function loadNativeAddon(): { addon: NativeAddon } | { reason: string } {
  if (loaded) return loaded;
  if (process.env.TFJS_NATIVE?.trim() === '0') return (loaded = { reason: 'switched off by TFJS_NATIVE=0' });
  const file = path.join(projectRoot(), ADDON_PATH);
  if (!fs.existsSync(file)) return (loaded = { reason: notBuiltReason() });
  const threads = threadsFromEnv();
  // OpenMP reads these when the addon loads libgomp. A worker that sleeps between calls costs a futex
  // wake-up at every parallel region (passive: the reference CNN's epoch at 2 threads took 139–152 ms,
  // no faster than 1 thread's 139–142); one that spins for ever takes the core a sibling process needs
  // on a busy machine (a dense layer's products took 22.7 ms per step at 2 threads with 8 processes per
  // core, 3.9 ms passive). A short spin (about 0.1–0.5 ms) bridges the gaps inside a training step:
  // 98–104 ms at 2 threads on an idle machine, as fast as libgomp's default of 300 000 (bench/kernel-scaling.ts).
  if (process.env.OMP_WAIT_POLICY === undefined && process.env.GOMP_SPINCOUNT === undefined) {
    process.env.GOMP_SPINCOUNT = '10000';
    openMpSettingsOfOurs.push('GOMP_SPINCOUNT');
  }
  try {
    const addon = createRequire(path.join(projectRoot(), 'package.json'))(file) as NativeAddon;
    addon.setThreads(threads);
    return (loaded = { addon });
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return (loaded = { reason: `the oneDNN addon failed to load (${message})` });
  }
}

/** Why the addon file is missing, from the build's status file when it left one. */
function notBuiltReason(): string {
  const status = path.join(projectRoot(), BUILD_STATUS_PATH);
  const detail = fs.existsSync(status) ? fs.readFileSync(status, 'utf8').trim().split('\n')[0] : '';
  return detail ? `the oneDNN addon is not built: ${detail}` : 'the oneDNN addon is not built (node environment/build-native.mjs builds it)';
}

/**
 * The thread count from `TFJS_THREADS` (a positive integer), else every core.
 * @throws naming the variable and its value when it is not a positive integer.
 */
export function threadsFromEnv(): number {
  const value = process.env.TFJS_THREADS?.trim();
  if (!value) return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`TFJS_THREADS="${process.env.TFJS_THREADS}" is not a positive integer`);
  return n;
}
