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
require(path.join(projectRoot, 'node_modules', 'tslab', 'dist', 'main.js')).main();
