/** Tests of lib/zprime/evaluate/summary.ts: the trees − network gap in units of its error, and the summary. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScoreRow } from '../../../lib/zprime/evaluate/scores';
import { gapVerdict, runSummary, treesMinusNetSigma } from '../../../lib/zprime/evaluate/summary';

test('the gap takes the better tree and divides by the combined error', () => {
  const rf = { accuracy: 0.996, error: 0.0003 }, bdt = { accuracy: 0.995, error: 0.0004 }, net = { accuracy: 0.992, error: 0.0004 };
  assert.ok(Math.abs(treesMinusNetSigma(rf, bdt, net) - 0.004 / 0.0005) < 1e-9);
  assert.ok(Math.abs(treesMinusNetSigma(bdt, rf, net) - 8) < 1e-9, 'the better tree, whichever it is');
  assert.equal(gapVerdict(8), '+8.0 σ: trees ahead');
  assert.equal(gapVerdict(-0.4), '-0.4 σ: tie within 1 σ');
  assert.equal(gapVerdict(-2), '-2.0 σ: network ahead');
});

test('runSummary reads the three headline rows and fails naming a missing one', () => {
  const row = (model: string, accuracy: number): ScoreRow => ({ model, accuracy, precision: 0, recall: 0, f1: 0, auc: 0, averagePrecision: 0, sOverSqrtB: 2.25, bestCut: 0.5 });
  const rows = [row('random forest', 0.99), row('gradient boosting', 0.98), row('net crossEntropy, none', 0.99)];
  const s = runSummary({ profile: 'smoke', events: 100, testEvents: 10_000, peakRssMB: 500.4, heapUsedMB: 60.6 }, rows);
  assert.equal(s['RF accuracy'], '0.9900 ± 0.0010');
  assert.equal(s['trees − net on accuracy'], '+0.0 σ: tie within 1 σ');
  assert.equal(s['best s/√b in 10 fb⁻¹ (RF / BDT / net)'], '2.3 / 2.3 / 2.3');
  assert.equal(s['peak RSS MB'], 500);
  assert.throws(() => runSummary({ profile: 'smoke', events: 1, testEvents: 1, peakRssMB: 1, heapUsedMB: 1 }, rows.slice(0, 2)), /net crossEntropy, none.*rows: random forest, gradient boosting/);
});
