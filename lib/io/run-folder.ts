/**
 * A scratch folder that belongs to one run (one process), for data too big to keep in memory, such as
 * the Telescope Array shards. Several runs may share a base folder — two clones, `npm start` beside
 * Jupyter, two kernels — and none touches another's files:
 *
 * - each run writes into its own `<base>/<prefix>-<host>-<pid>-<random>/` (made by `mkdtemp`);
 * - `remove()` deletes it when the run no longer needs it, and it is deleted at process exit;
 * - a run that was killed before it could clean up (SIGKILL, a kernel restart) leaves its folder:
 *   the next `makeRunFolder` on the same host removes folders whose process is gone.
 *
 * Used by `lib/telescope-array/data/splits.ts` (notebook 02-telescope-array, `bench/telescope-array.ts`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A run's own folder; `remove()` deletes it (idempotent). */
export interface RunFolder {
  readonly path: string;
  remove(): void;
}

const live = new Set<string>();
let exitHookInstalled = false;

/** This host as it appears in folder names (letters, digits, dots; others become `_`). */
function hostTag(): string {
  return os.hostname().replace(/[^A-Za-z0-9.]/g, '_') || 'host';
}

/** Creates `<baseDir>/<prefix>-<host>-<pid>-XXXXXX`, first removing folders of dead runs on this host. */
export function makeRunFolder(baseDir: string, prefix: string): RunFolder {
  if (!/^[A-Za-z0-9_.]+(-[A-Za-z0-9_.]+)*$/.test(prefix)) throw new RangeError(`run folder prefix must be letters, digits, _ . and single dashes, got ${JSON.stringify(prefix)}`);
  fs.mkdirSync(baseDir, { recursive: true });
  removeStaleRunFolders(baseDir, prefix);
  const folder = fs.mkdtempSync(path.join(baseDir, `${prefix}-${hostTag()}-${process.pid}-`));
  live.add(folder);
  if (!exitHookInstalled) {
    process.on('exit', () => {
      for (const f of live) fs.rmSync(f, { recursive: true, force: true });
    });
    exitHookInstalled = true;
  }
  return {
    path: folder,
    remove: () => {
      fs.rmSync(folder, { recursive: true, force: true });
      live.delete(folder);
    },
  };
}

/**
 * Removes the folders `<prefix>-<this host>-<pid>-XXXXXX` in `baseDir` whose process no longer runs.
 * Folders of other hosts (a shared network folder) and of live processes are never touched.
 * @returns the folders removed
 */
export function removeStaleRunFolders(baseDir: string, prefix: string): string[] {
  const own = `${prefix}-${hostTag()}-`;
  const removed: string[] = [];
  for (const name of fs.existsSync(baseDir) ? fs.readdirSync(baseDir) : []) {
    if (!name.startsWith(own)) continue;
    const m = /^(\d+)-[A-Za-z0-9]{6}$/.exec(name.slice(own.length));
    if (!m || isRunning(Number(m[1]))) continue;
    fs.rmSync(path.join(baseDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Whether a process with this id exists (signal 0 tests without sending; EPERM: it exists, not ours). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
