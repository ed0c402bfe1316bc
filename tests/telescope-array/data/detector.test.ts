/** One detector's response: states, integral signal, saturation, timing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from '../../helpers';
import { Random } from '../../../lib/random';
import { AREA_M2, detectorResponse, gammaTwoCdf, SATURATION_VEM_PER_BIN, STATE } from '../../../lib/telescope-array/data/detector';

test('Gamma(2) CDF: 1 − e^−x (1 + x)', () => {
  assert.equal(gammaTwoCdf(0), 0);
  assert.equal(gammaTwoCdf(-1), 0);
  assertClose(gammaTwoCdf(1), 1 - 2 / Math.E, { rtol: 1e-14 });
  assertClose(gammaTwoCdf(50), 1, { rtol: 1e-12 });
});

test('off, quiet and hit states', () => {
  const rng = new Random(1);
  assert.equal(detectorResponse(0, [{ kind: 'mu', mean: 5, tauNs: 10 }], 128, false, rng).state, STATE.off);
  const quiet = detectorResponse(0, [{ kind: 'mu', mean: 0, tauNs: 10 }], 128, true, rng);
  assert.equal(quiet.state, STATE.quiet);
  assert.equal(quiet.waveform, null);
  const hit = detectorResponse(0, [{ kind: 'mu', mean: 5, tauNs: 10 }], 128, true, rng);
  assert.equal(hit.state, STATE.hit);
  assert.equal(hit.waveform!.length, 256);
});

test('muons give ≈ 1 VEM each: the mean integral of 20 muons is ≈ 20 VEM', () => {
  const rng = new Random(2);
  let sum = 0;
  const n = 300;
  for (let i = 0; i < n; i++) sum += detectorResponse(0, [{ kind: 'mu', mean: 20, tauNs: 20 }], 128, true, rng).signal * AREA_M2;
  assertClose(sum / n, 20, { rtol: 0.05 });
});

test('the leading edge comes later for fewer particles (Gamma(2) delays)', () => {
  const rng = new Random(3);
  const mean = (m: number) => {
    let s = 0;
    let k = 0;
    for (let i = 0; i < 200; i++) {
      const t = detectorResponse(1000, [{ kind: 'em', mean: m, tauNs: 100 }], 128, true, rng).timeNs;
      if (Number.isNaN(t)) continue; // no particle above threshold
      s += t;
      k++;
    }
    return s / k - 1000;
  };
  const few = mean(6);
  const many = mean(400);
  assert.ok(few > 2 * many, `few ${few} ns, many ${many} ns`);
  assert.ok(many > -20 && many < 40, `many ${many} ns`);
});

test('a huge, prompt signal saturates and is clipped per bin', () => {
  const rec = detectorResponse(0, [{ kind: 'em', mean: 50000, tauNs: 5 }], 128, true, new Random(4));
  assert.equal(rec.state, STATE.saturated);
  assert.ok(Math.max(...rec.waveform!) <= SATURATION_VEM_PER_BIN);
  assert.ok(rec.signal * AREA_M2 < 50000 * 0.66);
});
