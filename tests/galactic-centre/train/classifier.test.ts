import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { buildModel, smallModelSpec } from '../../../lib/galactic-centre/model/architecture';
import { inputScale, mapImage } from '../../../lib/galactic-centre/train/classifier';
import { arrayBlock, predictScores } from '../../../lib/train';
import { assertClose } from '../../helpers';
import { Random } from '../../../lib/random';

before(async () => {
  await tf.setBackend('cpu');
});

test('input scale is 1 / mean counts; display images', () => {
  assertClose(inputScale(new Float32Array([2, 4, 6, 8]), 2), 0.2, { rtol: 1e-9 });
  const maps = new Float32Array([1, 3, 0, 4, 9, 0, 16, 0]); // one map 2×2, 2 bands
  assert.deepEqual(Array.from(mapImage(maps, 0, [2, 2, 2])), [2, 2, 3, 4]);
  assert.deepEqual(Array.from(mapImage(maps, 0, [2, 2, 2], 1)), [Math.fround(Math.sqrt(3)), 2, 0, 0]);
});

test('the GC model scores maps with the library\'s batched prediction without leaking tensors', () => {
  const model = buildModel([24, 32, 3], smallModelSpec(0.1, 0), new Random(5));
  const maps = new Float32Array(5 * 24 * 32 * 3).fill(1);
  const before = tf.memory().numTensors;
  const y = predictScores(model, arrayBlock(maps, [5, 24, 32, 3]), { batchSize: 2 });
  assert.equal(y.length, 5);
  assert.ok(y.every((v) => v > 0 && v < 1));
  assert.equal(tf.memory().numTensors, before);
  model.dispose();
});

test('the full profile checkpoints under reports/full/checkpoints/03-galaxy-zoo-gc/<settings hash>; the others do not', async () => {
  const { galacticCentreSettings, gcCheckpointFolder } = await import('../../../lib/galactic-centre/train/settings');
  const full = galacticCentreSettings('full');
  const folder = gcCheckpointFolder(full, 'full', 2022) ?? '';
  assert.match(folder, /reports\/full\/checkpoints\/03-galaxy-zoo-gc\/[0-9a-f]{12}$/);
  assert.notEqual(gcCheckpointFolder({ ...full, epochs: 99 }, 'full', 2022), folder);
  assert.equal(gcCheckpointFolder(galacticCentreSettings('default'), 'default', 2022), undefined);
});
