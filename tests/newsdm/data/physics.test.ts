import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { GRAIN_ANISOTROPY } from '../../../lib/newsdm/data/physics';

test('the documented grain anisotropy range is the one the simulation draws from', () => {
  const source = fs.readFileSync(new URL('../../../lib/newsdm/data/physics.ts', import.meta.url), 'utf8');
  const doc = /uniform in \[([\d.]+), ([\d.]+)\][^]*?export const GRAIN_ANISOTROPY/.exec(source.slice(source.indexOf('Polarisation anisotropy of a grain')));
  assert.ok(doc, 'the comment above GRAIN_ANISOTROPY states its range');
  assert.deepEqual([Number(doc[1]), Number(doc[2])], [...GRAIN_ANISOTROPY]);
});
