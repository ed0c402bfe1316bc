/**
 * The lecture's warm-up before the air showers: a small CNN learns to read digits (MNIST-shaped,
 * synthetic: see `../data/digits.ts`), trained on one seeded set and scored on another.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import type * as tf from '@tensorflow/tfjs';
import { Random } from '../../random';
import { fit } from '../../train/fit';
import { arrayBlock } from '../../train/batches';
import { predictScores } from '../../train/predict';
import { accuracy, argmaxRows } from '../../metrics/classification';
import type { History } from '../../train/history';
import { Stopwatch } from '../../timer';
import { DIGIT_SIZE, makeDigits } from '../data/digits';
import { compiledDigitCnn } from '../model';

/** Sizes of the warm-up. */
export interface WarmupOptions {
  trainImages: number;
  testImages: number;
  epochs: number;
  batchSize: number;
  rng: Random;
}

/** The trained CNN, its history and its test accuracy. */
export interface WarmupResult {
  model: tf.LayersModel;
  history: History;
  /** fraction of test digits classified right */
  accuracy: number;
  weights: number;
  seconds: number;
  /** the first test images and labels, for a picture */
  sample: { images: Float32Array; labels: Int32Array; predicted: Int32Array };
}

const PIXELS = DIGIT_SIZE * DIGIT_SIZE;

/** Draws the two sets, trains the CNN and scores it. */
export async function digitWarmup(o: WarmupOptions): Promise<WarmupResult> {
  const clock = new Stopwatch();
  const train = makeDigits(o.trainImages, o.rng.fork('train digits'));
  const test = makeDigits(o.testImages, o.rng.fork('test digits'));
  const model = compiledDigitCnn(o.rng.fork('init'));
  const x = (images: Float32Array, n: number) => arrayBlock(images, [n, DIGIT_SIZE, DIGIT_SIZE, 1]);
  const history = await fit(
    model,
    { train: { x: x(train.images, o.trainImages), y: arrayBlock(train.oneHot, [o.trainImages, 10]) } },
    { epochs: o.epochs, batchSize: o.batchSize, rng: o.rng.fork('fit'), progress: 'none' },
  );
  const predicted = argmaxRows(predictScores(model, x(test.images, o.testImages)), 10);
  const shown = Math.min(16, o.testImages);
  return {
    model,
    history,
    accuracy: accuracy(test.labels, predicted),
    weights: model.countParams(),
    seconds: clock.seconds(),
    sample: { images: test.images.slice(0, shown * PIXELS), labels: test.labels.slice(0, shown), predicted: predicted.slice(0, shown) },
  };
}
