/**
 * Reading and changing the learning rate and momentum of a live tfjs optimizer, for schedules.
 *
 * tfjs 4.22 keeps these as protected fields read at every `applyGradients` call:
 * - `learningRate` (a number) in Adam, Adamax, RMSProp, Adagrad, Adadelta; SGD and Momentum also
 *   cache `-lr` as a scalar tensor `c`, refreshed by their public `setLearningRate`;
 * - Adam / Adamax `beta1` (a number). The bias correction 1 − ∏β1 uses a variable `accBeta1`
 *   that holds, before step t, ∏_{s<t} β1_s times the β1 in force (initially the constructor's β1),
 *   and is multiplied by β1 after each step. Changing β1 alone would leave the old β1 in that
 *   product, so `setMomentum` rescales `accBeta1` by new/old: the correction stays exact
 *   (Kingma & Ba 2015, Algorithm 1, with a time-varying β1);
 * - Momentum: `setMomentum` only changes the number `momentum`, while the update reads the scalar
 *   tensor `m` made in the constructor — so `setMomentum` has no effect in tfjs 4.22; we replace `m`;
 * - RMSProp `momentum` (a number), used only when the optimizer was built with momentum > 0.
 *
 * Used by `lib/train/loop.ts` (per-batch schedules); tests check that the values take effect.
 */
import * as tf from '@tensorflow/tfjs';

interface LrFields {
  learningRate?: number;
  setLearningRate?: (lr: number) => void;
}

/** The optimizer's current learning rate. */
export function getLearningRate(optimizer: tf.Optimizer): number {
  const lr = (optimizer as unknown as LrFields).learningRate;
  if (typeof lr !== 'number') throw new TypeError(`getLearningRate: ${optimizer.getClassName()} has no learning rate field`);
  return lr;
}

/** Sets the learning rate used by the next `applyGradients` / `minimize` call. */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  if (!(lr >= 0) || !Number.isFinite(lr)) throw new RangeError(`setLearningRate: learning rate must be finite and ≥ 0, got ${lr}`);
  const o = optimizer as unknown as LrFields;
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr); // SGD, Momentum: refresh the cached scalar
  else if (typeof o.learningRate === 'number') o.learningRate = lr;
  else throw new TypeError(`setLearningRate: ${optimizer.getClassName()} has no learning rate field`);
}

/**
 * The optimizer's momentum (Adam/Adamax: β1; Momentum, RMSProp: momentum), or `undefined` where it
 * has none (SGD, Adagrad, Adadelta, RMSProp built without momentum).
 */
export function getMomentum(optimizer: tf.Optimizer): number | undefined {
  const o = optimizer as unknown as { beta1?: number; momentum?: number };
  switch (optimizer.getClassName()) {
    case 'Adam':
    case 'Adamax':
      return o.beta1;
    case 'Momentum':
      return o.momentum;
    case 'RMSProp':
      return o.momentum && o.momentum > 0 ? o.momentum : undefined;
    default:
      return undefined;
  }
}

/**
 * Sets the momentum (Adam/Adamax: β1) used by the next step. Returns `false`, changing nothing,
 * where the optimizer has no momentum to set.
 */
export function setMomentum(optimizer: tf.Optimizer, value: number): boolean {
  if (!(value >= 0 && value < 1)) throw new RangeError(`setMomentum: momentum must be in [0, 1), got ${value}`);
  if (getMomentum(optimizer) === undefined) return false;
  switch (optimizer.getClassName()) {
    case 'Adam':
    case 'Adamax': {
      const o = optimizer as unknown as { beta1: number; accBeta1: tf.Variable };
      if (o.beta1 > 0 && value !== o.beta1) {
        const ratio = value / o.beta1;
        tf.tidy(() => o.accBeta1.assign(tf.mul(o.accBeta1, ratio)));
      }
      o.beta1 = value;
      return true;
    }
    case 'Momentum': {
      const o = optimizer as unknown as { momentum: number; m: tf.Scalar };
      o.momentum = value;
      o.m.dispose();
      o.m = tf.keep(tf.scalar(value));
      return true;
    }
    default:
      (optimizer as unknown as { momentum: number }).momentum = value;
      return true;
  }
}
