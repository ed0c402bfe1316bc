#!/usr/bin/env node
// `npm run notebook`: opens Jupyter on notebooks/ with this clone's kernel ("TypeScript (this project)")
// for interactive work — JupyterLab when it is installed (pip install -r environment/requirements.txt),
// else the classic Notebook from Debian's jupyter-notebook. This clone's kernel folder goes first on
// JUPYTER_PATH (see kernel-spec.mjs). As root, Jupyter refuses to start without --allow-root: it is
// passed, and said. Extra arguments are passed to Jupyter (e.g. --no-browser).
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnvironmentState, withJupyterPath } from './kernel-spec.mjs';

/**
 * The command that starts Jupyter, and what to tell the user.
 * @param {{ root: string, python: string, jupyterPath: string, hasLab: boolean, isRoot: boolean,
 *           args: string[], env: NodeJS.ProcessEnv }} setup
 * @returns {{ command: string, args: string[], env: NodeJS.ProcessEnv, message: string }}
 */
export function jupyterCommand({ root, python, jupyterPath, hasLab, isRoot, args, env }) {
  const app = hasLab ? 'lab' : 'notebook';
  const rootArgs = isRoot && !args.includes('--allow-root') ? ['--allow-root'] : [];
  const lines = [`Opening Jupyter ${hasLab ? 'Lab' : 'Notebook'} on notebooks/ (kernel: TypeScript (this project)). Stop with Ctrl-C.`];
  if (!hasLab) lines.push('(JupyterLab is not installed; pip install -r environment/requirements.txt adds it.)');
  if (rootArgs.length > 0) lines.push('Running as root: passing --allow-root to Jupyter.');
  return {
    command: python,
    args: ['-m', 'jupyter', app, `--notebook-dir=${path.join(root, 'notebooks')}`, ...rootArgs, ...args],
    env: { ...withJupyterPath(jupyterPath, env), PROJECT_ROOT: root },
    message: lines.join('\n'),
  };
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const state = readEnvironmentState(root);
  if (!state) {
    console.error('The environment is not bootstrapped; run node environment/bootstrap.mjs first (npm run notebook does).');
    process.exit(1);
  }
  const hasLab = spawnSync(state.python, ['-c', 'import jupyterlab'], { stdio: 'ignore' }).status === 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const run = jupyterCommand({ root, python: state.python, jupyterPath: state.jupyterPath, hasLab, isRoot, args: process.argv.slice(2), env: process.env });
  console.log(run.message);
  const child = spawn(run.command, run.args, { stdio: 'inherit', cwd: root, env: run.env });
  // Ctrl-C reaches Jupyter too (same process group) and Jupyter decides when to stop: we wait for it.
  // SIGTERM sent to us alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGTERM' ? 143 : 130)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
