/**
 * Rich output in a tslab notebook: HTML, SVG figures, PNG images, Markdown and text.
 *
 * Inside the tslab kernel these forward to tslab's `display` API. Elsewhere (tests, `tsx` scripts)
 * they never throw: rich outputs print a one-line summary (or nothing, see `setDisplayFallback`).
 * They return nothing on purpose: tslab prints the value of a cell's last expression.
 *
 * How we detect the kernel: tslab's executor sets `globalThis.__tslab__ = { exports, require }`
 * before running any cell, and its `require('tslab')` returns the kernel's own `display`, wired to
 * the cell being executed. We never load the `tslab` package ourselves (that would pull in its
 * TypeScript compiler and, outside the kernel, have nothing to send output to).
 *
 * Reports: the notebooks are exported with nbconvert 6.5 (Debian), whose HTML templates pass
 * `image/svg+xml` outputs through lxml's `clean_html`, which strips every SVG element and leaves
 * only the text. `displaySvg` therefore sends SVG as `text/html` holding an `<img>` with the SVG
 * as a data URI: it survives the export, and figures cannot clash through shared element ids.
 * `image/png` outputs survive as they are.
 *
 * Charts (`displayChart`) go out as one MIME bundle: that `<img>` in `text/html` beside the chart's
 * Vega-Lite spec in `application/vnd.vegalite.v5+json`. JupyterLab renders the spec interactively
 * (vega-embed); the classic Notebook and nbconvert's HTML (whose `display_data_priority` has no Vega
 * type) show the `<img>`. tslab's public `display` sends one MIME type per message, so the bundle is
 * written through the kernel's own display writer (`tslab/dist/jupyter`'s `lastWriteDisplayData`, the
 * function behind tslab's `display`), resolved through the kernel's `require` so it is the running
 * kernel's module; when that is missing the `<img>` alone is sent, as before.
 *
 * Used by every notebook, `lib/plot` (figures and images) and `lib/frame` (tables).
 */

/** What the rich display functions do outside a notebook: print a one-line summary, or nothing. */
export type DisplayFallback = 'summary' | 'silent';

/** The subset of tslab's `Display` interface that we use (tslab/dist/public.d.ts). */
interface TslabDisplay {
  html(s: string): void;
  markdown(s: string): void;
  svg(s: string): void;
  png(b: Uint8Array): void;
  text(s: string): void;
}

interface TslabGlobal {
  require(id: string): unknown;
}

/** tslab's writer of one Jupyter `display_data` message (tslab/dist/jupyter.js, `handleExecute`). */
type WriteDisplayData = (content: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

/** MIME type of Vega-Lite 5 specs in Jupyter (rendered by JupyterLab's vega5 extension). */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

let fallback: DisplayFallback = 'summary';

/**
 * Sets what rich displays do outside a notebook; returns the previous setting.
 * Tests use `'silent'` to keep their output clean.
 */
export function setDisplayFallback(mode: DisplayFallback): DisplayFallback {
  const previous = fallback;
  fallback = mode;
  return previous;
}

/** tslab's module as the running kernel sees it, or null when not running inside tslab. */
function tslabModule(): { display?: TslabDisplay; newDisplay?: () => TslabDisplay } | null {
  const kernel = (globalThis as { __tslab__?: TslabGlobal }).__tslab__;
  if (!kernel || typeof kernel.require !== 'function') return null;
  return (kernel.require('tslab') as { display?: TslabDisplay; newDisplay?: () => TslabDisplay } | undefined) ?? null;
}

/** The running kernel's writer of whole MIME bundles, or null (outside tslab, or another tslab layout). */
function bundleWriter(): WriteDisplayData | null {
  const kernel = (globalThis as { __tslab__?: TslabGlobal }).__tslab__;
  if (!kernel || typeof kernel.require !== 'function') return null;
  try {
    const jupyter = kernel.require('tslab/dist/jupyter') as { lastWriteDisplayData?: unknown } | undefined;
    return typeof jupyter?.lastWriteDisplayData === 'function' ? (jupyter.lastWriteDisplayData as WriteDisplayData) : null;
  } catch {
    return null;
  }
}

/** The kernel's display, or null when not running inside tslab. */
function tslabDisplay(): TslabDisplay | null {
  return tslabModule()?.display ?? null;
}

/**
 * A new output area whose content each call replaces in place (tslab's `newDisplay()`, sent as
 * Jupyter `update_display_data`), e.g. for live progress lines; null outside a notebook.
 */
export function updatableDisplay(): Pick<TslabDisplay, 'html' | 'text'> | null {
  const mod = tslabModule();
  return typeof mod?.newDisplay === 'function' ? mod.newDisplay() : null;
}

/** True when the code runs inside a tslab notebook kernel. */
export function inNotebook(): boolean {
  return tslabDisplay() !== null;
}

/** Prints a one-line summary of a rich output outside the notebook (unless silent). */
function summarize(kind: string, detail: string): void {
  if (fallback === 'summary') console.log(`[${kind}: ${detail}]`);
}

/** Size of a payload for summaries, e.g. "12.3 kB". */
function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** Shows an HTML fragment. */
export function displayHtml(html: string): void {
  const d = tslabDisplay();
  if (d) d.html(html);
  else summarize('html', sizeText(Buffer.byteLength(html)));
}

/** Shows Markdown; outside a notebook, prints it (unless silent). */
export function displayMarkdown(markdown: string): void {
  const d = tslabDisplay();
  if (d) d.markdown(markdown);
  else if (fallback === 'summary') console.log(markdown);
}

/** Shows plain text; outside a notebook, prints it (unless silent). */
export function displayText(text: string): void {
  const d = tslabDisplay();
  if (d) d.text(text);
  else if (fallback === 'summary') console.log(text);
}

/** Width and height attributes of an `<svg>` root, when present. */
export function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return null;
  const width = /\swidth="([\d.]+)"/.exec(root);
  const height = /\sheight="([\d.]+)"/.exec(root);
  return width && height ? { width: Number(width[1]), height: Number(height[1]) } : null;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * HTML that shows an SVG document as an `<img>` with a base64 data URI (see the file header for
 * why not inline SVG or `image/svg+xml`). `alt` is the text alternative (e.g. the figure title).
 */
export function svgImgHtml(svg: string, alt = 'figure'): string {
  const size = svgSize(svg);
  const dims = size ? ` width="${size.width}" height="${size.height}"` : '';
  const src = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  return `<img src="${src}"${dims} alt="${escapeHtml(alt)}" style="max-width:100%;height:auto">`;
}

/** Shows an SVG document (as HTML, see the file header). */
export function displaySvg(svg: string, alt = 'figure'): void {
  const d = tslabDisplay();
  if (d) d.html(svgImgHtml(svg, alt));
  else {
    const size = svgSize(svg);
    summarize('svg', `${alt}${size ? `, ${size.width}×${size.height} px` : ''}, ${sizeText(Buffer.byteLength(svg))}`);
  }
}

/** Shows a PNG image (the encoded file bytes). */
export function displayPng(png: Uint8Array, alt = 'image'): void {
  const d = tslabDisplay();
  if (d) d.png(png);
  else summarize('png', `${alt}, ${sizeText(png.length)}`);
}

/**
 * Shows a chart as one MIME bundle: the static SVG as an `<img>` in `text/html` (classic Notebook,
 * HTML reports) and its Vega-Lite spec (JupyterLab, interactive), plus a `text/plain` title.
 * `vegaLite` must be a JSON-serialisable Vega-Lite 5 spec (see `interactiveSpec` in `lib/plot/interactive.ts`).
 */
export function displayChart(svg: string, vegaLite: Record<string, unknown>, alt = 'figure'): void {
  const d = tslabDisplay();
  if (!d) {
    displaySvg(svg, alt);
    return;
  }
  const write = bundleWriter();
  const html = svgImgHtml(svg, alt);
  if (!write) {
    d.html(html);
    return;
  }
  const data = { 'text/html': html, [VEGA_LITE_MIME]: vegaLite, 'text/plain': `Figure(${JSON.stringify(alt)})` };
  write({ data, metadata: {}, transient: {} }, false);
}
