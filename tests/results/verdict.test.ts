import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verdictOf, checkQuantity, ownQuantity, type Quantity } from '../../lib/results/verdict';

const acc: Quantity = { key: 'acc', label: 'accuracy', unit: '', paper: 0.95, source: 'seed §4', tolerance: 0.02, direction: 'higher-is-better' };
const mae: Quantity = { key: 'mae', label: 'angle error', unit: '°', paper: 5, source: 'seed §4', tolerance: 1, direction: 'lower-is-better' };

test('higher-is-better: inside the tolerance reproduced, above exceeds, below short', () => {
  assert.equal(verdictOf(acc, 0.95), 'reproduced');
  assert.equal(verdictOf(acc, 0.93), 'reproduced'); // the band's edge counts
  assert.equal(verdictOf(acc, 0.97), 'reproduced');
  assert.equal(verdictOf(acc, 0.975), 'exceeds');
  assert.equal(verdictOf(acc, 0.925), 'short');
});

test('lower-is-better turns the direction round', () => {
  assert.equal(verdictOf(mae, 5.9), 'reproduced');
  assert.equal(verdictOf(mae, 3.5), 'exceeds');
  assert.equal(verdictOf(mae, 7), 'short');
});

test('closer-is-better: outside the band on either side is short', () => {
  const q: Quantity = { ...acc, direction: 'closer-is-better' };
  assert.equal(verdictOf(q, 0.96), 'reproduced');
  assert.equal(verdictOf(q, 0.99), 'short');
  assert.equal(verdictOf(q, 0.9), 'short');
});

test('a relative tolerance is a fraction of the paper value', () => {
  const q: Quantity = { ...acc, paper: 4e-5, tolerance: 0.5, relative: true, direction: 'closer-is-better' };
  assert.equal(verdictOf(q, 5.9e-5), 'reproduced');
  assert.equal(verdictOf(q, 6.1e-5), 'short');
});

test('no paper value gives no-paper-value; a missing number against one is short', () => {
  assert.equal(verdictOf(ownQuantity('auc', 'AUC', '', 'higher-is-better'), 0.9), 'no-paper-value');
  assert.equal(verdictOf(acc, null), 'short');
  assert.equal(verdictOf(acc, NaN), 'short');
});

test('checkQuantity names the key and what is wrong', () => {
  assert.throws(() => checkQuantity({ ...acc, key: 'VGG 3D' }), /quantity "VGG 3D": key must match/);
  assert.throws(() => checkQuantity({ ...acc, source: '' }), /quantity "acc": empty source/);
  assert.throws(() => checkQuantity({ ...acc, tolerance: -1 }), /tolerance must be a finite number ≥ 0/);
  assert.throws(() => checkQuantity({ ...acc, paper: NaN }), /paper must be a finite number or null/);
  checkQuantity(acc);
});

test('a factor tolerance: within the factor either way is reproduced, beyond it short (closer-is-better); bad factors are errors', () => {
  const v: Quantity = { key: 'var', label: 'latent variance', unit: '', paper: 0.01, source: 'seed table', tolerance: 0, factor: 3, direction: 'closer-is-better' };
  assert.equal(verdictOf(v, 0.03), 'reproduced'); // the edge counts
  assert.equal(verdictOf(v, 0.01 / 3), 'reproduced');
  assert.equal(verdictOf(v, 0.031), 'short');
  assert.equal(verdictOf(v, 0.003), 'short');
  assert.equal(verdictOf(v, 0), 'short');
  assert.equal(verdictOf({ ...v, direction: 'higher-is-better' }, 0.05), 'exceeds');
  assert.throws(() => checkQuantity({ ...v, factor: 0.5 }), /"var": factor must be a finite number ≥ 1/);
});
