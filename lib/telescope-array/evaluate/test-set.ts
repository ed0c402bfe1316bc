/**
 * Evaluating the correction network on a test set: predictions streamed from the shards, the
 * explained variance per target, and the errors of the standard and the corrected reconstructions.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import type * as tf from '@tensorflow/tfjs';
import { explainedVariancePerTarget, reconstructionErrors, truthOf, type Errors, type EventTruth } from './analysis';
import { readSummaries, type ShardInfo } from '../data/shards';
import { predictShards, type Normalizer } from '../data/stream';

/** Everything the evaluation plots need for one test set. */
export interface Evaluation {
  n: number;
  /** predicted corrections [n, 3] and true ones (truth − standard) [n, 3] */
  pred: Float32Array;
  targets: Float32Array;
  /** EV per target */
  ev: Record<string, number>;
  truth: EventTruth;
  standard: Errors;
  corrected: Errors;
}

/** Predicts and scores a test set. */
export async function evaluate(model: tf.LayersModel, shards: readonly ShardInfo[], norm: Normalizer): Promise<Evaluation> {
  const pred = await predictShards(model, shards, norm);
  const s = await readSummaries(shards);
  return {
    n: s.n,
    pred,
    targets: s.targets,
    ev: explainedVariancePerTarget(s.targets, pred),
    truth: truthOf(s.truth),
    standard: reconstructionErrors(s.standard, s.truth),
    corrected: reconstructionErrors(s.standard, s.truth, pred),
  };
}
