import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracy, precision, recall, f1, confusionMatrix, precisionRecallF1, argmaxRows, type Average } from '../../lib/metrics';
import { assertAllClose, assertClose } from '../helpers';
import { loadFixture } from './fixtures';

interface Scores { precision: number; recall: number; f1: number }
interface BinaryCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  sampleWeight: number[] | null;
  accuracy: number;
  confusionMatrix: number[][];
  zd0: Scores;
  zd1: Scores;
}
interface Prf { precision: number | number[]; recall: number | number[]; f1: number | number[]; support: number[] | null }
interface MulticlassCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  sampleWeight: number[] | null;
  labels: number[] | null;
  labelsUsed: number[];
  accuracy?: number;
  confusionMatrix?: number[][];
  zd0: Partial<Record<Average, Prf>>;
  zd1: Partial<Record<Average, Prf>>;
}
const fixture = loadFixture<{ binary: BinaryCase[]; multiclass: MulticlassCase[] }>('classification.json');

for (const c of fixture.cases.binary) {
  test(`binary metrics match sklearn: ${c.name}`, () => {
    const sampleWeight = c.sampleWeight ?? undefined;
    assertClose(accuracy(c.yTrue, c.yPred, sampleWeight), c.accuracy, { label: 'accuracy' });
    const cm = confusionMatrix(c.yTrue, c.yPred, { sampleWeight, labels: [0, 1] });
    assert.deepEqual(cm.labels, [0, 1]);
    cm.matrix.forEach((row, i) => assertAllClose(row, c.confusionMatrix[i], { label: `confusion row ${i}` }));
    for (const zeroDivision of [0, 1] as const) {
      const expected = zeroDivision === 0 ? c.zd0 : c.zd1;
      const opts = { sampleWeight, zeroDivision };
      assertClose(precision(c.yTrue, c.yPred, opts), expected.precision, { label: `precision zd=${zeroDivision}` });
      assertClose(recall(c.yTrue, c.yPred, opts), expected.recall, { label: `recall zd=${zeroDivision}` });
      assertClose(f1(c.yTrue, c.yPred, opts), expected.f1, { label: `f1 zd=${zeroDivision}` });
    }
  });
}

for (const c of fixture.cases.multiclass) {
  test(`multi-class metrics match sklearn: ${c.name}`, () => {
    const sampleWeight = c.sampleWeight ?? undefined;
    const labels = c.labels ?? undefined;
    if (c.accuracy !== undefined) assertClose(accuracy(c.yTrue, c.yPred, sampleWeight), c.accuracy, { label: 'accuracy' });
    if (c.confusionMatrix !== undefined) {
      const cm = confusionMatrix(c.yTrue, c.yPred, { sampleWeight, labels });
      assert.deepEqual(cm.labels, c.labelsUsed);
      cm.matrix.forEach((row, i) => assertAllClose(row, c.confusionMatrix![i], { label: `confusion row ${i}` }));
    }
    for (const zeroDivision of [0, 1] as const) {
      const byAverage = zeroDivision === 0 ? c.zd0 : c.zd1;
      for (const [average, expected] of Object.entries(byAverage) as [Average, Prf][]) {
        const label = `${average} zd=${zeroDivision}`;
        const got = precisionRecallF1(c.yTrue, c.yPred, { average, labels, sampleWeight, zeroDivision });
        if ('support' in got) {
          assert.deepEqual(got.labels, c.labelsUsed);
          assertAllClose(got.precision, expected.precision as number[], { label: `${label} precision` });
          assertAllClose(got.recall, expected.recall as number[], { label: `${label} recall` });
          assertAllClose(got.f1, expected.f1 as number[], { label: `${label} f1` });
          assertAllClose(got.support, expected.support!, { label: `${label} support` });
        } else {
          assertClose(got.precision, expected.precision as number, { label: `${label} precision` });
          assertClose(got.recall, expected.recall as number, { label: `${label} recall` });
          assertClose(got.f1, expected.f1 as number, { label: `${label} f1` });
        }
      }
    }
  });
}

test('binary confusion matrix is [[TN, FP], [FN, TP]]; micro average of all classes = accuracy', () => {
  const y = [0, 0, 0, 1, 1, 1, 1], p = [0, 1, 1, 0, 1, 1, 1];
  assert.deepEqual(confusionMatrix(y, p).matrix, [[1, 2], [1, 3]]);
  const micro = precisionRecallF1(y, p, { average: 'micro' });
  assert.equal(micro.precision, accuracy(y, p));
  assert.equal(precision(y, p), 3 / 5);
  assert.equal(recall(y, p), 3 / 4);
  assertClose(f1(y, p), (2 * 0.6 * 0.75) / 1.35);
});

test('bad inputs throw RangeError', () => {
  assert.throws(() => accuracy([0, 1], [0]), { name: 'RangeError', message: /yTrue has length 2 but yPred has length 1/ });
  assert.throws(() => accuracy([], []), /yTrue is empty/);
  assert.throws(() => precision([0, NaN], [0, 1]), /yTrue\[1\] is NaN/);
  assert.throws(() => recall([0, 1], [0, 2]), /yPred\[1\] is 2; binary labels must be 0 or 1/);
  assert.throws(() => f1([0, 1], [0, 1], { sampleWeight: [1, 2, 3] }), /sampleWeight has length 3/);
  // @ts-expect-error zeroDivision is 0 or 1
  assert.throws(() => f1([0, 1], [0, 1], { zeroDivision: 2 }), /zeroDivision must be 0 or 1/);
  assert.throws(() => confusionMatrix([0, 1], [0, 1], { labels: [5] }), /none of the labels/);
  assert.throws(() => confusionMatrix([0, 1], [0, 1], { labels: [0, 0] }), /duplicates/);
  // @ts-expect-error an unknown average
  assert.throws(() => precisionRecallF1([0, 1], [0, 1], { average: 'samples' }), /unknown average/);
});

test('argmaxRows gives the first largest entry per row (numpy argmax(axis=1)) and refuses a ragged array', () => {
  assert.deepEqual(Array.from(argmaxRows([0.1, 0.7, 0.2, 0.5, 0.2, 0.3], 3)), [1, 0]);
  assert.deepEqual(Array.from(argmaxRows(new Float32Array([0.4, 0.4, 0.2, 0.1, 0.3, 0.3]), 3)), [0, 1]);
  assert.throws(() => argmaxRows([0.1, 0.7, 0.2, 0.5], 3), /argmaxRows: 4 scores are not rows of k = 3 classes/);
  assert.throws(() => argmaxRows([0.1], 0), /argmaxRows: k = 0 classes/);
});
