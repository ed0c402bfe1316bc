#!/usr/bin/env node
// `npm run notebook`: opens Jupyter on notebooks/ with the tslab kernel for interactive work —
// JupyterLab when it is installed (pip install -r environment/requirements.txt), else the classic
// Notebook from Debian's jupyter-notebook. Extra arguments are passed to Jupyter (e.g. --no-browser).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const state = path.join(root, 'node_modules', '.cache', 'physics-ml', 'env.json');
const python = fs.existsSync(state) ? JSON.parse(fs.readFileSync(state, 'utf8')).python : '/usr/bin/python3';
const hasLab = spawnSync(python, ['-c', 'import jupyterlab'], { stdio: 'ignore' }).status === 0;
const app = hasLab ? 'lab' : 'notebook';
const args = ['-m', 'jupyter', app, `--notebook-dir=${path.join(root, 'notebooks')}`, ...process.argv.slice(2)];
console.log(`Opening Jupyter ${hasLab ? 'Lab' : 'Notebook'} on notebooks/ (kernel: TypeScript / tslab). Stop with Ctrl-C.`);
const child = spawn(python, args, { stdio: 'inherit', cwd: root, env: { ...process.env, PROJECT_ROOT: root } });
child.on('exit', (code) => process.exit(code ?? 0));
