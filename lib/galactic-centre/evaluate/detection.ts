/**
 * How well a DM classifier finds DM maps in one set: ROC curve, AUC and accuracy at the threshold
 * 0.5; and the verdict on a learning-rate run (the seed's Fig. 8: "unable to learn anything").
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import type * as tf from '@tensorflow/tfjs';
import { accuracy, rocAuc, rocCurve } from '../../metrics';
import { arrayBlock, predictScores } from '../../train';
import type { GcDataset } from '../data/dataset';

/** The evaluation of one classifier on one set of maps. */
export interface DetectionEvaluation {
  name: string;
  fpr: number[];
  tpr: number[];
  auc: number;
  /** at the threshold 0.5 */
  accuracy: number;
}

/** ROC, AUC and accuracy (threshold 0.5) of scores in [0, 1] against labels 0/1. */
export function evaluateDetection(name: string, label: ArrayLike<number>, score: ArrayLike<number>): DetectionEvaluation {
  const roc = rocCurve(label, score);
  return { name, fpr: Array.from(roc.fpr), tpr: Array.from(roc.tpr), auc: rocAuc(label, score), accuracy: accuracy(label, classesAt05(score)) };
}

/** Classes at threshold 0.5 of scores in [0, 1]. */
export function classesAt05(score: ArrayLike<number>): number[] {
  return Array.from(score, (v) => (v >= 0.5 ? 1 : 0));
}

/** A learning-rate run "fails" when its final validation accuracy stays below 0.6 (chance is 0.5). */
export function learningRateVerdict(finalValAccuracy: number | undefined): string {
  return (finalValAccuracy ?? 0) < 0.6 ? 'stays at chance: fails' : 'still learns';
}

/** Scores of a trained DM classifier on every map of `d`. */
export function scoreMaps(model: tf.LayersModel, d: GcDataset): Float32Array {
  return Float32Array.from(predictScores(model, arrayBlock(d.maps, [d.n, ...d.shape])));
}

/** Test accuracy (threshold 0.5) of each named run's final model on `d`, by name. */
export function runAccuracies(runs: readonly { name: string; run: { model: tf.LayersModel } }[], d: GcDataset): Record<string, number> {
  return Object.fromEntries(runs.map((r) => [r.name, accuracy(d.label, classesAt05(scoreMaps(r.run.model, d)))]));
}
