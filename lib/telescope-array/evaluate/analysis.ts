/**
 * Evaluation of the correction network (seed, "How to see that model does job" and "Preliminary
 * results"): explained variance EV = 1 − Var(y − ŷ)/Var(y) per target, the standard and corrected
 * reconstructions side by side (Δcos θ, ΔE/E, opening angle), their bias and resolution in bins of
 * log10(E/EeV), the 68 % containment angle, and a breakdown by primary.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import { explainedVariance } from '../../metrics/regression';
import { mean, meanStd, quantile, std } from '../../stats';
import { directionVector } from '../data/ldf';
import { STANDARD_FEATURES, TARGETS, TRUTH_FEATURES } from '../data/event';
import { PRIMARIES } from '../data/primaries';

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

/** Statistics of `values` in bins of `x` (edges ascending); bins with fewer than `minCount` entries give NaN. */
export function binnedStats(x: ArrayLike<number>, values: ArrayLike<number>, edges: readonly number[], select?: (i: number) => boolean, minCount = 5): BinnedStats {
  const groups: number[][] = edges.slice(1).map(() => []);
  for (let i = 0; i < x.length; i++) {
    if (select && !select(i)) continue;
    let b = 0;
    while (b < groups.length && x[i] >= edges[b + 1]) b++;
    if (x[i] >= edges[0] && b < groups.length) groups[b].push(values[i]);
  }
  const out: BinnedStats = { centres: [], n: [], mean: [], std: [], q68: [] };
  groups.forEach((g, b) => {
    out.centres.push((edges[b] + edges[b + 1]) / 2);
    out.n.push(g.length);
    if (g.length < minCount) {
      out.mean.push(NaN);
      out.std.push(NaN);
      out.q68.push(NaN);
      return;
    }
    const summary = meanStd(g);
    out.mean.push(summary.mean);
    out.std.push(summary.std);
    out.q68.push(quantile(g, 0.68));
  });
  return out;
}

/** One row per primary: events, 68 % angle and ΔE/E resolution, standard and corrected. */
export function breakdownByPrimary(truth: EventTruth, standard: Errors, corr: Errors): Record<string, number | string>[] {
  const rows: Record<string, number | string>[] = [];
  PRIMARIES.forEach((name, p) => {
    const idx: number[] = [];
    for (let i = 0; i < truth.primary.length; i++) if (truth.primary[i] === p) idx.push(i);
    if (idx.length === 0) return;
    const pickOf = (a: Float64Array) => idx.map((i) => a[i]);
    rows.push({
      primary: name,
      events: idx.length,
      'angle68 std (deg)': round(quantile(pickOf(standard.angleDeg), 0.68)),
      'angle68 corr (deg)': round(quantile(pickOf(corr.angleDeg), 0.68)),
      'ΔE/E bias std': round(mean(pickOf(standard.dEOverE))),
      'ΔE/E bias corr': round(mean(pickOf(corr.dEOverE))),
      'ΔE/E res std': round(std(pickOf(standard.dEOverE))),
      'ΔE/E res corr': round(std(pickOf(corr.dEOverE))),
    });
  });
  return rows;
}

function round(v: number, digits = 3): number {
  return Number(v.toPrecision(digits));
}
