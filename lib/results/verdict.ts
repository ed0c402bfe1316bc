/**
 * The results contract's vocabulary: a quantity a notebook measures, the seed's value for it (or none),
 * the tolerance and direction that decide the verdict, and the verdict itself.
 *
 * Each study's paper module (lib/<study>/paper) states its quantities with these types (every paper value with the seed file
 * and the section, figure or table it comes from); `record.ts` writes our numbers beside them.
 */

/** Which way a quantity improves; `closer-is-better` for a number to match (e.g. a table entry). */
export type Direction = 'higher-is-better' | 'lower-is-better' | 'closer-is-better';

/** How our number stands against the paper's, within the quantity's tolerance. */
export type Verdict = 'reproduced' | 'short' | 'exceeds' | 'no-paper-value';
export const VERDICTS: readonly Verdict[] = ['reproduced', 'short', 'exceeds', 'no-paper-value'];

/** A quantity as a study's paper module (lib/<study>/paper) states it. */
export interface Quantity {
  /** stable identifier, e.g. `vgg3d_accuracy` (lower case, digits and `_`) */
  key: string;
  /** what it is, for tables */
  label: string;
  /** unit of `paper` and `ours` ('' for a plain number or fraction) */
  unit: string;
  /** the seed's value, or null where the seed gives none */
  paper: number | null;
  /** the seed file and section / figure / table of `paper`, or why there is none */
  source: string;
  /** half-width of the band around `paper` that counts as reproduced, in `unit` (or a fraction of `paper` if `relative`) */
  tolerance: number;
  /** `tolerance` is a fraction of `paper` rather than an absolute amount */
  relative?: boolean;
  /**
   * Reproduced when `ours` lies within this factor of `paper` either way (ours/paper in [1/factor, factor],
   * both > 0), for quantities that span decades such as a table running from 1 to 10⁻⁵; replaces `tolerance`.
   */
  factor?: number;
  direction: Direction;
}

/** A quantity without a paper value (the tour, or a study's own additions). */
export function ownQuantity(key: string, label: string, unit: string, direction: Direction, why = 'not in the seed'): Quantity {
  return { key, label, unit, paper: null, source: why, tolerance: 0, direction };
}

const KEY = /^[a-z][a-z0-9_]*$/;

/** Throws unless the quantity is well formed (key syntax, finite non-negative tolerance, a source). */
export function checkQuantity(q: Quantity): void {
  const where = `quantity "${q.key}"`;
  if (!KEY.test(q.key)) throw new Error(`${where}: key must match ${KEY} (lower case, digits, _)`);
  if (!q.label) throw new Error(`${where}: empty label`);
  if (!q.source) throw new Error(`${where}: empty source (name the seed file and section, or say why there is no value)`);
  if (q.factor !== undefined && !(q.factor >= 1 && Number.isFinite(q.factor))) throw new Error(`${where}: factor must be a finite number ≥ 1, got ${q.factor}`);
  if (!(q.tolerance >= 0) || !Number.isFinite(q.tolerance)) throw new Error(`${where}: tolerance must be a finite number ≥ 0, got ${q.tolerance}`);
  if (q.paper !== null && !Number.isFinite(q.paper)) throw new Error(`${where}: paper must be a finite number or null, got ${q.paper}`);
}

/**
 * The verdict for `ours` against the quantity's paper value: `reproduced` within the tolerance,
 * otherwise `exceeds` or `short` by the direction (`closer-is-better`: outside is `short`).
 * A missing (non-finite) `ours` against a paper value is `short`.
 */
export function verdictOf(q: Quantity, ours: number | null): Verdict {
  if (q.paper === null) return 'no-paper-value';
  if (ours === null || !Number.isFinite(ours)) return 'short';
  if (q.factor !== undefined) return withinFactor(q.paper, q.factor, q.direction, ours);
  const band = q.relative ? q.tolerance * Math.abs(q.paper) : q.tolerance;
  const diff = ours - q.paper;
  if (Math.abs(diff) <= band * (1 + 1e-12)) return 'reproduced';
  if (q.direction === 'closer-is-better') return 'short';
  const better = q.direction === 'higher-is-better' ? diff > 0 : diff < 0;
  return better ? 'exceeds' : 'short';
}

/** The verdict of a quantity with a `factor`: within the factor either way, else `short` (closer) or by direction. */
function withinFactor(paper: number, factor: number, direction: Direction, ours: number): Verdict {
  if (paper > 0 && ours > 0 && Math.max(ours / paper, paper / ours) <= factor * (1 + 1e-12)) return 'reproduced';
  if (direction === 'closer-is-better') return 'short';
  const better = direction === 'higher-is-better' ? ours > paper : ours < paper;
  return better ? 'exceeds' : 'short';
}
