/** Tests of lib/darkmachines/evaluate/summary.ts and the baselines of anomaly-detectors.ts: means over signals, best detector, recorded numbers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutBaselines, type DetectorResult } from '../../../lib/darkmachines/evaluate/anomaly-detectors';
import { bestDetector, meansByDetector, spaceComparison, spaceVerdicts, studyNumbers, timingCaption } from '../../../lib/darkmachines/evaluate/summary';
import type { DmEvent } from '../../../lib/darkmachines/data/event';
import type { PmssmRow } from '../../../lib/darkmachines/evaluate/scan-study';
import { assertClose } from '../../helpers';

const row = (detector: string, signal: string, auc: number, epsS_1e2: number): DetectorResult => ({ detector, signal, auc, epsS_1e2, epsS_1e3: 0 });
const distance = (variable: string, ks: number) => ({ variable, meanSimulated: 0, meanGenerated: 0, wasserstein: 0, wassersteinOverStd: 0, ks });
const generator = { eventsPerSecond: 10, distances: [distance('MET', 0.02), distance('HT', 0.03), distance('nJets', 0.06), distance('leadPt', 0.04)] };
const results = [row('MET', 'a', 0.9, 0.5), row('MET', 'b', 0.5, 0.1), row('GMM', 'a', 0.8, 0.4), row('GMM', 'b', 0.7, 0.3), row('IF', 'a', 0.6, 0.2), row('IF', 'b', 0.6, 0.2)];

test('means over the signals per detector, in order of appearance', () => {
  const means = meansByDetector(results);
  assert.deepEqual(means.map((m) => m.detector), ['MET', 'GMM', 'IF']);
  assertClose(means[0].meanAUC, 0.7, { atol: 1e-12 });
  assertClose(means[1].meanAUC, 0.75, { atol: 1e-12 });
  assertClose(means[1].meanEpsS_1e2, 0.35, { atol: 1e-12 });
});

test('the best detector is chosen among the candidates only; none there is an error', () => {
  const means = meansByDetector(results);
  assert.equal(bestDetector(means, ['GMM', 'IF']).detector, 'GMM');
  assert.equal(bestDetector(means, ['IF']).detector, 'IF');
  assert.throws(() => bestDetector(means, ['AE']), /none of the detectors AE/);
});

test('study numbers: best learned detector (not the MET cut), MET mean, β variances, pMSSM modes by method', () => {
  const pmssmRows = [
    { method: 'random sampling', modesFound: 0 },
    { method: 'Gaussian particle filter', modesFound: 2 },
  ] as PmssmRow[];
  const betaRows = [{ beta: 1, avgVar: 0.9, avgMean: 0, avgAbsMean: 0, activeDims: 0, mse: 1, kl: 0, seconds: 1 }];
  const n = studyNumbers({ betaRows, results, learned: ['GMM', 'IF'], generator, pmssmRows });
  assert.deepEqual(n.bestDetector, { name: 'GMM', meanAuc: 0.75 });
  assertClose(n.metMeanAuc, 0.7, { atol: 1e-12 });
  assert.deepEqual(n.pmssmModes, { gpf: 2, random: 0 });
  assert.deepEqual(n.betaVariance, [{ beta: 1, avgVar: 0.9 }]);
  assert.deepEqual(n.generator, { eventsPerSecond: 10, ks: { njets: 0.06, met: 0.02, ht: 0.03, lead_pt: 0.04 } });
  assert.throws(() => studyNumbers({ betaRows, results, learned: ['GMM'], generator, pmssmRows: [] }), /no row "Gaussian particle filter"/);
});

test('MET and HT baselines: a signal with more MET and HT than every SM event has AUC 1', () => {
  const ev = (MET: number, pt: number): DmEvent => ({ id: '1', process: 'p', weight: 1, MET, METphi: 0, objects: [{ type: 'j', E: pt, pt, eta: 0, phi: 0 }] });
  const sm = [ev(10, 30), ev(20, 40), ev(30, 50)];
  const r = cutBaselines(sm, { heavy: [ev(500, 900), ev(600, 800)], light: [ev(1, 25)] });
  assert.deepEqual(r.map((x) => `${x.detector} ${x.signal}`), ['MET heavy', 'MET light', 'HT heavy', 'HT light']);
  assert.equal(r[0].auc, 1);
  assert.equal(r[2].auc, 1);
  assert.equal(r[1].auc, 0);
});

test('timing caption names each step and its seconds', () => {
  assert.equal(timingCaption({ simulation: 1.234, scans: 10 }), 'seconds: simulation / scans: 1.2 / 10.0');
});

test('input vs latent space: each kind\'s means over the signals in both spaces; a space not run gives NaN', () => {
  const r = [row('MET', 'a', 0.5, 0.1), row('AE on input', 'a', 0.6, 0.1), row('AE on input', 'b', 0.8, 0.3), row('AE on latent', 'a', 0.7, 0.2), row('GMM on latent', 'a', 0.9, 0.5)];
  const table = spaceComparison(r);
  assert.deepEqual(table.map((t) => t.detector), ['AE', 'isolation forest', 'GMM']);
  assertClose(table[0]['mean AUC, input'], 0.7, { atol: 1e-12 });
  assertClose(table[0]['mean ε_S(1e-2), input'], 0.2, { atol: 1e-12 });
  assert.equal(table[0]['mean AUC, latent'], 0.7);
  assert.ok(Number.isNaN(table[2]['mean AUC, input']));
  const n = studyNumbers({ betaRows: [], results: r, learned: ['AE on input', 'AE on latent'], generator, pmssmRows: [
    { method: 'random sampling', modesFound: 0 }, { method: 'Gaussian particle filter', modesFound: 1 }] as PmssmRow[] });
  assertClose(n.spaceMeanAuc.input.ae, 0.7, { atol: 1e-12 });
  assert.equal(n.spaceMeanAuc.latent.gmm, 0.9);
});

test('space verdicts: the better space by mean AUC per detector, differences latent − input, "not run" for NaN', () => {
  const r = [row('AE on input', 'a', 0.8, 0.3), row('AE on latent', 'a', 0.7, 0.2), row('GMM on input', 'a', 0.6, 0.1), row('GMM on latent', 'a', 0.9, 0.5), row('IF on latent', 'a', 0.6, 0.1)];
  const v = spaceVerdicts(spaceComparison(r));
  assert.deepEqual(v.map((x) => x['better space (AUC)']), ['input', 'not run', 'latent']);
  assertClose(v[0]['ΔAUC (latent − input)'], -0.1, { atol: 1e-12 });
  assertClose(v[2]['Δε_S(1e-2) (latent − input)'], 0.4, { atol: 1e-12 });
});
