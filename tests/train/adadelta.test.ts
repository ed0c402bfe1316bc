/** Adadelta as in Zeiler 2012, Algorithm 1 (the fix of tfjs's first-step behaviour). */
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { assertClose } from '../helpers';
import { ZeilerAdadelta } from '../../lib/train/adadelta';

test('two steps on f(x) = x (gradient 1) follow the paper', () => {
  const x = tf.variable(tf.scalar(2));
  const opt = new ZeilerAdadelta(1, 0.95, 1e-6);
  const rho = 0.95, eps = 1e-6;
  // step 1: E[g²] = 0.05, Δx = −√ε / √(0.05 + ε)
  const g1 = 1 - rho;
  const dx1 = Math.sqrt(eps) / Math.sqrt(g1 + eps);
  opt.minimize(() => x.sum() as tf.Scalar);
  assertClose(x.dataSync()[0], 2 - dx1, { rtol: 1e-6 });
  // step 2: E[g²] = ρ·0.05 + 0.05, E[Δx²] = 0.05·dx1²
  const g2 = rho * g1 + (1 - rho);
  const u1 = (1 - rho) * dx1 * dx1;
  const dx2 = Math.sqrt(u1 + eps) / Math.sqrt(g2 + eps);
  opt.minimize(() => x.sum() as tf.Scalar);
  assertClose(x.dataSync()[0], 2 - dx1 - dx2, { rtol: 1e-6 });
  opt.dispose();
  x.dispose();
});

test('tfjs 4.22 stock Adadelta takes a full gradient step first (why we replace it)', () => {
  const x = tf.variable(tf.scalar(2));
  const opt = tf.train.adadelta(1, 0.95, 1e-6);
  opt.minimize(() => x.sum() as tf.Scalar);
  assertClose(x.dataSync()[0], 1, { rtol: 1e-6 });
  opt.dispose();
  x.dispose();
});
