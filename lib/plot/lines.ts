/**
 * Curves with several named series: learning curves (loss and val_loss per epoch), metric vs a
 * hyper-parameter with a ±1σ band (AUC vs number of trees), ROC curves with the chance line.
 *
 * Long series are thinned in JS (`thinCurve`) to points half a pixel apart before vega sees them.
 *
 * Used by the notebooks' training and evaluation sections.
 */
import { thinCurve } from './binning';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, figureOptions, frameSpec, positionSpec, round7, type AxisOptions } from './axes';
import { Figure } from './figure';

/** One named curve, optionally with a band (e.g. mean ± 1σ over folds). */
export interface LineSeries {
  /** Legend label. */
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Lower edge of a shaded band at each x (with `upper`). */
  lower?: ArrayLike<number>;
  /** Upper edge of the band at each x. */
  upper?: ArrayLike<number>;
  /** Draw dashed (e.g. validation curves). */
  dashed?: boolean;
}

/** Options of `lineChart`. */
export interface LineChartOptions extends AxisOptions {
  /** Mark each data point with a dot (default false; nice for few epochs). */
  points?: boolean;
  /** Draw y = x over the x range, dashed grey (ROC chance line, predicted = true). */
  diagonal?: boolean;
  /** Legend title (default none). */
  legendTitle?: string;
  /** Colours of the series in order (CSS colours; default: vega's category10-like scheme). */
  colors?: string[];
  /** Thin series longer than this many points to half-pixel steps (default 2000). */
  thinAbove?: number;
}

type Row = Record<string, number | string>;

/** Vega's default category colours (tableau10), used when a helper must add its own grey series. */
export const DEFAULT_COLORS = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

/** Extent of finite (and, on log axes, positive) values over all series, in axis units. */
function axisExtent(arrays: ArrayLike<number>[], log: boolean): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      const t = log ? Math.log10(v) : v;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
  }
  return hi > lo ? hi - lo : 1;
}

/** Data rows of all series: x, y, band edges, a draw-order index and the series label. */
function seriesRows(series: LineSeries[], options: LineChartOptions): Row[] {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  const thinAbove = options.thinAbove ?? 2000;
  const tolX = (0.5 * axisExtent(series.map((s) => s.x), !!options.logX)) / width;
  const tolY = (0.5 * axisExtent(series.map((s) => s.y), !!options.logY)) / height;
  const rows: Row[] = [];
  for (const s of series) {
    const n = Math.min(s.x.length, s.y.length);
    const idx = n > thinAbove ? thinCurve(s.x, s.y, { tolX, tolY, logX: options.logX, logY: options.logY }) : Array.from({ length: n }, (_, i) => i);
    idx.forEach((i, order) => {
      const x = s.x[i];
      const y = s.y[i];
      if (!Number.isFinite(x) || !Number.isFinite(y) || (options.logX && x <= 0) || (options.logY && y <= 0)) return;
      const row: Row = { series: s.name, x: round7(x), y: round7(y), order };
      if (s.lower && s.upper && Number.isFinite(s.lower[i]) && Number.isFinite(s.upper[i])) {
        row.lower = round7(s.lower[i]);
        row.upper = round7(s.upper[i]);
      }
      rows.push(row);
    });
  }
  return rows;
}

/** Points of y = x across [lo, hi] (log-spaced on a log axis, so it draws as a smooth curve). */
function diagonalRows(lo: number, hi: number, log: boolean): Row[] {
  if (!log) return [{ x: lo, y: lo, order: 0 }, { x: hi, y: hi, order: 1 }];
  const n = 60;
  return Array.from({ length: n + 1 }, (_, k) => {
    const v = lo * Math.pow(hi / lo, k / n);
    return { x: round7(v), y: round7(v), order: k };
  });
}

/** The x range of the rows (or the fixed domain). */
function xRange(rows: Row[], options: LineChartOptions): [number, number] {
  if (options.xDomain) return [options.xDomain[0], options.xDomain[1]];
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.x as number);
    hi = Math.max(hi, r.x as number);
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/**
 * A line chart of named series, with optional ±bands, dots, dashes and the y = x diagonal.
 * @param series curves; each `x`/`y` pair has one entry per point (any numeric arrays).
 * @returns a Figure: `await fig.show()` to draw it, `await fig.save('name')` for reports/figures/name.svg.
 * @example lineChart([{ name: 'loss', x: epochs, y: loss }, { name: 'val_loss', x: epochs, y: valLoss, dashed: true }],
 *   { xTitle: 'Epoch', yTitle: 'Binary cross-entropy' })
 */
export function lineChart(series: LineSeries[], options: LineChartOptions = {}): Figure {
  const rows = seriesRows(series, options);
  const names = series.map((s) => s.name);
  const colorScale: Record<string, unknown> = { domain: names };
  if (options.colors) colorScale.range = options.colors;
  const x = positionSpec('x', options.xTitle ?? 'x', options.xUnit, options.logX, options.xDomain, options.xFormat);
  const y = positionSpec('y', options.yTitle ?? 'y', options.yUnit, options.logY, options.yDomain, options.yFormat);
  const legend = { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2 };
  const color = { field: 'series', type: 'nominal', scale: colorScale, title: options.legendTitle ?? null, legend };
  const layer: Record<string, unknown>[] = [];
  if (series.some((s) => s.lower && s.upper)) {
    layer.push({
      transform: [{ filter: 'isValid(datum.lower)' }],
      mark: { type: 'area', opacity: 0.2, clip: true },
      encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' }, color },
    });
  }
  if (options.diagonal) {
    const [lo, hi] = xRange(rows, options);
    layer.push({
      data: { values: diagonalRows(lo, hi, !!options.logX) },
      mark: { type: 'line', color: '#999', strokeDash: [5, 4], strokeWidth: 1, clip: true },
      encoding: { x, y, order: { field: 'order', type: 'quantitative' } },
    });
  }
  layer.push({
    mark: { type: 'line', point: !!options.points, clip: true },
    encoding: {
      x,
      y,
      color,
      strokeDash: { field: 'series', type: 'nominal', scale: { domain: names, range: series.map((s) => (s.dashed ? [6, 3] : [1, 0])) }, title: color.title, legend },
      order: { field: 'order', type: 'quantitative' },
    },
  });
  return new Figure({ ...frameSpec(options), data: { values: rows }, layer }, figureOptions(options));
}

/** One ROC curve: false and true positive rates at each threshold (e.g. from `lib/metrics`). */
export interface RocCurve {
  name: string;
  /** False positive rate (background efficiency ε_B), one entry per threshold. */
  fpr: ArrayLike<number>;
  /** True positive rate (signal efficiency ε_S), same length. */
  tpr: ArrayLike<number>;
  /** Area under the curve, appended to the legend label as "(AUC = 0.912)". */
  auc?: number;
}

/** Options of `rocPlot`. */
export interface RocOptions extends Omit<LineChartOptions, 'diagonal' | 'logX' | 'logY'> {
  /** Logarithmic FPR axis (default false), to read the low-background region. */
  logFpr?: boolean;
  /**
   * Physics style: background rejection 1/ε_B (log y) against signal efficiency ε_S (x), the
   * usual form in jet-tagging papers; the chance line becomes 1/ε_S. Overrides `logFpr`.
   */
  rejection?: boolean;
}

/** Legend label of a curve with its AUC. */
function rocLabel(c: RocCurve): string {
  return c.auc === undefined ? c.name : `${c.name} (AUC = ${c.auc.toFixed(3)})`;
}

/**
 * ROC curves with the chance line: TPR against FPR (optionally log FPR), or background rejection
 * against signal efficiency (`rejection: true`). Points with FPR = 0 are dropped on log axes.
 * @returns a Figure (see `lineChart`).
 */
export function rocPlot(curves: RocCurve[], options: RocOptions = {}): Figure {
  const { logFpr, rejection, ...rest } = options;
  if (rejection) {
    const series = curves.map((c) => ({ name: rocLabel(c), x: c.tpr, y: Array.from(c.fpr, (f) => 1 / f) }));
    const chance = { name: 'random (1/ε_S)', x: [] as number[], y: [] as number[], dashed: true };
    for (let k = 1; k <= 50; k++) {
      chance.x.push(k / 50);
      chance.y.push(50 / k);
    }
    const palette = rest.colors ?? DEFAULT_COLORS;
    const colors = series.map((_, i) => palette[i % palette.length]).concat('#999');
    return lineChart([...series, chance], {
      xTitle: 'Signal efficiency ε_S',
      yTitle: 'Background rejection 1/ε_B',
      xDomain: [0, 1],
      ...rest,
      colors,
      logY: true,
    });
  }
  const series = curves.map((c) => ({ name: rocLabel(c), x: c.fpr, y: c.tpr }));
  return lineChart(series, {
    xTitle: 'False positive rate',
    yTitle: 'True positive rate',
    xDomain: logFpr ? undefined : [0, 1],
    yDomain: [0, 1],
    xFormat: logFpr ? '~g' : undefined,
    ...rest,
    logX: !!logFpr,
    diagonal: true,
  });
}

