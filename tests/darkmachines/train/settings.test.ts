/** Tests of lib/darkmachines/train/settings.ts: profiles, fresh copies, the flattened table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settings, settingsRows } from '../../../lib/darkmachines/train/settings';

test('smoke is smaller than default, default not larger than full', () => {
  const [s, d, f] = (['smoke', 'default', 'full'] as const).map(settings);
  for (const key of ['nSM', 'nSignal', 'genEvents', 'genRateEvents', 'scanBudget', 'pmssmBudget'] as const) {
    assert.ok(s[key] < d[key] && d[key] <= f[key], key);
  }
  assert.ok(s.vae.epochs < d.vae.epochs);
  assert.equal(d.maxObjects, 6);
  assert.equal(f.genRateEvents, 1e7, 'the talk generated 10⁷ events');
  assert.equal(f.genLatentDim, 20, 'the talk: Z = 20');
});

test('settings() returns a copy: changing it leaves the profile as it was', () => {
  const a = settings('default');
  a.vae.hidden.push(1);
  a.dims.push(99);
  a.genHidden.push(1);
  a.ablationBetas.push(1);
  assert.deepEqual(settings('default').vae.hidden, [64, 32]);
  assert.deepEqual(settings('default').dims, [2, 4, 8, 16]);
  assert.deepEqual(settings('default').genHidden, [64, 32]);
  assert.deepEqual(settings('default').ablationBetas, [5e-3, 5e-4, 0]);
});

test('the table has one row per setting, nested ones as vae.epochs, lists joined', () => {
  const rows = settingsRows(settings('smoke'));
  const value = (name: string) => rows.find((r) => r.setting === name)?.value;
  assert.equal(value('vae.epochs'), '2');
  assert.equal(value('vae.hidden'), '64, 32');
  assert.equal(value('dims'), '2, 4');
  assert.equal(value('channel'), 'chan3');
  assert.equal(new Set(rows.map((r) => r.setting)).size, rows.length);
});
