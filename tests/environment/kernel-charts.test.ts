// Charts in a real kernel: each `fig.show()` is one output carrying both the static <img> and the
// Vega-Lite spec, and nbconvert's HTML report (what `npm test` writes) still shows every figure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../lib/paths';
import { bootstrappedKernel } from './kernel-env';

const CELLS = [
  "import { histogram, imageGrid, lineChart } from './lib/plot';",
  "await lineChart([{ name: 'loss', x: [1, 2, 3], y: [0.9, 0.5, 0.4] }], { title: 'Loss' }).show();",
  "await histogram([{ name: 'E', values: [1, 2, 2, 3, 3, 3] }], { bins: 3, title: 'Energy' }).show();\nawait imageGrid([{ data: [0, 1, 2, 3], height: 2, width: 2, title: 'tile' }]).show();",
];

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
}

test('figures in an executed notebook carry the Vega-Lite spec beside the <img>, and the HTML shows them all', (t) => {
  const root = projectRoot();
  const kernel = bootstrappedKernel(root, t);
  if (!kernel) return;
  const dir = path.join(root, 'reports', `kernel-charts-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    const cells = CELLS.map((source, i) => ({ id: `cell-${i}`, cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source }));
    const notebook = { cells, metadata: { kernelspec: { name: kernel.kernelName, display_name: 'TypeScript (this project)', language: 'typescript' } }, nbformat: 4, nbformat_minor: 5 };
    const input = path.join(dir, 'charts.ipynb');
    fs.writeFileSync(input, JSON.stringify(notebook));
    const [outIpynb, outHtml] = [path.join(dir, 'charts.out.ipynb'), path.join(dir, 'charts.html')];
    const run = spawnSync(kernel.python, [path.join(root, 'environment', 'execute_notebook.py'), input, outIpynb, outHtml, '--timeout', '120'], { encoding: 'utf8', timeout: 240_000, env: kernel.env });
    assert.equal(run.status, 0, run.stderr);
    const outputs = (JSON.parse(fs.readFileSync(outIpynb, 'utf8')).cells as { outputs: Output[] }[]).flatMap((c) => c.outputs);
    const shown = outputs.filter((o) => o.output_type === 'display_data');
    assert.equal(shown.length, 3, JSON.stringify(outputs).slice(0, 400));
    const charts = shown.filter((o) => o.data?.['application/vnd.vegalite.v5+json']);
    assert.equal(charts.length, 2, 'line chart and histogram (the image grid has no spec)');
    for (const o of charts) {
      assert.match(String(o.data!['text/html']), /^<img src="data:image\/svg\+xml;base64,/);
      assert.equal(typeof o.data!['application/vnd.vegalite.v5+json'], 'object', 'the spec is JSON, not text');
    }
    const html = fs.readFileSync(outHtml, 'utf8');
    assert.equal((html.match(/<img src="data:image\/svg\+xml;base64,/g) ?? []).length, 3, 'every figure in the report');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
