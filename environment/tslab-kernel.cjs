#!/usr/bin/env node
// The tslab kernel as registered by bootstrap.mjs (`tslab install --binary=<this file>`).
// tslab compiles cells with TypeScript's rootDir set to the kernel's working directory, so a notebook
// in notebooks/ could not import ../lib. Jupyter starts kernels in the notebook's folder; inside this
// project we move to the project root first, so every notebook imports the library as './lib/...'.
// Outside the project (another tslab notebook of the user) it behaves exactly like plain tslab.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE_NAME = 'physics-ml-notebooks';
const projectRoot = path.resolve(__dirname, '..');

function isInside(dir, parent) {
  const rel = path.relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function isProject(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

if (isProject(projectRoot) && isInside(fs.realpathSync(process.cwd()), fs.realpathSync(projectRoot))) {
  process.chdir(projectRoot);
}
// tslab's compiler watches every library file it compiled; a change on disk while a cell compiles
// makes it fail with "Unexpected pending rebuildTimer", and every later cell then prints nothing.
// We turn the watching of real files off (tslab's in-memory cell files do not use it): an edit in
// lib/ is picked up after a kernel restart, as the README says, and never breaks a running kernel.
const tslabMain = require.resolve('tslab/dist/main.js', { paths: [projectRoot] });
const typescript = require(require.resolve('@tslab/typescript-for-tslab', { paths: [path.dirname(tslabMain)] }));
const noWatcher = () => ({ close() {} });
typescript.sys.watchFile = noWatcher;
typescript.sys.watchDirectory = noWatcher;
require(tslabMain).main();
