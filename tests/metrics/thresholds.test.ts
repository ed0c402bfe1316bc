import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binarize, optimalThreshold, rocCurve, accuracy } from '../../lib/metrics';
import { assertClose } from '../helpers';
import { loadFixture } from './fixtures';

interface Choice { threshold: number; value: number }
interface ThresholdCase {
  name: string;
  yTrue: number[];
  score: number[];
  sampleWeight: number[] | null;
  youden: Choice | null;
  accuracy: Choice;
  binarize: { threshold: number; output: number[] };
}
const fixture = loadFixture<ThresholdCase[]>('thresholds.json');

for (const c of fixture.cases) {
  const w = c.sampleWeight ?? undefined;
  test(`optimalThreshold matches numpy/sklearn brute force: ${c.name}`, () => {
    const acc = optimalThreshold(c.yTrue, c.score, 'accuracy', w);
    assert.equal(acc.threshold, c.accuracy.threshold, 'accuracy threshold');
    assertClose(acc.value, c.accuracy.value, { label: 'accuracy value' });
    if (c.youden === null) {
      assert.throws(() => optimalThreshold(c.yTrue, c.score, 'youden', w), /needs both classes/);
    } else {
      const j = optimalThreshold(c.yTrue, c.score, 'youden', w);
      assert.equal(j.threshold, c.youden.threshold, 'youden threshold');
      assertClose(j.value, c.youden.value, { label: 'youden value' });
    }
  });

  test(`binarize matches score >= t and reproduces the accuracy at the chosen cut: ${c.name}`, () => {
    assert.deepEqual(Array.from(binarize(c.score, c.binarize.threshold)), c.binarize.output);
    const cut = binarize(c.score, c.accuracy.threshold);
    assertClose(accuracy(c.yTrue, cut, w), c.accuracy.value, { label: 'accuracy at cut' });
  });
}

test('binarize(score, t) gives the ROC point whose threshold is t', () => {
  const y = [0, 1, 1, 0, 1, 0, 1], s = [0.1, 0.7, 0.4, 0.4, 0.9, 0.3, 0.4];
  const { fpr, tpr, thresholds } = rocCurve(y, s, { dropIntermediate: false });
  for (let k = 0; k < thresholds.length; k++) {
    const p = binarize(s, thresholds[k]);
    const tp = y.filter((v, i) => v === 1 && p[i] === 1).length, fp = y.filter((v, i) => v === 0 && p[i] === 1).length;
    assert.equal(tp / 4, tpr[k]);
    assert.equal(fp / 3, fpr[k]);
  }
});

test('ties between equally good cuts go to the highest threshold', () => {
  // J = 0.5 at 0.8 and at 0.35 (sklearn docstring example): the first, 0.8, wins.
  assert.deepEqual(optimalThreshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 'youden'), { threshold: 0.8, value: 0.5 });
  // A useless classifier: nothing beats accepting nothing.
  assert.deepEqual(optimalThreshold([1, 0], [0.5, 0.5], 'youden'), { threshold: Infinity, value: 0 });
});

test('bad inputs throw RangeError', () => {
  assert.throws(() => binarize([0.1, NaN], 0.5), RangeError);
  assert.throws(() => binarize([0.1], NaN), /threshold is NaN/);
  assert.throws(() => binarize([], 0.5), /score is empty/);
  assert.throws(() => optimalThreshold([0, 1], [0.1, 0.2, 0.3], 'youden'), /length/);
  // @ts-expect-error an unknown criterion is a type error, and a RangeError at run time
  assert.throws(() => optimalThreshold([0, 1], [0.1, 0.2], 'f1'), /unknown criterion/);
});
