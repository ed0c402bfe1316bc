/**
 * The project's notebooks on disk: listing them and checking they are committed without outputs.
 * Used by the notebook runner (bin/run-notebooks.ts) and tests/bin/notebook-files.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KERNEL_NAME } from '../environment/kernel-spec.mjs';

interface NotebookCell {
  cell_type: string;
  outputs?: unknown[];
  execution_count?: number | null;
}

/** The notebooks under `dir`, sorted by name (`00-tour.ipynb`, `01-newsdm.ipynb`, …). */
export function listNotebooks(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.ipynb'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Problems that stop a notebook from being committed: outputs, execution counts, a kernel other than
 * this project's (`physics-ml-notebooks`, written per clone by environment/bootstrap.mjs).
 */
export function notebookProblems(file: string): string[] {
  let nb: { cells?: NotebookCell[]; metadata?: { kernelspec?: { name?: string } } };
  try {
    nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return [`${file}: not valid JSON (${(err as Error).message})`];
  }
  const problems: string[] = [];
  const kernel = nb.metadata?.kernelspec?.name;
  if (kernel !== KERNEL_NAME) problems.push(`${file}: kernelspec is "${kernel}", not "${KERNEL_NAME}"`);
  (nb.cells ?? []).forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    if ((cell.outputs ?? []).length > 0) problems.push(`${file}: cell ${index} carries outputs`);
    if (cell.execution_count !== null && cell.execution_count !== undefined) {
      problems.push(`${file}: cell ${index} carries an execution count`);
    }
  });
  return problems;
}
