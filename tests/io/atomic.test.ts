import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AtomicWriter, tempPathFor, withAtomicPath, writeFileAtomic, writeFileAtomicSync } from '../../lib/io/atomic';

function freshDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-test-'));
}

test('writeFileAtomic writes text, bytes and lists of both, and keeps the old mode', async () => {
  const dir = freshDir();
  const file = path.join(dir, 'out.txt');
  fs.writeFileSync(file, 'old');
  fs.chmodSync(file, 0o600);
  await writeFileAtomic(file, ['héllo ', new Uint8Array([119, 111]), new Uint16Array([0x6c72]), 'd']);
  assert.equal(fs.readFileSync(file, 'utf8'), 'héllo world');
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  writeFileAtomicSync(file, 'sync');
  assert.equal(fs.readFileSync(file, 'utf8'), 'sync');
  assert.deepEqual(fs.readdirSync(dir), ['out.txt']);
  fs.rmSync(dir, { recursive: true });
});

test('temporary names sit beside the target and never repeat', () => {
  const a = tempPathFor('/x/y/data.csv');
  const b = tempPathFor('/x/y/data.csv');
  assert.equal(path.dirname(a), '/x/y');
  assert.match(path.basename(a), /^\.data\.csv\..+\.tmp$/);
  assert.notEqual(a, b);
});

test('a failing write removes its temporary file and leaves the target as it was', async () => {
  const dir = freshDir();
  const file = path.join(dir, 'keep.bin');
  fs.writeFileSync(file, 'good');
  await assert.rejects(
    withAtomicPath(file, (tmp) => {
      fs.writeFileSync(tmp, 'half-writ');
      throw new Error('crash');
    }),
    /crash/,
  );
  await assert.rejects(withAtomicPath(file, () => undefined), { code: 'ENOENT' }, 'creating nothing is an error');
  assert.equal(fs.readFileSync(file, 'utf8'), 'good');
  assert.deepEqual(fs.readdirSync(dir), ['keep.bin']);
  await assert.rejects(writeFileAtomic(path.join(dir, 'no-such-dir', 'x'), 'a'), { code: 'ENOENT' });
  fs.rmSync(dir, { recursive: true });
});

test('AtomicWriter streams many writes, commits, and aborts cleanly', async () => {
  const dir = freshDir();
  const file = path.join(dir, 'stream.txt');
  const w = await AtomicWriter.open(file);
  let expected = '';
  for (let i = 0; i < 20_000; i++) {
    const line = `${i},${i * i}\n`;
    expected += line;
    await w.write(line);
  }
  await w.write(new Uint8Array(2 << 20).fill(65)); // a block above the buffer size goes straight through
  expected += 'A'.repeat(2 << 20);
  assert.ok(!fs.existsSync(file), 'target appears only on commit');
  await w.commit();
  assert.equal(fs.readFileSync(file, 'utf8'), expected);
  await assert.rejects(w.write('more'), /already committed/);

  const aborted = await AtomicWriter.open(file);
  await aborted.write('partial');
  await aborted.abort();
  await aborted.abort();
  assert.equal(fs.readFileSync(file, 'utf8'), expected);
  assert.deepEqual(fs.readdirSync(dir), ['stream.txt']);
  fs.rmSync(dir, { recursive: true });
});
