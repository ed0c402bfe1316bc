/**
 * Checkpoints that make a long training resumable (a `full` profile: hours per run on two cores):
 * after every epoch the model's weights, the optimizer's state (Adam's moments, Adadelta's
 * accumulators, the step counter) and the history so far are written to a folder; a run started
 * again with the same folder continues after the last saved epoch (`./resumable.ts` for a compiled
 * model). Epoch e's batch order is forked from the run's generator by its number, so a resumed run
 * streams the same batches as an uninterrupted one.
 *
 * Layout of the folder: `checkpoint.json` (epoch, history, tensor names, shapes and offsets) and
 * `tensors.bin` (float32, little-endian, in that order), each written to a temporary file first and
 * renamed, so that a run killed mid-write leaves the previous checkpoint intact.
 *
 * Moved here from `lib/telescope-array/train/checkpoint.ts` (which re-exports it) to serve every study.
 * Used by `./resumable.ts`, `lib/telescope-array/train/correction.ts` (notebook 02 at `full`) and
 * `lib/galactic-centre/train/classifier.ts` (notebook 03 at `full`).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { EpochRecord } from './history';

/** What a checkpoint restores besides the tensors. */
export interface CheckpointState {
  /** the last completed epoch (1-based) */
  epoch: number;
  history: EpochRecord[];
}

interface TensorEntry {
  name: string;
  shape: number[];
  /** offset in float32 values */
  offset: number;
}

interface Manifest extends CheckpointState {
  format: 'ta-checkpoint-v1';
  weights: TensorEntry[];
  optimizer: TensorEntry[];
}

const MANIFEST = 'checkpoint.json';
const TENSORS = 'tensors.bin';

function writeAtomically(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Saves the model's weights, its optimizer's state and `state` into `dir` (created). */
export async function saveCheckpoint(dir: string, model: tf.LayersModel, state: CheckpointState): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const weights = model.weights.map((w) => ({ name: w.originalName, tensor: w.read() }));
  const optimizer = model.optimizer ? await model.optimizer.getWeights() : [];
  const all = [...weights, ...optimizer];
  const total = all.reduce((a, t) => a + t.tensor.size, 0);
  const values = new Float32Array(total);
  const entries: TensorEntry[] = [];
  let offset = 0;
  for (const { name, tensor } of all) {
    values.set(await tensor.data(), offset);
    entries.push({ name, shape: tensor.shape, offset });
    offset += tensor.size;
  }
  writeAtomically(path.join(dir, TENSORS), new Uint8Array(values.buffer));
  const manifest: Manifest = { format: 'ta-checkpoint-v1', ...state, weights: entries.slice(0, weights.length), optimizer: entries.slice(weights.length) };
  writeAtomically(path.join(dir, MANIFEST), JSON.stringify(manifest));
}

/**
 * Restores a checkpoint of `dir` into `model` (weights and optimizer state) and returns its state, or
 * null when `dir` holds none. Throws, naming the folder, when the checkpoint's tensors do not match
 * the model's (another architecture).
 */
export async function loadCheckpoint(dir: string, model: tf.LayersModel): Promise<CheckpointState | null> {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) return null;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== 'ta-checkpoint-v1') throw new Error(`${file}: format "${manifest.format}", expected "ta-checkpoint-v1"`);
  const bytes = fs.readFileSync(path.join(dir, TENSORS));
  const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const tensorOf = (e: TensorEntry) => tf.tensor(values.subarray(e.offset, e.offset + e.shape.reduce((a, d) => a * d, 1)), e.shape);
  const shapes = model.weights.map((w) => w.shape.join('×')).join(', ');
  const saved = manifest.weights.map((e) => e.shape.join('×')).join(', ');
  if (shapes !== saved) throw new Error(`${dir}: the checkpoint's weights (${saved}) do not fit this model (${shapes})`);
  const weights = manifest.weights.map(tensorOf);
  model.setWeights(weights);
  tf.dispose(weights);
  if (model.optimizer && manifest.optimizer.length > 0) {
    const named = manifest.optimizer.map((e) => ({ name: e.name, tensor: tensorOf(e) }));
    await model.optimizer.setWeights(named);
    tf.dispose(named.map((n) => n.tensor));
  }
  return { epoch: manifest.epoch, history: manifest.history };
}

/** Short hash of a run's settings, for a checkpoint folder's name: changed settings never resume another run's checkpoints. */
export function settingsHash(settings: object): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 12);
}
