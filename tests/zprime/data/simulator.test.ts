import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { concatTables, eventWeights, lepN } from '../../../lib/zprime/data/events';
import { CATEGORICAL_FEATURES, CONTINUOUS_FEATURES, extractFeatures, treeMatrix } from '../../../lib/zprime/data/features';
import { defaultProcesses } from '../../../lib/zprime/data/processes';
import { simulateChunks, simulateEvents } from '../../../lib/zprime/data/simulator';

const t = simulateEvents({ nEvents: 6000, rng: new Random(11) });

test('the mix is imbalanced (~1 % signal) and weights sum to σ·L per process', () => {
  const nSig = t.label.reduce((s, v) => s + v, 0);
  assert.ok(nSig > 30 && nSig < 100, `signal events ${nSig}`);
  const w = eventWeights(t, 10);
  const procs = defaultProcesses();
  const zjets = procs.findIndex((p) => p.name === 'Zjets');
  let sum = 0;
  for (let e = 0; e < t.n; e++) if (t.process[e] === zjets) sum += w[e];
  const expected = 6000 * 1e4; // 6000 pb × 10 fb⁻¹
  assert.ok(Math.abs(sum / expected - 1) < 0.1, `Z+jets weight ${sum} vs ${expected}`);
});

test('ntuple conventions: MeV, objects sorted by pT, lepton flavours 11/13', () => {
  for (let e = 0; e < t.n; e++) {
    for (let i = t.lepOffsets[e] + 1; i < t.lepOffsets[e + 1]; i++) assert.ok(t.lep.lep_pt[i] <= t.lep.lep_pt[i - 1]);
    for (let i = t.lepOffsets[e]; i < t.lepOffsets[e + 1]; i++) {
      assert.ok(t.lep.lep_pt[i] >= 7000);
      assert.ok([11, 13].includes(t.lep.lep_type[i]));
    }
  }
});

test('the Z peak and the Z′ peaks are where they should be', () => {
  const f = extractFeatures(t, 10);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const procIndex = (name: string) => t.processNames.indexOf(name);
  const mllOf = (name: string) => [...f.mll].filter((m, e) => f.process[e] === procIndex(name) && lepN(t, e) === 2 && Number.isFinite(m));
  assert.ok(Math.abs(median(mllOf('Zjets')) - 91) < 3);
  assert.ok(Math.abs(median(mllOf('Zprime_ll_1000')) - 1000) < 60);
  const mjj = [...f.mjj].filter((m, e) => f.process[e] === procIndex('Zprime_jj_2000') && Number.isFinite(m));
  assert.ok(Math.abs(median(mjj) - 1900) < 200, `median m_jj ${median(mjj)}`);
});

test('chunks are reproducible and features have the documented shape', () => {
  const a = concatTables([...simulateChunks({ nEvents: 500, chunkSize: 200, rng: new Random(2) })]);
  const b = concatTables([...simulateChunks({ nEvents: 500, chunkSize: 200, rng: new Random(2) })]);
  assert.deepEqual(a.lep.lep_pt, b.lep.lep_pt);
  const f = extractFeatures(a, 10);
  assert.equal(f.cont.length, 500 * CONTINUOUS_FEATURES.length);
  assert.equal(f.cat.length, 500 * CATEGORICAL_FEATURES.length);
  CATEGORICAL_FEATURES.forEach((c, k) => {
    for (let i = 0; i < 500; i++) assert.ok(f.cat[i * CATEGORICAL_FEATURES.length + k] < c.levels);
  });
  assert.equal(treeMatrix(f).nFeatures, CONTINUOUS_FEATURES.length + CATEGORICAL_FEATURES.length);
  assert.ok(f.cont.every(Number.isFinite));
});
