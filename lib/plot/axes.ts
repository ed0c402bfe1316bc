/**
 * Options and spec fragments shared by the chart helpers: titles with units, sizes, log scales.
 *
 * Used by `lib/plot/lines.ts`, `histogram.ts`, `scatter.ts` and `heatmap.ts`.
 */
import type { FigureOptions } from './figure';

/** Layout and axis options accepted by every chart helper. */
export interface ChartOptions extends FigureOptions {
  /** Chart title (also the `alt` text of the shown image). */
  title?: string;
  /** Plot area width in px (default 420). */
  width?: number;
  /** Plot area height in px (default 300). */
  height?: number;
}

/** Options of charts with two continuous axes. */
export interface AxisOptions extends ChartOptions {
  /** x axis title, e.g. 'Energy' (the unit goes in `xUnit`). */
  xTitle?: string;
  /** x unit shown in brackets after the title, e.g. 'GeV' → "Energy [GeV]". */
  xUnit?: string;
  yTitle?: string;
  yUnit?: string;
  /** Logarithmic x axis (non-positive x values are dropped). */
  logX?: boolean;
  /** Logarithmic y axis (non-positive y values are dropped or floored, see each helper). */
  logY?: boolean;
  /** Fixed x range [min, max] (default: the data's, not forced to include 0). */
  xDomain?: readonly [number, number];
  /** Fixed y range [min, max]. */
  yDomain?: readonly [number, number];
  /** d3-format of the x tick labels, e.g. '~g' (1e-5 instead of 0.00001), '.0%'. */
  xFormat?: string;
  /** d3-format of the y tick labels. */
  yFormat?: string;
}

export const DEFAULT_WIDTH = 420;
export const DEFAULT_HEIGHT = 300;

/** "title [unit]" (physics convention), or just the title. */
export function axisTitle(title: string, unit?: string): string {
  return unit ? `${title} [${unit}]` : title;
}

/** Vega-Lite `scale` for a continuous axis: linear or log, optional fixed domain, no forced zero. */
export function scaleSpec(log: boolean | undefined, domain: readonly [number, number] | undefined): Record<string, unknown> {
  const scale: Record<string, unknown> = log ? { type: 'log' } : { zero: false };
  if (domain) scale.domain = [domain[0], domain[1]];
  return scale;
}

/** A continuous position channel: field, title with unit, scale and tick format. */
export function positionSpec(field: string, title: string, unit: string | undefined, log: boolean | undefined, domain: readonly [number, number] | undefined, format: string | undefined): Record<string, unknown> {
  const channel: Record<string, unknown> = { field, type: 'quantitative', title: axisTitle(title, unit), scale: scaleSpec(log, domain) };
  if (format) channel.axis = { format };
  return channel;
}

/** Top-level title and size of a spec. */
export function frameSpec(options: ChartOptions): Record<string, unknown> {
  const spec: Record<string, unknown> = { width: options.width ?? DEFAULT_WIDTH, height: options.height ?? DEFAULT_HEIGHT };
  if (options.title) spec.title = options.title;
  return spec;
}

/** Figure options to pass on to `new Figure` from a helper's options. */
export function figureOptions(options: FigureOptions): FigureOptions {
  return options.save ? { save: options.save } : {};
}

/** Rounds for JSON (keeps specs small): ~7 significant digits, enough for any screen. */
export function round7(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(7)) : v;
}
