import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { channelsLast, cutTable, labelCounts, simulateBinarySet, simulateSixClassSet, takeClusters } from '../../../lib/newsdm/data/datasets';
import { CLASS_NAMES, CUTS, MIN_TRACK_GRAINS, N_POL } from '../../../lib/newsdm/data/physics';
import { clusterFeatures } from '../../../lib/newsdm/data/features';

test('the same seed gives the same set; another seed a different one', () => {
  const a = simulateBinarySet(new Random(5), { nSignal: 20, nBackground: 10, size: 12 });
  const b = simulateBinarySet(new Random(5), { nSignal: 20, nBackground: 10, size: 12 });
  const c = simulateBinarySet(new Random(6), { nSignal: 20, nBackground: 10, size: 12 });
  assert.deepEqual(a.images, b.images);
  assert.deepEqual(a.labels, b.labels);
  assert.notDeepEqual(a.images, c.images);
});

test('the binary set has the requested counts, C100 signal (plus background contamination) and a background mixture', () => {
  const set = simulateBinarySet(new Random(1), { nSignal: 300, nBackground: 200, size: 12, contamination: 0.1 });
  assert.equal(set.images.length, 500 * N_POL * 12 * 12);
  assert.deepEqual(labelCounts(set), [200, 300]);
  const cls = (name: string) => CLASS_NAMES.indexOf(name as (typeof CLASS_NAMES)[number]);
  let backgroundInSignal = 0;
  const bg = new Set<number>();
  for (let i = 0; i < set.n; i++) {
    if (set.labels[i] === 1) {
      if (set.trueClass[i] !== cls('C100')) backgroundInSignal++;
      else assert.ok(set.nGrains[i] >= MIN_TRACK_GRAINS, `signal track ${i} has ${set.nGrains[i]} grain`);
    } else bg.add(set.trueClass[i]);
  }
  assert.ok(backgroundInSignal > 10 && backgroundInSignal < 55, `contamination ${backgroundInSignal}/300`);
  assert.deepEqual([...bg].map((c) => CLASS_NAMES[c]).sort(), ['dust', 'fog', 'gamma']);
});

test('the cuts: every cluster drawn is kept or counted under one cut; kept clusters pass the cuts', () => {
  const set = simulateBinarySet(new Random(4), { nSignal: 300, nBackground: 200, size: 16 });
  for (const [name, c] of Object.entries(set.cuts)) {
    assert.equal(c.drawn, c.oneGrainTrack + c.tooLong + c.largeDust + c.kept, name);
  }
  assert.equal(set.cuts.signal.kept, 300);
  assert.equal(set.cuts.background.kept, 200);
  assert.equal(set.cuts.background.oneGrainTrack, 0);
  // about 13 % of C 100 keV clusters develop one grain (1 + Poisson(170 / 83)): e^−2 ≈ 0.13
  const oneGrain = set.cuts.signal.oneGrainTrack / set.cuts.signal.drawn;
  assert.ok(oneGrain > 0.07 && oneGrain < 0.2, `one-grain fraction ${oneGrain}`);
  assert.ok(set.cuts.background.tooLong > 10, 'long electron tracks are cut');
  assert.ok(set.cuts.background.largeDust > 0, 'large dust is cut');
  const f = clusterFeatures(set.images, set.n, set.size);
  for (let i = 0; i < set.n; i++) {
    let lx = 0, vol = 0;
    for (let k = 0; k < N_POL; k++) {
      lx += f[(i * N_POL + k) * 8 + 2] / N_POL;
      vol += f[(i * N_POL + k) * 8 + 7] / N_POL;
    }
    assert.ok(lx <= CUTS.maxMajorAxisNm && vol <= CUTS.maxVolume, `cluster ${i}: lx ${lx}, vol ${vol}`);
  }
  const rows = cutTable(set.cuts);
  assert.equal(rows.at(-1)!.signal, 300);
});

test('cuts: false keeps every cluster drawn, one-grain C-ion clusters included', () => {
  const set = simulateBinarySet(new Random(4), { nSignal: 200, nBackground: 10, size: 12, cuts: false, contamination: 0 });
  assert.equal(set.cuts.signal.drawn, 200);
  let oneGrain = 0;
  for (let i = 0; i < set.n; i++) if (set.labels[i] === 1 && set.nGrains[i] === 1) oneGrain++;
  assert.ok(oneGrain > 5, `one-grain signal ${oneGrain}`);
});

test('six-class set: equal classes; takeClusters and channelsLast keep the pixels', () => {
  const set = simulateSixClassSet(new Random(2), { perClass: 4, size: 10 });
  assert.deepEqual(labelCounts(set), [4, 4, 4, 4, 4, 4]);
  assert.deepEqual(Array.from(set.labels), Array.from(set.trueClass));
  const sub = takeClusters(set, [3, 0]);
  const stride = N_POL * 100;
  assert.deepEqual(sub.images.subarray(0, stride), set.images.subarray(3 * stride, 4 * stride));
  assert.equal(sub.labels[1], set.labels[0]);
  const hwc = channelsLast(set.images, set.n, 10);
  // cluster 2, polarisation 5, row 3, column 7
  assert.equal(hwc[2 * stride + (3 * 10 + 7) * N_POL + 5], set.images[2 * stride + 5 * 100 + 3 * 10 + 7]);
});

test('signal tracks are aligned with the beam; the isotropic variant is not', () => {
  const meanCos2 = (isotropic: boolean) => {
    const set = simulateSixClassSet(new Random(3), { perClass: 150, size: 10, isotropic, noise: false });
    let s = 0, m = 0;
    for (let i = 0; i < set.n; i++) {
      if (set.trueClass[i] <= 2 && Number.isFinite(set.direction[i])) {
        s += Math.cos(2 * set.direction[i]);
        m++;
      }
    }
    return s / m;
  };
  assert.ok(meanCos2(false) > 0.9);
  assert.ok(Math.abs(meanCos2(true)) < 0.15);
});
