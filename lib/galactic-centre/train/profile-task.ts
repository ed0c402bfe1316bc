/**
 * Beyond the seed: telling the DM profile apart (none / NFW / Einasto), which the seed proposes in
 * its outlook. The seed's small model with three softmax outputs, trained on familiar-background maps
 * whose DM maps alternate between NFW and Einasto halos with the same amplitude ramp.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import { accuracy, argmaxRows, confusionMatrix } from '../../metrics';
import { Random } from '../../random';
import { arrayBlock, predictScores } from '../../train';
import { FAMILIAR_MODEL, simulateGcDataset } from '../data/dataset';
import { DM_VISIBILITY_RAMP } from '../data/ramp';
import type { SkyGrid } from '../data/sky';
import { smallModelSpec } from '../model/architecture';
import { labelledMaps, trainClassifier, type TrainedClassifier } from './classifier';

/** Class names of the profile task, in label order (the data set's `profile`: 0 none, 1 NFW, 2 Einasto). */
export const PROFILE_CLASSES = ['none', 'NFW', 'Einasto'] as const;

/** The trained profile classifier, its test accuracy and confusion matrix (rows: true, columns: predicted). */
export interface ProfileTaskResult {
  trained: TrainedClassifier;
  accuracy: number;
  confusion: number[][];
}

/** Simulates, trains (lr 5·10⁻⁴, Rescaling by `scale`, early stopping on a validation set) and tests the three-class profile task on a set of its own. */
export async function trainProfileTask(
  o: { grid: SkyGrid; perCell: number; valPerCell: number; testPerCell: number; epochs: number; batch: number; patience: number; scale: number; microBatch?: number },
  rng: Random,
): Promise<ProfileTaskResult> {
  const options = { grid: o.grid, ramp: DM_VISIBILITY_RAMP, model: FAMILIAR_MODEL, profiles: [{ kind: 'nfw' }, { kind: 'einasto' }] as const };
  const train = simulateGcDataset({ ...options, profiles: [...options.profiles], mapsPerCell: o.perCell }, rng.fork('prof train'));
  const validation = simulateGcDataset({ ...options, profiles: [...options.profiles], mapsPerCell: o.valPerCell }, rng.fork('prof validation'));
  const test = simulateGcDataset({ ...options, profiles: [...options.profiles], mapsPerCell: o.testPerCell }, rng.fork('prof test'));
  const trained = await trainClassifier(labelledMaps(train, train.profile), labelledMaps(validation, validation.profile), {
    spec: smallModelSpec(o.scale, 0.8, 3), lr: 5e-4, epochs: o.epochs, batchSize: o.batch, patience: o.patience, rng: rng.fork('gc profiles'), classes: 3, microBatch: o.microBatch,
  });
  const predicted = argmaxRows(predictScores(trained.model, arrayBlock(test.maps, [test.n, ...test.shape])), 3);
  const confusion = confusionMatrix(test.profile, predicted, { labels: [0, 1, 2] }).matrix;
  return { trained, accuracy: accuracy(test.profile, predicted), confusion: confusion.map((row) => Array.from(row)) };
}
