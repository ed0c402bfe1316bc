import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pick, settingRows } from '../lib/profile';

test('settingRows flattens nested settings into dotted rows and shows arrays', () => {
  assert.deepEqual(settingRows({ gz: { size: 40, filters: [16, 32] }, large: false }), [
    { setting: 'gz.size', value: 40 },
    { setting: 'gz.filters', value: '[16, 32]' },
    { setting: 'large', value: false },
  ]);
});

test('pick takes the named profile', () => {
  assert.equal(pick({ smoke: 1, default: 2, full: 3 }, 'full'), 3);
});
