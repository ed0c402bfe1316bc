import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { jupyterCommand } from '../../environment/notebook.mjs';

const setup = { root: '/clone', python: '/usr/bin/python3', jupyterPath: '/clone/.jupyter', args: [], env: { JUPYTER_PATH: '/mine' } };

test('npm run notebook as root passes --allow-root to Jupyter and says so', () => {
  const asRoot = jupyterCommand({ ...setup, hasLab: false, isRoot: true });
  assert.deepEqual(asRoot.args, ['-m', 'jupyter', 'notebook', '--notebook-dir=/clone/notebooks', '--allow-root']);
  assert.match(asRoot.message, /Running as root: passing --allow-root/);
  const asUser = jupyterCommand({ ...setup, hasLab: false, isRoot: false });
  assert.ok(!asUser.args.includes('--allow-root'));
  assert.doesNotMatch(asUser.message, /root/);
  const given = jupyterCommand({ ...setup, hasLab: false, isRoot: true, args: ['--allow-root', '--no-browser'] });
  assert.equal(given.args.filter((a) => a === '--allow-root').length, 1);
});

test('npm run notebook prefers JupyterLab and puts this clone\'s kernel folder first on JUPYTER_PATH', () => {
  const lab = jupyterCommand({ ...setup, hasLab: true, isRoot: false });
  assert.equal(lab.args[2], 'lab');
  assert.match(lab.message, /Jupyter Lab/);
  assert.equal(lab.env.JUPYTER_PATH, ['/clone/.jupyter', '/mine'].join(path.delimiter));
  assert.equal(lab.env.PROJECT_ROOT, '/clone');
  const classic = jupyterCommand({ ...setup, hasLab: false, isRoot: false });
  assert.equal(classic.args[2], 'notebook');
  assert.match(classic.message, /JupyterLab is not installed/);
});
