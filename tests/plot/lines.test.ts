import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineChart, rocPlot } from '../../lib/plot/lines';
import { countPaths, markGroups, texts } from './svg-helpers';

const epochs = [1, 2, 3, 4];
type Rows = { values: Record<string, unknown>[] };

describe('lineChart', () => {
  it('draws one line per series with axis titles, units and a legend in input order', async () => {
    const fig = lineChart(
      [
        { name: 'val_loss', x: epochs, y: [1.1, 0.8, 0.7, 0.72], dashed: true },
        { name: 'loss', x: epochs, y: [1, 0.6, 0.5, 0.45] },
      ],
      { xTitle: 'Epoch', yTitle: 'Loss', yUnit: 'nats', title: 'Learning curve' },
    );
    const svg = await fig.svg();
    assert.deepEqual(texts(svg, 'axis-title'), ['Epoch', 'Loss [nats]']);
    assert.deepEqual(texts(svg, 'legend-label'), ['val_loss', 'loss']);
    assert.deepEqual(texts(svg, 'title-text'), ['Learning curve']);
    const lines = markGroups(svg, 'line');
    assert.equal(lines.length, 2);
    assert.ok(lines.every((g) => countPaths(g) === 1));
    assert.equal(lines.filter((g) => /stroke-dasharray="6,3"/.test(g)).length, 1, 'val_loss dashed');
    assert.equal(markGroups(svg, 'area').length, 0);
  });

  it('shades a band for series that have lower/upper and marks points on request', async () => {
    const fig = lineChart(
      [
        { name: 'BDT', x: [10, 50, 100], y: [0.8, 0.85, 0.86], lower: [0.78, 0.84, 0.85], upper: [0.82, 0.86, 0.87] },
        { name: 'cut-based', x: [10, 50, 100], y: [0.7, 0.7, 0.7] },
      ],
      { xTitle: 'Number of trees', yTitle: 'AUC', points: true },
    );
    const svg = await fig.svg();
    const areas = markGroups(svg, 'area');
    assert.equal(areas.length, 1, 'one band');
    assert.match(areas[0], /opacity="0.2"/);
    const rows = (fig.spec.data as Rows).values;
    assert.equal(rows.filter((r) => 'lower' in r).length, 3);
    assert.equal(markGroups(svg, 'symbol').reduce((n, g) => n + countPaths(g), 0), 6, 'a dot per point');
  });

  it('thins a 10⁵-point series to half-pixel steps, keeping both ends', () => {
    // A monotone curve travels at most 420 + 300 px on screen: at most ~1440 half-pixel steps.
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = x.map((v) => Math.sqrt(v));
    const rows = (lineChart([{ name: 's', x, y }]).spec.data as Rows).values;
    assert.ok(rows.length < 1500 && rows.length > 400, `${rows.length} rows`);
    assert.equal(rows[0].x, 0);
    assert.equal(rows[rows.length - 1].x, n - 1);
  });

  it('drops non-finite points and non-positive ones on log axes', () => {
    const rows = (lineChart([{ name: 's', x: [0, 1, 10, NaN], y: [1, 2, 3, 4] }], { logX: true }).spec.data as Rows).values;
    assert.deepEqual(rows.map((r) => r.x), [1, 10]);
  });
});

describe('rocPlot', () => {
  const fpr = [0, 0, 0.1, 0.3, 1];
  const tpr = [0, 0.4, 0.7, 0.9, 1];

  it('labels curves with their AUC and adds the chance diagonal', async () => {
    const svg = await rocPlot([{ name: 'BDT', fpr, tpr, auc: 0.8766 }, { name: 'NN', fpr, tpr }]).svg();
    assert.deepEqual(texts(svg, 'legend-label'), ['BDT (AUC = 0.877)', 'NN']);
    assert.deepEqual(texts(svg, 'axis-title'), ['False positive rate', 'True positive rate']);
    assert.equal(markGroups(svg, 'line').length, 3, 'two curves + diagonal');
  });

  it('uses a log FPR axis without the FPR = 0 points', async () => {
    const fig = rocPlot([{ name: 'BDT', fpr, tpr }], { logFpr: true });
    const layers = fig.spec.layer as { encoding: { x: { scale: { type?: string } } } }[];
    assert.equal(layers[layers.length - 1].encoding.x.scale.type, 'log');
    assert.deepEqual((fig.spec.data as Rows).values.map((r) => r.x), [0.1, 0.3, 1]);
    assert.match(await fig.svg(), /<svg/);
  });

  it('draws background rejection against signal efficiency in physics style', async () => {
    const svg = await rocPlot([{ name: 'tagger', fpr, tpr }], { rejection: true }).svg();
    assert.deepEqual(texts(svg, 'axis-title'), ['Signal efficiency ε_S', 'Background rejection 1/ε_B']);
    assert.deepEqual(texts(svg, 'legend-label'), ['tagger', 'random (1/ε_S)']);
  });
});
