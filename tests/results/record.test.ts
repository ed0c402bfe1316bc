import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildRecord, recordResults, resultsTable, formatValue, type Measured } from '../../lib/results/record';
import { readRecord, validateRecord } from '../../lib/results/files';

const measured: Measured[] = [
  { key: 'vgg3d_accuracy', label: 'VGG-like 3D accuracy', unit: '', paper: 0.95, source: 'seed 000, §4.2.2', tolerance: 0.02, direction: 'higher-is-better', ours: 0.9, headline: true },
  { key: 'own_auc', label: 'AUC', unit: '', paper: null, source: 'not in the seed', tolerance: 0, direction: 'higher-is-better', ours: NaN },
];

test('buildRecord has the contract fields, one row per quantity with its verdict', () => {
  const rec = buildRecord('01-newsdm', measured, { profile: 'smoke', backend: 'cpu', seconds: 12.345, date: new Date('2026-01-02T03:04:05Z') });
  assert.deepEqual(Object.keys(rec).sort(), ['backend', 'date', 'machine', 'notebook', 'profile', 'results', 'seconds']);
  assert.equal(rec.seconds, 12.3);
  assert.equal(rec.date, '2026-01-02T03:04:05.000Z');
  assert.deepEqual(rec.results[0], { key: 'vgg3d_accuracy', label: 'VGG-like 3D accuracy', ours: 0.9, paper: 0.95, source: 'seed 000, §4.2.2', unit: '', verdict: 'short', tolerance: 0.02, direction: 'higher-is-better', headline: true });
  assert.equal(rec.results[1].ours, null); // NaN is not JSON: recorded as null
  assert.equal(rec.results[1].verdict, 'no-paper-value');
  validateRecord(JSON.parse(JSON.stringify(rec)), 'x.json');
});

test('buildRecord refuses duplicate keys and names that are not NN-name', () => {
  const ctx = { profile: 'smoke' as const, backend: 'cpu', seconds: 1 };
  assert.throws(() => buildRecord('01-newsdm', [measured[0], measured[0]], ctx), /key "vgg3d_accuracy" appears twice/);
  assert.throws(() => buildRecord('newsdm', measured, ctx), /must look like NN-name/);
});

test('recordResults writes reports/<profile>/results/<notebook>.json and the key figure, readable back', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'results-'));
  const saved = { report: process.env.NOTEBOOK_REPORT_DIR, profile: process.env.NOTEBOOK_PROFILE, name: process.env.NOTEBOOK_NAME };
  Object.assign(process.env, { NOTEBOOK_REPORT_DIR: dir, NOTEBOOK_PROFILE: 'smoke', NOTEBOOK_NAME: '01-newsdm' });
  try {
    const rec = await recordResults('01-newsdm', measured, { figure: { svg: async () => '<svg/>' } });
    const back = readRecord(path.join(dir, 'results', '01-newsdm.json'));
    assert.deepEqual(back, rec);
    assert.equal(back.profile, 'smoke');
    assert.equal(fs.readFileSync(path.join(dir, 'results', '01-newsdm.svg'), 'utf8'), '<svg/>');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'results')).sort(), ['01-newsdm.json', '01-newsdm.svg']); // no temporary files left
    await assert.rejects(recordResults('02-other', measured), /called as "02-other" inside notebook "01-newsdm"/);
    assert.deepEqual(resultsTable(rec)[0], { quantity: 'VGG-like 3D accuracy', ours: '0.9', paper: '0.95', verdict: 'short', source: 'seed 000, §4.2.2' });
  } finally {
    for (const [k, v] of [['NOTEBOOK_REPORT_DIR', saved.report], ['NOTEBOOK_PROFILE', saved.profile], ['NOTEBOOK_NAME', saved.name]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a malformed results file is an error naming the file, the row and the field', () => {
  const good = buildRecord('00-tour', measured, { profile: 'smoke', backend: 'cpu', seconds: 1 });
  const bad = JSON.parse(JSON.stringify(good));
  bad.results[1].verdict = 'fine';
  assert.throws(() => validateRecord(bad, 'r.json'), /r\.json: results\[1\]\.verdict must be one of reproduced, short, exceeds, no-paper-value/);
  bad.results[1].verdict = 'short';
  bad.results[0].ours = '0.9';
  assert.throws(() => validateRecord(bad, 'r.json'), /results\[0\]\.ours \(or null\) must be a number/);
  assert.throws(() => validateRecord({ ...good, profile: 'huge' }, 'r.json'), /"profile" must be one of smoke, default, full/);
});

test('formatValue keeps integers whole (parameter counts) and rounds the rest to 4 digits', () => {
  assert.equal(formatValue(209272789), '209272789');
  assert.equal(formatValue(0.896123), '0.8961');
  assert.equal(formatValue(44.2297, '°'), '44.23 °');
  assert.equal(formatValue(null), '—');
});
