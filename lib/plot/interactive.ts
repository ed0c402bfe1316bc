/**
 * The interactive form of a chart: the Vega-Lite spec sent beside the static SVG, which JupyterLab
 * renders with vega-embed (tooltips on every mark, zoom and pan on charts with continuous axes).
 *
 * JupyterLab's renderer for `application/vnd.vegalite.v5+json` runs Vega-Lite 5, so the spec carries the
 * v5 schema URL; the specs our helpers build use nothing that Vega-Lite 6 added. Zoom is Vega-Lite's
 * interval selection bound to the scales (https://vega.github.io/vega-lite/docs/bind.html#scale-binding):
 * drag to pan, wheel to zoom, double-click to reset. It is added only where both x and y are
 * quantitative (lines, ROC curves, histograms, scatter plots), not to heat maps of categories.
 *
 * Used by `lib/plot/figure.ts` (`Figure.show()`).
 */
import { withDefaults, type VegaLiteSpec } from './render';

/** Schema URL of the interactive spec (what JupyterLab's Vega-Lite 5 renderer expects). */
export const VEGA_LITE_5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Name of the scale-bound selection that zooms and pans. */
export const ZOOM_PARAM = 'zoom';

type Json = Record<string, unknown>;

/** A mark with tooltips on (a mark given as a bare type name becomes `{ type }`). */
function withTooltip(mark: unknown): unknown {
  if (typeof mark === 'string') return { type: mark, tooltip: true };
  if (mark && typeof mark === 'object') return { tooltip: true, ...(mark as Json) };
  return mark;
}

/** True when a unit spec (with the encoding it inherits from its layer spec) has quantitative x and y. */
function hasContinuousXY(unit: Json, inherited: Json = {}): boolean {
  const encoding = { ...inherited, ...((unit.encoding ?? {}) as Json) } as Record<string, { type?: string } | undefined>;
  return encoding.x?.type === 'quantitative' && encoding.y?.type === 'quantitative';
}

/** The unit spec with tooltips, and the zoom selection when `zoom` is set. */
function interactiveUnit(unit: Json, zoom: boolean): Json {
  const out: Json = { ...unit };
  if ('mark' in unit) out.mark = withTooltip(unit.mark);
  if (zoom) out.params = [...((unit.params as unknown[] | undefined) ?? []), { name: ZOOM_PARAM, select: 'interval', bind: 'scales' }];
  return out;
}

/**
 * The chart's spec as sent to JupyterLab: house defaults filled in, the Vega-Lite 5 schema, tooltips
 * on every mark, and zoom on the first layer with continuous x and y (one scale binding suffices: the
 * layers share their scales). Plain JSON (a deep copy: the figure's own spec is left as it was).
 */
export function interactiveSpec(spec: VegaLiteSpec): Json {
  const full = JSON.parse(JSON.stringify(withDefaults(spec))) as Json;
  full.$schema = VEGA_LITE_5_SCHEMA;
  if (Array.isArray(full.layer)) {
    const layers = full.layer as Json[];
    const zoomAt = layers.findIndex((layer) => hasContinuousXY(layer, (full.encoding ?? {}) as Json));
    full.layer = layers.map((layer, i) => interactiveUnit(layer, i === zoomAt));
    return full;
  }
  return 'mark' in full ? interactiveUnit(full, hasContinuousXY(full)) : full;
}
