/**
 * A notebook's headline result (e.g. "AUC 0.97"), shown in the notebook and collected by the notebook
 * runner into the summary table of `npm start` / `npm test`. Every notebook calls `headline` once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportsPath } from './paths';

/**
 * Records the notebook's headline metric for the runner's table and returns the line to show.
 * @param label what the number is (e.g. "test AUC")
 * @param value the number
 * @param digits significant digits to print
 */
export function headline(label: string, value: number, digits = 4): string {
  const text = `${label} ${Number.isFinite(value) ? Number(value.toPrecision(digits)) : String(value)}`;
  const name = process.env.NOTEBOOK_NAME;
  if (name) {
    const file = reportsPath('headlines', `${name}.json`);
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify({ label, value, text }) + '\n');
    fs.renameSync(tmp, file);
  }
  return text;
}

/** The headline a notebook recorded in `reportDir`, or null if it recorded none. */
export function readHeadline(reportDir: string, notebookName: string): string | null {
  const file = path.join(reportDir, 'headlines', `${notebookName}.json`);
  if (!fs.existsSync(file)) return null;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { text: string }).text;
}
