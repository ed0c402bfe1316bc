// The Jupyter kernel of one clone: its spec (written by bootstrap.mjs to `<clone>/.jupyter/kernels/`),
// the state the bootstrap leaves for the others (node_modules/.cache/physics-ml/env.json), and the
// environment that makes Jupyter find this clone's kernel (JUPYTER_PATH, searched before the user's and
// the system's folders). Used by bootstrap.mjs, notebook.mjs, bin/run-notebooks.ts and the tests.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The kernel name in every notebook's metadata (`metadata.kernelspec.name`). */
export const KERNEL_NAME = 'physics-ml-notebooks';
/** What Jupyter shows in its kernel menu. */
export const KERNEL_DISPLAY_NAME = 'TypeScript (this project)';

/**
 * @typedef {{ python: string, kernelName: string, jupyterPath: string }} EnvironmentState
 *   python: the Python with Jupyter that the bootstrap found; jupyterPath: the folder holding
 *   `kernels/<kernelName>/kernel.json` of this clone.
 */

/**
 * The kernel.json of this clone: Node (an absolute path, so Jupyter needs no PATH) runs this clone's
 * launcher, environment/tslab-kernel.cjs.
 * @param {string} root the project root
 * @param {string} node the Node executable
 */
export function kernelSpec(root, node) {
  return {
    argv: [node, path.join(root, 'environment', 'tslab-kernel.cjs'), 'kernel', '--config-path', '{connection_file}'],
    display_name: KERNEL_DISPLAY_NAME,
    language: 'typescript',
  };
}

/**
 * Path of the state file that bootstrap.mjs writes.
 * @param {string} root
 */
export function stateFile(root) {
  return path.join(root, 'node_modules', '.cache', 'physics-ml', 'env.json');
}

/**
 * What bootstrap.mjs recorded, or null before the first bootstrap (or after an older one that did not
 * record the kernel).
 * @param {string} root
 * @returns {EnvironmentState | null}
 */
export function readEnvironmentState(root) {
  try {
    const state = JSON.parse(fs.readFileSync(stateFile(root), 'utf8'));
    if (typeof state.python !== 'string' || typeof state.kernelName !== 'string' || typeof state.jupyterPath !== 'string') return null;
    return state;
  } catch {
    return null;
  }
}

/**
 * A copy of `env` whose JUPYTER_PATH starts with this clone's kernel folder (what was there stays,
 * after it), so Jupyter started with it finds this clone's kernel before any other of that name.
 * @param {string} jupyterPath
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {NodeJS.ProcessEnv}
 */
export function withJupyterPath(jupyterPath, env = process.env) {
  const rest = (env.JUPYTER_PATH ?? '').split(path.delimiter).filter((p) => p !== '' && p !== jupyterPath);
  return { ...env, JUPYTER_PATH: [jupyterPath, ...rest].join(path.delimiter) };
}
