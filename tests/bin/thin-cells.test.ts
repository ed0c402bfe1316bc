import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { listNotebooks } from '../../bin/notebook-files';
import { cellProblems, codeOnly, MAX_CELL_LINES, thinCellProblems } from '../../bin/thin-cells';
import { projectRoot } from '../../lib/paths';

test('a thin cell that calls the library passes', () => {
  const cell = "const study = await newsdm.runStudy(profile, rng);\nnewsdm.showTable(study.rows.map((r) => r.label));";
  assert.deepEqual(cellProblems(cell), []);
});

test('function definitions, classes, named arrows, block closures and loops are reported', () => {
  assert.match(cellProblems('function f(x) { return x; }').join(), /defines a function/);
  assert.match(cellProblems('class Foo {}').join(), /defines a class/);
  assert.match(cellProblems('const sq = (x: number) => x * x;').join(), /as an arrow/);
  assert.match(cellProblems('const go = async () => 1;').join(), /as an arrow/);
  assert.match(cellProblems('rows.map((r) => {\n  return r.x;\n});').join(), /block body/);
  assert.match(cellProblems('for (const r of rows) console.log(r);').join(), /loops/);
  assert.match(cellProblems('while (i < 3) i++;').join(), /loops/);
  assert.match(cellProblems('rows.forEach((r) => console.log(r));').join(), /loops/);
});

test('words inside strings and comments are not read as code', () => {
  assert.equal(codeOnly("'for (a function)' // while (x)"), "'' ");
  assert.deepEqual(cellProblems("console.log('score for (signal) function', `while ${x}`); // for (i)"), []);
});

test('long and wide cells are reported', () => {
  const long = Array.from({ length: MAX_CELL_LINES + 1 }, (_, i) => `const a${i} = ${i};`).join('\n');
  assert.match(cellProblems(long).join(), /has 11 lines/);
  assert.match(cellProblems(`const x = '${'y'.repeat(200)}';`).join(), /a line of \d+ characters/);
});

test('every committed notebook has thin cells (issue 13 §3)', () => {
  const notebooks = listNotebooks(path.join(projectRoot(), 'notebooks'));
  assert.ok(notebooks.length >= 6, 'the six notebooks were not found');
  assert.deepEqual(notebooks.flatMap(thinCellProblems), []);
});
