/** The profile settings of the Telescope Array notebook: sizes grow with the profile, copies are fresh, the table shows every number. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settings, settingsRows } from '../../../lib/telescope-array/train/settings';

test('each profile trains on more events than the one before it, with the lecture\'s trace length', () => {
  const [smoke, dflt, full] = (['smoke', 'default', 'full'] as const).map((p) => settings(p));
  const train = (s: typeof smoke) => s.sizes.trainNuclei + s.sizes.trainPhotons;
  assert.ok(train(smoke) < train(dflt) && train(dflt) < train(full));
  assert.ok(train(full) >= 1e6, 'full streams ~10⁶ training events, the lecture\'s scale');
  for (const s of [smoke, dflt, full]) {
    assert.ok(s.T >= 128 && s.T <= 256, 'the lecture: T = 128–256');
    assert.ok(s.sizes.calibration > 0 && s.shardSize > 0 && s.batchSize > 0);
  }
});

test('settings are a fresh copy: changing one run\'s settings leaves the profile alone', () => {
  const s = settings('smoke');
  s.epochs = 99;
  s.sizes.trainNuclei = 1;
  assert.notEqual(settings('smoke').epochs, 99);
  assert.notEqual(settings('smoke').sizes.trainNuclei, 1);
});

test('the settings table holds every number, split sizes flattened', () => {
  const s = settings('default');
  const rows = settingsRows(s);
  const byName = new Map(rows.map((r) => [r.setting, r.value]));
  assert.equal(byName.get('epochs'), s.epochs);
  assert.equal(byName.get('sizes.trainNuclei'), s.sizes.trainNuclei);
  assert.equal(rows.length, Object.keys(s).length - 1 + Object.keys(s.sizes).length);
});
