import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bar, etaMs, formatDuration, formatHtml, formatLine, formatValue, type ProgressState } from '../../lib/train/progress-format';

const state = (over: Partial<ProgressState> = {}): ProgressState => ({
  label: 'train',
  done: 25,
  total: 100,
  fields: { epoch: '1/4', loss: 0.123456 },
  elapsedMs: 10_000,
  finished: false,
  ...over,
});

test('durations and values are formatted compactly', () => {
  assert.equal(formatDuration(0), '00:00');
  assert.equal(formatDuration(65_400), '01:05');
  assert.equal(formatDuration(3_725_000), '1:02:05');
  assert.equal(formatDuration(NaN), '--:--');
  assert.equal(formatValue(3), '3');
  assert.equal(formatValue(0.123456), '0.1235');
  assert.equal(formatValue(1234.5678), '1235');
  assert.equal(formatValue(1.5e-6), '1.50e-6');
  assert.equal(formatValue(NaN), 'nan');
  assert.equal(formatValue('3/20'), '3/20');
});

test('the line shows percent, bar, counts, elapsed<eta and fields; the ETA is linear', () => {
  assert.equal(etaMs(state()), 30_000);
  assert.equal(formatLine(state(), 8), 'train  25% |██      | 25/100 [00:10<00:30] epoch 1/4  loss 0.1235');
  assert.equal(formatLine(state({ finished: true, done: 100 }), 0), 'train 100% 100/100 [00:10] epoch 1/4  loss 0.1235');
  assert.equal(formatLine(state({ total: undefined }), 8), 'train 25 [00:10] epoch 1/4  loss 0.1235');
});

test('bars use eighth blocks and keep their width', () => {
  assert.equal(bar(0, 4), '    ');
  assert.equal(bar(1, 4), '████');
  assert.equal(bar(0.5 + 1 / 16, 4), '██▎ ');
});

test('HTML output escapes text and carries a <progress> element', () => {
  const html = formatHtml(state({ label: '<b>' }));
  assert.match(html, /<progress value="25" max="100"/);
  assert.match(html, /&lt;b&gt;/);
});
