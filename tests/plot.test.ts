import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as plot from '../lib/plot';

describe('lib/plot entry', () => {
  it('exports the chart, image and binning helpers', () => {
    for (const name of ['lineChart', 'rocPlot', 'histogram', 'scatter', 'heatmap', 'image', 'imageGrid', 'imageToPng', 'histogram1d', 'renderSvg', 'colormapRgb'] as const) {
      assert.equal(typeof plot[name], 'function', name);
    }
    assert.ok(plot.lineChart([{ name: 'a', x: [0, 1], y: [0, 1] }]) instanceof plot.Figure);
    assert.ok(plot.histogram([{ name: 'a', values: [1] }]) instanceof plot.Figure);
  });
});
