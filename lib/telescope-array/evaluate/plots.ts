/**
 * Figures of the Telescope Array study: a sample event as the seed shows it (detector map with
 * signal sizes and times, and the traces of both layers), and bias/resolution curves of the
 * standard and corrected reconstructions against log10(E/EeV).
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import { Figure } from '../../plot/figure';
import { lineChart } from '../../plot/lines';
import type { BinnedStats } from './analysis';
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
