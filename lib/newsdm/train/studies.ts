/**
 * The NEWSdm notebook's training studies, each a loop over models or settings: the four binary CNNs
 * (seed §4.2.1–4.2.2), the training-size study (seed Fig. 11), the rotation study with an angle head
 * (seed §4.2.3) and the six-class network (seed §2.2). Each takes the profile's settings and a
 * `Random`, and forks it by the same names as before the notebook was thinned, so a profile's numbers
 * do not depend on where the loop lives.
 *
 * Used by `notebooks/01-newsdm.ipynb`.
 */
import { accuracy, argmaxRows, confusionMatrix } from '../../metrics';
import type { SplitIndices } from '../../random';
import { Random } from '../../random';
import { simulateSixClassSet, takeClusters, type ClusterSet } from '../data/datasets';
import { angleMae, augmentRotations, type RotatedSet } from '../data/rotate';
import type { Architecture } from '../model';
import { Checkpoints } from '../../train';
import { binaryScores, predictCnn, trainCnn, trainCnnResumable, type BinaryScores, type TrainedCnn } from './cnn';
import type { NewsdmSettings } from './settings';

/** Trained networks by architecture. */
export type TrainedCnns = Partial<Record<Architecture, TrainedCnn>>;

/**
 * Trains each of `archs` for `settings.epochs` at its width, adding them to `into` (so that the 2D and
 * the 3D networks, trained in two cells, end in one record); with `checkpoints` on, a network trained
 * before is rebuilt from its saved weights (step `cnn-<arch>`).
 */
export async function trainCnns(archs: readonly Architecture[], data: { train: ClusterSet; validation: ClusterSet }, settings: NewsdmSettings, rng: Random, into: TrainedCnns = {}, checkpoints = new Checkpoints(null)): Promise<TrainedCnns> {
  for (const arch of archs) {
    const options = { epochs: settings.epochs, width: settings.widths[arch], rng: rng.fork(arch) };
    into[arch] = await trainCnnResumable(arch, data.train, data.validation, options, checkpoints, `cnn-${arch}`);
  }
  return into;
}

/** One row per trained network: parameters, median seconds per epoch, last validation accuracy. */
export function trainingSummary(trained: TrainedCnns): { model: string; params: number; secondsPerEpoch: number; valAcc: number }[] {
  return Object.values(trained).map((t) => ({ model: t.arch, params: t.params, secondsPerEpoch: t.secondsPerEpoch, valAcc: t.history.last()!.val_acc }));
}

/** The binary test scores of every trained network on `test`. */
export function cnnTestScores(trained: TrainedCnns, test: ClusterSet): Record<string, BinaryScores> {
  return Object.fromEntries(Object.values(trained).map((t) => [t.arch, binaryScores(test.labels, predictCnn(t, test).scores)]));
}

/** One point of the training-size study. */
export interface SizePoint {
  /** fraction of all clusters used for training */
  fraction: number;
  trainClusters: number;
  testAccuracy: number;
}

/**
 * The seed's Fig. 11: `settings.sizeModel` trained on each fraction of all clusters (drawn from the
 * training and validation clusters of `split`), each tested on the same test set.
 */
export async function trainingSizeStudy(binary: ClusterSet, split: SplitIndices, data: { validation: ClusterSet; test: ClusterSet }, settings: NewsdmSettings, rng: Random, checkpoints = new Checkpoints(null)): Promise<SizePoint[]> {
  const points: SizePoint[] = [];
  for (const fraction of settings.sizeFractions) {
    points.push(await checkpoints.run(`size-${Math.round(1000 * fraction)}permille`, () => sizePoint(binary, split, data, settings, rng, fraction)));
  }
  return points;
}

/** One point of {@link trainingSizeStudy}. */
async function sizePoint(binary: ClusterSet, split: SplitIndices, data: { validation: ClusterSet; test: ClusterSet }, settings: NewsdmSettings, rng: Random, fraction: number): Promise<SizePoint> {
  const pool = Int32Array.from([...split.train, ...split.validation]);
  const take = rng.fork(`size ${fraction}`).sampleIndices(pool.length, Math.min(pool.length, Math.round(fraction * binary.n)));
  const sub = takeClusters(binary, Array.from(take, (k) => pool[k]));
  const arch = settings.sizeModel;
  const t = await trainCnn(arch, sub, data.validation, { epochs: settings.sizeEpochs, width: settings.widths[arch], rng: rng.fork(`size ${fraction}`), progress: 'none' });
  const point = { fraction, trainClusters: sub.n, testAccuracy: binaryScores(data.test.labels, predictCnn(t, data.test).scores).accuracy };
  t.model.dispose();
  return point;
}

/** The rotated training, validation and test sets of the rotation study. */
export interface RotationData {
  train: RotatedSet;
  validation: RotatedSet;
  test: RotatedSet;
}

/**
 * Each cluster of the first `settings.rotBase` training clusters (and a quarter as many validation
 * clusters, and every test cluster) rotated by `settings.rotCopies` random angles in −90°…90°.
 */
export function rotatedSets(data: { train: ClusterSet; validation: ClusterSet; test: ClusterSet }, settings: NewsdmSettings, rng: Random): RotationData {
  const first = (set: ClusterSet, m: number) => takeClusters(set, Array.from({ length: Math.min(Math.floor(m), set.n) }, (_, i) => i));
  const rotate = (set: ClusterSet, name: string) => augmentRotations(set, { copies: settings.rotCopies, rng: rng.fork(name) });
  return {
    train: rotate(first(data.train, settings.rotBase), 'rot train'),
    validation: rotate(first(data.validation, settings.rotBase / 4), 'rot val'),
    test: rotate(data.test, 'rot test'),
  };
}

/** The accuracy and the angle errors of one rotation-study network on the rotated test set. */
export interface RotationResult {
  model: Architecture;
  accuracy: number;
  /** mean absolute angle error (mod 180°), all test clusters, signal only, background only; 45° = guessing */
  angleMaeDeg: number;
  signalMaeDeg: number;
  backgroundMaeDeg: number;
  secondsPerEpoch: number;
}

/** Accuracy and angle errors of predictions on a rotated test set (see {@link RotationResult}). */
export function rotationScores(model: Architecture, test: RotatedSet, predicted: { scores: Float32Array; angleDeg: Float32Array }, secondsPerEpoch: number): RotationResult {
  const isSignal = (i: number) => test.set.labels[i] === 1;
  return {
    model,
    accuracy: binaryScores(test.set.labels, predicted.scores).accuracy,
    angleMaeDeg: angleMae(predicted.angleDeg, test.angleDeg),
    signalMaeDeg: angleMae(predicted.angleDeg, test.angleDeg, isSignal),
    backgroundMaeDeg: angleMae(predicted.angleDeg, test.angleDeg, (i) => !isSignal(i)),
    secondsPerEpoch,
  };
}

/** The seed's rotation study (§4.2.3): the simple 2D and the VGG-like 3D network with an angle head. */
export async function rotationStudy(rot: RotationData, settings: NewsdmSettings, rng: Random, archs: readonly Architecture[] = ['simple2d', 'vgg3d'], checkpoints = new Checkpoints(null)): Promise<RotationResult[]> {
  const results: RotationResult[] = [];
  for (const arch of archs) results.push(await checkpoints.run(`rotation-${arch}`, () => rotationNetwork(rot, settings, rng, arch)));
  return results;
}

/** One network of {@link rotationStudy}: trained with the angle head, scored on the rotated test set. */
async function rotationNetwork(rot: RotationData, settings: NewsdmSettings, rng: Random, arch: Architecture): Promise<RotationResult> {
  const angles = { train: rot.train.target, validation: rot.validation.target };
  const t = await trainCnn(arch, rot.train.set, rot.validation.set, { epochs: settings.rotEpochs, width: settings.widths[arch], rng: rng.fork(`rot ${arch}`), angles });
  const p = predictCnn(t, rot.test.set);
  t.model.dispose();
  return rotationScores(arch, rot.test, { scores: p.scores, angleDeg: p.angleDeg! }, t.secondsPerEpoch);
}

/** The six-class study's outcome on its test set. */
export interface SixClassResult {
  labelNames: readonly string[];
  /** confusion matrix, rows = true class normalised to 1 */
  matrix: number[][];
  accuracy: number;
  /** the diagonal: the efficiency of each class */
  efficiency: Record<string, number>;
}

/** Each row of a confusion matrix divided by its sum (a row without entries stays 0). */
export function rowNormalise(matrix: number[][]): number[][] {
  return matrix.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (sum > 0 ? v / sum : 0));
  });
}

/** The six-class set (C60 / C80 / C100 / gamma / dust / fog, balanced), the VGG-like 2D network with a softmax. */
export async function sixClassStudy(settings: NewsdmSettings, rng: Random, checkpoints = new Checkpoints(null)): Promise<SixClassResult> {
  return checkpoints.run('six-class', () => sixClassNetwork(settings, rng));
}

/** The network of {@link sixClassStudy}. */
async function sixClassNetwork(settings: NewsdmSettings, rng: Random): Promise<SixClassResult> {
  const six = simulateSixClassSet(rng.fork('six'), { perClass: settings.perClass, size: settings.size });
  const split = rng.fork('six split').split(six.n, { validation: 0.15, test: 0.25 }, six.labels);
  const [train, validation, test] = [split.train, split.validation, split.test].map((idx) => takeClusters(six, idx));
  const t = await trainCnn('vgg2d', train, validation, { epochs: settings.sixEpochs, width: settings.widths.vgg2d, rng: rng.fork('six vgg2d') });
  const k = six.labelNames.length;
  const predicted = argmaxRows(predictCnn(t, test).scores, k);
  t.model.dispose();
  const matrix = rowNormalise(confusionMatrix(test.labels, predicted, { labels: [...Array(k).keys()] }).matrix);
  const efficiency = Object.fromEntries(six.labelNames.map((name, c) => [name, Number(matrix[c][c].toFixed(3))]));
  return { labelNames: six.labelNames, matrix, accuracy: accuracy(test.labels, predicted), efficiency };
}
