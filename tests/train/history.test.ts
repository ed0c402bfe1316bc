import { test } from 'node:test';
import assert from 'node:assert/strict';
import { History, inferMode } from '../../lib/train/history';

function sample(): History {
  const h = new History();
  h.push({ epoch: 1, loss: 0.9, acc: 0.6, val_loss: 1.0, val_acc: 0.55, lr: 0.01, seconds: 1.5 });
  h.push({ epoch: 2, loss: 0.5, acc: 0.8, val_loss: 0.7, val_acc: 0.75, lr: 0.005, seconds: 1.2 });
  h.push({ epoch: 3, loss: 0.4, acc: 0.85, val_loss: 0.8, val_acc: 0.8, lr: 0.001, seconds: 1.1 });
  return h;
}

test('columns come in display order and toColumns gives arrays per column', () => {
  const h = sample();
  assert.deepEqual(h.columns(), ['epoch', 'loss', 'acc', 'val_loss', 'val_acc', 'lr', 'seconds']);
  const cols = h.toColumns();
  assert.deepEqual(cols.epoch, [1, 2, 3]);
  assert.deepEqual(cols.val_loss, [1.0, 0.7, 0.8]);
  assert.equal(h.length, 3);
  assert.equal(h.last()?.epoch, 3);
});

test('a column missing from some rows is NaN there', () => {
  const h = new History();
  h.push({ epoch: 1, loss: 1, seconds: 1 });
  h.push({ epoch: 2, loss: 0.5, momentum: 0.9, seconds: 1 });
  assert.deepEqual(h.column('momentum'), [NaN, 0.9]);
});

test('best epoch: val_loss by default, max for accuracy-like columns, the monitor when set', () => {
  const h = sample();
  assert.deepEqual(h.best(), { epoch: 2, value: 0.7 });
  assert.deepEqual(h.best('val_acc'), { epoch: 3, value: 0.8 });
  assert.deepEqual(h.best('loss'), { epoch: 3, value: 0.4 });
  h.monitor = 'val_acc';
  h.mode = 'max';
  assert.deepEqual(h.best(), { epoch: 3, value: 0.8 });
  assert.equal(new History().best(), undefined);
  assert.equal(inferMode('val_accuracy'), 'max');
  assert.equal(inferMode('val_mse'), 'min');
});

test('toRows copies rows and toString prints a header and one line per epoch', () => {
  const h = sample();
  const rows = h.toRows();
  rows[0].loss = 99;
  assert.equal(h.rows[0].loss, 0.9);
  const text = h.toString().split('\n');
  assert.equal(text.length, 4);
  assert.match(text[0], /epoch\s+loss\s+acc\s+val_loss/);
  assert.match(text[2], /0\.5000/);
});
