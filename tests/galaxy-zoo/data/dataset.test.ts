import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { simulateGalaxyZoo } from '../../../lib/galaxy-zoo/data/dataset';
import { treeViolations } from '../../../lib/galaxy-zoo/data/decision-tree';

test('the simulator is deterministic and galaxy i does not depend on n', () => {
  const a = simulateGalaxyZoo(6, new Random(9), { size: 24 });
  const b = simulateGalaxyZoo(6, new Random(9), { size: 24 });
  const c = simulateGalaxyZoo(3, new Random(9), { size: 24 });
  assert.deepEqual(a.images, b.images);
  assert.deepEqual(a.targets, b.targets);
  assert.deepEqual(c.images, a.images.subarray(0, 3 * 24 * 24 * 3));
  const d = simulateGalaxyZoo(6, new Random(10), { size: 24 });
  assert.notDeepEqual(a.images, d.images);
});

test('images are [n, size, size, 3] in [0, 1], brighter at the centre; targets consistent', () => {
  const s = 32;
  const d = simulateGalaxyZoo(20, new Random(11), { size: s });
  assert.equal(d.images.length, 20 * s * s * 3);
  assert.ok(d.images.every((v) => v >= 0 && v <= 1));
  let centre = 0;
  let corner = 0;
  for (let i = 0; i < d.n; i++) {
    const img = d.images.subarray(i * s * s * 3);
    centre += img[((s / 2) * s + s / 2) * 3];
    corner += img[(2 * s + 2) * 3];
    assert.deepEqual(treeViolations(d.targets.subarray(i * 37, (i + 1) * 37), 1e-5), []);
  }
  assert.ok(centre > 3 * corner, `centre ${centre} vs corner ${corner}`);
});
