/** Tests of lib/zprime/train/settings.ts: one typed settings object per profile, shown as a table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROFILES } from '../../../lib/profile';
import { settings, settingsTable } from '../../../lib/zprime/train/settings';

test('the profiles grow from smoke to full, and full simulates at least 10⁶ events', () => {
  const [smoke, dflt, full] = PROFILES.map(settings);
  assert.ok(smoke.nEvents < dflt.nEvents && dflt.nEvents < full.nEvents);
  assert.ok(full.nEvents >= 1e6);
  for (const s of [smoke, dflt, full]) {
    assert.ok(s.variantRows <= s.nEvents && s.searchRows <= s.nEvents && s.tpeStartup < s.trials, JSON.stringify(s));
    assert.ok(s.variants >= 1 && s.variants <= 8);
  }
  // smoke and default train the variants as long as the baseline; full at the seed's scale (§3.2: 10 epochs; §3.2.1–3.2.3: 5)
  assert.ok(smoke.variantEpochs === smoke.epochs && dflt.variantEpochs === dflt.epochs);
  assert.deepEqual([full.epochs, full.variantEpochs, full.layers, full.seedNetwork], [10, 5, [200, 100], true]);
});

test('settings returns a copy: overriding one value leaves the profile as it was', () => {
  const mine = { ...settings('default'), epochs: 5 };
  assert.equal(mine.epochs, 5);
  assert.equal(settings('default').epochs, 3);
  const copy = settings('smoke');
  copy.trials = 99;
  assert.notEqual(settings('smoke').trials, 99);
});

test('the settings table shows every setting with its value', () => {
  const s = settings('default');
  const t = settingsTable(s);
  assert.deepEqual(t.setting, Object.keys(s));
  assert.equal(t.value[t.setting.indexOf('nEvents')], '120,000');
  assert.equal(t.value[t.setting.indexOf('layers')], '200/100');
});
