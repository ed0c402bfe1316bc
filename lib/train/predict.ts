/**
 * Inference over in-memory arrays in batches: the model's outputs as flat Float32Arrays, without
 * holding more than one batch of tensors at a time.
 *
 * Used by every notebook that scores a test set.
 */
import * as tf from '@tensorflow/tfjs';
import { gatherRows, type ArrayBlock } from './batches';

/** Options of `predictBatches`. */
export interface PredictOptions {
  /** samples per forward pass (default 256) */
  batchSize?: number;
}

/**
 * Runs `model` on `x` (shape [n, …]) batch by batch and returns each output flattened, row-major:
 * for an output of shape [n, k] the value for sample i, unit j is at `i·k + j`.
 */
export function predictBatches(model: tf.LayersModel, x: ArrayBlock, options: PredictOptions = {}): Float32Array[] {
  const { batchSize = 256 } = options;
  const n = x.shape[0];
  const chunks: Float32Array[][] = [];
  for (let start = 0; start < n; start += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, n - start) }, (_, i) => start + i);
    const outputs = tf.tidy(() => {
      const input = gatherRows(x, rows);
      const y = model.predict(input, { batchSize: rows.length });
      return (Array.isArray(y) ? y : [y]).map((t) => t.dataSync() as Float32Array);
    });
    chunks.push(outputs.map((o) => Float32Array.from(o)));
  }
  return (chunks[0] ?? []).map((_, k) => concat(chunks.map((c) => c[k])));
}

/** The first output of `predictBatches` (e.g. P(signal) of a one-unit sigmoid classifier). */
export function predictScores(model: tf.LayersModel, x: ArrayBlock, options: PredictOptions = {}): Float32Array {
  return predictBatches(model, x, options)[0] ?? new Float32Array(0);
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
