import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scatter } from '../../lib/plot/scatter';
import { countPaths, markGroups, texts } from './svg-helpers';

type Rows = { values: Record<string, unknown>[] };

describe('scatter', () => {
  it('colours points by class with display names and draws the diagonal', async () => {
    const x = [1, 2, 3, 4];
    const fig = scatter(x, [1.1, 1.9, 3.2, 3.8], {
      series: [0, 1, 0, 1],
      seriesNames: { 0: 'background', 1: 'signal' },
      diagonal: true,
      xTitle: 'True energy',
      xUnit: 'EeV',
      yTitle: 'Predicted energy',
      yUnit: 'EeV',
    });
    const svg = await fig.svg();
    assert.deepEqual(texts(svg, 'axis-title'), ['True energy [EeV]', 'Predicted energy [EeV]']);
    assert.deepEqual(texts(svg, 'legend-label'), ['background', 'signal']);
    assert.equal(markGroups(svg, 'symbol').reduce((n, g) => n + countPaths(g), 0), 4);
    assert.equal(markGroups(svg, 'line').length, 1, 'diagonal');
  });

  it('subsamples large inputs with an even stride and says so', async () => {
    const n = 10_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const fig = scatter(x, x, { maxPoints: 1000, title: 'Big' });
    const rows = (fig.spec.data as Rows).values;
    assert.equal(rows.length, 1000);
    assert.deepEqual([rows[0].x, rows[1].x], [0, 10]);
    assert.deepEqual(fig.spec.title, { text: 'Big', subtitle: '1,000 of 10,000 points shown' });
    assert.match(await fig.svg(), /1,000 of 10,000 points shown/);
  });

  it('maps a continuous value through a colour map with a gradient legend', async () => {
    const fig = scatter([1, 2, 3], [3, 2, 1], { color: [0, 5, 10], colorTitle: 'Energy', colormap: 'magma' });
    const enc = (fig.spec.layer as { encoding: { color: { scale: { range: string[] } } } }[])[0].encoding.color;
    assert.equal(enc.scale.range.length, 17);
    assert.equal(enc.scale.range[0], '#000003', 'magma entry 0');
    const svg = await fig.svg();
    assert.match(svg, /<linearGradient/);
    assert.deepEqual(texts(svg, 'legend-title'), ['Energy']);
  });

  it('drops points a log axis cannot show, and rejects unequal lengths', () => {
    assert.equal((scatter([0, 1, 2], [1, 1, 1], { logX: true }).spec.data as Rows).values.length, 2);
    assert.throws(() => scatter([1, 2], [1]), /x has 2 values, y has 1/);
  });
});
