import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparisonRows } from '../../lib/newsdm/seed';

test('the comparison table shows our numbers, as percentages and degrees, beside the seed text', () => {
  const rows = comparisonRows({
    bdtAuc: 0.91234, rfAuc: 0.9, simple2dAcc: 0.9, vgg2dAcc: 0.91, simple3dAcc: 0.92, vgg3dAcc: 0.934, sixClassAcc: 0.7,
    sizeStudy: { smallFraction: 0.1, smallAcc: 0.85, largeFraction: 0.6, largeAcc: 0.9, model: 'simple 3D' },
    rotSimple2d: { acc: 0.8, maeDeg: 12.34 }, rotVgg3d: { acc: 0.85, maeDeg: 8 }, rotBackgroundMaeDeg: 20,
  });
  const ours = (study: RegExp) => rows.find((r) => study.test(r.study))!.ours;
  assert.equal(ours(/^BDT/), 0.912);
  assert.equal(ours(/^VGG-like 3D CNN/), 93.4);
  assert.equal(ours(/simple 2D: angle/), 12.3);
  assert.equal(ours(/training size 10 %/), 85);
  assert.ok(rows.every((r) => r.seed.length > 0 && r.note.length > 0));
});
