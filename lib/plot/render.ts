/**
 * Vega-Lite specification → SVG text, in plain Node (no browser, no canvas).
 *
 * vega-lite `compile` turns the spec into a Vega spec; `new vega.View(vega.parse(spec),
 * { renderer: 'none' }).toSVG()` renders it headless. Both packages are ES-module-only (vega has
 * top-level await), so they are loaded with `importESM` and typed here by hand: tslab's TypeScript 5.0
 * cannot see vega-lite's types (declared only through `exports`), and notebooks never meet them.
 *
 * Used by `lib/plot/figure.ts` (every chart helper), hence by every notebook that draws a chart.
 */
import { importESM } from '../esm';

/**
 * A Vega-Lite specification (https://vega.github.io/vega-lite/docs/spec.html), typed minimally: the
 * library builds specs from plain objects and vega-lite validates them when compiling.
 */
export interface VegaLiteSpec {
  [key: string]: unknown;
  $schema?: string;
  title?: string | Record<string, unknown>;
  width?: number | 'container' | { step: number };
  height?: number | 'container' | { step: number };
  data?: { values: Record<string, unknown>[] } | Record<string, unknown>;
  layer?: VegaLiteSpec[];
  config?: Record<string, unknown>;
}

interface VegaView {
  toSVG(scaleFactor?: number): Promise<string>;
  finalize(): void;
}

interface VegaModule {
  parse(spec: unknown, config?: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: 'none' }) => VegaView;
}

interface VegaLiteModule {
  compile(spec: unknown, options?: Record<string, unknown>): { spec: unknown };
}

/** Schema URL written into specs, so a saved spec opens in the online Vega editor. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** House style: white background, readable axis titles, legends that do not cut long names. */
export const DEFAULT_CONFIG: Record<string, unknown> = {
  background: 'white',
  font: 'Helvetica, Arial, sans-serif',
  padding: 8,
  axis: { titleFontSize: 13, titleFontWeight: 'normal', labelFontSize: 11, gridColor: '#e6e6e6' },
  legend: { titleFontSize: 12, titleFontWeight: 'normal', labelFontSize: 11, labelLimit: 400, symbolStrokeWidth: 2 },
  title: { fontSize: 14, fontWeight: 'normal', anchor: 'start' },
  view: { stroke: '#888' },
  line: { strokeWidth: 1.8 },
};

/** Shallow-by-section merge: `override`'s sections (axis, legend…) extend the defaults'. */
function mergeConfig(base: Record<string, unknown>, override: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override ?? {})) {
    const prior = out[key];
    const bothObjects = prior && value && typeof prior === 'object' && typeof value === 'object' && !Array.isArray(value);
    out[key] = bothObjects ? { ...(prior as object), ...(value as object) } : value;
  }
  return out;
}

/** The spec with the schema and the house config filled in (the spec's own config wins). */
export function withDefaults(spec: VegaLiteSpec): VegaLiteSpec {
  return { $schema: VEGA_LITE_SCHEMA, ...spec, config: mergeConfig(DEFAULT_CONFIG, spec.config) };
}

/**
 * Renders a Vega-Lite spec to an SVG document (a string starting with `<svg`).
 * The house config (`DEFAULT_CONFIG`) is applied under the spec's own `config`.
 * The first call loads vega and vega-lite (about 0.4 s); a chart then takes tens of ms.
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vl] = await Promise.all([importESM<VegaModule>('vega'), importESM<VegaLiteModule>('vega-lite')]);
  // vega tags the data objects it ingests (a symbol key per row): give it a copy, keep the caller's spec clean.
  const compiled = vl.compile(structuredClone(withDefaults(spec))).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
