/**
 * Picks and starts the tfjs backend every notebook trains on: native TensorFlow (`tensorflow`, only
 * if a real `@tensorflow/tfjs-node[-gpu]` is installed), else WebAssembly (`wasm`), else plain
 * JavaScript (`cpu`). The environment variable `TFJS_BACKEND` (tensorflow | wasm | cpu) overrides.
 *
 * On `wasm` it also registers the kernels tfjs-backend-wasm 4.22 lacks or runs slowly in training
 * (see `./wasm-kernels`), so Conv1D/2D/3D models and embeddings train there, several times faster.
 * When the oneDNN addon is built (`native/`, environment/build-native.mjs) it routes the heavy kernels
 * (convolutions, pooling, matrix products, bias sums) to it, on every core: `TFJS_THREADS` sets the
 * thread count (default: all cores), `TFJS_NATIVE=0` keeps plain wasm. When the addon is not used the
 * one-line summary says why.
 *
 * Used by every notebook's set-up cell (`await initBackend()`), the tests and `bench/`.
 * Written for both ES modules and tslab's CommonJS: no `import.meta`, no top-level await.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as tfwasm from '@tensorflow/tfjs-backend-wasm';
import { projectRoot } from './paths';
import { loadNativeAddon, threadsFromEnv, type NativeAddon } from './backend/native-addon';
import { registerNativeKernels } from './backend/native-kernels';
import { registerWasmKernels } from './backend/wasm-kernels';

/** The backends `initBackend` can choose, fastest first. */
export type BackendChoice = 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['tensorflow', 'wasm', 'cpu'];

/** Options of {@link initBackend}. */
export interface BackendOptions {
  /** Force one backend (default: `TFJS_BACKEND`, else the fastest available). */
  backend?: BackendChoice;
  /** Do not print the one-line summary. */
  quiet?: boolean;
}

let current: Promise<string> | null = null;
let currentRequest: BackendChoice | undefined;
let nativeTried = false;

/**
 * Chooses, initialises and returns the tfjs backend (`'tensorflow'`, `'wasm'` or `'cpu'`).
 * Prints `tfjs backend: wasm (tfjs 4.22.0, oneDNN 2.6.3, 2 threads)` once (without the addon:
 * `wasm (tfjs 4.22.0, 1 thread); oneDNN kernels off: <why>`). Later calls return the same choice unless
 * they ask for a different backend explicitly.
 * @throws if `TFJS_BACKEND` (or `options.backend`) names an unknown or unavailable backend, or
 * `TFJS_THREADS` is not a positive integer.
 */
export function initBackend(options: BackendOptions = {}): Promise<string> {
  const request = options.backend ?? requestedByEnv();
  threadsFromEnv(); // validates TFJS_THREADS before anything starts
  if (current && (request === undefined || request === currentRequest)) return current.then(reactivate);
  currentRequest = request;
  current = chooseAndStart(request, options.quiet ?? false);
  current.catch(() => {
    current = null; // let a later call try again
  });
  return current;
}

/** Name of the active tfjs backend (`tf.getBackend()`), e.g. `'wasm'`. */
export function backendName(): string {
  return tf.getBackend();
}

/**
 * One line describing the active backend: name, tfjs version, oneDNN when its kernels are on, and
 * threads, e.g. `wasm (tfjs 4.22.0, oneDNN 2.6.3, 2 threads)` or `wasm (tfjs 4.22.0, 1 thread)`.
 */
export function describeBackend(): string {
  const name = tf.getBackend();
  let detail = `tfjs ${tf.version.tfjs}`;
  if (name === 'wasm') {
    const addon = nativeAddon();
    const threads = addon ? addon.getThreads() : wasmThreads();
    if (addon) detail += `, oneDNN ${addon.version()}`;
    detail += `, ${threads} thread${threads === 1 ? '' : 's'}`;
  } else if (name === 'tensorflow') {
    detail += ', native TensorFlow';
  } else if (name === 'cpu') {
    detail += ', plain JavaScript';
  }
  return `${name} (${detail})`;
}

/** The oneDNN addon when its kernels are registered on wasm, else null. */
export function nativeAddon(): NativeAddon | null {
  if (!nativeRegistered) return null;
  const status = loadNativeAddon();
  return 'addon' in status ? status.addon : null;
}

/**
 * Sets the oneDNN kernels' thread count (≥ 1) for later calls, e.g. to compare 1 and 2 threads in one
 * process; returns false (and does nothing) when they are off.
 */
export function setNativeThreads(threads: number): boolean {
  const addon = nativeAddon();
  if (!addon) return false;
  addon.setThreads(threads);
  return true;
}

/** Makes the chosen backend active again if something switched away with tf.setBackend. */
async function reactivate(name: string): Promise<string> {
  if (tf.getBackend() !== name) await tf.setBackend(name);
  return name;
}

function requestedByEnv(): BackendChoice | undefined {
  const value = process.env.TFJS_BACKEND?.trim().toLowerCase();
  if (!value) return undefined;
  if (!(BACKEND_CHOICES as readonly string[]).includes(value)) {
    throw new Error(`TFJS_BACKEND="${process.env.TFJS_BACKEND}" is not one of ${BACKEND_CHOICES.join(', ')}`);
  }
  return value as BackendChoice;
}

async function chooseAndStart(request: BackendChoice | undefined, quiet: boolean): Promise<string> {
  const order: BackendChoice[] = request ? [request] : [...BACKEND_CHOICES];
  const failures: string[] = [];
  for (const choice of order) {
    const reason = await tryStart(choice);
    if (reason === null) {
      const off = choice === 'wasm' && nativeOffReason ? `; oneDNN kernels off: ${nativeOffReason}` : '';
      if (!quiet) console.log(`tfjs backend: ${describeBackend()}${off}`);
      return choice;
    }
    failures.push(`${choice}: ${reason}`);
  }
  throw new Error(`No tfjs backend could be started (${failures.join('; ')})`);
}

/** Starts one backend; returns null on success, else why it is unavailable. */
async function tryStart(choice: BackendChoice): Promise<string | null> {
  try {
    if (choice === 'tensorflow' && !loadNativeBinding()) return 'no real @tensorflow/tfjs-node(-gpu) installed';
    if (choice === 'wasm') {
      configureWasm();
      registerWasmKernels();
      registerNative();
    }
    const ok = await tf.setBackend(choice);
    if (!ok) return 'tf.setBackend returned false';
    await tf.ready();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Loads the native TensorFlow binding if a real one is installed. danfojs's `@tensorflow/tfjs-node`
 * here is plain tfjs under that folder name: we trust only a package.json whose `name` is the native
 * package and a backend named `tensorflow` registered with *our* tfjs afterwards.
 */
function loadNativeBinding(): boolean {
  if (!nativeTried) {
    nativeTried = true;
    const req = createRequire(path.join(projectRoot(), 'package.json'));
    for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
      try {
        const manifest = JSON.parse(fs.readFileSync(req.resolve(`${pkg}/package.json`), 'utf8')) as { name?: string };
        if (manifest.name !== pkg) continue; // e.g. the npm alias to plain @tensorflow/tfjs
        req(pkg);
        if (tf.findBackendFactory('tensorflow')) break;
      } catch {
        /* not installed, or its native library failed to load: try the next one */
      }
    }
  }
  return tf.findBackendFactory('tensorflow') != null;
}

let nativeRegistered = false;
/** Why the oneDNN kernels are off (null when they are on or wasm has not been started). */
let nativeOffReason: string | null = null;

/** Routes wasm's heavy kernels to the oneDNN addon when it loads (after ./backend/wasm-kernels). */
function registerNative(): void {
  if (nativeRegistered || nativeOffReason) return;
  const status = loadNativeAddon();
  if ('reason' in status) {
    nativeOffReason = status.reason;
    return;
  }
  registerNativeKernels(status.addon);
  nativeRegistered = true;
}

let wasmConfigured = false;

/**
 * Points tfjs-backend-wasm at its `.wasm` binaries in the project's node_modules (found from the
 * project root, so it works from tslab cells too). Too late once the module has started: skipped then.
 */
function configureWasm(): void {
  if (wasmConfigured) return;
  wasmConfigured = true;
  if (wasmStarted()) return;
  const req = createRequire(path.join(projectRoot(), 'package.json'));
  tfwasm.setWasmPaths(path.dirname(req.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep);
}

/** True once the wasm module has been instantiated. */
function wasmStarted(): boolean {
  try {
    tfwasm.getThreadsCount();
    return true;
  } catch {
    return false;
  }
}

function wasmThreads(): number {
  try {
    return tfwasm.getThreadsCount();
  } catch {
    return 1;
  }
}
