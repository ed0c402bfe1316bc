/**
 * Figures of the Telescope Array study: a sample event as the seed shows it (detector map with
 * signal sizes and times, and the traces of both layers), and bias/resolution curves of the
 * standard and corrected reconstructions against log10(E/EeV).
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import { Figure } from '../../plot/figure';
import { imageGrid, type ImageGrid } from '../../plot/image';
import { lineChart } from '../../plot/lines';
import { binnedStats, type BinnedStats, type Errors } from './analysis';
import type { Evaluation } from './test-set';
import type { TrainResult } from '../train/correction';
import { etaOfZenith, ldf } from '../data/ldf';
import { BIN_NS, STATE } from '../data/detector';
import type { StandardFit } from '../data/reconstruct';
import type { SimEvent } from '../data/simulate';

/**
 * Detector map of one event: hit detectors as discs with area ∝ log(1 + signal) coloured by time
 * (µs after the earliest), working detectors without signal as small grey dots, detectors that are
 * off as crosses; the true core (red +) and the standard fit's core (black ×).
 */
export function detectorMap(ev: SimEvent, fit?: StandardFit, title = 'Sample event'): Figure {
  let tMin = Infinity;
  ev.detectors.forEach((d) => {
    if (d.state >= STATE.hit) tMin = Math.min(tMin, d.timeNs);
  });
  const rows = ev.detectors.map((d, i) => ({
    x: ev.x[i] / 1000,
    y: ev.y[i] / 1000,
    kind: d.state === STATE.off ? 'off' : d.state === STATE.quiet ? 'no signal' : d.state === STATE.saturated ? 'saturated' : 'hit',
    size: d.state >= STATE.hit ? Math.log1p(d.signal * 3) : 0,
    t: d.state >= STATE.hit ? (d.timeNs - tMin) / 1000 : null,
  }));
  const cores = [{ x: ev.truth.xCore / 1000, y: ev.truth.yCore / 1000, what: 'true core' }];
  if (fit) cores.push({ x: fit.xCore / 1000, y: fit.yCore / 1000, what: 'standard fit' });
  const x = { field: 'x', type: 'quantitative', title: 'x (km)' };
  const y = { field: 'y', type: 'quantitative', title: 'y (km)' };
  return new Figure({
    title,
    width: 360,
    height: 360,
    layer: [
      {
        data: { values: rows.filter((r) => r.t !== null) },
        mark: { type: 'circle', opacity: 0.85, stroke: 'black', strokeWidth: 0.5 },
        encoding: { x, y, size: { field: 'size', type: 'quantitative', title: 'ln(1 + VEM)', scale: { range: [20, 900] } }, color: { field: 't', type: 'quantitative', title: 'time (µs)', scale: { scheme: 'viridis' } } },
      },
      { data: { values: rows.filter((r) => r.kind === 'no signal') }, mark: { type: 'circle', size: 10, color: '#bbb' }, encoding: { x, y } },
      { data: { values: rows.filter((r) => r.kind === 'off') }, mark: { type: 'point', shape: 'cross', size: 60, color: '#d62728' }, encoding: { x, y } },
      { data: { values: cores }, mark: { type: 'point', shape: 'cross', size: 200, strokeWidth: 2 }, encoding: { x, y, shape: { field: 'what', type: 'nominal', title: null }, color: { field: 'what', type: 'nominal', scale: { range: ['#d62728', 'black'] }, title: null } } },
    ],
  });
}

/** The traces (upper and lower layer, VEM per 20 ns bin) of the `count` detectors with the largest signals. */
export function waveformCharts(ev: SimEvent, count = 3, bins = 64): Figure[] {
  const order = ev.detectors.map((d, i) => [d.signal, i] as const).filter(([s]) => s > 0).sort((a, b) => b[0] - a[0]);
  return order.slice(0, count).map(([signal, i]) => {
    const wf = ev.detectors[i].waveform!;
    const t = Array.from({ length: bins }, (_, b) => b * BIN_NS);
    const layer = (l: number) => Array.from({ length: bins }, (_, b) => wf[2 * b + l]);
    const sat = ev.detectors[i].state === STATE.saturated ? ', saturated' : '';
    return lineChart(
      [
        { name: 'upper', x: t, y: layer(0) },
        { name: 'lower', x: t, y: layer(1), dashed: true },
      ],
      { title: `detector (${(ev.x[i] / 1000).toFixed(1)}, ${(ev.y[i] / 1000).toFixed(1)}) km: ${(signal * 3).toFixed(1)} VEM${sat}`, xTitle: 'time in trace', xUnit: 'ns', yTitle: 'signal per bin', yUnit: 'VEM', width: 300, height: 160 },
    );
  });
}

/** Bias (line) and ±1σ resolution (band) of a quantity against log10(E/EeV), standard vs corrected. */
export function resolutionChart(std: BinnedStats, corr: BinnedStats, yTitle: string, title: string): Figure {
  const band = (s: BinnedStats, name: string, dashed: boolean) => ({
    name,
    x: s.centres,
    y: s.mean,
    lower: s.mean.map((m, k) => m - s.std[k]),
    upper: s.mean.map((m, k) => m + s.std[k]),
    dashed,
  });
  return lineChart([band(std, 'standard', true), band(corr, 'corrected', false)], { title, xTitle: 'log10(E/EeV)', yTitle, points: true, width: 360, height: 220 });
}

/** A binned statistic (e.g. 68 % containment angle or σ) against log10(E/EeV), standard vs corrected. */
export function binnedChart(std: BinnedStats, corr: BinnedStats, key: 'std' | 'q68', yTitle: string, title: string): Figure {
  return lineChart(
    [
      { name: 'standard', x: std.centres, y: std[key], dashed: true },
      { name: 'corrected', x: corr.centres, y: corr[key] },
    ],
    { title, xTitle: 'log10(E/EeV)', yTitle, points: true, width: 360, height: 220 },
  );
}

/** The seed's LDF(r) = f(r)/f(800 m) from 100 m to 4 km at the given zeniths (degrees), log–log. */
export function ldfChart(zenithsDeg: readonly number[] = [0, 30, 45], points = 60): Figure {
  const radii = Array.from({ length: points }, (_, i) => 100 * Math.pow(40, i / (points - 1)));
  const curve = (deg: number) => ({ name: `θ = ${deg}°`, x: radii, y: radii.map((r) => ldf(r, etaOfZenith((deg * Math.PI) / 180))) });
  return lineChart(zenithsDeg.map(curve), { title: 'LDF(r) = f(r) / f(800 m)', xTitle: 'distance from the axis', xUnit: 'm', yTitle: 'LDF', logX: true, logY: true });
}

/** Training (solid) and validation (dashed) loss per epoch of named training runs. */
export function lossCurves(runs: Record<string, TrainResult>, title = 'MSE of the scaled corrections'): Figure {
  const series = Object.entries(runs).flatMap(([name, r]) => [
    { name: `${name} train`, x: r.history.column('epoch'), y: r.history.column('loss') },
    { name: `${name} validation`, x: r.history.column('epoch'), y: r.history.column('val_loss'), dashed: true },
  ]);
  return lineChart(series, { title, xTitle: 'epoch', yTitle: 'loss', points: true });
}

/** The energy bins (log10(E/EeV)) of the resolution curves. */
export const RESOLUTION_EDGES = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0] as const;

/** One error of an evaluation in bins of true log10(E/EeV), standard and corrected. */
export function binnedErrors(e: Evaluation, key: keyof Errors, edges: readonly number[] = RESOLUTION_EDGES): [BinnedStats, BinnedStats] {
  return [binnedStats(e.truth.log10E, e.standard[key], edges), binnedStats(e.truth.log10E, e.corrected[key], edges)];
}

/**
 * The seed's "preliminary results" figures for nuclei and photons: bias ± σ of Δcos θ and ΔE/E, and
 * the 68 % containment angle, against log10(E/EeV), standard vs corrected.
 */
export function resolutionFigures(nuclei: Evaluation, photons: Evaluation): Record<string, Figure> {
  const sets = { nuclei, photons };
  const figures: Record<string, Figure> = {};
  for (const [name, e] of Object.entries(sets)) {
    figures[`${name} Δcos θ`] = resolutionChart(...binnedErrors(e, 'dCosZenith'), 'Δcos θ', `${name}: Δcos θ`);
    figures[`${name} ΔE/E`] = resolutionChart(...binnedErrors(e, 'dEOverE'), 'ΔE/E', `${name}: ΔE/E`);
    figures[`${name} angle`] = binnedChart(...binnedErrors(e, 'angleDeg'), 'q68', '68 % containment (deg)', `${name}: angular resolution`);
  }
  return figures;
}

/** Shows figures one after the other (in the notebook, or as the display fallback outside it). */
export async function showFigures(figures: Iterable<Figure>): Promise<void> {
  for (const figure of figures) await figure.show();
}

/** Test digits of the warm-up with their true and predicted labels. */
export function digitGrid(sample: { images: Float32Array; labels: Int32Array; predicted: Int32Array }): ImageGrid {
  const pixels = 28 * 28;
  const tiles = Array.from(sample.labels, (label, i) => ({
    data: sample.images.subarray(i * pixels, (i + 1) * pixels),
    height: 28,
    width: 28,
    title: `${label} → ${sample.predicted[i]}`,
  }));
  return imageGrid(tiles, { columns: 8, title: 'synthetic test digits: true → predicted', scale: 3 });
}
