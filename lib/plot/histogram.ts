/**
 * Histograms of one or more weighted samples, binned in JS (`histogram1d`) and drawn as overlaid
 * step outlines (default), translucent bars, or stacked bars.
 *
 * Used by the notebooks' data exploration (feature distributions of signal vs background) and
 * evaluation (classifier score distributions) sections.
 */
import { finiteExtent, histogram1d, safeRange, type Histogram1D } from './binning';
import { figureOptions, frameSpec, positionSpec, round7, type AxisOptions } from './axes';
import { Figure, type FigureOptions } from './figure';
import type { VegaLiteSpec } from './render';

/** One sample to histogram. */
export interface HistogramSeries {
  /** Legend label. */
  name: string;
  values: ArrayLike<number>;
  /** Per-value weights (e.g. cross-section × luminosity / generated events), same length. */
  weights?: ArrayLike<number>;
}

/** Options of `histogram`. */
export interface HistogramOptions extends Omit<AxisOptions, 'logX' | 'xDomain'> {
  /** Number of uniform bins (default 50). */
  bins?: number;
  /** [low, high] bin range shared by all series; default: min and max over all finite values. */
  range?: readonly [number, number];
  /** Logarithmic y axis; empty bins are drawn at the bottom of the axis. */
  logY?: boolean;
  /** Normalize each series to unit area over the range: counts / (Σw · bin width). */
  density?: boolean;
  /** Stack the series (drawn as bars; the top is the total). */
  stacked?: boolean;
  /** 'step' outlines (default, best to compare shapes) or translucent 'bar's. */
  style?: 'step' | 'bar';
  /** Fold underflow/overflow into the first/last bins (default false: dropped, see `histograms`). */
  clip?: boolean;
  /** Colours of the series in order (CSS colours). */
  colors?: string[];
  /** Legend title (default none). */
  legendTitle?: string;
}

/** A histogram figure that also carries the filled histograms (edges, counts, under/overflow). */
export class HistogramFigure extends Figure {
  constructor(
    spec: VegaLiteSpec,
    options: FigureOptions,
    /** One filled histogram per series, in input order; counts before any density scaling. */
    readonly histograms: Histogram1D[],
  ) {
    super(spec, options);
  }
}

/** Heights drawn for a histogram: counts, or counts / (Σw · width) for a density. */
function heights(h: Histogram1D, density: boolean): number[] {
  const counts = Array.from(h.counts);
  if (!density) return counts;
  const total = counts.reduce((a, b) => a + b, 0);
  const width = h.edges[1] - h.edges[0];
  return counts.map((c) => (total > 0 ? c / (total * width) : 0));
}

/** `v`, raised to `floor` on a log axis (floor null on a linear axis: negative weights stay negative). */
function atLeast(v: number, floor: number | null): number {
  return floor === null ? v : Math.max(v, floor);
}

/** The outline of a histogram as polyline vertices: up from 0 at the first edge, across each bin, down at the last. */
function stepRows(name: string, edges: Float64Array, y: number[], floor: number | null): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const push = (x: number, v: number) => rows.push({ series: name, x: round7(x), y: round7(atLeast(v, floor)), order: rows.length });
  push(edges[0], floor ?? 0);
  y.forEach((v, k) => {
    push(edges[k], v);
    push(edges[k + 1], v);
  });
  push(edges[edges.length - 1], floor ?? 0);
  return rows;
}

/** Bar rectangles [x0, x1] × [y0, y1], stacked on the previous series' tops when `base` is given. */
function barRows(name: string, edges: Float64Array, y: number[], floor: number | null, base?: number[]): Record<string, unknown>[] {
  return y.map((v, k) => {
    const y0 = base ? base[k] : 0;
    const y1 = y0 + v;
    if (base) base[k] = y1;
    return { series: name, x: round7(edges[k]), x2: round7(edges[k + 1]), y: round7(atLeast(y0, floor)), y2: round7(atLeast(y1, floor)) };
  });
}

/** Lowest drawn value on a log axis: the fixed domain's minimum, or half the smallest positive height. */
function logFloor(all: number[][], options: HistogramOptions): number {
  if (options.yDomain) return options.yDomain[0];
  let min = Infinity;
  for (const ys of all) for (const v of ys) if (v > 0 && v < min) min = v;
  return Number.isFinite(min) ? min / 2 : 0.5;
}

/** Default y title: "Entries / 0.1 GeV" style, or a density. */
function defaultYTitle(edges: Float64Array, options: HistogramOptions): string {
  const width = Number((edges[1] - edges[0]).toPrecision(3));
  if (options.density) return options.xUnit ? `Probability density [1/${options.xUnit}]` : 'Probability density';
  return `Entries / ${width}${options.xUnit ? ` ${options.xUnit}` : ''}`;
}

/**
 * Histograms of several samples on shared bins.
 *
 * Binning follows numpy.histogram (half-open bins, last bin closed); values outside `range` are
 * dropped unless `clip`, and NaN/±Infinity are never drawn — both are reported per series in
 * `fig.histograms[i]` (`underflow`, `overflow`, `nonFinite`).
 * @returns a HistogramFigure: `await fig.show()`, `await fig.save('name')`, `fig.histograms`.
 * @example histogram([{ name: 'signal', values: sigPt }, { name: 'background', values: bkgPt }],
 *   { bins: 40, range: [0, 200], xTitle: 'p_T', xUnit: 'GeV', density: true })
 */
export function histogram(series: HistogramSeries[], options: HistogramOptions = {}): HistogramFigure {
  const range = options.range ?? sharedRange(series);
  const histograms = series.map((s) => histogram1d(s.values, { bins: options.bins ?? 50, range, weights: s.weights, clip: options.clip }));
  const ys = histograms.map((h) => heights(h, !!options.density));
  const floor = options.logY ? logFloor(ys, options) : null;
  const edges = histograms[0]?.edges ?? new Float64Array([range[0], range[1]]);
  const bars = options.stacked || options.style === 'bar';
  const base = options.stacked ? new Array<number>(edges.length - 1).fill(0) : undefined;
  const rows = series.flatMap((s, i) => (bars ? barRows(s.name, edges, ys[i], floor, base) : stepRows(s.name, edges, ys[i], floor)));
  const spec = { ...frameSpec(options), data: { values: rows }, ...markSpec(series, edges, bars, options) };
  return new HistogramFigure(spec, figureOptions(options), histograms);
}

/** Mark and encoding: step lines through the outline vertices, or rectangles [x, x2] × [y, y2]. */
function markSpec(series: HistogramSeries[], edges: Float64Array, bars: boolean, options: HistogramOptions): Record<string, unknown> {
  const x = positionSpec('x', options.xTitle ?? 'x', options.xUnit, false, [edges[0], edges[edges.length - 1]], options.xFormat);
  const y = positionSpec('y', options.yTitle ?? defaultYTitle(edges, options), options.yUnit, options.logY, options.yDomain, options.yFormat);
  if (!options.logY && !options.yDomain) (y.scale as Record<string, unknown>).zero = true;
  const colorScale: Record<string, unknown> = { domain: series.map((s) => s.name) };
  if (options.colors) colorScale.range = options.colors;
  const color = { field: 'series', type: 'nominal', scale: colorScale, title: options.legendTitle ?? null, legend: { symbolType: bars ? 'square' : 'stroke' } };
  return bars
    ? { mark: { type: 'rect', opacity: options.stacked ? 0.85 : 0.45, clip: true }, encoding: { x, x2: { field: 'x2' }, y, y2: { field: 'y2' }, color } }
    : { mark: { type: 'line', clip: true, strokeWidth: 1.6 }, encoding: { x, y, color, order: { field: 'order', type: 'quantitative' } } };
}

/** The [min, max] of the finite values of all series (widened when degenerate). */
function sharedRange(series: HistogramSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const [a, b] = finiteExtent(s.values);
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  }
  return safeRange(lo, hi);
}
