/**
 * The training history returned by `fit` / `customFit`: one row per epoch, as a small table.
 *
 * Rows hold `epoch` (1-based), `loss`, the model's metrics, `val_`-prefixed validation values,
 * `lr` (learning rate of the epoch's last batch), `momentum` (when a schedule set it) and
 * `seconds` (wall time of the epoch, validation included). `toColumns()` gives the column form
 * that arquero (`aq.table(history.toColumns())`) and line charts take.
 *
 * Used by every notebook that trains a network.
 */

/** One epoch of training: `epoch`, `loss`, `seconds` and any metric, `val_` metric, `lr`, `momentum`. */
export interface EpochRecord {
  /** 1-based epoch number */
  epoch: number;
  /** mean training loss over the epoch's batches (weighted by batch size) */
  loss: number;
  /** wall time of the epoch in seconds, validation included */
  seconds: number;
  [name: string]: number;
}

/** Why training ended before its last epoch. */
export type StopReason = 'early-stopping' | 'nan-loss' | 'callback';

/** Where the minimum (or maximum) of a column lies. */
export interface BestEpoch {
  /** 1-based epoch */
  epoch: number;
  value: number;
}

/** Column order: epoch, loss, metrics, val_ columns, then lr, momentum, seconds. */
const TAIL = ['lr', 'momentum', 'seconds'];

/** The per-epoch record of a training run. */
export class History {
  /** one row per completed epoch, in order */
  readonly rows: EpochRecord[] = [];
  /** the quantity early stopping watched, if any */
  monitor?: string;
  /** whether smaller (`min`) or larger (`max`) values of `monitor` are better */
  mode: 'min' | 'max' = 'min';
  /** the epoch whose weights the model holds after training when best weights were restored */
  restoredEpoch?: number;
  /** the last epoch run, when training stopped before `epochs` */
  stoppedEpoch?: number;
  /** why training stopped early */
  stopReason?: StopReason;

  /** Appends one epoch's row. */
  push(row: EpochRecord): void {
    this.rows.push(row);
  }

  /** Number of epochs recorded. */
  get length(): number {
    return this.rows.length;
  }

  /** The last epoch's row, or `undefined` before the first epoch. */
  last(): EpochRecord | undefined {
    return this.rows[this.rows.length - 1];
  }

  /** Column names in display order (a name appears if any row has it). */
  columns(): string[] {
    const seen = new Set<string>();
    for (const row of this.rows) for (const key of Object.keys(row)) seen.add(key);
    const rank = (name: string): number => {
      if (name === 'epoch') return 0;
      if (TAIL.includes(name)) return 10 + TAIL.indexOf(name);
      if (name === 'loss') return 1;
      if (name === 'val_loss') return 3;
      return name.startsWith('val_') ? 4 : 2;
    };
    return [...seen].sort((a, b) => rank(a) - rank(b)); // stable: keeps metric order within a rank
  }

  /** One column as numbers (`NaN` where a row lacks it). */
  column(name: string): number[] {
    return this.rows.map((row) => (name in row ? row[name] : NaN));
  }

  /** The table as columns, e.g. `aq.table(history.toColumns())`. */
  toColumns(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const name of this.columns()) out[name] = this.column(name);
    return out;
  }

  /** The rows as plain objects (copies), e.g. `aq.from(history.toRows())`. */
  toRows(): EpochRecord[] {
    return this.rows.map((row) => ({ ...row }));
  }

  /**
   * The best epoch by `monitor` (default: the early-stopping monitor, else `val_loss` when present,
   * else `loss`); ties go to the earliest epoch. `undefined` when the column has no finite value.
   */
  best(monitor?: string, mode?: 'min' | 'max'): BestEpoch | undefined {
    const name = monitor ?? this.monitor ?? (this.columns().includes('val_loss') ? 'val_loss' : 'loss');
    const sign = (mode ?? (name === this.monitor ? this.mode : inferMode(name))) === 'min' ? 1 : -1;
    let best: BestEpoch | undefined;
    for (const row of this.rows) {
      const v = row[name];
      if (Number.isFinite(v) && (best === undefined || sign * v < sign * best.value)) best = { epoch: row.epoch, value: v };
    }
    return best;
  }

  /** A plain-text table with `digits` significant digits, for logs. */
  toString(digits = 4): string {
    const names = this.columns();
    const cells = this.rows.map((row) => names.map((n) => formatCell(row[n], n, digits)));
    const widths = names.map((n, j) => Math.max(n.length, ...cells.map((c) => c[j].length)));
    const line = (items: string[]): string => items.map((s, j) => s.padStart(widths[j])).join('  ');
    return [line(names), ...cells.map(line)].join('\n');
  }
}

/** `max` for accuracy-like names (acc, accuracy, auc, precision, recall, f1), else `min`. */
export function inferMode(name: string): 'min' | 'max' {
  const base = name.replace(/^val_/, '').toLowerCase();
  return /^(acc|accuracy|binaryaccuracy|categoricalaccuracy|auc|precision|recall|f1)/.test(base) ? 'max' : 'min';
}

function formatCell(v: number | undefined, name: string, digits: number): string {
  if (v === undefined || Number.isNaN(v)) return '';
  if (name === 'epoch') return String(v);
  if (name === 'seconds') return v.toFixed(2);
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? v.toPrecision(digits) : v.toExponential(digits - 1);
}
