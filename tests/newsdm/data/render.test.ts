import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '../../../lib/random';
import type { Cluster } from '../../../lib/newsdm/data/clusters';
import { simulateSixClassSet } from '../../../lib/newsdm/data/datasets';
import { barycentreShifts, clusterFeatures } from '../../../lib/newsdm/data/features';
import { CAMERA, CLASS_NAMES, N_POL, POLARISATION_RAD } from '../../../lib/newsdm/data/physics';
import { grainBrightness, renderCluster } from '../../../lib/newsdm/data/render';
import { assertClose } from '../../helpers';

const grain = { x: 0, y: 0, flux: 10, anisotropy: 0.8, axis: Math.PI / 4, sigmaLong: 15, sigmaShort: 8 };

test('a grain is brightest at the polarisation along its axis, following 1 − a + a cos²(θ − α)', () => {
  const b = POLARISATION_RAD.map((t) => grainBrightness(grain, t));
  assert.equal(b.indexOf(Math.max(...b)), 2); // 45°
  assertClose(Math.max(...b), 10, { rtol: 1e-12 });
  assertClose(Math.min(...b), 10 * 0.2, { rtol: 1e-12 }); // 135°
});

test('without noise an image holds the pedestal plus the grain flux, centred', () => {
  const cluster: Cluster = { cls: 'fog', grains: [grain], direction: NaN, lengthNm: 0 };
  const size = 24;
  const img = renderCluster(cluster, new Random(1), { size, noise: false, jitterNm: 0 });
  assert.equal(img.length, N_POL * size * size);
  for (let k = 0; k < N_POL; k++) {
    const frame = img.subarray(k * size * size, (k + 1) * size * size);
    const sum = frame.reduce((a, v) => a + v - CAMERA.pedestal, 0);
    assertClose(sum, grainBrightness(grain, POLARISATION_RAD[k]), { rtol: 1e-3, label: `pol ${k}` });
    // the four central pixels are the brightest (even size: centre between pixels)
    const c = (size / 2 - 1) * size + size / 2 - 1;
    assert.equal(frame.indexOf(Math.max(...frame)) >= c, true);
  }
});

test('physics: the barycentre moves more across polarisations for carbon tracks than for fog grains', () => {
  const set = simulateSixClassSet(new Random(4), { perClass: 120, size: 16 });
  const { shift } = barycentreShifts(clusterFeatures(set.images, set.n, 16), set.n);
  const meanShift = (name: string) => {
    const c = CLASS_NAMES.indexOf(name as (typeof CLASS_NAMES)[number]);
    const v = Array.from(shift).filter((_, i) => set.trueClass[i] === c);
    return v.reduce((a, b) => a + b, 0) / v.length;
  };
  const fog = meanShift('fog');
  for (const sig of ['C80', 'C100']) assert.ok(meanShift(sig) > 1.2 * fog, `${sig} ${meanShift(sig)} vs fog ${fog}`);
  assert.ok(meanShift('dust') < meanShift('C100'), 'dust does not resonate');
});
