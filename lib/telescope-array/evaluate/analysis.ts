/**
 * Evaluation of the correction network (seed, "How to see that model does job" and "Preliminary
 * results"): explained variance EV = 1 − Var(y − ŷ)/Var(y) per target, the standard and corrected
 * reconstructions side by side (Δcos θ, ΔE/E, opening angle), their bias and resolution in bins of
 * log10(E/EeV), the 68 % containment angle, and a breakdown by primary.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import * as aq from 'arquero';
import { explainedVariance } from '../../metrics/regression';
import { directionVector } from '../data/ldf';
import { STANDARD_FEATURES, TARGETS, TRUTH_FEATURES } from '../data/event';
import { PRIMARIES } from '../data/primaries';

const { op } = aq;

const P = STANDARD_FEATURES.length;
const Q = TRUTH_FEATURES.length;
const K = TARGETS.length;

/** EV per target (keys from TARGETS) of predictions [n, 3] against targets [n, 3]; NaN where a prediction is not finite. */
export function explainedVariancePerTarget(targets: Float32Array, pred: Float32Array): Record<string, number> {
  const n = targets.length / K;
  const out: Record<string, number> = {};
  TARGETS.forEach((name, c) => {
    const y = new Float64Array(n);
    const yHat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = targets[i * K + c];
      yHat[i] = pred[i * K + c];
    }
    out[name] = yHat.every(Number.isFinite) ? explainedVariance(y, yHat) : NaN; // a diverged model predicts NaN
  });
  return out;
}

/** Per-event errors of one reconstruction. */
export interface Errors {
  /** cos θ_rec − cos θ_true */
  dCosZenith: Float64Array;
  /** E_rec / E_true − 1 */
  dEOverE: Float64Array;
  /** opening angle between reconstructed and true directions, degrees */
  angleDeg: Float64Array;
}

/** Per-event truth used for binning. */
export interface EventTruth {
  /** log10(E_true / EeV) */
  log10E: Float64Array;
  primary: Int32Array;
}

/** The truth columns needed for binning. */
export function truthOf(truth: Float32Array): EventTruth {
  const n = truth.length / Q;
  const log10E = new Float64Array(n);
  const primary = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    primary[i] = truth[i * Q];
    log10E[i] = truth[i * Q + 1];
  }
  return { log10E, primary };
}

/**
 * Errors of the standard reconstruction (`pred` omitted) or of the corrected one (standard + pred):
 * n_xy + Δn̂_xy renormalised to a unit vector, log10 E + Δlog10Ê.
 */
export function reconstructionErrors(standard: Float32Array, truth: Float32Array, pred?: Float32Array): Errors {
  const n = standard.length / P;
  const dCosZenith = new Float64Array(n);
  const dEOverE = new Float64Array(n);
  const angleDeg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const zen = standard[i * P];
    const az = Math.atan2(standard[i * P + 2], standard[i * P + 1]);
    let [nx, ny] = directionVector(zen, az);
    let logE = standard[i * P + 4];
    if (pred) {
      nx += pred[i * K];
      ny += pred[i * K + 1];
      const s = Math.hypot(nx, ny);
      if (s > 0.999) {
        nx *= 0.999 / s;
        ny *= 0.999 / s;
      }
      logE += pred[i * K + 2];
    }
    const nz = Math.sqrt(1 - nx * nx - ny * ny);
    const [tx, ty, tz] = directionVector(truth[i * Q + 2], truth[i * Q + 3]);
    dCosZenith[i] = nz - tz;
    dEOverE[i] = Math.pow(10, logE - truth[i * Q + 1]) - 1;
    angleDeg[i] = (Math.acos(Math.min(1, nx * tx + ny * ty + nz * tz)) * 180) / Math.PI;
  }
  return { dCosZenith, dEOverE, angleDeg };
}

/** Bias (mean), resolution (sample standard deviation, n − 1) and 68 % quantile of a quantity in bins (`lib/stats`). */
export interface BinnedStats {
  centres: number[];
  n: number[];
  mean: number[];
  std: number[];
  q68: number[];
}

/** Index of the bin [edges[b], edges[b+1]) holding v, or −1 outside the edges (and for NaN). */
function binOf(v: number, edges: readonly number[]): number {
  if (!(v >= edges[0]) || !(v < edges[edges.length - 1])) return -1;
  let b = 0;
  while (v >= edges[b + 1]) b++;
  return b;
}

/**
 * Statistics of `values` in bins of `x` (edges ascending, bins [lo, hi)); bins with fewer than
 * `minCount` entries give NaN. The grouping and aggregation are arquero's (`groupby` + `rollup`:
 * count, mean, sample standard deviation, 68 % quantile with linear interpolation as `quantile`).
 */
export function binnedStats(x: ArrayLike<number>, values: ArrayLike<number>, edges: readonly number[], select?: (i: number) => boolean, minCount = 5): BinnedStats {
  // the bin index of each event: a typed loop over all events, the one pass arquero cannot express with uneven edges
  const bin = Int32Array.from({ length: x.length }, (_, i) => (select && !select(i) ? -1 : binOf(x[i], edges)));
  const rolled = aq
    .table({ bin, value: Float64Array.from(values) })
    .filter((d: { bin: number }) => d.bin >= 0)
    .groupby('bin')
    .rollup({ n: op.count(), mean: op.mean('value'), std: op.stdev('value'), q68: op.quantile('value', 0.68) });
  const byBin = new Map(rolled.objects().map((row) => [(row as { bin: number }).bin, row as { n: number; mean: number; std: number; q68: number }]));
  const out: BinnedStats = { centres: [], n: [], mean: [], std: [], q68: [] };
  for (let b = 0; b < edges.length - 1; b++) {
    const row = byBin.get(b);
    const n = row?.n ?? 0;
    const enough = row !== undefined && n >= minCount;
    out.centres.push((edges[b] + edges[b + 1]) / 2);
    out.n.push(n);
    out.mean.push(enough ? row.mean : NaN);
    out.std.push(enough ? (row.std ?? NaN) : NaN);
    out.q68.push(enough ? row.q68 : NaN);
  }
  return out;
}

/**
 * One row per primary present (in `PRIMARIES` order): events, 68 % angle and ΔE/E bias (mean) and
 * resolution (sample standard deviation; NaN for a single event), standard and corrected. An arquero
 * `groupby('primary').rollup(…)` over the per-event errors.
 */
export function breakdownByPrimary(truth: EventTruth, std: Errors, corr: Errors): Record<string, number | string>[] {
  const events = aq.table({ primary: truth.primary, angleStd: std.angleDeg, angleCorr: corr.angleDeg, dEStd: std.dEOverE, dECorr: corr.dEOverE });
  const rolled = events
    .groupby('primary')
    .rollup({
      events: op.count(),
      angle68Std: op.quantile('angleStd', 0.68),
      angle68Corr: op.quantile('angleCorr', 0.68),
      biasStd: op.mean('dEStd'),
      biasCorr: op.mean('dECorr'),
      resStd: op.stdev('dEStd'),
      resCorr: op.stdev('dECorr'),
    })
    .orderby('primary');
  return rolled.objects().map((row) => {
    const r = row as Record<string, number>;
    return {
      primary: PRIMARIES[r.primary],
      events: r.events,
      'angle68 std (deg)': round(r.angle68Std),
      'angle68 corr (deg)': round(r.angle68Corr),
      'ΔE/E bias std': round(r.biasStd),
      'ΔE/E bias corr': round(r.biasCorr),
      'ΔE/E res std': round(r.resStd ?? NaN),
      'ΔE/E res corr': round(r.resCorr ?? NaN),
    };
  });
}

function round(v: number, digits = 3): number {
  return Number(v.toPrecision(digits));
}
