import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { treeViolations } from '../../../lib/galaxy-zoo/data/decision-tree';
import { sampleMorphology } from '../../../lib/galaxy-zoo/data/morphology';
import { answerProbabilities, expectedVotes, simulateVotes } from '../../../lib/galaxy-zoo/data/votes';
import { assertClose } from '../../helpers';

test('simulated votes satisfy every sum rule of the tree', () => {
  const rng = new Random(3);
  for (let i = 0; i < 300; i++) {
    const m = sampleMorphology(rng);
    const t = simulateVotes(answerProbabilities(m, rng.random()), 40, rng);
    assert.deepEqual(treeViolations(t, 1e-5), [], `galaxy ${i} (${m.kind})`);
  }
});

test('expected votes are consistent and are the limit of many voters', () => {
  const rng = new Random(4);
  const m = { ...sampleMorphology(rng), kind: 'disk' as const, arms: 2, armStrength: 0.8, pitch: 0.3 };
  const probs = answerProbabilities(m, 0.2);
  const exact = expectedVotes(probs);
  assert.deepEqual(treeViolations(exact, 1e-6), []);
  const many = simulateVotes(probs, 20000, rng);
  for (let k = 0; k < 37; k++) assertClose(many[k], exact[k], { atol: 0.02, label: `column ${k}` });
});

test('answers follow the morphology: smooth galaxies vote smooth, stars vote star', () => {
  const rng = new Random(5);
  const base = sampleMorphology(rng);
  const smooth = expectedVotes(answerProbabilities({ ...base, kind: 'smooth' }, 0));
  const star = expectedVotes(answerProbabilities({ ...base, kind: 'star' }, 0));
  assert.ok(smooth[0] > 0.7 && smooth[0] > smooth[1]);
  assert.ok(star[2] > 0.7);
});
