import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { displayChart, displayHtml, displayMarkdown, displayPng, displaySvg, displayText, escapeHtml, inNotebook, setDisplayFallback, svgImgHtml, svgSize } from '../lib/display';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><text>é &amp; x</text></svg>';

/** Installs a stand-in for the tslab kernel's `__tslab__` global; returns the calls its display receives. */
function fakeKernel(): { kind: string; payload: unknown }[] {
  const calls: { kind: string; payload: unknown }[] = [];
  const record = (kind: string) => (payload: unknown) => calls.push({ kind, payload });
  const display = { html: record('html'), markdown: record('markdown'), svg: record('svg'), png: record('png'), text: record('text') };
  (globalThis as Record<string, unknown>).__tslab__ = { exports: {}, require: (id: string) => (id === 'tslab' ? { display } : undefined) };
  return calls;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__tslab__;
  setDisplayFallback('summary');
  mock.restoreAll();
});

describe('display outside a notebook', () => {
  it('is detected and never throws; prints one summary line per rich output', () => {
    assert.equal(inNotebook(), false);
    const log = mock.method(console, 'log', () => {});
    displayHtml('<b>x</b>');
    displaySvg(SVG, 'ROC');
    displayPng(new Uint8Array(2048));
    assert.equal(log.mock.callCount(), 3);
    assert.match(String(log.mock.calls[1].arguments[0]), /^\[svg: ROC, 120×80 px, \d+ B\]$/);
    assert.match(String(log.mock.calls[2].arguments[0]), /^\[png: image, 2\.0 kB\]$/);
  });

  it('prints text and markdown as they are, and nothing at all when silent', () => {
    const log = mock.method(console, 'log', () => {});
    displayText('hello');
    displayMarkdown('**hi**');
    assert.deepEqual(log.mock.calls.map((c) => c.arguments[0]), ['hello', '**hi**']);
    assert.equal(setDisplayFallback('silent'), 'summary');
    displayText('x');
    displaySvg(SVG);
    displayPng(new Uint8Array(1));
    assert.equal(log.mock.callCount(), 2);
  });
});

describe('display inside tslab (stand-in kernel)', () => {
  it('sends SVG as an <img> data URI in text/html, PNG bytes as image/png', () => {
    const calls = fakeKernel();
    assert.equal(inNotebook(), true);
    displaySvg(SVG, 'a "quoted" <title>');
    const png = new Uint8Array([137, 80, 78, 71]);
    displayPng(png);
    displayText('t');
    displayMarkdown('m');
    displayHtml('<p>h</p>');
    assert.deepEqual(calls.map((c) => c.kind), ['html', 'png', 'text', 'markdown', 'html']);
    const html = String(calls[0].payload);
    const b64 = /src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1];
    assert.ok(b64, html.slice(0, 80));
    assert.equal(Buffer.from(b64, 'base64').toString('utf8'), SVG);
    assert.match(html, / width="120" height="80"/);
    assert.match(html, /alt="a &quot;quoted&quot; &lt;title&gt;"/);
    assert.equal(calls[1].payload, png);
  });
});

describe('helpers', () => {
  it('escapeHtml escapes markup and quotes', () => {
    assert.equal(escapeHtml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });

  it('svgSize reads the root element only', () => {
    assert.deepEqual(svgSize(SVG), { width: 120, height: 80 });
    assert.equal(svgSize('<svg><rect width="3" height="4"/></svg>'), null);
    assert.doesNotMatch(svgImgHtml('<svg></svg>'), /width=/);
  });
});

describe('displayChart', () => {
  const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', mark: 'point' };

  it("sends one bundle through the kernel's display writer: <img> in text/html beside the Vega-Lite spec", () => {
    const bundles: unknown[] = [];
    const jupyter = { lastWriteDisplayData: (content: unknown, update: boolean) => bundles.push({ content, update }) };
    (globalThis as Record<string, unknown>).__tslab__ = { exports: {}, require: (id: string) => (id === 'tslab' ? { display: {} } : id === 'tslab/dist/jupyter' ? jupyter : undefined) };
    displayChart(SVG, spec, 'ROC <1>');
    assert.deepEqual(bundles, [
      {
        content: { data: { 'text/html': svgImgHtml(SVG, 'ROC <1>'), 'application/vnd.vegalite.v5+json': spec, 'text/plain': 'Figure("ROC <1>")' }, metadata: {}, transient: {} },
        update: false,
      },
    ]);
  });

  it('falls back to the <img> alone when the kernel has no display writer, and to a summary outside', () => {
    const calls = fakeKernel();
    displayChart(SVG, spec, 'ROC');
    assert.deepEqual(calls, [{ kind: 'html', payload: svgImgHtml(SVG, 'ROC') }]);
    delete (globalThis as Record<string, unknown>).__tslab__;
    const log = mock.method(console, 'log', () => {});
    displayChart(SVG, spec, 'ROC');
    assert.match(String(log.mock.calls[0].arguments[0]), /^\[svg: ROC, 120×80 px/);
  });
});
