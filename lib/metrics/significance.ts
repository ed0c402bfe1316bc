/**
 * The physics figure of merit of a cut on a classifier's score: the expected significance s/√b,
 * with s and b the weighted signal and background passing the cut (weights = cross-section ×
 * luminosity / events generated, so s and b are expected event counts), at the best cut; and the
 * Asimov significance Z_A = √(2((s + b) ln(1 + s/b) − s)) (Cowan, Cranmer, Gross, Vitells 2011,
 * Eur. Phys. J. C 71:1554, eq. 97), which s/√b approximates for s ≪ b.
 *
 * Built on the cumulative counts of `curve.ts` (a sample passes when `score >= t`); the reference
 * values of `tests/metrics/significance.test.ts` come from an explicit numpy loop in
 * `tests/metrics/make_fixtures.py` (scikit-learn has no such metric).
 *
 * Used by notebook 05-zprime.
 */
import { binaryClfCurve } from './curve';

/** The best cut on the score for s/√b. */
export interface Significance {
  /** Accept `score >= threshold`; +Infinity when no cut qualifies. */
  threshold: number;
  /** Weighted signal passing (expected events). */
  s: number;
  /** Weighted background passing (expected events). */
  b: number;
  /** s / √b at the best cut (0 when no cut qualifies). */
  sOverSqrtB: number;
  /** Asimov significance at the same cut. */
  asimov: number;
  /** Simulated (unweighted) background samples passing: the statistical basis of b. */
  nBackgroundMc: number;
}

/** Options of {@link bestSignificance}. */
export interface SignificanceOptions {
  /**
   * Smallest number of simulated background samples a cut must keep (default 10), so that a cut
   * that happens to remove every background sample of a finite simulation does not give an
   * infinite significance.
   */
  minBackgroundMc?: number;
}

/**
 * Asimov significance √(2((s + b) ln(1 + s/b) − s)); NaN when b ≤ 0. ln(1 + s/b) is computed with
 * `log1p`, which keeps its precision for s ≪ b (where `log(1 + x)` loses about 1e-16/x relative).
 */
export function asimovSignificance(s: number, b: number): number {
  return b > 0 ? Math.sqrt(Math.max(0, 2 * ((s + b) * Math.log1p(s / b) - s))) : NaN;
}

/**
 * Scans the cuts `score >= t` over every distinct score of a sample of non-zero weight and returns
 * the one with the highest s/√b among those keeping at least `minBackgroundMc` background samples
 * and b > 0 (the highest such threshold when several cuts give the same s/√b).
 *
 * @param yTrue binary labels, 0 = background, 1 = signal, length n
 * @param score classifier output, larger = more signal-like, length n, finite
 * @param sampleWeight non-negative weights (expected events per sample), length n
 * @throws RangeError on bad input
 */
export function bestSignificance(yTrue: ArrayLike<number>, score: ArrayLike<number>, sampleWeight: ArrayLike<number>, options: SignificanceOptions = {}): Significance {
  const { minBackgroundMc = 10 } = options;
  const weighted = binaryClfCurve('bestSignificance', yTrue, score, sampleWeight);
  const counts = binaryClfCurve('bestSignificance', yTrue, score); // every sample, for the MC count
  let best: Significance = { threshold: Infinity, s: 0, b: 0, sOverSqrtB: 0, asimov: 0, nBackgroundMc: 0 };
  for (let k = 0, j = 0; k < weighted.thresholds.length; k++) {
    const t = weighted.thresholds[k];
    while (counts.thresholds[j] !== t) j++; // both strictly decreasing; weighted ⊆ all scores
    const s = weighted.tps[k], b = weighted.fps[k], nb = counts.fps[j];
    if (nb < minBackgroundMc || !(b > 0)) continue;
    const z = s / Math.sqrt(b);
    if (z > best.sOverSqrtB) best = { threshold: t, s, b, sOverSqrtB: z, asimov: asimovSignificance(s, b), nBackgroundMc: nb };
  }
  return best;
}
