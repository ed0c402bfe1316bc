import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildRecord } from '../../lib/results/record';
import { checkBounds, type ExpectedResults } from '../../lib/results/bounds';
import { summaryText, writeIndex, clearResults } from '../../lib/results/summary';

function runDir(ours: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bounds-'));
  fs.mkdirSync(path.join(dir, 'results'));
  const rec = buildRecord('00-tour', [{ key: 'cnn_auc', label: 'test AUC (CNN)', unit: '', paper: null, source: 'no seed', tolerance: 0, direction: 'higher-is-better', ours }], { profile: 'smoke', backend: 'cpu', seconds: 3 });
  fs.writeFileSync(path.join(dir, 'results', '00-tour.json'), JSON.stringify(rec));
  return dir;
}

const expected: ExpectedResults = { notebook: '00-tour', basis: 'test', smoke: { cnn_auc: [0.8, 1] }, default: { cnn_auc: [0.95, 1] } };

test('a result inside its range passes, one outside fails with key, value and range', () => {
  const ok = runDir(0.9), broken = runDir(0.5);
  try {
    assert.deepEqual(checkBounds([expected], 'smoke', path.join(ok, 'results')), []);
    const problems = checkBounds([expected], 'smoke', path.join(broken, 'results'));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /00-tour: cnn_auc \(test AUC \(CNN\)\) = 0\.5 is outside the expected smoke range \[0\.8, 1\]/);
  } finally {
    fs.rmSync(ok, { recursive: true, force: true });
    fs.rmSync(broken, { recursive: true, force: true });
  }
});

test('a missing results file, a missing key or a run of another profile is a problem', () => {
  const dir = runDir(0.9);
  try {
    const results = path.join(dir, 'results');
    assert.match(checkBounds([{ ...expected, notebook: '05-zprime' }], 'smoke', results)[0], /05-zprime: no results file/);
    assert.match(checkBounds([{ ...expected, smoke: { rf_accuracy: [0, 1] } }], 'smoke', results)[0], /key "rf_accuracy" is missing/);
    assert.match(checkBounds([expected], 'default', results)[0], /recorded in profile smoke, checked as default/);
    assert.deepEqual(checkBounds([{ ...expected, notebook: '05-zprime' }], 'smoke', results, ['00-tour']), []); // filtered out
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the summary lists every quantity and the index links reports and key figures', () => {
  const dir = runDir(0.9);
  try {
    fs.writeFileSync(path.join(dir, '00-tour.html'), '<html></html>');
    fs.writeFileSync(path.join(dir, 'results', '00-tour.svg'), '<svg/>');
    const rec = JSON.parse(fs.readFileSync(path.join(dir, 'results', '00-tour.json'), 'utf8'));
    assert.match(summaryText([rec]), /00-tour\s+test AUC \(CNN\)\s+0\.9\s+—\s+no-paper-value/);
    const html = fs.readFileSync(writeIndex([rec], dir, 'smoke'), 'utf8');
    assert.match(html, /<a href="00-tour\.html">00-tour<\/a>/);
    assert.match(html, /<img src="results\/00-tour\.svg"/);
    assert.match(html, /<td class="no-paper-value">no-paper-value<\/td>/);
    clearResults(dir, ['00-tour']);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'results')), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
