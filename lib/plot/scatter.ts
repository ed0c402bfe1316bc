/**
 * Scatter plots: predicted vs true (with the y = x diagonal), two features coloured by class or by
 * a continuous quantity (energy, score).
 *
 * Large samples are subsampled with an even stride (every k-th point, deterministic) to at most
 * `maxPoints` before vega sees them; the title notes it ("5 000 of 1 000 000 points shown").
 *
 * Used by the notebooks' regression (energy / direction reconstruction) and exploration sections.
 */
import { strideIndices } from './binning';
import { figureOptions, frameSpec, positionSpec, round7, type AxisOptions } from './axes';
import { colormapStops, type ColormapName } from './colormap';
import { Figure } from './figure';

/** Options of `scatter`. */
export interface ScatterOptions extends AxisOptions {
  /** Category of each point (class label or name), coloured with a legend. */
  series?: ArrayLike<string | number>;
  /** Display names of the categories, e.g. { 0: 'background', 1: 'signal' }. */
  seriesNames?: Record<string | number, string>;
  /** A continuous value per point, coloured with a colour bar (ignored when `series` is given). */
  color?: ArrayLike<number>;
  /** Title of the legend or colour bar. */
  colorTitle?: string;
  /** Colour map of `color` (default 'viridis'). */
  colormap?: ColormapName;
  /** Draw y = x across the data range (predicted vs true). */
  diagonal?: boolean;
  /** Most points drawn (default 5000); more are subsampled with an even stride. */
  maxPoints?: number;
  /** Point area in px² (default 12). */
  size?: number;
  /** Point opacity (default 0.6). */
  opacity?: number;
}

/** Data rows of the kept points that the axes can show (finite; positive on log axes). */
function pointRows(x: ArrayLike<number>, y: ArrayLike<number>, idx: number[], options: ScatterOptions): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const i of idx) {
    const xi = x[i];
    const yi = y[i];
    if (!Number.isFinite(xi) || !Number.isFinite(yi) || (options.logX && xi <= 0) || (options.logY && yi <= 0)) continue;
    const row: Record<string, unknown> = { x: round7(xi), y: round7(yi) };
    if (options.series) {
      const key = options.series[i];
      row.series = options.seriesNames?.[key] ?? String(key);
    } else if (options.color) row.c = round7(options.color[i]);
    rows.push(row);
  }
  return rows;
}

/** The diagonal's end points: the common range of x and y. */
function diagonalRange(rows: Record<string, unknown>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.x as number, r.y as number);
    hi = Math.max(hi, r.x as number, r.y as number);
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/**
 * A scatter plot of y against x (equal-length arrays).
 * @returns a Figure: `await fig.show()`, `await fig.save('name')`.
 * @example scatter(trueEnergy, predictedEnergy, { xTitle: 'True energy', yTitle: 'Predicted energy', xUnit: 'EeV', yUnit: 'EeV', diagonal: true })
 */
export function scatter(x: ArrayLike<number>, y: ArrayLike<number>, options: ScatterOptions = {}): Figure {
  if (x.length !== y.length) throw new Error(`scatter: x has ${x.length} values, y has ${y.length}`);
  const maxPoints = options.maxPoints ?? 5000;
  const idx = strideIndices(x.length, maxPoints);
  const rows = pointRows(x, y, idx, options);
  const xEnc = positionSpec('x', options.xTitle ?? 'x', options.xUnit, options.logX, options.xDomain, options.xFormat);
  const yEnc = positionSpec('y', options.yTitle ?? 'y', options.yUnit, options.logY, options.yDomain, options.yFormat);
  const encoding: Record<string, unknown> = { x: xEnc, y: yEnc };
  if (options.series) {
    encoding.color = { field: 'series', type: 'nominal', title: options.colorTitle ?? null };
  } else if (options.color) {
    encoding.color = { field: 'c', type: 'quantitative', title: options.colorTitle ?? null, scale: { range: colormapStops(options.colormap ?? 'viridis') } };
  }
  const layer: Record<string, unknown>[] = [
    { mark: { type: 'circle', size: options.size ?? 12, opacity: options.opacity ?? 0.6, clip: true }, encoding },
  ];
  if (options.diagonal) {
    const [lo, hi] = diagonalRange(rows);
    layer.push({
      data: { values: [{ x: lo, y: lo }, { x: hi, y: hi }] },
      mark: { type: 'line', color: '#555', strokeDash: [5, 4], strokeWidth: 1, clip: true },
      encoding: { x: xEnc, y: yEnc },
    });
  }
  const frame = frameSpec(options);
  if (idx.length < x.length) {
    const note = `${idx.length.toLocaleString('en')} of ${x.length.toLocaleString('en')} points shown`;
    frame.title = options.title ? { text: options.title, subtitle: note } : { text: '', subtitle: note };
  }
  return new Figure({ ...frame, data: { values: rows }, layer }, figureOptions(options));
}
