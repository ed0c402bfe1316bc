/**
 * Annotated heat maps of a small matrix: confusion matrices (rows = true class, columns =
 * predicted), tables of AUC per detector × signal, correlation matrices.
 *
 * Cells are coloured by a colour map over [vmin, vmax] with a colour bar; each cell shows its
 * value in black or white, whichever contrasts better with the cell (WCAG luminance).
 *
 * Used by the notebooks' evaluation sections.
 */
import { figureOptions, type ChartOptions } from './axes';
import { colormapRgb, colormapStops, textColorOn, type ColormapName } from './colormap';
import { Figure } from './figure';

/** Options of `heatmap`. */
export interface HeatmapOptions extends ChartOptions {
  /** Column labels, left to right (default '0', '1', …). */
  xLabels?: readonly string[];
  /** Row labels, top to bottom (default '0', '1', …). */
  yLabels?: readonly string[];
  /** Title of the column axis, e.g. 'Predicted class'. */
  xTitle?: string;
  /** Title of the row axis, e.g. 'True class'. */
  yTitle?: string;
  /** Title of the colour bar (default none). */
  colorTitle?: string;
  /** Write each value in its cell (default true). */
  annotate?: boolean;
  /** d3-format of the values (default 'd' when all are integers, else '.3g'). */
  format?: string;
  /** Colour map (default 'viridis'; 'coolwarm' for signed values such as correlations). */
  colormap?: ColormapName;
  /** Value at the bottom of the colour map (default: the matrix minimum). */
  vmin?: number;
  /** Value at the top of the colour map (default: the matrix maximum). */
  vmax?: number;
  /** Cell size in px when `width`/`height` are not given (default 48). */
  cellSize?: number;
}

/**
 * A heat map of `matrix[row][column]`; rows run top to bottom, columns left to right.
 * NaN cells are left blank.
 * @returns a Figure: `await fig.show()`, `await fig.save('name')`.
 * @example heatmap(confusion, { xLabels: ['γ', 'p'], yLabels: ['γ', 'p'], xTitle: 'Predicted', yTitle: 'True' })
 */
export function heatmap(matrix: readonly ArrayLike<number>[], options: HeatmapOptions = {}): Figure {
  const rows = matrix.length;
  const cols = Math.max(0, ...matrix.map((r) => r.length));
  const xLabels = options.xLabels ?? Array.from({ length: cols }, (_, j) => String(j));
  const yLabels = options.yLabels ?? Array.from({ length: rows }, (_, i) => String(i));
  if (xLabels.length !== cols || yLabels.length !== rows) {
    throw new Error(`heatmap: ${rows}×${cols} matrix but ${yLabels.length} row and ${xLabels.length} column labels`);
  }
  const finite = matrix.flatMap((r) => Array.from(r)).filter(Number.isFinite);
  const vmin = options.vmin ?? Math.min(...finite);
  const vmax = options.vmax ?? Math.max(...finite);
  const colormap = options.colormap ?? 'viridis';
  const format = options.format ?? (finite.every(Number.isInteger) ? 'd' : '.3g');
  const cells: Record<string, unknown>[] = [];
  matrix.forEach((r, i) => {
    for (let j = 0; j < r.length; j++) {
      const rgb = colormapRgb(colormap, r[j], vmin, vmax);
      if (!Number.isFinite(r[j]) || !rgb) continue;
      cells.push({ row: yLabels[i], col: xLabels[j], v: r[j], ink: textColorOn(rgb) });
    }
  });
  const cell = options.cellSize ?? 48;
  const x = { field: 'col', type: 'ordinal', sort: xLabels, title: options.xTitle ?? null, axis: { labelAngle: 0, domain: false, ticks: false } };
  const y = { field: 'row', type: 'ordinal', sort: yLabels, title: options.yTitle ?? null, axis: { domain: false, ticks: false } };
  const color = {
    field: 'v',
    type: 'quantitative',
    title: options.colorTitle ?? null,
    scale: { domain: [vmin, vmax], range: colormapStops(colormap), clamp: true },
    legend: { gradientLength: Math.max(80, Math.min(rows * cell, 300)), format },
  };
  const layer: Record<string, unknown>[] = [{ mark: { type: 'rect' }, encoding: { x, y, color } }];
  if (options.annotate ?? true) {
    layer.push({ mark: { type: 'text', fontSize: 12 }, encoding: { x, y, text: { field: 'v', type: 'quantitative', format }, color: { condition: { test: "datum.ink === 'white'", value: 'white' }, value: 'black' } } });
  }
  const spec: Record<string, unknown> = { width: options.width ?? cols * cell, height: options.height ?? rows * cell, data: { values: cells }, layer };
  if (options.title) spec.title = options.title;
  return new Figure({ ...spec, config: { view: { stroke: null }, axis: { grid: false } } }, figureOptions(options));
}
