/**
 * Seeded noise layers: Dropout and GaussianNoise whose random draws come from a project `Random`.
 *
 * tfjs's own layers are not reproducible in a useful way: without a seed they draw from Math.random,
 * and with a fixed seed they apply the *same* mask at every training step (the seed is passed
 * unchanged to every `tf.randomUniform` call). These layers draw a fresh 32-bit seed from the
 * generator at each call, so a run is reproducible and every step gets a new mask.
 * `mcDropout` keeps dropout active at inference, for Monte-Carlo dropout (Gal & Ghahramani 2016),
 * as the Bayesian CNN of the Galactic Centre study needs.
 *
 * Used by the study models (NEWSdm, Telescope Array, Galaxy Zoo / GC, DarkMachines, Z′).
 */
import * as tf from '@tensorflow/tfjs';
import { dropoutMultiplierTensor } from './dropout-mask';
import { Random } from './random';

interface NoiseArgs {
  /** the generator that seeds each call's draw */
  rng: Random;
  name?: string;
  inputShape?: number[];
}

function isTraining(kwargs: Record<string, unknown>): boolean {
  return kwargs.training === true;
}

/** Dropout with a new seeded mask at every training call (inverted dropout: kept units scaled by 1/(1−rate)). */
export class SeededDropout extends tf.layers.Layer {
  static className = 'SeededDropout';
  readonly rate: number;
  readonly alwaysOn: boolean;
  private rng: Random;

  constructor(args: NoiseArgs & { rate: number; alwaysOn?: boolean }) {
    super({ name: args.name, inputShape: args.inputShape });
    if (!(args.rate >= 0 && args.rate < 1)) throw new RangeError(`SeededDropout: rate must be in [0, 1), got ${args.rate}`);
    this.rate = args.rate;
    this.alwaysOn = args.alwaysOn ?? false;
    this.rng = args.rng;
    this.supportsMasking = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (this.rate === 0 || !(this.alwaysOn || isTraining(kwargs))) return x.clone();
    const seed = this.rng.int32();
    if (x.dtype !== 'float32') return tf.dropout(x, this.rate, undefined, seed); // (tfjs names the error)
    // tf.dropout(x, rate, undefined, seed) with its mask built in JS (same numbers): one kernel, not four.
    return tf.tidy(() => tf.mul(x, dropoutMultiplierTensor(x.shape, this.rate, seed)));
  }

  /** Draws the following masks from `rng` (a resumed training reseeds per epoch; `lib/train/resumable.ts`). */
  reseed(rng: Random): void {
    this.rng = rng;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, alwaysOn: this.alwaysOn };
  }
}

/** Additive zero-mean Gaussian noise of standard deviation `stddev`, active only in training. */
export class SeededGaussianNoise extends tf.layers.Layer {
  static className = 'SeededGaussianNoise';
  readonly stddev: number;
  private rng: Random;

  constructor(args: NoiseArgs & { stddev: number }) {
    super({ name: args.name, inputShape: args.inputShape });
    if (!(args.stddev >= 0)) throw new RangeError(`SeededGaussianNoise: stddev must be ≥ 0, got ${args.stddev}`);
    this.stddev = args.stddev;
    this.rng = args.rng;
    this.supportsMasking = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (this.stddev === 0 || !isTraining(kwargs)) return x.clone();
    return tf.tidy(() => tf.add(x, tf.randomNormal(x.shape, 0, this.stddev, 'float32', this.rng.int32())));
  }

  /** Draws the following noise from `rng` (a resumed training reseeds per epoch; `lib/train/resumable.ts`). */
  reseed(rng: Random): void {
    this.rng = rng;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), stddev: this.stddev };
  }
}

tf.serialization.registerClass(SeededDropout);
tf.serialization.registerClass(SeededGaussianNoise);

/** A seeded Dropout layer (see `SeededDropout`). */
export function dropout(args: NoiseArgs & { rate: number }): SeededDropout {
  return new SeededDropout(args);
}

/** A Dropout layer that stays on at inference, for Monte-Carlo dropout. */
export function mcDropout(args: NoiseArgs & { rate: number }): SeededDropout {
  return new SeededDropout({ ...args, alwaysOn: true });
}

/** A seeded GaussianNoise layer (see `SeededGaussianNoise`). */
export function gaussianNoise(args: NoiseArgs & { stddev: number }): SeededGaussianNoise {
  return new SeededGaussianNoise(args);
}
