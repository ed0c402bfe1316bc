import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rocCurve, auc, rocAuc, signalEfficiencyAt } from '../../lib/metrics';
import { assertAllClose, assertClose } from '../helpers';
import { loadFixture } from './fixtures';

interface Curve { fpr: number[]; tpr: number[]; thresholds: number[] }
interface RocCase {
  name: string;
  yTrue: number[];
  score: number[];
  sampleWeight: number[] | null;
  drop: Curve;
  full: Curve;
  rocAuc?: number;
  signalEfficiency?: { eps: number; value: number }[];
}
const fixture = loadFixture<RocCase[]>('roc.json');
const weightOf = (c: RocCase) => c.sampleWeight ?? undefined;

/** Compares with sklearn; thresholds[0] is +Infinity here, thresholds[1] + 1 in sklearn < 1.3. */
function assertCurve(actual: ReturnType<typeof rocCurve>, expected: Curve, label: string): void {
  assertAllClose(actual.fpr, expected.fpr, { label: `${label} fpr` });
  assertAllClose(actual.tpr, expected.tpr, { label: `${label} tpr` });
  assert.equal(actual.thresholds[0], Infinity, `${label} thresholds[0]`);
  assertAllClose(actual.thresholds.subarray(1), expected.thresholds.slice(1), { label: `${label} thresholds` });
}

test('fixture was produced by scikit-learn and holds the expected cases', () => {
  assert.match(fixture.sklearn, /^\d+\.\d+/);
  assert.ok(fixture.cases.length >= 10);
  // sklearn < 1.3 puts max + 1 first; >= 1.3 puts +Infinity (what we do): the test handles both.
  for (const c of fixture.cases) {
    const t0 = c.full.thresholds[0];
    assert.ok(t0 === Infinity || t0 === c.full.thresholds[1] + 1, c.name);
  }
});

for (const c of fixture.cases) {
  test(`rocCurve matches sklearn roc_curve: ${c.name}`, () => {
    assertCurve(rocCurve(c.yTrue, c.score, { sampleWeight: weightOf(c), dropIntermediate: true }), c.drop, 'drop');
    assertCurve(rocCurve(c.yTrue, c.score, { sampleWeight: weightOf(c), dropIntermediate: false }), c.full, 'full');
    assertCurve(rocCurve(c.yTrue, c.score, { sampleWeight: weightOf(c) }), c.drop, 'default drops');
  });

  test(`rocAuc and signalEfficiencyAt match sklearn: ${c.name}`, () => {
    if (c.rocAuc === undefined) {
      assert.throws(() => rocAuc(c.yTrue, c.score, weightOf(c)), RangeError);
      assert.throws(() => signalEfficiencyAt(c.yTrue, c.score, 0.01, weightOf(c)), RangeError);
      return;
    }
    assertClose(rocAuc(c.yTrue, c.score, weightOf(c)), c.rocAuc, { label: 'rocAuc' });
    for (const { eps, value } of c.signalEfficiency ?? []) {
      assertClose(signalEfficiencyAt(c.yTrue, c.score, eps, weightOf(c)), value, { label: `eps_S at eps_B=${eps}` });
    }
  });
}

test('typed-array inputs give the same curve as number[] (Float32Array scores, Uint8Array labels)', () => {
  const c = fixture.cases.find((k) => k.name === 'float32_scores')!;
  const curve = rocCurve(Uint8Array.from(c.yTrue), Float32Array.from(c.score), { dropIntermediate: false });
  assertCurve(curve, c.full, 'float32');
});

test('unit weights give the unweighted curve (the two code paths agree)', () => {
  const c = fixture.cases.find((k) => k.name === 'ties')!;
  const ones = new Float64Array(c.yTrue.length).fill(1);
  for (const dropIntermediate of [true, false]) {
    const a = rocCurve(c.yTrue, c.score, { dropIntermediate });
    const b = rocCurve(c.yTrue, c.score, { dropIntermediate, sampleWeight: ones });
    assert.deepEqual(b, a);
  }
});

test('the sklearn docstring example, by hand', () => {
  const { fpr, tpr, thresholds } = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
  assert.deepEqual(Array.from(fpr), [0, 0, 0.5, 0.5, 1]);
  assert.deepEqual(Array.from(tpr), [0, 0.5, 0.5, 1, 1]);
  assert.deepEqual(Array.from(thresholds), [Infinity, 0.8, 0.4, 0.35, 0.1]);
  assert.equal(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
});

test('signalEfficiencyAt: interpolates on the ROC path, takes the top of a vertical step', () => {
  // ROC points (0,0) (0,0.5) (0.5,0.5) (0.5,1) (1,1).
  const y = [0, 0, 1, 1], s = [0.1, 0.4, 0.35, 0.8];
  assert.equal(signalEfficiencyAt(y, s, 0), 0.5);
  assert.equal(signalEfficiencyAt(y, s, 0.25), 0.5);
  assert.equal(signalEfficiencyAt(y, s, 0.5), 1);
  // One tied group of 2 background + 2 signal: the path is a diagonal, ε_S = ε_B.
  assert.equal(signalEfficiencyAt([0, 1, 0, 1], [1, 1, 1, 1], 0.3), 0.3);
});

test('auc: trapezoid rule, either direction, rejects non-monotonic x', () => {
  assert.equal(auc([0, 1, 2], [0, 1, 0]), 1);
  assert.equal(auc([2, 1, 0], [0, 1, 0]), 1);
  assert.equal(auc([0, 0, 1], [0, 1, 1]), 1);
  assert.throws(() => auc([0, 2, 1], [0, 1, 0]), /neither non-decreasing nor non-increasing/);
  assert.throws(() => auc([0], [1]), /at least 2 points/);
});

test('rocCurve without positives returns NaN tpr (as sklearn) and rocAuc refuses', () => {
  const { fpr, tpr } = rocCurve([0, 0, 0], [0.2, 0.5, 0.9], { dropIntermediate: false });
  assert.deepEqual(Array.from(fpr), [0, 1 / 3, 2 / 3, 1]);
  assert.ok(Array.from(tpr).every(Number.isNaN));
  assert.throws(() => rocAuc([0, 0, 0], [0.2, 0.5, 0.9]), /only one class/);
});

test('bad inputs throw RangeError with a clear message', () => {
  assert.throws(() => rocCurve([0, 1], [0.1]), { name: 'RangeError', message: /yTrue has length 2 but score has length 1/ });
  assert.throws(() => rocCurve([], []), { name: 'RangeError', message: /yTrue is empty/ });
  assert.throws(() => rocCurve([0, 1], [0.1, NaN]), { name: 'RangeError', message: /score\[1\] is NaN/ });
  assert.throws(() => rocCurve([0, 1], [0.1, Infinity]), { name: 'RangeError', message: /score\[1\] is Infinity/ });
  assert.throws(() => rocCurve([0, 2], [0.1, 0.2]), { name: 'RangeError', message: /yTrue\[1\] is 2; binary labels/ });
  assert.throws(() => rocCurve([0, 1], [0.1, 0.2], { sampleWeight: [1] }), { name: 'RangeError', message: /sampleWeight has length 1/ });
  assert.throws(() => rocCurve([0, 1], [0.1, 0.2], { sampleWeight: [1, -1] }), { name: 'RangeError', message: /must be >= 0/ });
  assert.throws(() => rocCurve([0, 1], [0.1, 0.2], { sampleWeight: [0, 0] }), { name: 'RangeError', message: /all sample weights are zero/ });
  assert.throws(() => auc([0, 1], [NaN, 1]), RangeError);
  assert.throws(() => signalEfficiencyAt([0, 1], [0.1, 0.2], 1.5), { name: 'RangeError', message: /not in \[0, 1\]/ });
  assert.throws(() => signalEfficiencyAt([0, 1], [0.1, 0.2], NaN), RangeError);
});
