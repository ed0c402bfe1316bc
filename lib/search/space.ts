/**
 * A typed hyper-parameter search space: uniform, log-uniform, integer and categorical dimensions
 * (the four kinds of optuna's `suggest_float`, `suggest_float(log=True)`, `suggest_int` and
 * `suggest_categorical`), random draws from it, and the internal numeric coordinates the samplers
 * of `tpe.ts` work in (ln x for log-uniform, the index for categorical).
 *
 * Used by `tpe.ts`, `optimize.ts` and `lib/zprime/train/tpe-search.ts`.
 */
import type { Random } from '../random';

/** Uniform real in [low, high]. */
export type UniformParam = { kind: 'uniform'; low: number; high: number };
/** Log-uniform real in [low, high], low > 0. */
export type LogUniformParam = { kind: 'logUniform'; low: number; high: number };
/** Integer in [low, high], both included. */
export type IntParam = { kind: 'int'; low: number; high: number };
/** One of `choices` (any values: numbers, strings, arrays of layer widths…). */
export type CategoricalParam<T = unknown> = { kind: 'categorical'; choices: readonly T[] };

export type ParamSpec = UniformParam | LogUniformParam | IntParam | CategoricalParam;
/** Named dimensions. */
export type Space = Record<string, ParamSpec>;
/** One point of a space: numbers for numeric dimensions, the chosen element for categorical ones. */
export type ParamValues<S extends Space> = { [K in keyof S]: S[K] extends CategoricalParam<infer T> ? T : number };

function checkRange(kind: string, low: number, high: number): void {
  if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) throw new RangeError(`${kind}: need finite low < high, got [${low}, ${high}]`);
}

export function uniform(low: number, high: number): UniformParam {
  checkRange('uniform', low, high);
  return { kind: 'uniform', low, high };
}

export function logUniform(low: number, high: number): LogUniformParam {
  checkRange('logUniform', low, high);
  if (!(low > 0)) throw new RangeError(`logUniform: need low > 0, got ${low}`);
  return { kind: 'logUniform', low, high };
}

export function integer(low: number, high: number): IntParam {
  if (!Number.isInteger(low) || !Number.isInteger(high) || !(low <= high)) throw new RangeError(`integer: need integers low ≤ high, got [${low}, ${high}]`);
  return { kind: 'int', low, high };
}

export function categorical<T>(choices: readonly T[]): CategoricalParam<T> {
  if (choices.length === 0) throw new RangeError('categorical: no choices');
  return { kind: 'categorical', choices };
}

/**
 * The internal coordinate's range: [low, high] (uniform), [ln low, ln high] (log-uniform),
 * [low − ½, high + ½] (integer, so that every integer owns a bin of width 1), or the indices
 * 0 … k−1 (categorical).
 */
export function internalRange(spec: ParamSpec): [number, number] {
  switch (spec.kind) {
    case 'uniform':
      return [spec.low, spec.high];
    case 'logUniform':
      return [Math.log(spec.low), Math.log(spec.high)];
    case 'int':
      return [spec.low - 0.5, spec.high + 0.5];
    case 'categorical':
      return [0, spec.choices.length - 1];
  }
}

/** A value of the dimension → its internal coordinate; throws when the value is not in the space. */
export function toInternal(name: string, spec: ParamSpec, value: unknown): number {
  if (spec.kind === 'categorical') {
    let i = spec.choices.indexOf(value);
    if (i < 0) i = spec.choices.findIndex((c) => JSON.stringify(c) === JSON.stringify(value));
    if (i < 0) throw new RangeError(`parameter ${name}: ${JSON.stringify(value)} is not one of its choices`);
    return i;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`parameter ${name}: expected a finite number, got ${JSON.stringify(value)}`);
  return spec.kind === 'logUniform' ? Math.log(value) : value;
}

/** An internal coordinate → the dimension's value (rounded and clipped for integers). */
export function fromInternal(spec: ParamSpec, u: number): unknown {
  switch (spec.kind) {
    case 'uniform':
      return Math.min(spec.high, Math.max(spec.low, u));
    case 'logUniform':
      return Math.min(spec.high, Math.max(spec.low, Math.exp(u)));
    case 'int':
      return Math.min(spec.high, Math.max(spec.low, Math.round(u)));
    case 'categorical':
      return spec.choices[Math.min(spec.choices.length - 1, Math.max(0, Math.round(u)))];
  }
}

/** One uniform draw of a dimension (log-uniform: uniform in ln x). */
export function sampleParam(spec: ParamSpec, rng: Random): unknown {
  switch (spec.kind) {
    case 'categorical':
      return spec.choices[rng.integer(0, spec.choices.length)];
    case 'int':
      return rng.integer(spec.low, spec.high + 1);
    default: {
      const [lo, hi] = internalRange(spec);
      return fromInternal(spec, rng.uniform(lo, hi));
    }
  }
}

/** One point drawn uniformly (per dimension, in its internal coordinate) from the space. */
export function sampleSpace<S extends Space>(space: S, rng: Random): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(space)) out[name] = sampleParam(space[name], rng);
  return out as ParamValues<S>;
}
