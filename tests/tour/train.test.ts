import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { settingsRows, tourSettings, TOUR_SETTINGS, toyInput, trainToyCnn } from '../../lib/tour/train';
import { splitSummary, splitToyTracks, toyTracks } from '../../lib/tour/data';
import { smallCnn } from '../../lib/tour/model';
import { Random } from '../../lib/random';

test('tour settings: one object per profile, growing with the profile; a copy the caller may change', () => {
  assert.ok(TOUR_SETTINGS.smoke.images < TOUR_SETTINGS.default.images && TOUR_SETTINGS.default.images < TOUR_SETTINGS.full.images);
  const mine = tourSettings('smoke');
  mine.filters.push(99);
  assert.deepEqual(tourSettings('smoke').filters, [8, 16]);
  assert.deepEqual({ ...tourSettings('default'), epochs: 5 }.epochs, 5);
});

test('settingsRows writes every setting, arrays joined', () => {
  assert.deepEqual(settingsRows({ images: 800, filters: [8, 16] }), [
    { setting: 'images', value: '800' },
    { setting: 'filters', value: '8, 16' },
  ]);
});

test('splitToyTracks: 60/20/20, disjoint, stratified; splitSummary counts them', () => {
  const set = toyTracks(new Random(3), { n: 500, size: 8 });
  const parts = splitToyTracks(set, new Random(4));
  const s = splitSummary(set, parts);
  assert.equal(s.train + s.validation + s.test, 500);
  assert.equal(s.test, parts.test.n);
  assert.ok(Math.abs(s.test - 100) <= 2 && Math.abs(s.validation - 100) <= 2, JSON.stringify(s));
  const frac = (p: { y: Float32Array; n: number }) => p.y.reduce((a, b) => a + b, 0) / p.n;
  assert.ok(Math.abs(frac(parts.test) - s.trackFraction) < 0.02, 'test part keeps the track fraction');
  assert.equal(s.trackFraction, set.y.reduce((a, b) => a + b, 0) / 500);
});

test('trainToyCnn learns a clean toy set: the validation loss falls', async () => {
  await tf.setBackend('cpu');
  const set = toyTracks(new Random(5), { n: 300, size: 12, noise: 0.05 });
  const parts = splitToyTracks(set, new Random(6));
  const settings = { ...tourSettings('smoke'), size: 12, epochs: 4, filters: [4, 8] };
  const model = smallCnn({ inputShape: [12, 12, 1], filters: settings.filters, dense: [8], rng: new Random(7) });
  const history = await trainToyCnn(model, parts, settings, new Random(8));
  const loss = history.column('val_loss');
  assert.ok(loss.at(-1)! < loss[0], `validation loss ${loss.join(', ')}`);
  assert.deepEqual(toyInput(parts.test).shape, [parts.test.n, 12, 12, 1]);
  model.dispose();
});
