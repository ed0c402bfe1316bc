/**
 * The DM ramp by visibility (seed §3.1: "barely visible to the naked eye compared to the background"
 * → "clearly visible"): the z = S/√B that simulated maps show in the central disc at the first and
 * last steps equals the stated 3 and 20, on every background, and the pieces behind it are right.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import { simulateMap, CTA_INSTRUMENT } from '../../../lib/galactic-centre/data/counts-map';
import { BACKGROUND_KINDS, FAMILIAR_MODEL, UNSEEN_MODEL, fieldGrid, sceneOf, simulateGcDataset } from '../../../lib/galactic-centre/data/dataset';
import {
  DM_VISIBILITY_RAMP, backgroundInRegion, centralMask, excessZ, meanPointSourceMap, meanSourceCounts, rampDmCounts, regionSum, zAtStep,
} from '../../../lib/galactic-centre/data/ramp';
import { drawPointSources, pointSourceMap } from '../../../lib/galactic-centre/data/backgrounds';
import { assertClose } from '../../helpers';

const NFW = { kind: 'nfw' } as const;

test('the stated ramp: 10 steps, z 3 at the first ("barely visible"), 20 at the last, geometric, in the central 1°', () => {
  assert.deepEqual(DM_VISIBILITY_RAMP, { steps: 10, zFirst: 3, zLast: 20, radiusDeg: 1 });
  assertClose(zAtStep(DM_VISIBILITY_RAMP, 1), 3);
  assertClose(zAtStep(DM_VISIBILITY_RAMP, 10), 20);
  assertClose(zAtStep(DM_VISIBILITY_RAMP, 2) / zAtStep(DM_VISIBILITY_RAMP, 1), zAtStep(DM_VISIBILITY_RAMP, 10) / zAtStep(DM_VISIBILITY_RAMP, 9), { rtol: 1e-12 });
  assert.throws(() => zAtStep(DM_VISIBILITY_RAMP, 11), /step 11 outside 1…10/);
});

test('simulated maps show the stated z at steps 1 and 10 against each background (familiar and unseen)', () => {
  const grid = fieldGrid(24, 32);
  const mask = centralMask(grid, DM_VISIBILITY_RAMP.radiusDeg);
  const rng = new Random(11);
  for (const model of [FAMILIAR_MODEL, UNSEEN_MODEL]) {
    for (const kind of BACKGROUND_KINDS) {
      const scene = sceneOf(model, kind);
      const b = backgroundInRegion(grid, scene, DM_VISIBILITY_RAMP.radiusDeg);
      const counts = rampDmCounts(grid, scene, NFW, DM_VISIBILITY_RAMP);
      for (const step of [1, 10]) {
        const dm = { ...scene, dm: { profile: NFW, counts: counts[step - 1] } };
        const zs = Array.from({ length: 150 }, (_, k) => excessZ(simulateMap(grid, dm, rng.fork(`${model.name} ${kind} ${step} ${k}`)), mask, 3, b));
        const z = zs.reduce((a, v) => a + v, 0) / zs.length;
        const stated = zAtStep(DM_VISIBILITY_RAMP, step);
        assert.ok(Math.abs(z - stated) < 0.3 + 0.03 * stated, `${model.name} ${kind} step ${step}: measured z ${z.toFixed(2)}, stated ${stated}`);
      }
    }
  }
});

test('B counts the mean point sources: the mean of many drawn populations in the disc', () => {
  const grid = fieldGrid(24, 32);
  const mask = centralMask(grid, 1);
  const p = UNSEEN_MODEL.pointSources;
  const rng = new Random(5);
  let drawn = 0;
  const n = 4000;
  for (let k = 0; k < n; k++) drawn += regionSum(pointSourceMap(grid, drawPointSources(grid, p, rng)), mask, 1);
  const mean = regionSum(meanPointSourceMap(grid, p, { ...CTA_INSTRUMENT, exposureWidthDeg: 1e9 }), mask, 3);
  assertClose(mean, drawn / n, { rtol: 0.1 });
  assertClose(meanSourceCounts({ ...p, index: 2, sMin: 1, sMax: Math.E }), 1 / (1 - 1 / Math.E), { rtol: 1e-9 }); // ∫S·S⁻² / ∫S⁻²
});

test('the data set gives each DM map its step\'s z and the counts that make it', () => {
  const grid = fieldGrid(6, 8);
  const ramp = { steps: 3, zFirst: 2, zLast: 8, radiusDeg: 2 };
  const d = simulateGcDataset({ grid, model: FAMILIAR_MODEL, mapsPerCell: 1, ramp }, new Random(4));
  for (let i = 0; i < d.n; i++) {
    const expected = d.label[i] ? rampDmCounts(grid, sceneOf(FAMILIAR_MODEL, d.backgrounds[d.background[i]]), NFW, ramp)[d.step[i] - 1] : 0;
    assertClose(d.z[i], d.label[i] ? zAtStep(ramp, d.step[i]) : 0, { rtol: 1e-6 });
    assertClose(d.dmCounts[i], expected, { rtol: 1e-6 });
  }
});
