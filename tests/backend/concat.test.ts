/**
 * The wasm `Concat` and `SplitV` replacements (lib/backend/concat.ts) against tfjs's cpu backend: ranks
 * 1–4, every axis (also negative), 1–6 pieces, empty pieces, float32 / int32 / bool, and the gradient of
 * a concatenation (which splits) — with the row copies in JS and, when the oneDNN addon is built, in
 * the addon (single-threaded memcpy; run the file at TFJS_THREADS=1 and 2).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { useNativeRowCopies, type RowCopier } from '../../lib/backend/concat';
import { loadNativeAddon } from '../../lib/backend/native-addon';
import { Random } from '../../lib/random';
import { normal, setUpBackends, wasmVsCpu, type MakeInputs } from './compare';

before(setUpBackends);

const status = loadNativeAddon();
const addon = 'addon' in status ? status.addon : null;
/** Calls that reached the addon's copyRows. */
let nativeCopies = 0;
const counted: RowCopier | null = addon && ((src, dst, geometry) => (nativeCopies++, addon.copyRows(src, dst, geometry)));
/** Row copies in JS, and in the addon when it is built. */
const MODES: [string, RowCopier | null][] = [['js', null], ...(counted ? [['addon', counted] as [string, RowCopier]] : [])];
after(() => useNativeRowCopies(counted)); // (leave the addon's copies on, as initBackend set them)

const DTYPES = ['float32', 'int32', 'bool'] as const;

/** Seeded pieces of the given shapes in one dtype (bool: the sign of a normal draw). */
function pieces(rng: Random, shapes: number[][], dtype: (typeof DTYPES)[number]): MakeInputs {
  const draws = shapes.map((shape) => normal(rng, shape));
  return () =>
    draws.map(({ values, shape }) => {
      if (dtype === 'float32') return tf.tensor(values, shape);
      const ints = tf.tensor(Int32Array.from(values, (v) => Math.round(3 * v)), shape, 'int32');
      if (dtype === 'int32') return ints;
      const flags = tf.greater(ints, 0);
      ints.dispose();
      return flags;
    });
}

/** `base` with its `axis` extent replaced by each of `extents`. */
function alongAxis(base: number[], axis: number, extents: number[]): number[][] {
  return extents.map((e) => base.map((d, a) => (a === axis ? e : d)));
}

/** Extents along the joined axis: one piece, two, a Z′-like six, with empty pieces, and long rows. */
const EXTENTS = [[3], [2, 5], [3, 5, 3, 3, 3, 3], [0, 4, 0, 1], [70, 1, 65]];
const BASES = [[6], [4, 7], [2, 3, 5], [2, 3, 2, 4], [0, 3]];

for (const [mode, copier] of MODES) {
  test(`Concat over ranks 1–4, every axis, 1–6 pieces (some empty) matches cpu for float32, int32 and bool (${mode} copies)`, async () => {
    useNativeRowCopies(copier);
    const calls = nativeCopies;
    const rng = new Random(41);
    for (const base of BASES) {
      for (let axis = 0; axis < base.length; axis++) {
        for (const extents of EXTENTS) {
          const shapes = alongAxis(base, axis, extents);
          for (const dtype of DTYPES) {
            for (const attrAxis of [axis, axis - base.length]) {
              const err = await wasmVsCpu(pieces(rng, shapes, dtype), (t) => tf.concat(t, attrAxis));
              assert.equal(err, 0, `${dtype} concat of ${JSON.stringify(shapes)} on axis ${attrAxis}`);
            }
          }
        }
      }
    }
    assert.equal(nativeCopies > calls, copier !== null, 'the addon ran exactly when asked to');
  });

  test(`SplitV over ranks 1–4, every axis, sizes incl. 0 and −1 and even counts matches cpu for float32, int32 and bool (${mode} copies)`, async () => {
    useNativeRowCopies(copier);
    const rng = new Random(42);
    for (const base of BASES) {
      for (let axis = 0; axis < base.length; axis++) {
        const total = 12;
        const shape = base.map((d, a) => (a === axis ? total : d));
        const splits: (number | number[])[] = [1, 3, [5, 7], [3, 0, -1, 2], [0, 12], [1, 1, 1, 1, 1, 7]];
        for (const dtype of DTYPES) {
          for (const split of splits) {
            const make = pieces(rng, [shape], dtype);
            // Join the pieces with their position as a marker, so that every output is compared (in order).
            const err = await wasmVsCpu(make, ([x]) => tf.tidy(() => tf.concat(tf.split(x, split, axis).map((p) => tf.reshape(p.toFloat(), [-1])).concat([tf.tensor1d([-99])]))));
            assert.equal(err, 0, `${dtype} split of ${JSON.stringify(shape)} by ${JSON.stringify(split)} on axis ${axis}`);
          }
        }
      }
    }
  });

  test(`each SplitV output has the shape and values of the matching slice (${mode} copies)`, async () => {
    useNativeRowCopies(copier);
    const rng = new Random(43);
    const x = normal(rng, [4, 9, 3]);
    await tf.setBackend('wasm');
    const t = tf.tensor(x.values, x.shape);
    const parts = tf.split(t, [2, 0, 4, 3], 1);
    assert.deepEqual(parts.map((p) => p.shape), [[4, 2, 3], [4, 0, 3], [4, 4, 3], [4, 3, 3]]);
    let begin = 0;
    for (const p of parts) {
      const expected = tf.slice(t, [0, begin, 0], p.shape);
      assert.deepEqual(Array.from(p.dataSync()), Array.from(expected.dataSync()));
      begin += p.shape[1] ?? 0;
      expected.dispose();
    }
    tf.dispose([t, ...parts]);
  });

  test(`the gradient of a concatenation (a SplitV) matches cpu (${mode} copies)`, async () => {
    useNativeRowCopies(copier);
    const rng = new Random(44);
    const shapes = [[16, 3], [16, 5], [16, 0], [16, 18]];
    const weights = normal(rng, [16, 26]);
    const err = await wasmVsCpu(pieces(rng, shapes, 'float32'), (t) =>
      tf.tidy(() => {
        const w = tf.tensor(weights.values, weights.shape);
        const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(tf.square(tf.concat(xs, 1)), w)))(t);
        return tf.concat(grads.map((g) => tf.reshape(g, [-1])));
      }),
    );
    assert.ok(err <= 1e-6, `relative error ${err}`);
  });
}

test('the addon\'s copyRows refuses copies that reach past an array', { skip: addon ? false : 'oneDNN addon not built' }, () => {
  const a = new Float32Array(10), b = new Float32Array(10);
  addon!.copyRows(a, b, [0, 5, 0, 5, 5, 2]); // exactly fits
  assert.throws(() => addon!.copyRows(a, b, [1, 5, 0, 5, 5, 2]), /copyRows src: has 10 elements, the call reaches 11/);
  assert.throws(() => addon!.copyRows(a, b, [0, 5, 0, 6, 5, 2]), /copyRows dst/);
  assert.throws(() => addon!.copyRows(a, b, [0, 5, 0, 5, -1, 2]), /copyRows: offsets, strides and sizes must be ≥ 0/);
});
