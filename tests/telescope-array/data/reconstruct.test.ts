/** The standard reconstruction: exact recovery on noise-free events, saturation handling, resolution on simulated ones. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../helpers';
import { Random } from '../../../lib/random';
import { STATE } from '../../../lib/telescope-array/data/detector';
import { observationsOf, passesCuts } from '../../../lib/telescope-array/data/generate';
import { directionVector, modelSignal, modelTime, type ShowerParams } from '../../../lib/telescope-array/data/ldf';
import { planeFit, reconstruct, type Observations } from '../../../lib/telescope-array/data/reconstruct';
import { patchPositions, simulateEvent } from '../../../lib/telescope-array/data/simulate';

const deg = Math.PI / 180;

/** Noise-free observations: signals and times exactly from the model; detectors below 0.3 VEM are quiet. */
function idealEvent(p: ShowerParams): Observations & { state: number[]; signal: number[] } {
  const { x, y } = patchPositions(8);
  const state: number[] = [], signal: number[] = [], time: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const s = modelSignal(p, x[i], y[i]);
    const hit = s * 3 >= 0.3;
    state.push(hit ? STATE.hit : STATE.quiet);
    signal.push(hit ? s : 0);
    time.push(hit ? modelTime(p, x[i], y[i]) : NaN);
  }
  return { x, y, state, signal, time };
}

function angleDeg(a: { zenith: number; azimuth: number }, b: { zenith: number; azimuth: number }): number {
  const u = directionVector(a.zenith, a.azimuth);
  const v = directionVector(b.zenith, b.azimuth);
  return (Math.acos(Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2])) * 180) / Math.PI;
}

const CASES: ShowerParams[] = [
  { xCore: 300, yCore: 800, zenith: 35 * deg, azimuth: 120 * deg, s800: 15, t0: 50, a: 0.3 },
  { xCore: 1100, yCore: 100, zenith: 10 * deg, azimuth: -40 * deg, s800: 60, t0: -20, a: 0.1 },
  { xCore: 600, yCore: 600, zenith: 44 * deg, azimuth: 200 * deg, s800: 5, t0: 0, a: 0.8 },
];

test('noise-free events: the joint fit recovers all seven parameters', () => {
  for (const p of CASES) {
    const fit = reconstruct(idealEvent(p), 200);
    assertClose(fit.xCore, p.xCore, { atol: 1, label: 'x core (m)' });
    assertClose(fit.yCore, p.yCore, { atol: 1, label: 'y core (m)' });
    assert.ok(angleDeg(fit, p) < 0.01, `direction off by ${angleDeg(fit, p)}°`);
    assertClose(fit.s800, p.s800, { rtol: 1e-3, label: 'S800' });
    assertClose(fit.a, p.a, { rtol: 1e-2, atol: 1e-3, label: 'a' });
    assertClose(fit.t0, p.t0, { atol: 0.5, label: 't0 (ns)' });
    assert.ok(fit.chi2 < 1e-3, `χ² ${fit.chi2}`);
  }
});

test('the plane fit alone gives a start within a few degrees on noise-free events', () => {
  for (const p of CASES) assert.ok(angleDeg(planeFit(idealEvent(p)), p) < 8);
});

test('a saturated detector counts as a lower bound: S800 is still recovered', () => {
  const p = CASES[0];
  const ev = idealEvent(p);
  let k = 0;
  ev.signal.forEach((s, i) => {
    if (s > ev.signal[k]) k = i;
  });
  ev.signal[k] *= 0.3; // the measured integral of a saturated detector is too small
  ev.state[k] = STATE.saturated;
  const fit = reconstruct(ev, 200);
  assertClose(fit.s800, p.s800, { rtol: 1e-3 });
  // treated as an ordinary detector, the clipped signal biases the fit
  ev.state[k] = STATE.hit;
  assert.ok(Math.abs(reconstruct(ev, 200).s800 / p.s800 - 1) > 1e-3);
});

test('simulated (noisy) events: resolution of the standard fit is of TA size', () => {
  const rng = new Random(11);
  const angles: number[] = [];
  const logS: number[] = [];
  while (angles.length < 40) {
    const ev = simulateEvent({ set: 'nuclei' }, rng);
    if (!ev.triggered) continue;
    const fit = reconstruct(observationsOf(ev));
    if (!passesCuts(fit)) continue;
    angles.push(angleDeg(fit, ev.truth));
    logS.push(Math.log10(fit.s800 / ev.truth.s800));
  }
  angles.sort((a, b) => a - b);
  const a68 = angles[Math.floor(0.68 * angles.length)];
  const mean = logS.reduce((s, v) => s + v, 0) / logS.length;
  const sd = Math.sqrt(logS.reduce((s, v) => s + (v - mean) ** 2, 0) / logS.length);
  assert.ok(a68 > 0.1 && a68 < 3, `68 % angle ${a68}°`);
  assert.ok(sd < 0.15, `σ(log10 S800) ${sd}`);
});
