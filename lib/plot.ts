/**
 * Charts and images for the notebooks: `import { lineChart, histogram } from './plot'`.
 *
 * This entry file sits beside the `lib/plot/` folder rather than in it as `index.ts`, because
 * tslab resolves a local import by appending `.js` to the path it compiled (`lib/plot.js`); a
 * folder import (`lib/plot/index`) fails in the kernel with "Cannot find module".
 *
 * The map of `lib/plot/`, one line per module:
 *
 * - `figure`    `Figure`: a Vega-Lite chart with `svg()`, `await show()`, `await save(name)`.
 * - `lines`     `lineChart` (series with bands, dashes, dots), `rocPlot` (ROC, log FPR, rejection).
 * - `histogram` `histogram` of weighted samples: steps, bars or stacked; `fig.histograms` holds the counts.
 * - `scatter`   `scatter` (classes or a continuous colour; diagonal for predicted vs true).
 * - `heatmap`   `heatmap` of a small matrix with annotations (confusion matrices, AUC tables).
 * - `image`     `imageToPng`, `image`, `imageGrid`: pixels → PNG with matplotlib's colour maps.
 * - `binning`   `histogram1d` (numpy-compatible weighted binning), curve thinning.
 * - `colormap`  viridis / magma / gray / coolwarm lookup.
 * - `render`    `renderSvg(spec)`: any Vega-Lite spec → SVG, for charts the helpers do not cover.
 * - `interactive` `interactiveSpec(spec)`: the spec sent beside the SVG for JupyterLab (tooltips, zoom).
 */
export { Figure, type FigureOptions } from './plot/figure';
export { lineChart, rocPlot, type LineSeries, type LineChartOptions, type RocCurve, type RocOptions } from './plot/lines';
export { histogram, HistogramFigure, type HistogramSeries, type HistogramOptions } from './plot/histogram';
export { scatter, type ScatterOptions } from './plot/scatter';
export { heatmap, type HeatmapOptions } from './plot/heatmap';
export { image, imageGrid, imageToPng, ImageFigure, ImageGrid, type GridImage, type ImageGridOptions, type ImageOptions } from './plot/image';
export { histogram1d, type Histogram1D, type BinOptions } from './plot/binning';
export { colormapRgb, COLORMAP_NAMES, type ColormapName } from './plot/colormap';
export { renderSvg, type VegaLiteSpec } from './plot/render';
export { interactiveSpec } from './plot/interactive';
export type { AxisOptions, ChartOptions } from './plot/axes';
