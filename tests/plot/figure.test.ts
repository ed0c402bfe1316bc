import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { inspect } from 'node:util';
import { setDisplayFallback } from '../../lib/display';
import { projectRoot } from '../../lib/paths';
import { Figure, outputPath, saveOutput } from '../../lib/plot/figure';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'figure-test-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  delete (globalThis as Record<string, unknown>).__tslab__;
  setDisplayFallback('summary');
});

const spec = {
  title: 'Tiny',
  width: 100,
  height: 60,
  data: { values: [{ x: 0, y: 1 }, { x: 1, y: 0 }] },
  mark: 'line',
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
};

describe('outputPath and saveOutput', () => {
  it('puts relative names under reports/figures and adds the extension once', () => {
    assert.equal(outputPath('roc', '.svg'), path.join(projectRoot(), 'reports', 'figures', 'roc.svg'));
    assert.equal(outputPath('roc.SVG', '.svg'), path.join(projectRoot(), 'reports', 'figures', 'roc.SVG'));
    assert.equal(outputPath('/abs/x', '.png'), '/abs/x.png');
  });

  it('writes atomically (no temporary file left) and creates folders', () => {
    const file = saveOutput(path.join(tmp, 'a', 'b'), '.txt', 'hello');
    assert.equal(file, path.join(tmp, 'a', 'b.txt'));
    assert.equal(fs.readFileSync(file, 'utf8'), 'hello');
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'a')), ['b.txt']);
  });
});

describe('Figure', () => {
  it('renders once and caches the SVG', async () => {
    const fig = new Figure(spec);
    assert.equal(fig.svg(), fig.svg());
    assert.match(await fig.svg(), /^<svg/);
    assert.equal(fig.title(), 'Tiny');
    assert.equal(new Figure({ title: { text: 'T2' } }).title(), 'T2');
    assert.match(inspect(fig), /^Figure\("Tiny"\)/);
  });

  it('save() writes the SVG; show() saves too when made with { save }', async () => {
    const fig = new Figure(spec, { save: path.join(tmp, 'shown') });
    const saved = await fig.save(path.join(tmp, 'explicit.svg'));
    assert.equal(fs.readFileSync(saved, 'utf8'), await fig.svg());
    setDisplayFallback('silent');
    assert.equal(await fig.show(), undefined);
    assert.ok(fs.existsSync(path.join(tmp, 'shown.svg')));
  });

  it('show() sends the figure to the notebook as HTML', async () => {
    const sent: string[] = [];
    (globalThis as Record<string, unknown>).__tslab__ = { require: () => ({ display: { html: (s: string) => sent.push(s) } }) };
    await new Figure(spec).show();
    assert.equal(sent.length, 1);
    assert.match(sent[0], /^<img src="data:image\/svg\+xml;base64,[^"]+" width="\d+" height="\d+" alt="Tiny"/);
  });

  it('saveSpec() writes the Vega-Lite JSON', () => {
    const file = new Figure(spec).saveSpec(path.join(tmp, 'spec'));
    assert.equal(path.basename(file), 'spec.vl.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), spec);
  });
});

describe('Figure.show in a notebook (stand-in kernel)', () => {
  it('sends one display bundle: the static <img> in text/html beside the Vega-Lite 5 spec', async () => {
    const bundles: { data: Record<string, unknown> }[] = [];
    const html: string[] = [];
    const jupyter = { lastWriteDisplayData: (content: { data: Record<string, unknown> }) => bundles.push(content) };
    const display = { html: (s: string) => html.push(s) };
    (globalThis as Record<string, unknown>).__tslab__ = { require: (id: string) => (id === 'tslab' ? { display } : id === 'tslab/dist/jupyter' ? jupyter : undefined) };
    await new Figure(spec).show();
    assert.equal(html.length, 0, 'no separate HTML output');
    assert.equal(bundles.length, 1);
    const data = bundles[0].data;
    assert.deepEqual(Object.keys(data).sort(), ['application/vnd.vegalite.v5+json', 'text/html', 'text/plain']);
    assert.match(String(data['text/html']), /^<img src="data:image\/svg\+xml;base64,/);
    const vl = data['application/vnd.vegalite.v5+json'] as { $schema: string; data: unknown; mark: unknown };
    assert.match(vl.$schema, /vega-lite\/v5\.json$/);
    assert.deepEqual(vl.data, spec.data);
    assert.deepEqual(vl.mark, { type: 'line', tooltip: true });
    assert.equal(data['text/plain'], 'Figure("Tiny")');
  });
});
