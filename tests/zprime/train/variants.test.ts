/** Tests of lib/zprime/train/variants.ts: imbalance remedies, the class prior, and training the variants. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { simulateZprimeData } from '../../../lib/zprime/data/dataset';
import { zprimeResults } from '../../../lib/zprime/paper';
import { scoreModels } from '../../../lib/zprime/evaluate/scores';
import { settings } from '../../../lib/zprime/train/settings';
import { imbalanceRows, NETWORK_VARIANTS, networkFacts, SEED_NETWORK_NAME, signalShare, trainVariants, variantName, variantsTable, withSeedNetwork } from '../../../lib/zprime/train/variants';

const y = Uint8Array.from({ length: 100 }, (_, i) => (i < 10 ? 1 : 0)); // 10 signal, 90 background

test('imbalanceRows: none, class weights, and the under- / over-sampling strategies', () => {
  assert.deepEqual(imbalanceRows(y, 'none', new Random(1)), {});
  const { classWeight } = imbalanceRows(y, 'class weights', new Random(1));
  assert.deepEqual(classWeight?.map((w) => +w.toFixed(4)), [100 / 180, 100 / 20].map((w) => +w.toFixed(4)));
  assert.equal(imbalanceRows(y, 'under: not minority', new Random(1)).rows?.length, 20);
  assert.equal(imbalanceRows(y, 'under: not majority', new Random(1)).rows?.length, 100, 'signal cut to its own size: unchanged');
  assert.equal(imbalanceRows(y, 'over: minority', new Random(1)).rows?.length, 180);
});

test('signalShare is the weighted signal fraction of the rows, clipped', () => {
  assert.equal(signalShare(y), 0.1);
  assert.equal(signalShare(y, Int32Array.from([0, 1, 50, 51])), 0.5);
  assert.ok(Math.abs(signalShare(y, undefined, [100 / 180, 100 / 20]) - 0.5) < 1e-12);
  assert.equal(signalShare(new Uint8Array(10)), 1e-4);
});

test('the variants’ names are the ones the results table compares with the seed', () => {
  const rows = NETWORK_VARIANTS.map(([loss, imb]) => ({ model: variantName(loss, imb), accuracy: 0.99, precision: 0.9, recall: 0.5, f1: 0.6, auc: 0.9, sOverSqrtB: 1 }));
  const keys = zprimeResults(rows).map((m) => m.key);
  for (const key of ['net_label_smoothing_accuracy', 'net_under_not_majority_accuracy', 'net_over_not_minority_accuracy']) assert.ok(keys.includes(key), key);
});

test('trainVariants trains the first `variants` variants on the first `variantRows` events and scores the test set', async () => {
  const s = { ...settings('smoke'), layers: [8], epochs: 1, batch: 256, variants: 2, variantRows: 1500 };
  const d = await simulateZprimeData({ nEvents: 3000, chunk: 3000, lumiFb: 10 }, new Random(2));
  const runs = await trainVariants(d.split, s, new Random(5));
  assert.deepEqual(runs.map((r) => r.name), ['net focal, none', 'net labelSmoothing, none']);
  assert.ok(runs.every((r) => r.rows === 1500 && r.score.length === d.split.test.n && r.score.every(Number.isFinite)));
  assert.equal(scoreModels(d.split.test, runs.map((r) => [r.name, r.score])).length, 2);
  assert.deepEqual(variantsTable(runs).map((r) => r['train rows']), [1500, 1500]);
});

test('withSeedNetwork appends the seed\'s network only when it was trained; networkFacts rounds the seconds', () => {
  const variants = [{ name: 'net focal, none', score: Float32Array.from([0.1]), rows: 5, seconds: 1 }];
  assert.deepEqual(withSeedNetwork(variants, null), [{ name: 'net focal, none', score: Float32Array.from([0.1]) }]);
  const seed = { name: SEED_NETWORK_NAME, testScore: Float32Array.from([0.7]), parameters: 2_000_000, trainRows: 9, seconds: 12.345 };
  assert.deepEqual(withSeedNetwork(variants, seed).map((v) => v.name), ['net focal, none', SEED_NETWORK_NAME]);
  assert.equal(withSeedNetwork(variants, seed)[1].score, seed.testScore);
  assert.deepEqual(networkFacts(seed), { parameters: 2_000_000, trainRows: 9, seconds: 12.3 });
});
