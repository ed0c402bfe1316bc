import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { colormapLut } from '../../lib/plot/colormap';
import { autoScale, image, imageGrid, imageToPng, imageToRgba } from '../../lib/plot/image';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'image-test-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => delete (globalThis as Record<string, unknown>).__tslab__);

/** Decodes PNG bytes; pixel(r, c) gives [R, G, B, A]. */
function decode(png: Uint8Array) {
  const img = PNG.sync.read(Buffer.from(png));
  return { width: img.width, height: img.height, pixel: (r: number, c: number) => Array.from(img.data.subarray((r * img.width + c) * 4, (r * img.width + c) * 4 + 4)) };
}

const lut = (name: Parameters<typeof colormapLut>[0], k: number) => [...colormapLut(name).subarray(3 * k, 3 * k + 3), 255];

describe('imageToPng', () => {
  it('round-trips through pngjs with the colour-map entries at vmin, vmax and between', () => {
    const png = imageToPng([0, 1, 2, 3, 4, 5], 2, 3);
    const img = decode(png);
    assert.deepEqual([img.width, img.height], [3, 2]);
    assert.deepEqual(img.pixel(0, 0), [68, 1, 84, 255], 'viridis(0) at the minimum');
    assert.deepEqual(img.pixel(1, 2), lut('viridis', 255), 'viridis(255) at the maximum');
    assert.deepEqual(img.pixel(0, 1), lut('viridis', 51), '1/5 of the way: floor(256 × 0.2) = 51');
  });

  it('honours vmin/vmax, the colour map and nearest-neighbour upscaling', () => {
    const img = decode(imageToPng([0, 10], 1, 2, { colormap: 'gray', vmin: 0, vmax: 20, scale: 3 }));
    assert.deepEqual([img.width, img.height], [6, 3]);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) assert.deepEqual(img.pixel(r, c), [0, 0, 0, 255]);
    assert.deepEqual(img.pixel(2, 5), [128, 128, 128, 255]);
  });

  it('shows three channels as RGB (floats in [0, 1] or 0–255), in HWC or CHW order', () => {
    const hwc = [1, 0, 0, 0, 0.5, 1];
    assert.deepEqual(decode(imageToPng(hwc, 1, 2, { channels: 3 })).pixel(0, 1), [0, 128, 255, 255]);
    assert.deepEqual(decode(imageToPng([255, 0, 0, 0, 0, 255], 1, 2, { channels: 3 })).pixel(0, 0), [255, 0, 0, 255]);
    const chw = [1, 0, 0, 0.5, 0, 1];
    assert.deepEqual(imageToRgba(chw, 1, 2, { channels: 3, layout: 'chw' }), imageToRgba(hwc, 1, 2, { channels: 3 }));
  });

  it('colour-maps one chosen channel of a multi-channel image', () => {
    const data = [5, 0, 5, 1]; // 1×2 pixels, 2 channels: channel 1 holds 0 and 1
    const img = decode(imageToPng(data, 1, 2, { channels: 2, channel: 1, colormap: 'magma' }));
    assert.deepEqual(img.pixel(0, 0), lut('magma', 0));
    assert.deepEqual(img.pixel(0, 1), lut('magma', 255));
  });

  it('makes NaN pixels transparent', () => {
    const img = decode(imageToPng([0, NaN, 1, 2], 2, 2));
    assert.deepEqual(img.pixel(0, 1), [0, 0, 0, 0]);
    assert.equal(img.pixel(1, 1)[3], 255);
  });

  it('rejects a wrong data length or scale', () => {
    assert.throws(() => imageToPng([1, 2, 3], 2, 2), /3 values for 2×2×1/);
    assert.throws(() => imageToPng([1], 1, 1, { scale: 1.5 }), /scale/);
  });
});

describe('image and imageGrid', () => {
  it('image() upscales to about 160 px, shows as image/png and saves a .png', async () => {
    const fig = image(new Float32Array(32 * 32), 32, 32, { title: 'jet' });
    assert.equal(autoScale(32, 32, 160), 5);
    assert.equal(decode(fig.png).width, 160);
    const sent: unknown[] = [];
    (globalThis as Record<string, unknown>).__tslab__ = { require: () => ({ display: { png: (b: Uint8Array) => sent.push(b) } }) };
    await fig.show();
    assert.deepEqual(sent, [fig.png]);
    const file = await fig.save(path.join(tmp, 'jet'));
    assert.deepEqual(new Uint8Array(fs.readFileSync(file)), fig.png);
  });

  it('composes tiles into one PNG, with escaped captions in the SVG', () => {
    const tile = (v: number) => ({ data: [0, v, v, 2 * v], height: 2, width: 2 });
    const grid = imageGrid([{ ...tile(1), title: 'a<b' }, tile(2), tile(3)], { columns: 2, scale: 10, gap: 4, title: 'Grid' });
    const captionH = 18;
    const titleH = 24;
    assert.equal(grid.width, 2 * 20 + 4);
    assert.equal(grid.height, titleH + 2 * (captionH + 20) + 4);
    const img = decode(grid.png);
    assert.deepEqual([img.width, img.height], [grid.width, grid.height]);
    assert.deepEqual(img.pixel(titleH + captionH, 0), lut('viridis', 0), 'first tile, top-left');
    assert.deepEqual(img.pixel(titleH + captionH, 22), [255, 255, 255, 255], 'gap is white');
    const svg = grid.svg();
    assert.match(svg, /<text[^>]*>a&lt;b<\/text>/);
    assert.match(svg, /<text[^>]*>Grid<\/text>/);
    assert.match(svg, /href="data:image\/png;base64,/);
  });

  it('scales each tile to its own range unless sharedScale', () => {
    const images = [
      { data: [0, 1], height: 1, width: 2 },
      { data: [0, 2], height: 1, width: 2 },
    ];
    const own = decode(imageGrid(images, { scale: 1, gap: 0 }).png);
    assert.deepEqual(own.pixel(0, 1), lut('viridis', 255));
    const shared = decode(imageGrid(images, { scale: 1, gap: 0, sharedScale: true }).png);
    assert.deepEqual(shared.pixel(0, 1), lut('viridis', 128), '1 is half of the shared range [0, 2]');
    assert.deepEqual(shared.pixel(0, 3), lut('viridis', 255));
  });

  it('saves the grid as SVG, or as the bare PNG when asked for .png', async () => {
    const grid = imageGrid([{ data: [1, 2, 3, 4], height: 2, width: 2, title: 't' }]);
    assert.match(fs.readFileSync(await grid.save(path.join(tmp, 'g')), 'utf8'), /^<svg/);
    assert.deepEqual(new Uint8Array(fs.readFileSync(await grid.save(path.join(tmp, 'g.png')))), grid.png);
  });
});
