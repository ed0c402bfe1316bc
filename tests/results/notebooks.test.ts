// The notebooks' side of the results contract: each records its results under its own name, and no
// markdown cell states a number that a run produces (such numbers go stale: they belong in a cell's
// output or the results record). Numbers allowed in markdown are configuration, geometry, or a paper
// value with its source; each is listed below with why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../lib/paths';

type Cell = { cell_type: string; source: string | string[] };
const notebooksDir = path.join(projectRoot(), 'notebooks');
const notebooks = fs.readdirSync(notebooksDir).filter((f) => f.endsWith('.ipynb')).sort();
const cells = (file: string): Cell[] => (JSON.parse(fs.readFileSync(path.join(notebooksDir, file), 'utf8')) as { cells: Cell[] }).cells;
const text = (cell: Cell) => [cell.source].flat().join('');

/** The pattern of the project's before-stop hook: decimals of 3+ digits, decimal percentages and angles. */
const RUN_NUMBER = /(?<![\w.])(?:0\.\d{3,}|\d+\.\d+\s?%|\d+\.\d+\s?°)/g;

/** Numbers a markdown cell may state, per notebook, and why. */
const ALLOWED: Record<string, Record<string, string>> = {
  '03-galaxy-zoo-gc.ipynb': { '0.3°': 'pixel size (configuration)', '0.1°': 'PSF σ of the simulator / Einasto core', '0.05°': 'PSF σ of the simulator', '0.03°': 'PSF σ of the simulator', '0.5°': 'pixel size of the GCE maps' },
  '04-darkmachines.ipynb': { '0.1 %': 'the working point ε_B = 10⁻³ in words' },
  '05-zprime.ipynb': { '0.9953': 'seed §3.1', '0.9896': 'seed §3.2', '0.9893': 'seed §3.3', '0.0003': 'arithmetic: one or two events in a few hundred' },
};

test('every notebook records its results once, under its own name', () => {
  for (const nb of notebooks) {
    const calls = cells(nb).filter((c) => c.cell_type === 'code').flatMap((c) => [...text(c).matchAll(/recordResults\('([^']+)'/g)].map((m) => m[1]));
    assert.deepEqual(calls, [path.basename(nb, '.ipynb')], `${nb} calls recordResults(${calls.join(', ')})`);
  }
});

test('markdown cells state no numbers that a run produces (only listed configuration and paper values)', () => {
  const found: string[] = [];
  for (const nb of notebooks) {
    cells(nb).forEach((cell, i) => {
      if (cell.cell_type !== 'markdown') return;
      for (const m of text(cell).matchAll(RUN_NUMBER)) {
        if (!(m[0] in (ALLOWED[nb] ?? {}))) found.push(`${nb} cell ${i}: "${m[0]}"`);
      }
    });
  }
  assert.deepEqual(found, []);
});

test('the stale statements of issue 13 are gone', () => {
  const stale: [string, RegExp][] = [
    ['03-galaxy-zoo-gc.ipynb', /unseeded|0\.83–0\.86|0\.114–0\.117|about 0\.77 and 0\.99|0\.0749/],
    ['02-telescope-array.ipynb', /0\.02 to 0\.07|came out negative|~35 %|≈ 0\.14/],
    ['05-zprime.ipynb', /catches up|s\/√b was higher|accuracy 0\.9893, F1/],
    ['01-newsdm.ipynb', /level with the best small CNN|trains long enough for the angle head to learn|answered \*no\* on this/],
  ];
  for (const [nb, pattern] of stale) {
    const hits = cells(nb).filter((c) => c.cell_type === 'markdown' && pattern.test(text(c)));
    assert.equal(hits.length, 0, `${nb}: ${hits.map((c) => text(c).match(pattern)![0]).join(', ')}`);
  }
});
