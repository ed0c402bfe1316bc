import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { heatmap } from '../../lib/plot/heatmap';
import { countPaths, markGroups, texts } from './svg-helpers';

/** Text marks of the cells: [value text, fill colour]. */
function cellTexts(svg: string): [string, string][] {
  const group = markGroups(svg, 'text').join('');
  return [...group.matchAll(/<text[^>]*fill="([^"]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => [m[2], m[1]]);
}

describe('heatmap', () => {
  it('draws an annotated confusion matrix with contrasting text', async () => {
    const svg = await heatmap(
      [
        [850, 150],
        [30, 970],
      ],
      { xLabels: ['gamma', 'hadron'], yLabels: ['gamma', 'hadron'], xTitle: 'Predicted', yTitle: 'True', colorTitle: 'Events' },
    ).svg();
    assert.deepEqual(texts(svg, 'axis-title'), ['Predicted', 'True']);
    assert.equal(markGroups(svg, 'rect').reduce((n, g) => n + countPaths(g), 0), 4);
    const cells = Object.fromEntries(cellTexts(svg));
    assert.deepEqual(Object.keys(cells).sort(), ['150', '30', '850', '970']);
    assert.equal(cells['30'], 'white', 'dark end of viridis');
    assert.equal(cells['970'], 'black', 'yellow end of viridis');
    assert.deepEqual(texts(svg, 'legend-title'), ['Events']);
  });

  it('formats non-integers with 3 significant digits and skips NaN cells', async () => {
    const svg = await heatmap([[0.91234, NaN, 0.5]], { xLabels: ['A', 'B', 'C'], yLabels: ['det'], colormap: 'coolwarm' }).svg();
    assert.deepEqual(cellTexts(svg).map((c) => c[0]), ['0.912', '0.500']);
    assert.equal(markGroups(svg, 'rect').reduce((n, g) => n + countPaths(g), 0), 2);
  });

  it('keeps the label order: first row at the top', async () => {
    const fig = heatmap([[1], [2], [3]], { yLabels: ['z', 'a', 'm'], annotate: false });
    const svg = await fig.svg();
    assert.equal(markGroups(svg, 'text').length, 0);
    const labels = texts(svg, 'axis-label');
    assert.deepEqual(labels.slice(-3), ['z', 'a', 'm']);
    const ys = [...markGroups(svg, 'text', 'axis-label').join('').matchAll(/translate\(-?[\d.]+,(-?[\d.]+)\)/g)].map((m) => Number(m[1]));
    assert.ok(ys.slice(-3).every((y, i, a) => i === 0 || y > a[i - 1]), `y positions ${ys}`);
  });

  it('checks the labels against the matrix shape', () => {
    assert.throws(() => heatmap([[1, 2]], { xLabels: ['a'] }), /1×2 matrix/);
  });
});
