/**
 * Progress display for long loops — training, simulation, tree boosting — that reads well in a
 * terminal, in CI logs and in notebooks.
 *
 * - In a tslab notebook: one HTML line, updated in place through tslab's `newDisplay()` (Jupyter
 *   `display_id` / `update_display_data`); nbclient applies the updates to the saved output, so an
 *   executed notebook keeps only the final line.
 * - On a terminal (TTY): one line redrawn with `\r`, at most every `minIntervalMs`.
 * - Elsewhere (logs, pipes): a line each time another `linesEvery` percent is done, so a long run
 *   writes about 100 / linesEvery lines, never one per step.
 *
 * `progress(total)` gives a `Progress` to `tick`; `progress(items)` wraps an (async) iterable.
 * Used by `lib/train/loop.ts` and by notebooks with slow loops.
 */
import { formatHtml, formatLine, type ProgressState } from './progress-format';
import { inNotebook, updatableDisplay } from '../display';

/** Where progress goes: anything with `write(text)`, such as `process.stdout` or a test sink. */
export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** `auto` picks notebook / bar / lines from the environment; `none` shows nothing. */
export type ProgressMode = 'auto' | 'notebook' | 'bar' | 'lines' | 'none';

/** Options of a progress display. */
export interface ProgressOptions {
  /** text before the counts, e.g. `train` or `simulate` */
  label?: string;
  /** display kind (default `auto`) */
  mode?: ProgressMode;
  /** text output (default `process.stdout`) */
  stream?: TextSink;
  /** `lines` mode: write a line every this many percent (default 10) */
  linesEvery?: number;
  /** `lines` mode with an unknown total: write a line every this many seconds (default 30) */
  linesEverySeconds?: number;
  /** least time between redraws of the bar or notebook line, in ms (default 100 / 250) */
  minIntervalMs?: number;
  /** clock in ms (default `performance.now`), to be replaced in tests */
  now?: () => number;
}

interface Renderer {
  /** shows `state` if due (or always when `state.finished`) */
  render(state: ProgressState, nowMs: number): void;
}

/** A running progress display over `total` units (unknown total: pass `undefined`). */
export class Progress {
  private readonly renderer: Renderer;
  private readonly now: () => number;
  private readonly start: number;
  private done = 0;
  private fields: Record<string, number | string> = {};
  private finished = false;

  constructor(
    private total: number | undefined,
    private readonly opts: ProgressOptions = {},
  ) {
    this.now = opts.now ?? (() => performance.now());
    this.start = this.now();
    this.renderer = makeRenderer(opts);
  }

  /** Sets the number of units done and, optionally, the values shown beside it. */
  update(done: number, fields?: Readonly<Record<string, number | string>>): void {
    if (this.finished) return;
    this.done = done;
    if (fields) this.fields = { ...fields };
    this.render();
  }

  /** Adds `n` units done. */
  tick(n = 1, fields?: Readonly<Record<string, number | string>>): void {
    this.update(this.done + n, fields);
  }

  /** Changes the total (e.g. once the size of a stream is known). */
  setTotal(total: number | undefined): void {
    this.total = total;
  }

  /** Milliseconds since the start. */
  get elapsedMs(): number {
    return this.now() - this.start;
  }

  /** Shows the final state; later updates are ignored. */
  close(fields?: Readonly<Record<string, number | string>>): void {
    if (this.finished) return;
    if (fields) this.fields = { ...fields };
    this.finished = true;
    this.render();
  }

  private render(): void {
    const now = this.now();
    const state: ProgressState = {
      label: this.opts.label ?? '',
      done: this.done,
      total: this.total,
      fields: this.fields,
      elapsedMs: now - this.start,
      finished: this.finished,
    };
    this.renderer.render(state, now);
  }
}

/** A progress display over `total` units: call `tick()` / `update()`, then `close()`. */
export function progress(total: number | undefined, opts?: ProgressOptions): Progress;
/** Wraps an array or iterable, ticking once per item and closing at the end. */
export function progress<T>(items: Iterable<T>, opts?: ProgressOptions & { total?: number }): Iterable<T>;
/** Wraps an async iterable, ticking once per item and closing at the end. */
export function progress<T>(items: AsyncIterable<T>, opts?: ProgressOptions & { total?: number }): AsyncIterable<T>;
export function progress<T>(
  arg: number | undefined | Iterable<T> | AsyncIterable<T>,
  opts: ProgressOptions & { total?: number } = {},
): Progress | Iterable<T> | AsyncIterable<T> {
  if (arg === undefined || typeof arg === 'number') return new Progress(arg as number | undefined, opts); // cast: tslab's TS 5.0 does not narrow here
  const total = opts.total ?? lengthOf(arg);
  if (Symbol.asyncIterator in arg) return wrapAsync(arg as AsyncIterable<T>, total, opts);
  return wrapSync(arg as Iterable<T>, total, opts);
}

function* wrapSync<T>(items: Iterable<T>, total: number | undefined, opts: ProgressOptions): Generator<T> {
  const bar = new Progress(total, opts);
  try {
    for (const item of items) {
      yield item;
      bar.tick();
    }
  } finally {
    bar.close();
  }
}

async function* wrapAsync<T>(items: AsyncIterable<T>, total: number | undefined, opts: ProgressOptions): AsyncGenerator<T> {
  const bar = new Progress(total, opts);
  try {
    for await (const item of items) {
      yield item;
      bar.tick();
    }
  } finally {
    bar.close();
  }
}

function lengthOf(items: object): number | undefined {
  const n = (items as { length?: unknown; size?: unknown }).length ?? (items as { size?: unknown }).size;
  return typeof n === 'number' ? n : undefined;
}

/** The display mode `auto` resolves to for `stream`. */
export function resolveMode(mode: ProgressMode = 'auto', stream: TextSink = process.stdout): Exclude<ProgressMode, 'auto'> {
  if (mode !== 'auto') return mode;
  if (inNotebook()) return 'notebook';
  return stream.isTTY ? 'bar' : 'lines';
}

function makeRenderer(opts: ProgressOptions): Renderer {
  const stream = opts.stream ?? process.stdout;
  switch (resolveMode(opts.mode, stream)) {
    case 'none':
      return { render: () => {} };
    case 'bar':
      return new BarRenderer(stream, opts.minIntervalMs ?? 100);
    case 'notebook':
      return new NotebookRenderer(opts.minIntervalMs ?? 250, new LinesRenderer(stream, opts));
    case 'lines':
      return new LinesRenderer(stream, opts);
  }
}

/** Redraws one line with `\r` (and clears the rest of it), ending with a newline. */
class BarRenderer implements Renderer {
  private last = -Infinity;
  constructor(private readonly stream: TextSink, private readonly minIntervalMs: number) {}

  render(state: ProgressState, nowMs: number): void {
    if (!state.finished && nowMs - this.last < this.minIntervalMs) return;
    this.last = nowMs;
    const width = Math.max(40, (this.stream.columns ?? 100) - 1);
    let line = formatLine(state);
    if (line.length > width) line = line.slice(0, width - 1) + '…';
    this.stream.write(`\r${line}\x1b[K${state.finished ? '\n' : ''}`);
  }
}

/** Writes a full line each time another `linesEvery` percent is done (or `linesEverySeconds` pass). */
class LinesRenderer implements Renderer {
  private nextPercent: number;
  private readonly stepPercent: number;
  private readonly everyMs: number;
  private lastLineMs: number | null = null;
  private wroteFinal = false;

  constructor(private readonly stream: TextSink, opts: ProgressOptions) {
    this.stepPercent = Math.max(1, opts.linesEvery ?? 10);
    this.nextPercent = this.stepPercent;
    this.everyMs = 1000 * (opts.linesEverySeconds ?? 30);
  }

  render(state: ProgressState, nowMs: number): void {
    if (this.wroteFinal) return;
    if (state.finished) {
      this.write(state);
      this.wroteFinal = true;
      return;
    }
    if (state.total !== undefined && state.total > 0) {
      const percent = (100 * state.done) / state.total;
      if (percent + 1e-9 < this.nextPercent || percent >= 100) return; // 100 % is written by close()
      while (this.nextPercent <= percent + 1e-9) this.nextPercent += this.stepPercent;
      this.write(state);
    } else {
      this.lastLineMs ??= nowMs;
      if (nowMs - this.lastLineMs < this.everyMs) return;
      this.lastLineMs = nowMs;
      this.write(state);
    }
  }

  private write(state: ProgressState): void {
    this.stream.write(formatLine(state, 0) + '\n');
  }
}

/** Shows an HTML line in the notebook and updates it in place; falls back to lines if tslab refuses. */
class NotebookRenderer implements Renderer {
  private display: { html(s: string): void } | null | undefined;
  private last = -Infinity;
  constructor(private readonly minIntervalMs: number, private readonly fallback: Renderer) {}

  render(state: ProgressState, nowMs: number): void {
    if (this.display === null) return this.fallback.render(state, nowMs);
    if (!state.finished && nowMs - this.last < this.minIntervalMs) return;
    this.last = nowMs;
    try {
      this.display ??= notebookDisplay();
      this.display.html(formatHtml(state));
    } catch {
      this.display = null; // e.g. tslab's "Not ready" outside a cell's execution
      this.fallback.render(state, nowMs);
    }
  }
}


/** A live-updating output area in the running notebook (see `updatableDisplay` in lib/display). */
function notebookDisplay(): { html(s: string): void } {
  const display = updatableDisplay();
  if (!display) throw new Error('progress: notebook mode needs a tslab kernel with newDisplay()');
  return display;
}
