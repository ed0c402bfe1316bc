/** Tests of lib/darkmachines/data/features.ts: layout, padding, scaler fitted on training rows, inverse. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DmEvent } from '../../../lib/darkmachines/data/event';
import { eventsToMatrix, featureCount, featureNames, FeatureScaler, matrixToEvents, takeRows, vstack, wrapPhi } from '../../../lib/darkmachines/data/features';
import { assertClose } from '../../helpers';

const events: DmEvent[] = [
  { id: '1', process: 'a', weight: 1, MET: 100, METphi: 1, objects: [{ type: 'j', E: 200, pt: 150, eta: 0.5, phi: 2 }, { type: 'm-', E: 60, pt: 50, eta: -0.3, phi: -2 }] },
  { id: '2', process: 'a', weight: 1, MET: 40, METphi: -3, objects: [{ type: 'b', E: 90, pt: 80, eta: 0.2, phi: 0.5 }] },
  { id: '3', process: 'a', weight: 1, MET: 300, METphi: 0, objects: [] },
];

test('layout: 2 + 12 K columns, one-hot type, present flag, padding zeros, relative φ', () => {
  const K = 2;
  const X = eventsToMatrix(events, K);
  assert.equal(X.cols, featureCount(K));
  assert.equal(featureNames(K).length, X.cols);
  const row0 = X.data.subarray(0, X.cols);
  assertClose(row0[0], Math.log1p(100), { rtol: 1e-6 });
  assert.equal(row0[1], 0);
  assertClose(row0[2 + 3], 1, { rtol: 1e-6 }); // φ 2 relative to METphi 1
  assert.equal(row0[2 + 4], 1); // type j
  assert.equal(row0[2 + 11], 1); // present
  assert.equal(row0[14 + 4 + 4], 1); // second object: type m- (index 4 in j b e- e+ m- m+ g)
  assertClose(X.data[X.cols + 2 + 3], 3.5 - 2 * Math.PI, { rtol: 1e-6 }); // 0.5 − (−3) wrapped
  assert.ok(X.data.subarray(2 * X.cols + 2, 3 * X.cols).every((v) => v === 0)); // all padded
  assertClose(wrapPhi(-Math.PI), Math.PI, { rtol: 1e-15 });
});

test('scaler: fitted on training rows only, padding ignored and kept at 0, inverse undoes it', () => {
  const K = 2;
  const X = eventsToMatrix(events, K);
  const train = takeRows(X, [0, 1]);
  const sc = FeatureScaler.fit(train, K);
  assertClose(sc.mean[0], (Math.log1p(100) + Math.log1p(40)) / 2, { rtol: 1e-6 }); // event 3 not used
  assertClose(sc.mean[2], (Math.log1p(200) + Math.log1p(90)) / 2, { rtol: 1e-6 });
  assertClose(sc.mean[14], Math.log1p(60), { rtol: 1e-6 }); // only the present second objects
  assert.equal(sc.std[14], 1); // one value: no spread → 1
  const T = sc.transform(X);
  assert.equal(T.data[X.cols + 14], 0, 'padded slot stays 0');
  assert.equal(T.data[2 + 11], 1, 'flags untouched');
  const back = sc.inverse(T);
  for (let j = 0; j < 14; j++) assertClose(back.data[j], X.data[j], { atol: 1e-5 });
  assert.throws(() => sc.transform(eventsToMatrix(events, 3)), RangeError);
});

test('matrixToEvents inverts eventsToMatrix (in the METphi = 0 frame)', () => {
  const back = matrixToEvents(eventsToMatrix(events, 3), 3);
  assertClose(back[0].MET, 100, { rtol: 1e-5 });
  assert.deepEqual(back.map((e) => e.objects.map((o) => o.type)), [['j', 'm-'], ['b'], []]);
  assertClose(back[0].objects[1].pt, 50, { rtol: 1e-5 });
  assertClose(back[0].objects[1].phi, wrapPhi(-2 - 1), { rtol: 1e-5 });
  assert.equal(vstack([eventsToMatrix(events, 1), eventsToMatrix(events, 1)]).rows, 6);
});

test('stochastic decoding keeps the rates of rare types and of presence', async () => {
  const { Random } = await import('../../../lib/random');
  const K = 1, n = 4000;
  const X = { data: new Float32Array(n * featureCount(K)), rows: n, cols: featureCount(K) };
  for (let i = 0; i < n; i++) {
    const at = i * X.cols + 2;
    X.data[at + 1] = Math.log1p(50);
    X.data[at + 4] = 0.7; // j
    X.data[at + 5] = 0.3; // b
    X.data[at + 11] = 0.8; // present
  }
  const det = matrixToEvents(X, K);
  assert.ok(det.every((e) => e.objects.length === 1 && e.objects[0].type === 'j'), 'argmax: always a present light jet');
  const sto = matrixToEvents(X, K, 'g', new Random(1));
  const present = sto.filter((e) => e.objects.length === 1);
  assertClose(present.length / n, 0.8, { atol: 0.03 });
  assertClose(present.filter((e) => e.objects[0].type === 'b').length / present.length, 0.3, { atol: 0.03 });
});
