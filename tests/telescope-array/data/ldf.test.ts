/** LDF, η(θ), timing model and axis geometry against hand-computed values (python, from the seed's formulas). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../helpers';
import { axisGeometry, etaOfZenith, frontDelayNs, ldf, ldfShape, modelSignal, modelTime } from '../../../lib/telescope-array/data/ldf';

const deg = Math.PI / 180;

test('η(θ) = 3.97 − 1.79 (sec θ − 1)', () => {
  assertClose(etaOfZenith(0), 3.97);
  assertClose(etaOfZenith(60 * deg), 3.97 - 1.79, { rtol: 1e-12 });
  assertClose(etaOfZenith(30 * deg), 3.69308603630114, { rtol: 1e-12 });
});

test('f(r) at r = Rm is 2^-(η−1.2) (1 + Rm²/R1²)^-0.6', () => {
  assertClose(ldfShape(90, 3.97), 0.14589645622770372, { rtol: 1e-12 });
});

test('LDF is normalised at 800 m and matches hand values', () => {
  assertClose(ldf(800, 3.97), 1, { rtol: 1e-14 });
  assertClose(ldf(400, 3.97), 14.771843123727963, { rtol: 1e-12 });
  assertClose(ldf(1200, etaOfZenith(30 * deg)), 0.19198980695191697, { rtol: 1e-12 });
  assert.ok(ldf(1000, 3.97) < ldf(900, 3.97), 'falls with distance');
  assert.ok(ldf(1500, 3.0) > ldf(1500, 3.97), 'smaller η is flatter');
});

test('front delay a (1 + r/RL)^1.5 LDF^-0.5', () => {
  assertClose(frontDelayNs(600, 3.97, 2.0), 107.62298797888859, { rtol: 1e-12 });
  assertClose(frontDelayNs(800, 3.97, 1.0), Math.pow(1 + 800 / 30, 1.5), { rtol: 1e-12 });
});

test('axis geometry: distance from the axis and plane-front time', () => {
  const vertical = { xCore: 100, yCore: -50, zenith: 0, azimuth: 0 };
  const g0 = axisGeometry(vertical, 400, 350);
  assertClose(g0.rM, 500, { rtol: 1e-12 });
  assertClose(g0.planeNs, 0, { atol: 1e-9 });
  // θ = 60°, from +x: a detector 1 km towards the source is reached 866 m / c earlier, 500 m from the axis
  const g = axisGeometry({ xCore: 0, yCore: 0, zenith: 60 * deg, azimuth: 0 }, 1000, 0);
  assertClose(g.rM, 500, { rtol: 1e-9 });
  assertClose(g.planeNs, -(1000 * Math.sin(60 * deg)) / 0.299792458, { rtol: 1e-12 });
});

test('model signal and time combine S800, LDF, t0, plane and delay', () => {
  const p = { xCore: 0, yCore: 0, zenith: 0, azimuth: 0, s800: 20, t0: 100, a: 2 };
  assertClose(modelSignal(p, 400, 0), 20 * 14.771843123727963, { rtol: 1e-12 });
  assertClose(modelTime(p, 600, 0), 100 + 107.62298797888859, { rtol: 1e-12 });
});
