/**
 * Where the project lives on disk: its root, `data/` fixtures and the `reports/` output folder.
 *
 * The library runs both as ES modules (tsx, tests) and as CommonJS inside tslab, so it cannot rely on
 * `import.meta.url` or `__dirname`; it finds the root by walking up from the working directory to the
 * `package.json` of this project (override with `PROJECT_ROOT`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'physics-ml-notebooks';
let cachedRoot: string | null = null;

/** Absolute path of the project root. */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  if (process.env.PROJECT_ROOT) return (cachedRoot = path.resolve(process.env.PROJECT_ROOT));
  let dir = process.cwd();
  while (true) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === PACKAGE_NAME) return (cachedRoot = dir);
      } catch {
        /* not ours; keep walking */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the project root (package.json named "${PACKAGE_NAME}") above ${process.cwd()}; set PROJECT_ROOT.`);
    }
    dir = parent;
  }
}

/** Path of a file under the project's `data/` folder. */
export function dataPath(...parts: string[]): string {
  return path.join(projectRoot(), 'data', ...parts);
}

/**
 * Path under the reports folder (created on demand), where notebooks write figures and outputs:
 * `NOTEBOOK_REPORT_DIR` when the notebook runner sets it (e.g. `reports/smoke`), else `reports/`.
 */
export function reportsPath(...parts: string[]): string {
  const base = process.env.NOTEBOOK_REPORT_DIR ? path.resolve(projectRoot(), process.env.NOTEBOOK_REPORT_DIR) : path.join(projectRoot(), 'reports');
  const full = path.join(base, ...parts);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  return full;
}
