/**
 * The closing summary of notebook 05-zprime: the accuracies of the forest, the BDT and the baseline
 * network with their binomial errors, the gap between the better tree and the network in units of
 * the combined error (so that a reader sees whether accuracy can rank them at all), the best s/√b of
 * each, and the run's memory.
 *
 * Used by notebook 05-zprime.
 */
import { accuracyWithError, HEADLINE_MODELS, rowOf, type ScoreRow } from './scores';

/** An accuracy and its error. */
type WithError = { accuracy: number; error: number };

/** "0.9953 ± 0.0004". */
function formatAccuracy(a: WithError): string {
  return `${a.accuracy.toFixed(4)} ± ${a.error.toFixed(4)}`;
}

/** (better tree − network) / √(σ_tree² + σ_net²): the accuracy gap in units of its binomial error. */
export function treesMinusNetSigma(rf: WithError, bdt: WithError, net: WithError): number {
  const bestTree = rf.accuracy >= bdt.accuracy ? rf : bdt;
  return (bestTree.accuracy - net.accuracy) / Math.hypot(bestTree.error, net.error);
}

/** The gap in words: ahead only beyond 1 σ. */
export function gapVerdict(sigma: number): string {
  const who = sigma > 1 ? 'trees ahead' : sigma < -1 ? 'network ahead' : 'tie within 1 σ';
  return `${sigma >= 0 ? '+' : ''}${sigma.toFixed(1)} σ: ${who}`;
}

/** The summary table of a run (one object: label → value). */
export function runSummary(
  run: { profile: string; events: number; testEvents: number; peakRssMB: number; heapUsedMB: number },
  rows: readonly ScoreRow[],
): Record<string, string | number> {
  const [rf, bdt, net] = [HEADLINE_MODELS.rf, HEADLINE_MODELS.bdt, HEADLINE_MODELS.net].map((m) => rowOf(rows, m));
  const [accRf, accBdt, accNet] = [rf, bdt, net].map((r) => accuracyWithError(r.accuracy, run.testEvents));
  return {
    profile: run.profile, events: run.events, 'test events': run.testEvents,
    'RF accuracy': formatAccuracy(accRf), 'BDT accuracy': formatAccuracy(accBdt), 'net accuracy': formatAccuracy(accNet),
    'trees − net on accuracy': gapVerdict(treesMinusNetSigma(accRf, accBdt, accNet)),
    'best s/√b in 10 fb⁻¹ (RF / BDT / net)': [rf, bdt, net].map((r) => r.sOverSqrtB.toFixed(1)).join(' / '),
    'peak RSS MB': Math.round(run.peakRssMB), 'V8 heap MB': Math.round(run.heapUsedMB),
  };
}
