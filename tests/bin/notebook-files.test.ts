import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listNotebooks, notebookProblems } from '../../bin/notebook-files';
import { KERNEL_NAME } from '../../environment/kernel-spec.mjs';
import { projectRoot } from '../../lib/paths';

function writeNotebook(dir: string, name: string, cell: object, kernel = KERNEL_NAME): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ cells: [cell], metadata: { kernelspec: { name: kernel } }, nbformat: 4, nbformat_minor: 5 }));
  return file;
}

test('every committed notebook is stripped of outputs and uses the project kernel', () => {
  const notebooks = listNotebooks(path.join(projectRoot(), 'notebooks'));
  assert.ok(notebooks.length > 0, 'no notebooks found');
  assert.deepEqual(notebooks.flatMap(notebookProblems), []);
});

test('outputs, execution counts, a wrong kernel and bad JSON are reported', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-'));
  const clean = writeNotebook(dir, 'a.ipynb', { cell_type: 'code', source: '1', outputs: [], execution_count: null });
  const withOutput = writeNotebook(dir, 'b.ipynb', { cell_type: 'code', source: '1', outputs: [{ output_type: 'stream' }], execution_count: null });
  const withCount = writeNotebook(dir, 'c.ipynb', { cell_type: 'code', source: '1', outputs: [], execution_count: 3 });
  const python = writeNotebook(dir, 'd.ipynb', { cell_type: 'markdown', source: '# x' }, 'python3');
  // the name that tslab install registers system-wide, shared by every clone on the machine
  const sharedTslab = writeNotebook(dir, 'f.ipynb', { cell_type: 'markdown', source: '# x' }, 'tslab');
  fs.writeFileSync(path.join(dir, 'e.ipynb'), '{ not json');
  assert.deepEqual(notebookProblems(clean), []);
  assert.match(notebookProblems(withOutput).join(), /cell 0 carries outputs/);
  assert.match(notebookProblems(withCount).join(), /cell 0 carries an execution count/);
  assert.match(notebookProblems(python).join(), /kernelspec is "python3", not "physics-ml-notebooks"/);
  assert.match(notebookProblems(sharedTslab).join(), /kernelspec is "tslab", not "physics-ml-notebooks"/);
  assert.match(notebookProblems(path.join(dir, 'e.ipynb')).join(), /not valid JSON/);
  assert.deepEqual(listNotebooks(dir).map((f) => path.basename(f)), ['a.ipynb', 'b.ipynb', 'c.ipynb', 'd.ipynb', 'e.ipynb', 'f.ipynb']);
});
