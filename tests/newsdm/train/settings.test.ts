import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NEWSDM_SETTINGS, newsdmSettings, settingsRows } from '../../../lib/newsdm/train/settings';

test('full is the seed scale: ~15 000 signal, ~7 000 background, VGG widths 64, the VGG-like 3D net in the size study', () => {
  const full = NEWSDM_SETTINGS.full;
  assert.equal(full.nSignal, 15000);
  assert.equal(full.nBackground, 7000);
  assert.equal(full.widths.vgg2d, 64);
  assert.equal(full.widths.vgg3d, 64);
  assert.equal(full.sizeModel, 'vgg3d');
  assert.deepEqual(full.sizeFractions, [0.1, 0.2, 0.4, 0.6]);
});

test('newsdmSettings returns a deep copy the caller may change', () => {
  const mine = newsdmSettings('smoke');
  mine.widths.vgg3d = 99;
  mine.treeCounts.push(7);
  assert.equal(newsdmSettings('smoke').widths.vgg3d, NEWSDM_SETTINGS.smoke.widths.vgg3d);
  assert.deepEqual(newsdmSettings('smoke').treeCounts, [1, 5, 20]);
});

test('settingsRows flattens nested settings and joins arrays', () => {
  assert.deepEqual(settingsRows({ epochs: 2, widths: { simple2d: 16, vgg3d: 2 }, treeCounts: [1, 5] }), [
    { setting: 'epochs', value: '2' },
    { setting: 'widths.simple2d', value: '16' },
    { setting: 'widths.vgg3d', value: '2' },
    { setting: 'treeCounts', value: '1, 5' },
  ]);
});
