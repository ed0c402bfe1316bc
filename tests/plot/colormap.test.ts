import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colormapIndex, colormapLut, colormapRgb, colormapStops, luminance, rgbHex, textColorOn } from '../../lib/plot/colormap';

const entry = (name: Parameters<typeof colormapLut>[0], k: number) => Array.from(colormapLut(name).subarray(3 * k, 3 * k + 3));

describe('colour map tables', () => {
  it("hold matplotlib's 8-bit entries", () => {
    // matplotlib 3.6: plt.get_cmap(name)(k, bytes=True)
    assert.deepEqual(entry('viridis', 0), [68, 1, 84]);
    assert.deepEqual(entry('viridis', 128), [32, 144, 140]);
    assert.deepEqual(entry('viridis', 255), [253, 231, 36]);
    assert.deepEqual(entry('magma', 0), [0, 0, 3]);
    assert.deepEqual(entry('magma', 255), [251, 252, 191]);
    assert.deepEqual(entry('coolwarm', 0), [58, 76, 192]);
    assert.deepEqual(entry('coolwarm', 128), [221, 220, 219]);
    assert.deepEqual(entry('coolwarm', 255), [179, 3, 38]);
    assert.deepEqual(entry('gray', 77), [77, 77, 77]);
  });

  it('rejects unknown names', () => {
    assert.throws(() => colormapLut('jet' as 'gray'), /Unknown colormap "jet"/);
  });
});

describe('value → colour', () => {
  it("picks entries as matplotlib's Colormap does: floor(256 t), clamped", () => {
    assert.equal(colormapIndex(0, 0, 1), 0);
    assert.equal(colormapIndex(1, 0, 1), 255);
    assert.equal(colormapIndex(0.5, 0, 1), 128);
    assert.equal(colormapIndex(0.999, 0, 1), 255);
    assert.equal(colormapIndex(0.25, 0, 1), 64);
    assert.equal(colormapIndex(-3, 0, 1), 0);
    assert.equal(colormapIndex(7, 0, 1), 255);
    assert.equal(colormapIndex(NaN, 0, 1), -1);
    assert.equal(colormapIndex(5, 5, 5), 0, 'degenerate range');
    assert.deepEqual(colormapRgb('viridis', 10, 0, 10), [253, 231, 36]);
    assert.equal(colormapRgb('viridis', NaN, 0, 1), null);
  });

  it('gives evenly spaced stops that start and end on the table ends', () => {
    const stops = colormapStops('viridis', 5);
    assert.equal(stops.length, 5);
    assert.equal(stops[0], '#440154');
    assert.equal(stops[4], rgbHex([253, 231, 36]));
  });

  it('chooses readable text colours', () => {
    assert.equal(textColorOn([253, 231, 36]), 'black');
    assert.equal(textColorOn([68, 1, 84]), 'white');
    assert.ok(Math.abs(luminance([255, 255, 255]) - 1) < 1e-12);
    assert.equal(luminance([0, 0, 0]), 0);
  });
});
