import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { simulateSixClassSet } from '../../../lib/newsdm/data/datasets';
import { fitMoments } from '../../../lib/newsdm/data/features';
import { angleMae, angleTargets, augmentRotations, decodeAngles, rotateFrame } from '../../../lib/newsdm/data/rotate';
import { assertClose } from '../../helpers';

/** A bar along x through the centre of a size × size frame, on a background of 1. */
function bar(size: number): Float32Array {
  const f = new Float32Array(size * size).fill(1);
  const c = (size - 1) / 2;
  for (let j = 3; j < size - 3; j++) {
    for (let i = 0; i < size; i++) f[i * size + j] += 5 * Math.exp(-0.5 * ((i - c) / 0.8) ** 2);
  }
  return f;
}

test('rotating by θ turns a bar at φ = 0 to φ = θ; zero rotation is the identity', () => {
  const size = 21;
  const src = bar(size);
  const out = new Float32Array(size * size);
  rotateFrame(src, size, 0, out);
  assert.deepEqual(out, src);
  for (const deg of [30, -45, 80]) {
    rotateFrame(src, size, (deg * Math.PI) / 180, out);
    const fit = fitMoments(out, size);
    assertClose((fit.phi * 180) / Math.PI, deg, { atol: 2, label: `${deg}°` });
  }
});

test('outside pixels take the border median; the noise fill scatters around it', () => {
  const size = 15;
  const src = bar(size);
  const out = new Float32Array(size * size);
  rotateFrame(src, size, Math.PI / 4, out, 'median');
  assert.equal(out[0], 1); // a corner comes from outside
  const noisy = Float32Array.from({ length: size * size }, (_, p) => 1 + 0.1 * Math.sin(p * 12.9898));
  rotateFrame(noisy, size, Math.PI / 4, out, 'noise', new Random(1));
  assert.notEqual(out[0], out[size - 1]);
});

test('augmentRotations makes copies with angles in range, same labels, rotated directions', () => {
  const set = simulateSixClassSet(new Random(1), { perClass: 2, size: 12 });
  const rot = augmentRotations(set, { copies: 6, rng: new Random(2) });
  assert.equal(rot.set.n, 72);
  assert.equal(rot.set.images.length, 72 * 8 * 144);
  assert.ok(rot.angleDeg.every((a) => a >= -90 && a < 90));
  assert.equal(rot.set.labels[13], set.labels[2]);
  assert.equal(rot.target.length, 2 * 72);
  assertClose(rot.target[10], Math.cos((rot.angleDeg[5] * Math.PI) / 90), { rtol: 1e-5 });
});

test('angle targets decode back; errors are taken modulo 180°', () => {
  const deg = [-89, -30, 0, 45, 89.5];
  const back = decodeAngles(angleTargets(deg));
  deg.forEach((d, i) => assertClose(back[i], d, { atol: 1e-3 }));
  assertClose(angleMae([45, -45], [45, -30]), 7.5, { rtol: 1e-6 });
  assertClose(angleMae([45, -45], [45, -30], (i) => i === 0), 0, { atol: 1e-9 });
  assertClose(angleMae([89], [-89]), 2, { atol: 1e-4 }); // the same line, nearly
  assertClose(angleMae([0], [90]), 90, { atol: 1e-9 });
});
