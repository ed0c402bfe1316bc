import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePyLiteral, PyLiteralError } from '../../lib/io/pyliteral';

test('parses .npy header dicts as numpy writes them', () => {
  const v = parsePyLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }          \n");
  assert.deepEqual(v, new Map<string, unknown>([['descr', '<f8'], ['fortran_order', false], ['shape', [3, 4]]]));
  assert.deepEqual(parsePyLiteral("{'shape': (), 'x': (7,), 'y': [1L, -2], \"z\": None, 'w': True}"), new Map<string, unknown>([['shape', []], ['x', [7]], ['y', [1, -2]], ['z', null], ['w', true]]));
  assert.deepEqual((parsePyLiteral("{'descr': [('a', '<i4'), ('b', '<f8')]}") as Map<string, unknown>).get('descr'), [['a', '<i4'], ['b', '<f8']]);
  assert.equal(parsePyLiteral("'it\\'s'"), "it's");
});

test('refuses anything else, with the offset', () => {
  for (const bad of ["{'a': 1", "{'a' 1}", '__import__("os")', "{'a': 1} x", '(1 2)', "'open", '99999999999999999999']) {
    assert.throws(() => parsePyLiteral(bad), PyLiteralError, bad);
  }
  assert.throws(() => parsePyLiteral("{'a': 1"), /at character 7/);
});
