/**
 * Text and HTML forms of a progress state: `label  42% |████▏    | 420/1000 [00:12<00:17] loss 0.2345`.
 *
 * Used by `lib/train/progress.ts` (terminal bar, log lines, notebook display).
 */

/** A snapshot of a running loop. */
export interface ProgressState {
  label: string;
  /** units done so far */
  done: number;
  /** units in all, if known */
  total?: number;
  /** extra values to show, in order (`loss`, `epoch: '3/20'`, …) */
  fields: Readonly<Record<string, number | string>>;
  /** milliseconds since the start */
  elapsedMs: number;
  /** whether the loop has ended */
  finished: boolean;
}

/** `mm:ss`, or `h:mm:ss` from one hour on. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '--:--';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Integers as they are; other numbers to 4 significant digits (exponent form outside 1e-3…1e5). */
export function formatValue(v: number | string): string {
  if (typeof v === 'string') return v;
  if (Number.isNaN(v)) return 'nan';
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return String(v);
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
}

/** Estimated time left in ms (`NaN` when unknown). */
export function etaMs(state: ProgressState): number {
  if (state.total === undefined || state.done <= 0) return NaN;
  return (state.elapsedMs / state.done) * Math.max(0, state.total - state.done);
}

/** Fraction done in [0, 1] (`NaN` when the total is unknown). */
export function fractionDone(state: ProgressState): number {
  if (state.total === undefined) return NaN;
  return state.total > 0 ? Math.min(1, state.done / state.total) : 1;
}

const BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `width` cells filled to `fraction` with eighth-blocks. */
export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = BLOCKS[eighths % 8];
  return ('█'.repeat(full) + partial).padEnd(width, ' ');
}

/** The fields as `name value` pairs. */
export function formatFields(fields: Readonly<Record<string, number | string>>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k} ${formatValue(v)}`)
    .join('  ');
}

/** One line of text; `barWidth` 0 leaves the bar out (log lines). */
export function formatLine(state: ProgressState, barWidth = 20): string {
  const f = fractionDone(state);
  const parts: string[] = [];
  if (state.label) parts.push(state.label);
  if (Number.isFinite(f)) {
    parts.push(`${String(Math.floor(f * 100)).padStart(3)}%`);
    if (barWidth > 0) parts.push(`|${bar(f, barWidth)}|`);
    parts.push(`${state.done}/${state.total}`);
  } else {
    parts.push(`${state.done}`);
  }
  const time = state.finished || !Number.isFinite(f)
    ? formatDuration(state.elapsedMs)
    : `${formatDuration(state.elapsedMs)}<${formatDuration(etaMs(state))}`;
  parts.push(`[${time}]`);
  const fields = formatFields(state.fields);
  if (fields) parts.push(fields);
  return parts.join(' ');
}

/** The same content as a small HTML block (a `<progress>` bar and a monospace line). */
export function formatHtml(state: ProgressState): string {
  const f = fractionDone(state);
  const barHtml = Number.isFinite(f) ? `<progress value="${state.done}" max="${state.total}" style="width:12em;vertical-align:middle"></progress> ` : '';
  return `<div style="font-family:monospace;white-space:pre">${barHtml}${escapeHtml(formatLine(state, 0))}</div>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
