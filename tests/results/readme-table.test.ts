import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../lib/paths';
import { buildRecord } from '../../lib/results/record';
import { studiesTable, replaceSection, BEGIN, END } from '../../lib/results/readme-table';
import { expectedReadme } from '../../bin/results-table';

const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 24, platform: 'linux x64' };
const record = (profile: 'default' | 'full', ours: number) =>
  buildRecord('01-newsdm', [
    { key: 'vgg3d_accuracy', label: 'VGG-like 3D CNN, test accuracy', unit: '', paper: 0.95, source: 'seed', tolerance: 0.02, direction: 'higher-is-better', ours, headline: true },
    { key: 'rf_auc', label: 'RF AUC', unit: '', paper: null, source: 'seed', tolerance: 0, direction: 'higher-is-better', ours: 0.9 },
  ], { profile, backend: 'wasm', seconds: 184.4, date: new Date('2026-11-23T10:00:00Z'), machine });

test('the studies table shows each notebook\'s headline quantities, default and full, paper and verdict', () => {
  const table = studiesTable([record('default', 0.896)], [record('full', 0.951)]);
  assert.ok(table.startsWith(BEGIN) && table.endsWith(END));
  assert.match(table, /- `default`: 2026-11-23, Test CPU \(2 cores, 24 GiB\), backend wasm; 3\.1 min/);
  assert.match(table, /\| `01-newsdm` \| 184 s \| VGG-like 3D CNN, test accuracy \| 0\.896 \| 0\.951 \| 0\.95 \| short \|/);
  assert.doesNotMatch(table, /RF AUC/); // only headline rows
  assert.match(studiesTable([record('default', 0.896)], []), /- `full`: no committed results\.[^]*\| 0\.896 \| not run \|/);
});

test('replaceSection swaps the marked section and refuses a README without markers', () => {
  assert.equal(replaceSection(`a\n${BEGIN}\nold\n${END}\nb`, 'NEW'), 'a\nNEW\nb');
  assert.throws(() => replaceSection('no markers', 'NEW'), /markers .* are missing/);
});

test('the README\'s studies table is the one the committed results/ files give', () => {
  const root = projectRoot();
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.equal(readme, expectedReadme(root), 'README.md disagrees with results/: run npm run results-table');
});
