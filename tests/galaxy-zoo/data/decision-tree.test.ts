import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLASS_COLUMNS, NUM_TARGETS, PARENT, QUESTIONS, classIndex, questionOffset, treeViolations } from '../../../lib/galaxy-zoo/data/decision-tree';

test('37 columns Class1.1 … Class11.6 with the challenge counts per question', () => {
  assert.equal(NUM_TARGETS, 37);
  assert.equal(CLASS_COLUMNS[0], 'Class1.1');
  assert.equal(CLASS_COLUMNS[36], 'Class11.6');
  assert.deepEqual(QUESTIONS.map((q) => q.answers.length), [3, 2, 2, 2, 4, 2, 3, 7, 3, 3, 6]);
  assert.equal(classIndex(6, 1), 13);
  assert.equal(questionOffset(11), 31);
});

test('sum rules follow the documented parents', () => {
  assert.equal(PARENT[7], classIndex(1, 1));
  assert.equal(PARENT[2], classIndex(1, 2));
  assert.equal(PARENT[9], classIndex(2, 1));
  for (const q of [3, 4, 5]) assert.equal(PARENT[q], classIndex(2, 2));
  for (const q of [10, 11]) assert.equal(PARENT[q], classIndex(4, 1));
  assert.equal(PARENT[8], classIndex(6, 1));
});

test('treeViolations accepts a consistent vector and reports a broken one', () => {
  const t = new Float32Array(37);
  const set = (q: number, a: number, v: number): void => void (t[classIndex(q, a)] = v);
  set(1, 1, 0.5); set(1, 2, 0.5);
  set(7, 1, 0.5);
  set(2, 1, 0.1); set(2, 2, 0.4);
  set(9, 1, 0.1);
  set(3, 2, 0.4); set(4, 1, 0.4); set(10, 2, 0.4); set(11, 2, 0.4); set(5, 2, 0.4);
  set(6, 2, 1);
  assert.deepEqual(treeViolations(t), []);
  set(5, 2, 0.3);
  const v = treeViolations(t);
  assert.equal(v.length, 1);
  assert.equal(v[0].question, 5);
  assert.throws(() => treeViolations(new Float32Array(36)), /37 targets/);
});
