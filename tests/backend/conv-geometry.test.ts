/** Index arithmetic shared by the convolution gradient kernels (lib/backend/conv-geometry.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { columnRange, geometryOf } from '../../lib/backend/conv-geometry';

test('columnRange keeps exactly the output columns that read inside the input', () => {
  for (const [width, kernel, stride, pad] of [[9, 3, 1, 'same'], [10, 4, 2, 'same'], [7, 2, 3, 'valid'], [5, 5, 1, 'same']] as const) {
    const g = geometryOf(tf.backend_util.computeConv2DInfo([1, 3, width, 1], [1, kernel, 1, 1], [1, stride], 1, pad));
    for (let kw = 0; kw < kernel; kw++) {
      const [start, end] = columnRange(g, kw);
      for (let j = 0; j < g.outWidth; j++) {
        const ix = j * stride + kw - g.padLeft;
        assert.equal(j >= start && j < end, ix >= 0 && ix < width, `width ${width} kernel ${kernel} stride ${stride} ${pad}: kw ${kw}, j ${j}`);
      }
    }
  }
});
