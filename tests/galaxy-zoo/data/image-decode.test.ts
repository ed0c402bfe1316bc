import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { cropAndResize, decodeImage } from '../../../lib/galaxy-zoo/data/image-decode';
import { assertClose } from '../../helpers';

test('PNG bytes decode with pngjs', () => {
  const png = new PNG({ width: 2, height: 1 });
  png.data.set([10, 20, 30, 255, 40, 50, 60, 255]);
  const img = decodeImage(new Uint8Array(PNG.sync.write(png)), 'x.png');
  assert.deepEqual([img.width, img.height, ...img.rgb], [2, 1, 10, 20, 30, 40, 50, 60]);
  assert.throws(() => decodeImage(new Uint8Array([1, 2, 3, 4, 5]), 'bad.jpg'), /bad\.jpg: not a JPEG or PNG/);
});

test('cropAndResize averages areas: a 4×4 checkerboard of 2×2 blocks becomes 2×2 flat values', () => {
  const rgb = new Uint8Array(6 * 6 * 3);
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) if (i >= 1 && i < 3 && j >= 1 && j < 3) rgb.fill(255, (i * 6 + j) * 3, (i * 6 + j) * 3 + 3);
  const out = cropAndResize({ width: 6, height: 6, rgb }, 4, 2);
  assertClose(out[0], 1, { rtol: 1e-6 });
  assertClose(out[3], 0, { atol: 1e-6 });
  const half = cropAndResize({ width: 6, height: 6, rgb }, 4, 3); // 4/3-pixel cells straddle the block edge
  assertClose(half[0], 1, { rtol: 1e-6 });
  assertClose(half[3], 0.5, { rtol: 1e-6 });
});

test('cropAndResize rejects a crop larger than the image', () => {
  assert.throws(() => cropAndResize({ width: 10, height: 10, rgb: new Uint8Array(300) }, 12, 4), /larger/);
});
