/**
 * `UnsortedSegmentSum` on `wasm`, which tfjs-backend-wasm 4.22 lacks. It is the gradient of `gather`,
 * so without it an Embedding layer cannot train there. One JS pass over wasm memory.
 *
 * Semantics (TensorFlow's `tf.math.unsorted_segment_sum`): segmentIds has the shape of a prefix of x;
 * out[s, …] = Σ over positions p with segmentIds[p] = s of x[p, …]; ids outside [0, numSegments) are dropped.
 *
 * Registered for `wasm` by ./wasm-kernels; tested against `cpu` in tests/backend/layers-train.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { heapView, wasmBackend, type HeapArray } from './wasm-heap';

/** Accumulates rows of `inner` elements of x into out by segment id (out must be zero on entry). */
export function segmentSum(x: HeapArray, ids: HeapArray, inner: number, numSegments: number, out: HeapArray): void {
  for (let p = 0; p < ids.length; p++) {
    const s = ids[p];
    if (!(s >= 0 && s < numSegments)) continue;
    const src = p * inner, dst = s * inner;
    for (let j = 0; j < inner; j++) out[dst + j] += x[src + j];
  }
}

/** The kernel function registered as `UnsortedSegmentSum` for `wasm` (float32 and int32 data). */
export function unsortedSegmentSumKernel(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: unknown }): tf.TensorInfo {
  const { x, segmentIds } = args.inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = args.attrs as { numSegments: number };
  if (x.dtype !== 'float32' && x.dtype !== 'int32') throw new Error(`UnsortedSegmentSum (wasm): unsupported dtype ${x.dtype}`);
  const idRank = segmentIds.shape.length;
  if (segmentIds.shape.some((d, i) => d !== x.shape[i])) {
    throw new Error(`UnsortedSegmentSum: segmentIds shape [${segmentIds.shape}] must be a prefix of x shape [${x.shape}]`);
  }
  const backend = wasmBackend(args.backend);
  const out = backend.makeOutput([numSegments, ...x.shape.slice(idRank)], x.dtype); // allocate before taking views
  const outView = heapView(backend, out);
  outView.fill(0);
  const inner = tf.util.sizeFromShape(x.shape.slice(idRank));
  segmentSum(heapView(backend, x), heapView(backend, segmentIds), inner, numSegments, outView);
  return out;
}
