/**
 * The closing numbers of notebook 04-darkmachines: each detector's figures of merit averaged over the
 * signals, the best learned detector, and the numbers `darkMachinesResults` (`../paper.ts`) sets beside
 * the talk's.
 *
 * Used by notebook 04-darkmachines.
 */
import { generatorKs, type DarkMachinesNumbers } from '../paper';
import type { VariableDistance } from '../model/generator';
import type { BetaRow } from '../train/beta-scan';
import type { DetectorResult } from './anomaly-detectors';
import { DETECTOR_KINDS, detectorName, type DetectorSpace } from './detector-suite';
import type { PmssmRow } from './scan-study';

/** One detector's AUC and ε_S at ε_B = 10⁻², each averaged over the signals (every signal weighs the same). */
export type DetectorMeans = { detector: string; meanAUC: number; meanEpsS_1e2: number };

/** The mean AUC and ε_S(ε_B = 10⁻²) over the signals of each detector, in the order the detectors first appear. */
export function meansByDetector(results: readonly DetectorResult[]): DetectorMeans[] {
  const detectors = [...new Set(results.map((r) => r.detector))];
  return detectors.map((detector) => {
    const rows = results.filter((r) => r.detector === detector);
    const mean = (key: 'auc' | 'epsS_1e2') => rows.reduce((a, r) => a + r[key], 0) / rows.length;
    return { detector, meanAUC: mean('auc'), meanEpsS_1e2: mean('epsS_1e2') };
  });
}

/** The detector of `means` with the highest mean AUC among `candidates`; throws if none is there. */
export function bestDetector(means: readonly DetectorMeans[], candidates: readonly string[]): DetectorMeans {
  const pool = means.filter((m) => candidates.includes(m.detector));
  if (pool.length === 0) throw new Error(`none of the detectors ${candidates.join(', ')} is among ${means.map((m) => m.detector).join(', ')}`);
  return pool.reduce((a, b) => (b.meanAUC > a.meanAUC ? b : a));
}

/** One row of the input-vs-latent comparison: one detector kind, its means over the signals in both spaces. */
export type SpaceComparisonRow = {
  detector: string;
  'mean AUC, input': number;
  'mean AUC, latent': number;
  'mean ε_S(1e-2), input': number;
  'mean ε_S(1e-2), latent': number;
  'mean ε_S(1e-3), input': number;
  'mean ε_S(1e-3), latent': number;
};

/** Mean of one figure of merit over the signals of one detector (NaN if the detector is not in the results). */
function meanOf(results: readonly DetectorResult[], detector: string, key: 'auc' | 'epsS_1e2' | 'epsS_1e3'): number {
  const rows = results.filter((r) => r.detector === detector);
  return rows.length ? rows.reduce((a, r) => a + r[key], 0) / rows.length : NaN;
}

/** The talk's comparison: AE, isolation forest and GMM on the 4-vector inputs against the same on the VAE's latent space. */
export function spaceComparison(results: readonly DetectorResult[]): SpaceComparisonRow[] {
  return (Object.keys(DETECTOR_KINDS) as (keyof typeof DETECTOR_KINDS)[]).map((kind) => {
    const m = (space: DetectorSpace, key: 'auc' | 'epsS_1e2' | 'epsS_1e3') => meanOf(results, detectorName(kind, space), key);
    return {
      detector: DETECTOR_KINDS[kind],
      'mean AUC, input': m('input', 'auc'), 'mean AUC, latent': m('latent', 'auc'),
      'mean ε_S(1e-2), input': m('input', 'epsS_1e2'), 'mean ε_S(1e-2), latent': m('latent', 'epsS_1e2'),
      'mean ε_S(1e-3), input': m('input', 'epsS_1e3'), 'mean ε_S(1e-3), latent': m('latent', 'epsS_1e3'),
    };
  });
}

/** One detector kind: which space gives it the higher mean AUC, and by how much in AUC and in ε_S at ε_B = 10⁻². */
export type SpaceVerdictRow = { detector: string; 'better space (AUC)': string; 'ΔAUC (latent − input)': number; 'Δε_S(1e-2) (latent − input)': number };

/** The input-vs-latent comparison reduced to its verdict per detector (from {@link spaceComparison}'s rows). */
export function spaceVerdicts(rows: readonly SpaceComparisonRow[]): SpaceVerdictRow[] {
  return rows.map((r) => {
    const dAuc = r['mean AUC, latent'] - r['mean AUC, input'];
    const better = !Number.isFinite(dAuc) ? 'not run' : dAuc > 0 ? 'latent' : dAuc < 0 ? 'input' : 'equal';
    return { detector: r.detector, 'better space (AUC)': better, 'ΔAUC (latent − input)': dAuc, 'Δε_S(1e-2) (latent − input)': r['mean ε_S(1e-2), latent'] - r['mean ε_S(1e-2), input'] };
  });
}

/** What the notebook measured, gathered for {@link DarkMachinesNumbers}. */
export interface StudyOutcome {
  betaRows: readonly BetaRow[];
  /** every detector's results (baselines included) */
  results: readonly DetectorResult[];
  /** the learned detectors' names (the baselines are not candidates for "best") */
  learned: readonly string[];
  /** the generator's rate and its generated-vs-simulated distances (`compareSamples`) */
  generator: { eventsPerSecond: number; distances: readonly VariableDistance[] };
  pmssmRows: readonly PmssmRow[];
}

/** Our numbers for `darkMachinesResults`: the best learned detector, the MET cut, the β table, the generator (rate, KS), the pMSSM scans. */
export function studyNumbers(o: StudyOutcome): DarkMachinesNumbers {
  const means = meansByDetector(o.results);
  const best = bestDetector(means, o.learned);
  const space = (s: DetectorSpace) => ({ ae: meanOf(o.results, detectorName('ae', s), 'auc'), if: meanOf(o.results, detectorName('if', s), 'auc'), gmm: meanOf(o.results, detectorName('gmm', s), 'auc') });
  const modes = (method: string) => {
    const row = o.pmssmRows.find((r) => r.method === method);
    if (!row) throw new Error(`the pMSSM table has no row "${method}" (it has ${o.pmssmRows.map((r) => r.method).join(', ')})`);
    return row.modesFound;
  };
  return {
    betaVariance: o.betaRows.map((r) => ({ beta: r.beta, avgVar: r.avgVar })),
    bestDetector: { name: best.detector, meanAuc: best.meanAUC },
    metMeanAuc: bestDetector(means, ['MET']).meanAUC,
    spaceMeanAuc: { input: space('input'), latent: space('latent') },
    generator: { eventsPerSecond: o.generator.eventsPerSecond, ks: generatorKs(o.generator.distances) },
    pmssmModes: { gpf: modes('Gaussian particle filter'), random: modes('random sampling') },
  };
}

/** "simulation / β scan / … : 1.0 / 2.0 / …" from named timings in seconds. */
export function timingCaption(timings: Readonly<Record<string, number>>): string {
  return `seconds: ${Object.keys(timings).join(' / ')}: ${Object.values(timings).map((t) => t.toFixed(1)).join(' / ')}`;
}
