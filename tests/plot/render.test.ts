import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, renderSvg, withDefaults, type VegaLiteSpec } from '../../lib/plot/render';
import { markGroups, texts } from './svg-helpers';

const SPEC: VegaLiteSpec = {
  width: 200,
  height: 100,
  data: { values: [{ a: 1, b: 2 }, { a: 2, b: 3 }, { a: 3, b: 1 }] },
  mark: 'point',
  encoding: { x: { field: 'a', type: 'quantitative', title: 'Energy [GeV]' }, y: { field: 'b', type: 'quantitative', title: 'Counts' } },
};

describe('renderSvg', () => {
  it('renders a Vega-Lite spec headless to an SVG document in the house style', async () => {
    const svg = await renderSvg(SPEC);
    assert.match(svg, /^<svg [^>]*width="\d+" height="\d+"/);
    assert.deepEqual(texts(svg, 'axis-title'), ['Energy [GeV]', 'Counts']);
    assert.equal(markGroups(svg, 'symbol').length, 1);
    assert.equal((markGroups(svg, 'symbol')[0].match(/<path/g) ?? []).length, 3, 'one symbol per row');
    assert.match(svg, /font-family="Helvetica, Arial, sans-serif"/);
    assert.match(svg, /<rect width="\d+" height="\d+" fill="white"\/>/, 'white background');
  });

  it("lets the spec's own config override the house config section by section", async () => {
    const svg = await renderSvg({ ...SPEC, config: { axis: { titleFontSize: 21 } } });
    assert.match(svg, /font-size="21px"[^>]*>Energy \[GeV\]/);
    assert.match(svg, /font-size="11px"/, 'label size kept from the house config');
  });

  it('leaves the caller\'s spec untouched (vega tags the rows it ingests)', async () => {
    const before = JSON.stringify(SPEC);
    await renderSvg(SPEC);
    const rows = (SPEC.data as { values: object[] }).values;
    assert.equal(JSON.stringify(SPEC), before);
    assert.deepEqual(Object.getOwnPropertySymbols(rows[0]), []);
  });

  it('withDefaults adds the schema and merged config without touching the input', () => {
    const input: VegaLiteSpec = { mark: 'bar', config: { legend: { orient: 'bottom' } } };
    const out = withDefaults(input);
    assert.equal(out.$schema, 'https://vega.github.io/schema/vega-lite/v6.json');
    assert.deepEqual(out.config?.legend, { ...(DEFAULT_CONFIG.legend as object), orient: 'bottom' });
    assert.deepEqual(input.config, { legend: { orient: 'bottom' } });
  });
});
