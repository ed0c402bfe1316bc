/**
 * `Figure`: a Vega-Lite chart that can be rendered to SVG, shown in the notebook and saved to `reports/`.
 *
 * Every chart helper (`lineChart`, `rocPlot`, `histogram`, `scatter`, `heatmap`) returns a Figure.
 * `show()` sends the static SVG and, beside it, the interactive Vega-Lite spec (`interactive.ts`).
 * In a notebook cell: `await fig.show()` (awaiting matters: tslab ends the cell when the last
 * promise settles). Outside a notebook `show()` prints a one-line summary instead.
 *
 * Used by every notebook through `lib/plot`; `saveOutput` is shared with `lib/plot/image.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { displayChart } from '../display';
import { reportsPath } from '../paths';
import { interactiveSpec } from './interactive';
import { renderSvg, type VegaLiteSpec } from './render';

/**
 * Where `save(name)` writes: an absolute path is used as given; a relative one goes under
 * `reports/figures/`. The extension `ext` (e.g. `.svg`) is appended unless `name` already ends with it.
 */
export function outputPath(name: string, ext: string): string {
  const file = name.toLowerCase().endsWith(ext) ? name : name + ext;
  return path.isAbsolute(file) ? file : reportsPath('figures', file);
}

/**
 * Writes `data` to `outputPath(name, ext)` atomically (a temporary file renamed into place), creating
 * folders as needed. Returns the absolute path written.
 */
export function saveOutput(name: string, ext: string, data: string | Uint8Array): string {
  const file = outputPath(name, ext);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
  return file;
}

/** Options common to figures: where `show()` also saves the figure. */
export interface FigureOptions {
  /** When set, `show()` also saves the SVG under this name (see `outputPath`), e.g. `'roc-cnn'`. */
  save?: string;
}

/** A chart: its Vega-Lite spec plus rendering, display and saving. */
export class Figure {
  private svgPromise: Promise<string> | null = null;

  /**
   * @param spec Vega-Lite spec (plain JSON; inspect or tweak it before the first render).
   * @param options `save`: name to save under whenever the figure is shown.
   */
  constructor(
    readonly spec: VegaLiteSpec,
    readonly options: FigureOptions = {},
  ) {}

  /** The rendered SVG document (rendered once, then cached). */
  svg(): Promise<string> {
    if (!this.svgPromise) this.svgPromise = renderSvg(this.spec);
    return this.svgPromise;
  }

  /**
   * Shows the figure in the notebook (and saves it when the figure was made with `{ save }`): the
   * static SVG beside the interactive Vega-Lite spec (`interactiveSpec`), one output for both.
   * Resolves to nothing on purpose: tslab prints a cell's last value, and the SVG text is long.
   */
  async show(): Promise<void> {
    const svg = await this.svg();
    if (this.options.save) saveOutput(this.options.save, '.svg', svg);
    displayChart(svg, interactiveSpec(this.spec), this.title());
  }

  /** Saves the SVG (see `outputPath`: relative names go under `reports/figures/`); returns the path. */
  async save(name: string): Promise<string> {
    return saveOutput(name, '.svg', await this.svg());
  }

  /** Saves the Vega-Lite spec as JSON (open it at https://vega.github.io/editor); returns the path. */
  saveSpec(name: string): string {
    return saveOutput(name, '.vl.json', JSON.stringify(this.spec, null, 1));
  }

  /** The spec's title as text ('figure' when untitled). */
  title(): string {
    const t = this.spec.title;
    if (typeof t === 'string') return t;
    if (t && typeof t.text === 'string') return t.text;
    return 'figure';
  }

  /** Short form for tslab's printing of a cell's last value. */
  [inspect.custom](): string {
    return `Figure(${JSON.stringify(this.title())}) — use \`await fig.show()\` to draw it`;
  }
}
