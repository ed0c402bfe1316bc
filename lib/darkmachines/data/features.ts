/**
 * Preprocessing of DarkMachines events into fixed-length vectors for neural networks and detectors,
 * and back (for the VAE event generator).
 *
 * Layout (d = 2 + K · 12): MET, METphi, then K object slots (objects by decreasing pT; fewer are
 * padded) of [log(1+E), log(1+pT), η, φ, one-hot type (7: j b e- e+ m- m+ g), present]. Energies
 * enter as log(1 + x / GeV) because they span three decades; MET as log(1 + MET / GeV); angles in rad.
 * A padded slot has `present = 0` and zeros elsewhere. Physics is symmetric under rotations about
 * the beam, so by default (`relativePhi`) each event is rotated to METphi = 0: the METphi column is 0
 * and object φ is the azimuth relative to the MET direction, in (−π, π].
 *
 * `FeatureScaler` standardises each column with mean and standard deviation fitted on the TRAINING
 * rows only; for object columns only rows where the slot is present count, and padded entries stay 0
 * after scaling, so padding does not pull the statistics.
 *
 * Used by notebook 04-darkmachines (AE / VAE inputs, generator decoding).
 */
import type { Random } from '../../random';
import { OBJECT_CODES, type DmEvent, type DmObject, type ObjectCode } from './event';

/** A row-major float matrix: `data[i · cols + j]`. */
export interface Matrix {
  data: Float32Array;
  rows: number;
  cols: number;
}

/** Values per object slot: logE, logPt, eta, phi, 7 type flags, present. */
export const SLOT_WIDTH = 4 + OBJECT_CODES.length + 1;

/** Number of features for K object slots. */
export function featureCount(maxObjects: number): number {
  return 2 + maxObjects * SLOT_WIDTH;
}

/** Column names, e.g. `MET`, `METphi`, `obj0_logE`, …, `obj0_type_b`, `obj0_present`. */
export function featureNames(maxObjects: number): string[] {
  const names = ['logMET', 'METphi'];
  for (let k = 0; k < maxObjects; k++) {
    names.push(`obj${k}_logE`, `obj${k}_logPt`, `obj${k}_eta`, `obj${k}_phi`);
    for (const c of OBJECT_CODES) names.push(`obj${k}_type_${c}`);
    names.push(`obj${k}_present`);
  }
  return names;
}

/** Index of the `present` column of slot k, or −1 for the MET columns. */
export function presentColumn(col: number): number {
  if (col < 2) return -1;
  const k = Math.floor((col - 2) / SLOT_WIDTH);
  return 2 + k * SLOT_WIDTH + SLOT_WIDTH - 1;
}

/** An angle wrapped into (−π, π]. */
export function wrapPhi(phi: number): number {
  const t = phi - 2 * Math.PI * Math.floor((phi + Math.PI) / (2 * Math.PI));
  return t === -Math.PI ? Math.PI : t;
}

/** Events → n × (2 + 12 K) matrix (see the file header); objects beyond K (by pT) are dropped. */
export function eventsToMatrix(events: readonly DmEvent[], maxObjects: number, relativePhi = true): Matrix {
  const cols = featureCount(maxObjects);
  const data = new Float32Array(events.length * cols);
  events.forEach((ev, i) => {
    const row = i * cols;
    data[row] = Math.log1p(ev.MET);
    data[row + 1] = relativePhi ? 0 : ev.METphi;
    const objs = [...ev.objects].sort((a, b) => b.pt - a.pt).slice(0, maxObjects);
    objs.forEach((o, k) => {
      const at = row + 2 + k * SLOT_WIDTH;
      data[at] = Math.log1p(o.E);
      data[at + 1] = Math.log1p(o.pt);
      data[at + 2] = o.eta;
      data[at + 3] = relativePhi ? wrapPhi(o.phi - ev.METphi) : o.phi;
      data[at + 4 + OBJECT_CODES.indexOf(o.type)] = 1;
      data[at + SLOT_WIDTH - 1] = 1;
    });
  });
  return { data, rows: events.length, cols };
}

/**
 * Matrix rows (unscaled) → events. Without `rng`: a slot counts as an object when `present > 0.5`
 * and its type is the largest of the 7 type flags. With `rng` (for decoded, continuous outputs): the
 * slot is present with probability clip(present, 0, 1) and the type is drawn with probabilities ∝
 * max(flag, 0), so rare types (b-jets, leptons) keep their rates instead of always losing the argmax
 * to `j`. E is raised to at least pT·cosh η (a physical, massless minimum).
 * Angles are wrapped into (−π, π]; with relative-φ features the events come out in the frame METphi = 0.
 */
export function matrixToEvents(X: Matrix, maxObjects: number, process = 'generated', rng?: Random): DmEvent[] {
  if (X.cols !== featureCount(maxObjects)) throw new RangeError(`matrixToEvents: ${X.cols} columns, expected ${featureCount(maxObjects)} for ${maxObjects} objects`);
  const out: DmEvent[] = [];
  for (let i = 0; i < X.rows; i++) {
    const row = i * X.cols;
    const objects: DmObject[] = [];
    for (let k = 0; k < maxObjects; k++) {
      const at = row + 2 + k * SLOT_WIDTH;
      const present = X.data[at + SLOT_WIDTH - 1];
      if (rng ? !(rng.random() < present) : !(present > 0.5)) continue;
      const best = rng ? drawType(X.data, at + 4, rng) : argmaxType(X.data, at + 4);
      const pt = Math.max(0, Math.expm1(X.data[at + 1]));
      const eta = X.data[at + 2];
      const E = Math.max(Math.expm1(X.data[at]), pt * Math.cosh(eta));
      objects.push({ type: OBJECT_CODES[best] as ObjectCode, E, pt, eta, phi: wrapPhi(X.data[at + 3]) });
    }
    objects.sort((a, b) => b.pt - a.pt);
    out.push({ id: String(i + 1), process, weight: 1, MET: Math.max(0, Math.expm1(X.data[row])), METphi: wrapPhi(X.data[row + 1]), objects });
  }
  return out;
}

function argmaxType(data: Float32Array, at: number): number {
  let best = 0;
  for (let t = 1; t < OBJECT_CODES.length; t++) if (data[at + t] > data[at + best]) best = t;
  return best;
}

function drawType(data: Float32Array, at: number, rng: Random): number {
  let total = 0;
  for (let t = 0; t < OBJECT_CODES.length; t++) total += Math.max(0, data[at + t]);
  if (!(total > 0)) return argmaxType(data, at);
  let r = rng.random() * total;
  for (let t = 0; t < OBJECT_CODES.length; t++) if ((r -= Math.max(0, data[at + t])) < 0) return t;
  return OBJECT_CODES.length - 1;
}

/** Column-wise standardisation fitted on training rows, padding-aware (see the file header). */
export class FeatureScaler {
  private constructor(
    readonly mean: Float64Array,
    readonly std: Float64Array,
    /** per column: index of the slot's `present` column, −1 for always-present columns */
    readonly presentOf: Int32Array,
  ) {}

  /**
   * Fits on `X` (the training rows only). Columns that never vary get std 1. Flags (one-hot,
   * present) are left as they are (mean 0, std 1), so they stay 0/1.
   */
  static fit(X: Matrix, maxObjects: number): FeatureScaler {
    if (X.cols !== featureCount(maxObjects)) throw new RangeError(`FeatureScaler.fit: ${X.cols} columns, expected ${featureCount(maxObjects)}`);
    const { rows, cols, data } = X;
    const mean = new Float64Array(cols), std = new Float64Array(cols).fill(1);
    const presentOf = Int32Array.from({ length: cols }, (_, j) => presentColumn(j));
    for (let j = 0; j < cols; j++) {
      const inSlot = j >= 2 ? (j - 2) % SLOT_WIDTH : -1;
      if (inSlot >= 4) continue; // type flags and the present flag stay 0/1
      let s = 0, s2 = 0, m = 0;
      for (let i = 0; i < rows; i++) {
        const p = presentOf[j];
        if (p >= 0 && data[i * cols + p] < 0.5) continue;
        const v = data[i * cols + j];
        s += v;
        s2 += v * v;
        m++;
      }
      if (m === 0) continue;
      mean[j] = s / m;
      const variance = s2 / m - mean[j] * mean[j];
      std[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
    }
    return new FeatureScaler(mean, std, presentOf);
  }

  /** Standardised copy of `X`; padded entries stay 0. */
  transform(X: Matrix): Matrix {
    this.check(X);
    const out = new Float32Array(X.data.length);
    for (let i = 0; i < X.rows; i++) {
      for (let j = 0; j < X.cols; j++) {
        const p = this.presentOf[j];
        const k = i * X.cols + j;
        out[k] = p >= 0 && X.data[i * X.cols + p] < 0.5 && j !== p ? 0 : (X.data[k] - this.mean[j]) / this.std[j];
      }
    }
    return { data: out, rows: X.rows, cols: X.cols };
  }

  /** Undoes `transform` (padding is decided later from the `present` column). */
  inverse(X: Matrix): Matrix {
    this.check(X);
    const out = new Float32Array(X.data.length);
    for (let k = 0; k < X.data.length; k++) {
      const j = k % X.cols;
      out[k] = X.data[k] * this.std[j] + this.mean[j];
    }
    return { data: out, rows: X.rows, cols: X.cols };
  }

  private check(X: Matrix): void {
    if (X.cols !== this.mean.length) throw new RangeError(`FeatureScaler: ${X.cols} columns, fitted on ${this.mean.length}`);
  }
}

/** Rows `idx` of a matrix. */
export function takeRows(X: Matrix, idx: ArrayLike<number>): Matrix {
  const data = new Float32Array(idx.length * X.cols);
  for (let r = 0; r < idx.length; r++) data.set(X.data.subarray(idx[r] * X.cols, (idx[r] + 1) * X.cols), r * X.cols);
  return { data, rows: idx.length, cols: X.cols };
}

/** Stacks matrices with the same number of columns. */
export function vstack(parts: readonly Matrix[]): Matrix {
  const cols = parts[0]?.cols ?? 0;
  const rows = parts.reduce((a, p) => a + p.rows, 0);
  const data = new Float32Array(rows * cols);
  let at = 0;
  for (const p of parts) {
    if (p.cols !== cols) throw new RangeError(`vstack: ${p.cols} columns, expected ${cols}`);
    data.set(p.data, at);
    at += p.data.length;
  }
  return { data, rows, cols };
}
