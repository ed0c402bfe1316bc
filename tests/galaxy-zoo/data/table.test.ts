import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulateGalaxyZoo } from '../../../lib/galaxy-zoo/data/dataset';
import { CLASS_COLUMNS } from '../../../lib/galaxy-zoo/data/decision-tree';
import { galaxyColumns } from '../../../lib/galaxy-zoo/data/table';
import { Random } from '../../../lib/random';

describe('galaxyColumns', () => {
  it('puts each galaxy’s morphology beside its vote fractions', () => {
    const data = simulateGalaxyZoo(6, new Random(3), { size: 16 });
    const c = galaxyColumns(data, ['Class1.1', 'Class1.3']);
    assert.deepEqual(Object.keys(c), ['kind', 'arms', 'bar', 'inclinationDeg', 'bulgeFraction', 'odd', 'Class1.1', 'Class1.3']);
    assert.deepEqual(c.kind, data.morphologies.map((m) => m.kind));
    const col = CLASS_COLUMNS.indexOf('Class1.3');
    assert.deepEqual(c['Class1.3'], Array.from({ length: 6 }, (_, i) => data.targets[i * CLASS_COLUMNS.length + col]));
  });
});
