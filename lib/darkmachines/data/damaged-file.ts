/**
 * The reader's behaviour on a damaged file, for the notebook's demonstration: a copy of the first lines
 * of a good file with two broken lines slipped in (an unknown object code `x`, a non-numeric MET), read
 * once strictly (it stops with the file and line) and once leniently (it goes on and counts).
 *
 * Used by notebook 04-darkmachines.
 */
import * as fs from 'node:fs';
import { streamEvents, readEvents, type ReadReport } from './reader';

/** The two broken lines written by {@link writeDamagedCopy}: an unknown object code, a MET that is not a number. */
export const DAMAGED_LINES = ['99;ttbar;1;5e4;0.1;x,1,2,3,4;', '100;ttbar;1;lots;0.1;'] as const;

/**
 * Writes `target`: the first three event lines of `source` with the two {@link DAMAGED_LINES} between
 * them (file lines 2 and 4). Throws if `source` has fewer than three lines.
 */
export function writeDamagedCopy(source: string, target: string): void {
  const good = fs.readFileSync(source, 'utf8').split('\n').filter((line) => line.trim() !== '').slice(0, 3);
  if (good.length < 3) throw new Error(`${source}: expected at least 3 event lines to build a damaged copy, found ${good.length}`);
  fs.writeFileSync(target, [good[0], DAMAGED_LINES[0], good[1], DAMAGED_LINES[1], good[2]].join('\n') + '\n');
}

/** The strict reader's error message (or 'no error') and the lenient reader's report on `file`. */
export async function readStrictAndLenient(file: string): Promise<{ strictError: string; lenientReport: ReadReport }> {
  const strictError = await readEvents(file).then(
    () => 'no error',
    (e: Error) => e.message,
  );
  const lenient = streamEvents(file, { lenient: true, warn: null });
  for await (const event of lenient) void event; // read to the end: the report counts what was skipped
  return { strictError, lenientReport: lenient.report };
}
