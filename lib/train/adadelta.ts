/**
 * Adadelta exactly as in Zeiler 2012 (arXiv:1212.5701, Algorithm 1), the optimizer of the seed.
 *
 * tfjs 4.22's `tf.train.adadelta` divides by the RMS of the gradients *before* this step's gradient
 * is accumulated (E[g²]_{t−1} instead of E[g²]_t), so its first step is the raw gradient times the
 * learning rate and, with the paper's learning rate 1, training diverges at once. Here
 *   E[g²]_t = ρ E[g²]_{t−1} + (1 − ρ) g_t²,
 *   Δx_t = −(RMS[Δx]_{t−1} / RMS[g]_t) g_t,  RMS[u] = √(E[u²] + ε),
 *   E[Δx²]_t = ρ E[Δx²]_{t−1} + (1 − ρ) Δx_t²,  x_{t+1} = x_t + lr · Δx_t,
 * as in the paper and Keras. The accumulators and weights are tfjs's own (same names, same saving).
 *
 * Used by the Telescope Array correction network (`lib/telescope-array/model.ts`).
 */
import * as tf from '@tensorflow/tfjs';

interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** A gradient with its variable's name (tfjs-core's NamedTensor, not re-exported by tfjs). */
interface NamedGradient {
  name: string;
  tensor: tf.Tensor;
}

interface AdadeltaInternals {
  accumulatedGrads: Slot[];
  accumulatedUpdates: Slot[];
  learningRate: number;
  rho: number;
  epsilon: number;
}

/** Adadelta with Zeiler's update (see the file header); same constructor as `tf.train.adadelta`. */
export class ZeilerAdadelta extends tf.AdadeltaOptimizer {
  override applyGradients(variableGradients: tf.NamedTensorMap | NamedGradient[]): void {
    const self = this as unknown as AdadeltaInternals;
    const names = Array.isArray(variableGradients) ? variableGradients.map((item) => item.name) : Object.keys(variableGradients);
    names.forEach((name, i) => {
      const value = tf.engine().registeredVariables[name];
      self.accumulatedGrads[i] ??= { originalName: `${name}/accum_grad`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      self.accumulatedUpdates[i] ??= { originalName: `${name}/accum_var`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
      if (gradient == null) return;
      const accGrad = self.accumulatedGrads[i].variable;
      const accUpdate = self.accumulatedUpdates[i].variable;
      tf.tidy(() => {
        const newAccGrad = tf.add(tf.mul(accGrad, self.rho), tf.mul(tf.square(gradient), 1 - self.rho));
        const update = tf.mul(tf.div(tf.sqrt(tf.add(accUpdate, self.epsilon)), tf.sqrt(tf.add(newAccGrad, self.epsilon))), gradient);
        accGrad.assign(newAccGrad);
        accUpdate.assign(tf.add(tf.mul(accUpdate, self.rho), tf.mul(tf.square(update), 1 - self.rho)));
        value.assign(tf.add(tf.mul(update, -self.learningRate), value));
      });
    });
    this.incrementIterations();
  }
}
