import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../lib/backend';
import { Random } from '../../../lib/random';
import { classificationLoss, perSampleLoss, weightedMean } from '../../../lib/zprime/model/losses';
import { assertAllClose, assertClose } from '../../helpers';

before(async () => {
  await tf.setBackend('cpu'); // (importing lib/backend registers wasm with a higher priority)
});

// Two samples, logits chosen so that softmax gives p = (0.2, 0.8) and (0.9, 0.1):
// logit difference log(4) and log(1/9).
const logits = () => tf.tensor2d([[0, Math.log(4)], [Math.log(9), 0]]);
const y = () => tf.tensor2d([[0, 1], [0, 1]]); // both labelled class 1: p_y = 0.8 and 0.1

test('cross-entropy matches −log p_y', () => {
  const l = perSampleLoss('crossEntropy', logits(), y()).arraySync();
  assertAllClose(l, [-Math.log(0.8), -Math.log(0.1)], { rtol: 1e-5 });
});

test('focal loss with γ = 2 matches −(1 − p)² log p by hand', () => {
  // sample 1: −0.2² · log 0.8 = 0.04 · 0.22314 = 0.0089257; sample 2: −0.9² · log 0.1 = 0.81 · 2.302585 = 1.865094
  const l = perSampleLoss('focal', logits(), y(), { gamma: 2 }).arraySync();
  assertAllClose(l, [0.0089257, 1.865094], { rtol: 1e-4 });
  assertAllClose(perSampleLoss('focal', logits(), y(), { gamma: 0 }).arraySync(), [-Math.log(0.8), -Math.log(0.1)], { rtol: 1e-5 });
});

test('label smoothing with ε = 0.1 matches −0.9 log p_y − 0.05 (log p_0 + log p_1)', () => {
  // sample 1: 0.9 · 0.223144 + 0.05 · (1.609438 + 0.223144) = 0.200829 + 0.091629 = 0.292458
  // sample 2: 0.9 · 2.302585 + 0.05 · (0.105361 + 2.302585) = 2.072327 + 0.120397 = 2.192724
  const l = perSampleLoss('labelSmoothing', logits(), y(), { eps: 0.1 }).arraySync();
  assertAllClose(l, [0.292458, 2.192724], { rtol: 1e-4 });
});

test('the batch loss is the weighted mean', () => {
  const w = tf.tensor1d([3, 1]);
  const expected = (3 * -Math.log(0.8) + 1 * -Math.log(0.1)) / 4;
  assertClose(classificationLoss('crossEntropy', logits(), y(), w).arraySync() as number, expected, { rtol: 1e-5 });
  assertClose(classificationLoss('crossEntropy', logits(), y()).arraySync() as number, (-Math.log(0.8) - Math.log(0.1)) / 2, { rtol: 1e-5 });
});

test('focal loss down-weights easy examples relative to cross-entropy', () => {
  const ce = perSampleLoss('crossEntropy', logits(), y()).arraySync();
  const fl = perSampleLoss('focal', logits(), y()).arraySync();
  assert.ok(fl[0] / ce[0] < fl[1] / ce[1]);
});

test('the unweighted cross-entropy and its gradient are autodiff\'s numbers bit for bit (cpu and wasm)', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const rng = new Random(12);
  try {
    for (const backend of ['cpu', 'wasm']) {
      await tf.setBackend(backend);
      for (const [n, k, scale] of [[1024, 2, 1], [37, 2, 3], [5, 4, -0.5]]) {
        const x = Array.from({ length: n * k }, () => 4 * rng.normal());
        const labels = Array.from({ length: n }, () => Math.floor(rng.uniform() * k));
        const [mine, theirs] = [true, false].map((custom) =>
          tf.tidy(() => {
            const logits = tf.tensor2d(x, [n, k]);
            const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), k).toFloat() as tf.Tensor2D;
            const loss = (l: tf.Tensor) => tf.mul(custom ? classificationLoss('crossEntropy', l as tf.Tensor2D, onehot) : weightedMean(perSampleLoss('crossEntropy', l as tf.Tensor2D, onehot)), scale);
            const { value, grad } = tf.valueAndGrad(loss)(logits);
            return [Array.from(value.dataSync()), Array.from(grad.dataSync())];
          }),
        );
        assert.deepEqual(mine, theirs, `${backend}: n ${n}, K ${k}, dy ${scale}`);
      }
    }
  } finally {
    await tf.setBackend('cpu');
  }
});
