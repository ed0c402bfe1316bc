/**
 * Direct access to tensor memory on the wasm heap, for the few kernels we write in plain JS
 * (index shuffles such as im2col, max-pool gradients, row gathers) where a loop over typed arrays
 * beats a chain of stock kernels.
 *
 * tfjs-backend-wasm keeps every tensor in the module's linear memory; `heapView` returns a view
 * without copying, over the memory's current buffer (read from the WebAssembly.Memory itself rather
 * than the module's cached HEAP arrays). A view is invalidated when the heap grows (any allocation may
 * grow it), so allocate the output first, take every view after that, and keep the loop free of
 * allocations.
 *
 * Used by the kernels in this folder registered by ./wasm-kernels.
 */
import * as tf from '@tensorflow/tfjs';

/** A WebAssembly.Memory, as far as we use it. */
interface WasmMemory {
  readonly buffer: ArrayBufferLike;
}

/** The part of tfjs-backend-wasm's `BackendWasm` the JS kernels use. */
export interface WasmBackendLike {
  /** Allocates an output tensor on the heap (reference count 1). */
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  /** Where each tensor lives on the heap (byte offset). */
  dataIdMap: { get(dataId: object): { memoryOffset: number; refCount: number } | undefined };
  /** The Emscripten module. */
  wasm: { HEAPU8: Uint8Array; wasmMemory?: WasmMemory; asm?: { memory?: WasmMemory } };
  /** Adds a reference to a tensor's data. */
  incRef(dataId: object): void;
}

/** A typed array over some tensor's memory. */
export type HeapArray = Float32Array | Int32Array | Uint8Array;

/** The backend object a kernel receives, as the wasm backend (checked: it must have the heap methods). */
export function wasmBackend(backend: unknown): WasmBackendLike {
  const b = backend as Partial<WasmBackendLike>;
  if (typeof b?.makeOutput !== 'function' || b.dataIdMap === undefined || b.wasm === undefined) {
    throw new Error('expected the tfjs wasm backend');
  }
  return b as WasmBackendLike;
}

/** The current buffer of the wasm memory (never a stale one after growth). */
function heapBuffer(backend: WasmBackendLike): ArrayBufferLike {
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
  return memory ? memory.buffer : backend.wasm.HEAPU8.buffer;
}

/** The whole heap as one Float32Array (index = byte offset / 4), over its current buffer. */
export function heapF32(backend: WasmBackendLike): Float32Array {
  const buffer = heapBuffer(backend);
  return new Float32Array(buffer, 0, buffer.byteLength >>> 2);
}

/** A view of a tensor's memory on the heap (no copy), typed by its dtype (bool → Uint8Array). */
export function heapView(backend: WasmBackendLike, info: tf.TensorInfo): HeapArray {
  const entry = backend.dataIdMap.get(info.dataId);
  if (!entry) throw new Error('tensor data is not on the wasm backend');
  const size = tf.util.sizeFromShape(info.shape);
  const buffer = heapBuffer(backend);
  switch (info.dtype) {
    case 'float32':
      return new Float32Array(buffer, entry.memoryOffset, size);
    case 'int32':
      return new Int32Array(buffer, entry.memoryOffset, size);
    case 'bool':
      return new Uint8Array(buffer, entry.memoryOffset, size);
    default:
      throw new Error(`no heap view for dtype ${info.dtype}`);
  }
}

/** A float32 view of a tensor on the heap. */
export function f32View(backend: WasmBackendLike, info: tf.TensorInfo): Float32Array {
  if (info.dtype !== 'float32') throw new Error(`expected a float32 tensor, got ${info.dtype}`);
  return heapView(backend, info) as Float32Array;
}

/**
 * A Tensor over the data of a kernel input or output. Inputs that tfjs passes as Tensors are returned
 * as they are (`owned` false); a bare TensorInfo is wrapped with an extra reference (`owned` true:
 * dispose it when done).
 */
export function tensorOf<T extends tf.Tensor = tf.Tensor>(backend: WasmBackendLike, info: tf.TensorInfo, fresh = false): { tensor: T; owned: boolean } {
  if (info instanceof tf.Tensor) return { tensor: info as T, owned: false };
  if (!fresh) backend.incRef(info.dataId);
  return { tensor: tf.engine().makeTensorFromTensorInfo(info) as T, owned: true };
}
