/**
 * A training that survives being stopped: `fitResumably` trains a compiled model epoch by epoch and
 * after each writes a checkpoint (`./checkpoint.ts`: weights, optimizer state, history) to
 * `<dir>/last`, and one of the best epoch so far to `<dir>/best`; started again with the same folder
 * it loads `last` and goes on after its epoch. Early stopping and best-weight restore work across a
 * restart, since both are decided from the saved history and the `best` checkpoint.
 *
 * A resumed run equals an uninterrupted one: epoch e's batch order comes from `rng.fork('epoch e')`,
 * and the seeded noise and dropout layers (`lib/layers.ts`) are reseeded from
 * `rng.fork('epoch e layer i')` at the start of each epoch, so that nothing depends on how many
 * epochs ran in this process.
 *
 * Used by `lib/galactic-centre/train/classifier.ts` (notebook 03 at `full`).
 */
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Random } from '../random';
import { loadCheckpoint, saveCheckpoint } from './model-checkpoint';
import { fit, type FitData, type FitOptions } from './fit';
import { History } from './history';

/** Options of {@link fitResumably}: `fit`'s, with early stopping limited to a monitor and a patience. */
export interface ResumableOptions extends Omit<FitOptions, 'earlyStopping'> {
  /** the checkpoint folder (created); a second call with the same folder resumes */
  dir: string;
  /** early stopping on a minimised quantity (`val_loss`), best weights restored at the end; patience 0: none, and no restore */
  earlyStopping?: { monitor: string; patience: number };
}

interface Reseedable {
  reseed(rng: Random): void;
}

function reseedLayers(model: tf.LayersModel, rng: Random): void {
  model.layers.forEach((layer, i) => {
    const r = layer as unknown as Partial<Reseedable>;
    if (typeof r.reseed === 'function') r.reseed(rng.fork(`layer ${i}`));
  });
}

/** The epoch with the smallest `monitor` (the first of equals), or undefined. */
function bestEpoch(history: History, monitor: string): number | undefined {
  let best: number | undefined;
  let bestValue = Infinity;
  for (const row of history.toRows()) {
    const v = row[monitor];
    if (typeof v === 'number' && v < bestValue) [best, bestValue] = [row.epoch, v];
  }
  return best;
}

/**
 * Trains `model` for `opts.epochs` epochs with a checkpoint after each (see the file comment) and
 * returns the whole history, the epochs of earlier calls included. The model must be compiled.
 */
export async function fitResumably(model: tf.LayersModel, data: FitData, opts: ResumableOptions): Promise<History> {
  const { dir, earlyStopping, ...fitOptions } = opts;
  const [lastDir, bestDir] = [path.join(dir, 'last'), path.join(dir, 'best')];
  const restored = await loadCheckpoint(lastDir, model);
  const history = new History();
  for (const row of restored?.history ?? []) history.push(row);
  const patience = earlyStopping?.patience ?? 0;
  const stopped = (): boolean => {
    const best = patience > 0 ? bestEpoch(history, earlyStopping!.monitor) : undefined;
    return best !== undefined && history.length - best >= patience;
  };
  for (let epoch = (restored?.epoch ?? 0) + 1; epoch <= opts.epochs && !stopped(); epoch++) {
    const rng = opts.rng.fork(`epoch ${epoch}`);
    reseedLayers(model, rng);
    const one = await fit(model, data, { ...fitOptions, epochs: 1, rng, label: `${opts.label ?? 'train'} ${epoch}/${opts.epochs}` });
    const row = one.last();
    if (!row) throw new Error(`fitResumably: epoch ${epoch} returned no history row`);
    history.push({ ...row, epoch });
    if (patience > 0 && bestEpoch(history, earlyStopping!.monitor) === epoch) await saveCheckpoint(bestDir, model, { epoch, history: history.toRows() });
    await saveCheckpoint(lastDir, model, { epoch, history: history.toRows() });
  }
  if (patience > 0) {
    history.monitor = earlyStopping!.monitor;
    if (history.length < opts.epochs) [history.stoppedEpoch, history.stopReason] = [history.length, 'early-stopping'];
    const best = await loadCheckpoint(bestDir, model);
    history.restoredEpoch = best?.epoch;
  }
  return history;
}
