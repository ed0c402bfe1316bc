/**
 * The three classification losses the seed compared (§3.2.1), on logits [b, K] and one-hot targets [b, K]:
 *
 * - cross-entropy: ℓ = −log p_y;
 * - focal loss (Lin et al. 2017, "Focal Loss for Dense Object Detection", arXiv:1708.02002, eq. 4;
 *   fastai's `FocalLossFlat`): ℓ = −(1 − p_y)^γ log p_y, which down-weights easy examples (γ = 2);
 * - label-smoothing cross-entropy (Szegedy et al. 2016, arXiv:1512.00567 §7; fastai's
 *   `LabelSmoothingCrossEntropy`): ℓ = −(1 − ε) log p_y − (ε / K) Σ_k log p_k (ε = 0.1).
 *
 * The batch loss is the weighted mean Σ w_i ℓ_i / Σ w_i (PyTorch's convention with class weights).
 * The unweighted cross-entropy (the default training loss) carries its own gradient: the ops tfjs's
 * autodiff would run, without the steps that only pass constants along (same numbers, half the kernels).
 * Used by `tabular.ts` (notebook 05-zprime).
 */
import * as tf from '@tensorflow/tfjs';

/** Loss names. */
export type LossName = 'crossEntropy' | 'focal' | 'labelSmoothing';

/** Loss hyper-parameters. */
export interface LossOptions {
  /** Focusing parameter γ ≥ 0 of the focal loss (default 2; 0 gives cross-entropy). */
  gamma?: number;
  /** Smoothing ε in [0, 1) of label smoothing (default 0.1; 0 gives cross-entropy). */
  eps?: number;
}

/** Per-sample loss [b] of logits [b, K] against one-hot targets [b, K]. */
export function perSampleLoss(name: LossName, logits: tf.Tensor2D, yOneHot: tf.Tensor2D, opts: LossOptions = {}): tf.Tensor1D {
  return tf.tidy(() => {
    const logP = tf.logSoftmax(logits);
    const logPy = tf.sum(tf.mul(logP, yOneHot), -1);
    if (name === 'crossEntropy') return tf.neg(logPy) as tf.Tensor1D;
    if (name === 'focal') {
      const gamma = opts.gamma ?? 2;
      const modulating = tf.pow(tf.sub(1, tf.exp(logPy)), gamma);
      return tf.neg(tf.mul(modulating, logPy)) as tf.Tensor1D;
    }
    const eps = opts.eps ?? 0.1;
    const K = logits.shape[1];
    const uniform = tf.mul(tf.sum(logP, -1), eps / K);
    return tf.neg(tf.add(tf.mul(logPy, 1 - eps), uniform)) as tf.Tensor1D;
  });
}

/** Weighted mean Σ w ℓ / Σ w of a per-sample loss (plain mean without weights). */
export function weightedMean(loss: tf.Tensor1D, weight?: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => (weight ? tf.div(tf.sum(tf.mul(loss, weight)), tf.sum(weight)) : tf.mean(loss)) as tf.Scalar);
}

/**
 * mean_i(−Σ_k y_ik log p_ik) with the gradient tfjs's autodiff computes for it, op for op: the mean,
 * the negation and the row sum pass dy/n on (−r, r = dy / n), the product with y gives g = y·(−r), and
 * logSoftmax's gradient is g − Σ_k g_k · exp(log p). Autodiff reaches the same numbers through twelve
 * kernels (broadcasts of −r included); this runs seven and tapes none of the forward ops.
 */
function crossEntropyMean(logits: tf.Tensor2D, yOneHot: tf.Tensor2D): tf.Scalar {
  const n = logits.shape[0];
  const loss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const logP = tf.logSoftmax(x);
    save([logP]);
    const value = tf.mean(tf.neg(tf.sum(tf.mul(logP, yOneHot), -1)));
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor => {
      const g = tf.mul(yOneHot, tf.neg(tf.div(dy, n)));
      return tf.sub(g, tf.mul(tf.sum(g, -1, true), tf.exp(saved[0])));
    };
    return { value, gradFunc };
  });
  return loss(logits) as tf.Scalar;
}

/** The batch loss: weighted mean of `perSampleLoss`. */
export function classificationLoss(name: LossName, logits: tf.Tensor2D, yOneHot: tf.Tensor2D, weight?: tf.Tensor1D, opts: LossOptions = {}): tf.Scalar {
  if (name === 'crossEntropy' && !weight) return tf.tidy(() => crossEntropyMean(logits, yOneHot));
  return tf.tidy(() => weightedMean(perSampleLoss(name, logits, yOneHot, opts), weight));
}
