/**
 * Thin notebook cells (issue 13 §3): a code cell calls the library; it does not hold the library.
 * A cell may not define a function or class, may not loop, may not pass a closure with a block body,
 * and stays short and narrow. Run `npx tsx bin/thin-cells.ts [notebooks/01-newsdm.ipynb …]` to list the
 * cells that break a rule; tests/bin/thin-cells.test.ts runs it over every committed notebook.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { listNotebooks } from './notebook-files';

/** The most non-blank lines a code cell may hold ("about 10" in issue 13). */
export const MAX_CELL_LINES = 10;
/** The widest line a code cell may hold, in characters. */
export const MAX_LINE_WIDTH = 120;

/** The code with its string literals and comments blanked, so that words inside them are not read as code. */
export function codeOnly(source: string): string {
  return source
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '');
}

const RULES: { pattern: RegExp; says: string }[] = [
  { pattern: /\bfunction\b/, says: 'defines a function (move it into the study library)' },
  { pattern: /\bclass\s+\w+/, says: 'defines a class (move it into the study library)' },
  {
    pattern: /\b(?:const|let|var)\s+\w+\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\([^()]*\)|\w+)\s*(?::\s*[\w<>[\], |]+)?\s*=>/,
    says: 'defines a function as an arrow (move it into the study library)',
  },
  { pattern: /=>\s*\{/, says: 'passes a closure with a block body (move it into the study library)' },
  { pattern: /\b(?:for|while)\s*\(|\bdo\s*\{|\.forEach\s*\(/, says: 'loops (move the loop into the study library)' },
];

/** The rules one cell's source breaks, each as a short sentence. */
export function cellProblems(source: string): string[] {
  const problems = RULES.filter((rule) => rule.pattern.test(codeOnly(source))).map((rule) => rule.says);
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > MAX_CELL_LINES) problems.push(`has ${lines.length} lines (at most ${MAX_CELL_LINES})`);
  const widest = Math.max(0, ...lines.map((line) => line.length));
  if (widest > MAX_LINE_WIDTH) problems.push(`has a line of ${widest} characters (at most ${MAX_LINE_WIDTH})`);
  return problems;
}

/** Every broken rule of every code cell of one notebook, as `file: cell N <rule>`. */
export function thinCellProblems(file: string): string[] {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8')) as { cells?: { cell_type: string; source: string | string[] }[] };
  return (nb.cells ?? []).flatMap((cell, index) => {
    if (cell.cell_type !== 'code') return [];
    const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
    return cellProblems(source).map((problem) => `${path.basename(file)}: cell ${index} ${problem}`);
  });
}

function main(args: string[]): void {
  const files = args.length > 0 ? args : listNotebooks(path.join(process.cwd(), 'notebooks'));
  const problems = files.flatMap(thinCellProblems);
  for (const line of problems) console.log(line);
  console.log(`${problems.length} thin-cell problem(s) in ${files.length} notebook(s)`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
