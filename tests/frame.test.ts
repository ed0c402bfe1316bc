import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as aq from 'arquero';
import { setDisplayFallback } from '../lib/display';
import { projectRoot } from '../lib/paths';
import { binLabels, codeLabels, danfo, danfoColumns, describeTable, formatNumber, fromArquero, isArquero, isDanfo, matrixColumns, showTable, tableHtml, toDanfo } from '../lib/frame';

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__tslab__;
  setDisplayFallback('summary');
});

describe('loading danfojs-node', () => {
  // These run first: danfo is loaded once per process.
  it('is lazy: importing lib/frame does not load it (it costs seconds and ~45 MiB, see bench/frame-load.ts)', () => {
    const cache = createRequire(path.join(projectRoot(), 'package.json')).cache;
    assert.deepEqual(Object.keys(cache).filter((file) => file.includes(`${path.sep}danfojs-node${path.sep}`)), []);
  });

  it('leaves the tfjs backend and the registered backends as they were', async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    const registered = Object.keys(tf.engine().registryFactory).sort();
    const dfd = danfo();
    assert.equal(typeof dfd.DataFrame, 'function');
    assert.equal(tf.getBackend(), 'wasm');
    assert.deepEqual(Object.keys(tf.engine().registryFactory).sort(), registered);
    assert.equal(dfd.tensorflow.engine(), tf.engine(), 'one shared tfjs engine');
  });
});

describe('tableHtml', () => {
  it('renders a danfo DataFrame with its index, escaped text and compact numbers', () => {
    const df = toDanfo({ E: new Float32Array([1.5, 2.25, 3]), name: ['<b>x</b>', 'y & z', 'w'] });
    const html = tableHtml(df);
    assert.match(html, /^<table class="dataframe"><thead><tr><th><\/th><th>E<\/th><th>name<\/th><\/tr><\/thead>/);
    assert.match(html, /<tr><th>0<\/th><td style="text-align:right">1\.5<\/td><td style="text-align:left">&lt;b&gt;x&lt;\/b&gt;<\/td><\/tr>/);
    assert.match(html, /y &amp; z/);
    assert.doesNotMatch(html, /<b>/);
    assert.match(html, /3 rows × 2 columns<\/p>$/);
  });

  it('truncates to maxRows with an ellipsis row and says how many are shown', () => {
    const html = tableHtml({ i: Int32Array.from({ length: 50 }, (_, k) => k) }, { maxRows: 5, caption: 'A & B' });
    assert.equal((html.match(/<tr>/g) ?? []).length, 1 + 5 + 1);
    assert.match(html, /<td colspan="1" style="text-align:center">…<\/td>/);
    assert.match(html, /50 rows × 1 columns \(first 5 shown\)/);
    assert.match(html, /^<p style="font-weight:bold;margin-bottom:2px">A &amp; B<\/p>/);
  });

  it('renders arrays of row objects (union of keys, blanks for missing values)', () => {
    const html = tableHtml([{ model: 'BDT', auc: 0.91234 }, { model: 'CNN', auc: 0.95, note: null }]);
    assert.match(html, /<th>model<\/th><th>auc<\/th><th>note<\/th>/);
    assert.match(html, /<td style="text-align:right">0\.9123<\/td><td style="text-align:left"><\/td>/);
  });

  it('shows the header names given in `columns` (a valueCounts() Series is named "0")', () => {
    const counts = toDanfo({ cls: ['fog', 'C100', 'fog'] })['cls'].valueCounts();
    assert.match(tableHtml(counts), /<th><\/th><th>0<\/th>/);
    assert.match(tableHtml(counts, { columns: ['clusters'] }), /<th><\/th><th>clusters<\/th><\/tr><\/thead><tbody><tr><th>fog<\/th><td style="text-align:right">2<\/td>/);
  });

  it('renders a danfo Series and a describe() table', () => {
    const df = toDanfo({ a: [1, 2, 3, 4] });
    const s = tableHtml(df['a']);
    assert.match(s, /<th><\/th><th>a<\/th>/);
    assert.match(s, /4 rows × 1 columns/);
    assert.match(tableHtml(df.describe()), /<th>mean<\/th><td style="text-align:right">2\.5<\/td>/);
  });

  it("uses arquero's own escaped HTML for arquero tables, with our footer", () => {
    const t = aq.table({ a: [1, 2, 3], b: ['<i>', 'y', 'z'] });
    assert.ok(isArquero(t) && !isDanfo(t));
    const html = tableHtml(t, { maxRows: 2 });
    assert.match(html, /&lt;i&gt;/);
    assert.equal((html.match(/<tr>/g) ?? []).length, 3, 'header + 2 rows');
    assert.match(html, /3 rows × 2 columns \(first 2 shown\)/);
  });
});

describe('showTable', () => {
  it('sends HTML in a notebook and stays quiet outside when silent', () => {
    setDisplayFallback('silent');
    showTable({ a: [1] });
    const sent: string[] = [];
    (globalThis as Record<string, unknown>).__tslab__ = { require: () => ({ display: { html: (s: string) => sent.push(s) } }) };
    showTable({ a: [1] });
    assert.equal(sent.length, 1);
    assert.match(sent[0], /<table/);
  });
});

describe('conversions', () => {
  it('toDanfo accepts typed arrays (danfo alone rejects them)', () => {
    const df = toDanfo({ x: new Float64Array([0.5, 1.5]), y: new Int32Array([1, 2]) });
    assert.deepEqual(df.shape, [2, 2]);
    assert.deepEqual(df.values, [
      [0.5, 1],
      [1.5, 2],
    ]);
  });

  it('toDanfo refuses columns of different lengths, naming the column', () => {
    assert.throws(() => toDanfo({ a: [1, 2], b: new Float32Array(3) }), /toDanfo: column "b" has 3 values, expected 2 like "a"/);
  });

  it("toDanfo's DataFrame does not share the caller's plain arrays", () => {
    const a = [1, 2, 3];
    const df = toDanfo({ a: a });
    a[0] = 99;
    assert.deepEqual(danfoColumns(df), { a: [1, 2, 3] });
  });

  it('matrixColumns picks named columns out of a row-major matrix', () => {
    const m = new Float32Array([1, 10, 100, 2, 20, 200]);
    assert.deepEqual(matrixColumns(m, ['x', 'y', 'z']), { x: [1, 2], y: [10, 20], z: [100, 200] });
    assert.deepEqual(matrixColumns(m, ['x', 'y', 'z'], ['z', 'x']), { z: [100, 200], x: [1, 2] });
    assert.throws(() => matrixColumns(m, ['x', 'y', 'z'], ['w']), /no column "w" \(columns: x, y, z\)/);
    assert.throws(() => matrixColumns(m, ['x', 'y', 'z', 'w']), /6 values are not rows of 4 named columns/);
  });

  it('codeLabels names codes and refuses a code without a name, naming the row', () => {
    assert.deepEqual(codeLabels(new Uint8Array([1, 0, 1]), ['bkg', 'sig']), ['sig', 'bkg', 'sig']);
    assert.throws(() => codeLabels([0, 2], ['bkg', 'sig']), /row 1 has code 2, expected 0…1 \(bkg, sig\)/);
  });

  it('binLabels labels [lo, hi) bins, closes the last one and keeps values outside and NaN as "outside"', () => {
    assert.deepEqual(binLabels([0, 0.5, 1, 1.5, 2, 2.5, -1, NaN], [0, 1, 2]), ['0–1', '0–1', '1–2', '1–2', '1–2', 'outside', 'outside', 'outside']);
    assert.throws(() => binLabels([1], [0, 0]), /ascending/);
  });

  it('a weighted group-by on a DataFrame made from typed columns (the notebooks\' data sections)', () => {
    const df = toDanfo({ process: codeLabels(new Uint8Array([0, 1, 0, 2]), ['ttbar', 'Z', 'WW']), weight: new Float64Array([0.5, 2, 1.5, 3]) });
    const g = df.groupby(['process']).agg({ weight: ['sum', 'count'] });
    assert.deepEqual(g.columns, ['process', 'weight_sum', 'weight_count']);
    assert.deepEqual(g.values, [
      ['ttbar', 2, 2],
      ['Z', 2, 1],
      ['WW', 3, 1],
    ]);
  });

  it('fromArquero and danfoColumns carry columns across', () => {
    const t = aq.table({ a: [1, 2], b: ['u', 'v'] }).derive({ c: (d: { a: number }) => d.a * 10 });
    const df = fromArquero(t);
    assert.deepEqual(df.columns, ['a', 'b', 'c']);
    assert.deepEqual(danfoColumns(df), { a: [1, 2], b: ['u', 'v'], c: [10, 20] });
  });
});

describe('describeTable', () => {
  it("gives danfo's describe() table, computed with arquero", () => {
    const df = toDanfo({ 'Class1.1': [0.5, 0.25, 1, 0.75], n: new Int32Array([3, 1, 2, 10]), kind: ['a', 'b', 'a', 'c'] });
    const ours = describeTable(df);
    const theirs = df.describe();
    assert.deepEqual(ours.columns, theirs.columns, 'numeric columns only');
    assert.deepEqual(ours.index, theirs.index);
    (ours.values as number[][]).forEach((row, r) => row.forEach((v, c) => assert.ok(Math.abs(v - (theirs.values as number[][])[r][c]) < 1e-12, `${ours.index[r]} ${ours.columns[c]}: ${v}`)));
  });

  it('leaves missing values out of every statistic (pandas), and takes plain columns too', () => {
    const d = describeTable({ x: [1, NaN, 3, null, 5] });
    assert.deepEqual(d.values, [[3], [3], [2], [1], [3], [5], [4]]);
    assert.ok(Number.isNaN((describeTable({ y: [7] }).values as number[][])[2][0]), 'no std from one value');
  });
});

describe('formatNumber', () => {
  it('keeps integers, rounds to significant digits, switches to exponents for tiny and huge values', () => {
    assert.equal(formatNumber(42), '42');
    assert.equal(formatNumber(0.912345), '0.9123');
    assert.equal(formatNumber(123456.78), '123457');
    assert.equal(formatNumber(1.5e-5), '1.500e-5');
    assert.equal(formatNumber(2.5e7 + 0.5), '2.500e+7');
    assert.equal(formatNumber(NaN), 'NaN');
    assert.equal(formatNumber(-0.00123456, 3), '-0.00123');
  });
});
