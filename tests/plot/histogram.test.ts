import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { histogram } from '../../lib/plot/histogram';
import { assertClose } from '../helpers';
import { countPaths, markGroups, texts } from './svg-helpers';

type Rows = { values: Record<string, number | string>[] };
const signal = [0.1, 0.2, 0.6, 0.7, 0.8, 0.9, 0.95, 1.5];
const background = [0.05, 0.1, 0.15, 0.3, 0.4, -2];

describe('histogram', () => {
  it('draws overlaid step outlines with a legend and a physics-style y title', async () => {
    const fig = histogram(
      [
        { name: 'signal', values: signal },
        { name: 'background', values: background },
      ],
      { bins: 4, range: [0, 1], xTitle: 'Score', xUnit: 'GeV' },
    );
    const svg = await fig.svg();
    assert.deepEqual(texts(svg, 'axis-title'), ['Score [GeV]', 'Entries / 0.25 GeV']);
    assert.deepEqual(texts(svg, 'legend-label'), ['signal', 'background']);
    assert.equal(markGroups(svg, 'line').length, 2);
    const rows = (fig.spec.data as Rows).values.filter((r) => r.series === 'signal');
    assert.equal(rows.length, 2 * 4 + 2, 'outline vertices');
    assert.deepEqual(rows.map((r) => r.y), [0, 2, 2, 0, 0, 2, 2, 3, 3, 0]);
    assert.deepEqual(Array.from(fig.histograms[0].counts), [2, 0, 2, 3]);
    assert.equal(fig.histograms[0].overflow, 1, '1.5 is reported, not drawn');
    assert.equal(fig.histograms[1].underflow, 1);
  });

  it('normalizes densities to unit area and sums weights', () => {
    const fig = histogram([{ name: 'w', values: signal, weights: signal.map(() => 2.5) }], { bins: 4, range: [0, 1], density: true });
    assert.deepEqual(Array.from(fig.histograms[0].counts), [5, 0, 5, 7.5]);
    const rows = (fig.spec.data as Rows).values;
    const heights = [rows[1].y, rows[3].y, rows[5].y, rows[7].y] as number[];
    assertClose(heights.reduce((a, b) => a + b, 0) * 0.25, 1, { rtol: 1e-6 });
    assert.match(String((fig.spec.encoding as { y: { title: string } }).y.title), /^Probability density/);
  });

  it('stacks series as bars, each on top of the previous', async () => {
    const fig = histogram(
      [
        { name: 'a', values: [0.1, 0.6] },
        { name: 'b', values: [0.1, 0.1, 0.9] },
      ],
      { bins: 2, range: [0, 1], stacked: true },
    );
    const rows = (fig.spec.data as Rows).values;
    assert.deepEqual(rows.map((r) => [r.series, r.x, r.x2, r.y, r.y2]), [
      ['a', 0, 0.5, 0, 1],
      ['a', 0.5, 1, 0, 1],
      ['b', 0, 0.5, 1, 3],
      ['b', 0.5, 1, 1, 2],
    ]);
    const svg = await fig.svg();
    assert.equal(markGroups(svg, 'rect').reduce((n, g) => n + countPaths(g), 0), 4, 'one rect per bin and series');
  });

  it('draws empty bins at the bottom of a log axis', () => {
    const fig = histogram([{ name: 's', values: [0.1, 0.1, 0.1, 0.1, 0.9] }], { bins: 3, range: [0, 1], logY: true });
    const ys = (fig.spec.data as Rows).values.map((r) => r.y as number);
    assert.ok(ys.every((y) => y > 0));
    assert.equal(Math.min(...ys), 0.5, 'half the smallest filled bin');
  });

  it('keeps negative weights on a linear axis', () => {
    const fig = histogram([{ name: 's', values: [0.2, 0.7], weights: [-1, 2] }], { bins: 2, range: [0, 1], style: 'bar' });
    assert.deepEqual((fig.spec.data as Rows).values.map((r) => r.y2), [-1, 2]);
  });

  it('shares one default range over all series', () => {
    const fig = histogram(
      [
        { name: 'a', values: [0, 1] },
        { name: 'b', values: [3, NaN] },
      ],
      { bins: 3 },
    );
    assert.deepEqual(Array.from(fig.histograms[1].edges), [0, 1, 2, 3]);
    assert.equal(fig.histograms[1].nonFinite, 1);
  });
});
