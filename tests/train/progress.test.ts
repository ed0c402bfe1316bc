import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress, progress, resolveMode, type TextSink } from '../../lib/train/progress';
import { inNotebook } from '../../lib/display';

/** A text sink that records what was written, with a fake TTY flag. */
function sink(isTTY = false): TextSink & { text: string; writes: number } {
  return {
    isTTY,
    columns: 120,
    text: '',
    writes: 0,
    write(s: string) {
      this.text += s;
      this.writes++;
      return true;
    },
  };
}

/** A clock advancing `stepMs` each time it is read. */
function clock(stepMs: number): () => number {
  let t = 0;
  return () => (t += stepMs);
}

test('non-TTY output writes a bounded number of lines (every 10 % plus the final one)', () => {
  const out = sink(false);
  const bar = progress(10_000, { label: 'simulate', stream: out, now: clock(1) });
  for (let i = 0; i < 10_000; i++) bar.tick(1, { loss: 1 / (i + 1) });
  bar.close();
  const lines = out.text.trimEnd().split('\n');
  assert.equal(lines.length, 10); // 10 %, 20 %, …, 90 %, then the final 100 %
  assert.ok(!out.text.includes('\r'));
  assert.match(lines[0], /^simulate\s+10% 1000\/10000 \[/);
  assert.match(lines[9], /^simulate 100% 10000\/10000 \[00:10\] loss 1\.00e-4$/);
});

test('linesEvery controls the number of lines; jumps write one line', () => {
  const out = sink(false);
  const bar = new Progress(200, { stream: out, linesEvery: 25, mode: 'lines' });
  for (let i = 1; i <= 200; i++) bar.update(i);
  bar.close();
  assert.equal(out.text.trimEnd().split('\n').length, 4);
  const jump = sink(false);
  const b2 = new Progress(100, { stream: jump, mode: 'lines' });
  b2.update(95);
  b2.close();
  assert.equal(jump.text.trimEnd().split('\n').length, 2);
});

test('unknown total in lines mode writes by time, not per step', () => {
  const out = sink(false);
  const bar = new Progress(undefined, { stream: out, mode: 'lines', linesEverySeconds: 1, now: clock(10) });
  for (let i = 0; i < 1000; i++) bar.tick(); // 10 s of fake time
  bar.close();
  const lines = out.text.trimEnd().split('\n').length;
  assert.ok(lines >= 9 && lines <= 11, `${lines} lines`);
});

test('TTY output redraws one line with \\r, throttled, and ends with a newline', () => {
  const out = sink(true);
  const bar = progress(1000, { label: 'train', stream: out, now: clock(1), minIntervalMs: 100 });
  for (let i = 0; i < 1000; i++) bar.tick();
  bar.close({ loss: 0.25 });
  assert.equal(out.text.split('\n').length, 2);
  assert.ok(out.text.endsWith('\n'));
  assert.ok(out.writes <= 12, `${out.writes} redraws`);
  const last = out.text.trimEnd().split('\r').pop()!;
  assert.match(last, /^train 100% \|█{20}\| 1000\/1000 \[00:01\] loss 0\.25/);
});

test('mode none writes nothing; auto picks bar for a TTY and lines otherwise', () => {
  const out = sink(true);
  const bar = progress(10, { stream: out, mode: 'none' });
  bar.tick(10);
  bar.close();
  assert.equal(out.text, '');
  assert.equal(resolveMode('auto', sink(true)), 'bar');
  assert.equal(resolveMode('auto', sink(false)), 'lines');
  assert.equal(inNotebook(), false);
});

test('notebook mode outside a kernel falls back to log lines', () => {
  const out = sink(false);
  const bar = progress(10, { stream: out, mode: 'notebook' });
  for (let i = 0; i < 10; i++) bar.tick();
  bar.close();
  assert.match(out.text, /100% 10\/10/);
});

test('wrapping an array or an async iterable yields every item and closes the display', async () => {
  const out = sink(false);
  const seen: number[] = [];
  for (const v of progress([1, 2, 3, 4], { stream: out, label: 'items' })) seen.push(v);
  assert.deepEqual(seen, [1, 2, 3, 4]);
  assert.match(out.text, /items 100% 4\/4/);

  async function* gen() {
    for (let i = 0; i < 5; i++) yield i;
  }
  const out2 = sink(false);
  let sum = 0;
  for await (const v of progress(gen(), { stream: out2, total: 5 })) sum += v;
  assert.equal(sum, 10);
  assert.match(out2.text, /100% 5\/5/);
});

test('updates after close are ignored', () => {
  const out = sink(false);
  const bar = progress(2, { stream: out });
  bar.close();
  const before = out.text;
  bar.tick();
  bar.close();
  assert.equal(out.text, before);
});
