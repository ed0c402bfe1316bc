/** The profile settings of the Telescope Array notebook: sizes grow with the profile, copies are fresh, the table shows every number. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { architectureFor, LECTURE_ARCHITECTURE, settings, settingsRows } from '../../../lib/telescope-array/train/settings';
import { buildCorrectionNet } from '../../../lib/telescope-array/model';
import { Random } from '../../../lib/random';

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
  assert.equal(byName.get('warmup.epochs'), s.warmup.epochs);
  assert.equal(settingsRows(settings('full')).find((r) => r.setting === 'architecture.conv1d')!.value, '16-32-64');
});

test('full: the lecture\'s grid and trace resolution and a network of the lecture\'s size (10⁵–10⁶ weights), resumable', () => {
  const full = settings('full');
  assert.ok(full.N >= 4 && full.N <= 8 && full.timePool === 1 && full.checkpoint!.startsWith('reports/full/'));
  const arch = architectureFor({ ...LECTURE_ARCHITECTURE, conv1d: [1] }, full);
  assert.deepEqual(arch.conv1d, LECTURE_ARCHITECTURE.conv1d, 'the fixed architecture wins over the search');
  const model = buildCorrectionNet({ ...arch, rng: new Random(1) });
  const weights = model.countParams();
  model.dispose();
  assert.ok(weights >= 1e5 && weights <= 1e6, `${weights} weights`);
  const dflt = settings('default');
  assert.deepEqual(architectureFor({ ...LECTURE_ARCHITECTURE, conv1d: [4] }, dflt).conv1d, [4], 'without a fixed one, the search\'s best');
});
