import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../lib/paths';
import { expectationFiles, loadExpectations } from '../../bin/check-results';

test('every notebook has expected smoke and default ranges, each a real interval', async () => {
  const root = projectRoot();
  const expectations = await loadExpectations(root);
  const notebooks = fs.readdirSync(path.join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb')).map((f) => path.basename(f, '.ipynb'));
  assert.deepEqual([...new Set(expectations.map((e) => e.notebook))].sort(), notebooks.sort());
  for (const e of expectations) {
    assert.ok(e.basis.length > 0, `${e.notebook}: say what the ranges rest on`);
    for (const profile of ['smoke', 'default'] as const) {
      assert.ok(Object.keys(e[profile]).length > 0, `${e.notebook}: no ${profile} ranges`);
      for (const [key, [low, high]] of Object.entries(e[profile])) assert.ok(low < high, `${e.notebook} ${profile} ${key}: [${low}, ${high}]`);
    }
  }
});

test('the expectation files sit beside the tests of a study', () => {
  for (const file of expectationFiles(path.join(projectRoot(), 'tests'))) {
    assert.ok(fs.readdirSync(path.dirname(file)).some((f) => f.endsWith('.test.ts')), `${file} has no tests beside it`);
  }
});
