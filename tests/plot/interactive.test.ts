import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importESM } from '../../lib/esm';
import { heatmap } from '../../lib/plot/heatmap';
import { histogram } from '../../lib/plot/histogram';
import { interactiveSpec, VEGA_LITE_5_SCHEMA, ZOOM_PARAM } from '../../lib/plot/interactive';
import { lineChart, rocPlot } from '../../lib/plot/lines';
import { scatter } from '../../lib/plot/scatter';
import type { Figure } from '../../lib/plot/figure';

type Json = Record<string, unknown>;

/** The unit specs of a spec (its layers, or itself). */
function units(spec: Json): Json[] {
  return Array.isArray(spec.layer) ? (spec.layer as Json[]) : [spec];
}

/** Names of the zoom selections over all units. */
function zoomParams(spec: Json): string[] {
  return units(spec).flatMap((u) => ((u.params as { name: string; bind?: string }[] | undefined) ?? []).filter((p) => p.bind === 'scales').map((p) => p.name));
}

const values = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i) * 3 + i / 50);

const charts: [string, () => Figure, boolean][] = [
  ['lineChart with a band', () => lineChart([{ name: 'loss', x: [1, 2, 3], y: [0.9, 0.5, 0.4], lower: [0.8, 0.4, 0.3], upper: [1, 0.6, 0.5] }]), true],
  ['rocPlot', () => rocPlot([{ name: 'BDT', fpr: [0, 0.1, 1], tpr: [0, 0.8, 1], auc: 0.85 }]), true],
  ['histogram (steps)', () => histogram([{ name: 'signal', values }], { bins: 10 }), true],
  ['histogram (stacked bars)', () => histogram([{ name: 'a', values }, { name: 'b', values }], { bins: 10, stacked: true }), true],
  ['scatter with a diagonal', () => scatter([1, 2, 3], [1.1, 2.2, 2.9], { diagonal: true }), true],
  ['heatmap of categories', () => heatmap([[1, 2], [3, 4]], { xLabels: ['a', 'b'], yLabels: ['c', 'd'] }), false],
];

describe('interactiveSpec', () => {
  for (const [name, make, zoomable] of charts) {
    it(`${name}: v5 schema, tooltips on every mark, ${zoomable ? 'one zoom selection' : 'no zoom'}, compiles`, async () => {
      const fig = make();
      const before = JSON.stringify(fig.spec);
      const spec = interactiveSpec(fig.spec);
      assert.equal(JSON.stringify(fig.spec), before, "the figure's own spec is left as it was");
      assert.equal(spec.$schema, VEGA_LITE_5_SCHEMA);
      for (const unit of units(spec)) assert.equal((unit.mark as { tooltip?: unknown }).tooltip, true, JSON.stringify(unit.mark));
      assert.deepEqual(zoomParams(spec), zoomable ? [ZOOM_PARAM] : []);
      assert.deepEqual((spec.config as Json).background, 'white', 'house config filled in');
      // Vega-Lite (6 here) compiles it; the scale binding shows up as the selection's signals.
      const vl = await importESM<{ compile(s: unknown): { spec: { signals?: { name: string }[] } } }>('vega-lite');
      const compiled = JSON.stringify(vl.compile(structuredClone(spec)).spec);
      assert.equal(compiled.includes(`"${ZOOM_PARAM}_`), zoomable);
    });
  }

  it('keeps a mark given as a bare type name, and leaves specs without marks alone', () => {
    const spec = interactiveSpec({ mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } } });
    assert.deepEqual(spec.mark, { type: 'point', tooltip: true });
    assert.deepEqual(zoomParams(spec), [ZOOM_PARAM]);
    const concat = interactiveSpec({ hconcat: [] });
    assert.deepEqual(Object.keys(concat).sort(), ['$schema', 'config', 'hconcat']);
  });

  it('finds continuous axes in an encoding shared by the layers', () => {
    const spec = interactiveSpec({ encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } }, layer: [{ mark: 'line' }, { mark: 'point' }] });
    assert.deepEqual(((spec.layer as Json[])[0].params as Json[]).length, 1);
    assert.equal((spec.layer as Json[])[1].params, undefined);
  });
});
