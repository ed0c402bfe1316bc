/** lib/io/run-folder.ts: a folder per run, removed on request and at exit; only dead runs' folders are swept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeRunFolder, removeStaleRunFolders } from '../../lib/io/run-folder';
import { projectRoot } from '../../lib/paths';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'run-folder-test-'));
process.on('exit', () => fs.rmSync(base, { recursive: true, force: true }));
const host = os.hostname().replace(/[^A-Za-z0-9.]/g, '_');

/** The id of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

test('each call gets its own folder; remove() deletes it and only it', () => {
  const dir = path.join(base, 'own');
  const a = makeRunFolder(dir, 'shards');
  const b = makeRunFolder(dir, 'shards');
  assert.notEqual(a.path, b.path);
  assert.match(path.basename(a.path), new RegExp(`^shards-${host.replace(/\./g, '\\.')}-${process.pid}-[A-Za-z0-9]{6}$`));
  fs.writeFileSync(path.join(a.path, 'x.h5'), 'a');
  fs.writeFileSync(path.join(b.path, 'x.h5'), 'b');
  a.remove();
  assert.ok(!fs.existsSync(a.path));
  assert.equal(fs.readFileSync(path.join(b.path, 'x.h5'), 'utf8'), 'b');
  b.remove();
  assert.deepEqual(fs.readdirSync(dir), []);
});

test('folders of dead runs on this host are swept; live runs, other hosts and other files are kept', () => {
  const dir = path.join(base, 'sweep');
  fs.mkdirSync(dir);
  const dead = `shards-${host}-${deadPid()}-abc123`;
  const live = `shards-${host}-${process.pid}-def456`; // this process: alive
  const otherHost = `shards-${host}x-${deadPid()}-ghi789`;
  const otherPrefix = `others-${host}-${deadPid()}-jkl012`;
  for (const name of [dead, live, otherHost, otherPrefix, 'notes.txt']) fs.mkdirSync(path.join(dir, name));
  assert.deepEqual(removeStaleRunFolders(dir, 'shards'), [dead]);
  assert.deepEqual(fs.readdirSync(dir).sort(), [live, otherHost, otherPrefix, 'notes.txt'].sort());
  const fresh = makeRunFolder(dir, 'others'); // sweeps its own prefix on the way
  assert.ok(!fs.existsSync(path.join(dir, otherPrefix)));
  fresh.remove();
});

test('a run that exits without calling remove() leaves nothing behind', () => {
  const dir = path.join(base, 'exit');
  const script = path.join(base, 'exit-run.ts');
  fs.writeFileSync(script, [
    `import * as fs from 'node:fs';`,
    `import { makeRunFolder } from ${JSON.stringify(path.join(projectRoot(), 'lib', 'io', 'run-folder.ts'))};`,
    `const f = makeRunFolder(${JSON.stringify(dir)}, 'shards');`,
    `fs.writeFileSync(f.path + '/a.h5', 'data');`,
    `console.log(fs.readdirSync(${JSON.stringify(dir)}).length);`,
  ].join('\n'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot(), encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), '1', 'the folder existed while the run ran');
  assert.deepEqual(fs.readdirSync(dir), []);
});

test('a prefix that could match other names is refused', () => {
  assert.throws(() => makeRunFolder(base, 'a/b'), RangeError);
  assert.throws(() => makeRunFolder(base, ''), RangeError);
});
