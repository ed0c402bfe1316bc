/**
 * Training the Bayesian CNN of part C (Hendriks' talk) with the heteroscedastic loss, and its
 * MC-dropout prediction on a test set.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import * as tf from '@tensorflow/tfjs';
import { Random } from '../../random';
import { arrayBlock, customFit, type History } from '../../train';
import type { GceDataset } from '../data/gce';
import { bayesianCnn, heteroscedasticLoss, mcDropoutPredict, type McPrediction } from '../model/bayesian';
import { inputScale } from './classifier';

/** A trained Bayesian CNN and its history. */
export interface TrainedBayesianCnn {
  model: tf.LayersModel;
  history: History;
}

/**
 * Builds the Bayesian CNN (filters 16, 32, 32, dense 64, dropout 0.2, input scaled by the training
 * maps' mean counts) and trains it with Adam 2·10⁻³, batch 32, validating on `test`.
 * `rng.fork('bayesian model')` seeds the model, `rng` the batch order.
 */
export async function trainBayesianCnn(train: GceDataset, test: GceDataset, o: { epochs: number }, rng: Random): Promise<TrainedBayesianCnn> {
  const [h, w, bins] = train.shape;
  const model = bayesianCnn({ inputShape: train.shape, scale: inputScale(train.maps, h * w * bins), filters: [16, 32, 32], dense: 64, dropout: 0.2, rng: rng.fork('bayesian model') });
  const history = await customFit(
    {
      optimizer: tf.train.adam(2e-3),
      variables: model,
      step: (b, ctx) => ({ loss: heteroscedasticLoss(b.y as tf.Tensor, model.apply(b.x as tf.Tensor, { training: ctx.training }) as tf.Tensor) }),
    },
    {
      train: { x: arrayBlock(train.maps, [train.n, ...train.shape]), y: train.psFraction },
      validation: { x: arrayBlock(test.maps, [test.n, ...test.shape]), y: test.psFraction },
    },
    { epochs: o.epochs, batchSize: 32, rng },
  );
  return { model, history };
}

/** `passes` MC-dropout passes of `model` over the maps of `d`. */
export function mcDropoutOn(model: tf.LayersModel, d: GceDataset, passes: number): McPrediction {
  const x = tf.tensor4d(d.maps, [d.n, ...d.shape]);
  try {
    return mcDropoutPredict(model, x, passes);
  } finally {
    x.dispose();
  }
}
