/**
 * The seed's numbers (Foster & Bakøy 2022, Z′ search on ATLAS open data, `004_790e8c7462ab8e44.txt`),
 * each row from one run of the seed with its section, and `zprimeResults`, which sets our models'
 * scores beside them for `recordResults`.
 *
 * Tolerances: accuracy ±0.001 (a tenth of the ~1 % signal share; the seed's network variants spread
 * over 0.0003), F1 / recall / precision ±0.03 (the spread between the seed's network variants,
 * §3.2–3.2.3). Our events are simulated, so these verdicts compare patterns, not detectors.
 *
 * Used by notebook 05-zprime (its results table and closing section).
 */
import { ownQuantity, type Direction, type Quantity } from '../results/verdict';
import type { Measured } from '../results/record';

const SEED = 'seed 004 (Foster & Bakøy 2022)';

/** One run of the seed: its scores at the 0.5 threshold, as printed in the section named. */
export type SeedRun = { model: string; accuracy: number; f1?: number; recall?: number; precision?: number; source: string };

/** The seed's runs, one row each (never mixed: §3.3's 0.9893 is a different model from §3.2's defaults). */
export const SEED_RUNS: readonly SeedRun[] = [
  { model: 'seed: random forest', accuracy: 0.9953478710086537, source: `${SEED}, §3.1` },
  { model: 'seed: tabular learner, defaults (epoch 9)', accuracy: 0.989619, f1: 0.674773, recall: 0.543448, precision: 0.889792, source: `${SEED}, §3.2` },
  { model: 'seed: label-smoothing loss (epoch 4)', accuracy: 0.989526, f1: 0.666435, recall: 0.528, precision: 0.903256, source: `${SEED}, §3.2.1` },
  { model: 'seed: under-sampling "not majority" (epoch 4)', accuracy: 0.989449, f1: 0.663294, recall: 0.524414, precision: 0.902231, source: `${SEED}, §3.2.2` },
  { model: 'seed: over-sampling "not minority" (epoch 4)', accuracy: 0.989542, f1: 0.671475, recall: 0.53931, precision: 0.889445, source: `${SEED}, §3.2.3` },
  { model: 'seed: optuna layers 800/1000/1200 (epoch 9)', accuracy: 0.989318, f1: 0.653792, recall: 0.508966, precision: 0.913819, source: `${SEED}, §3.2.4` },
  { model: 'seed: final tabular model', accuracy: 0.9893291, source: `${SEED}, §3.3 ("99.53479 vs 98.93291")` },
];

type Metric = 'accuracy' | 'f1' | 'recall' | 'precision';
const TOLERANCE: Record<Metric, number> = { accuracy: 0.001, f1: 0.03, recall: 0.03, precision: 0.03 };

/** Our model names (as the notebook's `scoreModel` rows call them) → the seed run they are compared with. */
const COMPARED: { ours: string; key: string; seed: string | null }[] = [
  { ours: 'random forest', key: 'rf', seed: 'seed: random forest' },
  { ours: 'gradient boosting', key: 'bdt', seed: null },
  { ours: 'net crossEntropy, none', key: 'net', seed: 'seed: tabular learner, defaults (epoch 9)' },
  { ours: 'net labelSmoothing, none', key: 'net_label_smoothing', seed: 'seed: label-smoothing loss (epoch 4)' },
  { ours: 'net crossEntropy, under: not majority', key: 'net_under_not_majority', seed: 'seed: under-sampling "not majority" (epoch 4)' },
  { ours: 'net crossEntropy, over: not minority', key: 'net_over_not_minority', seed: 'seed: over-sampling "not minority" (epoch 4)' },
  { ours: 'net 800/1000/1200, embedding 0.1', key: 'net_seed_layers', seed: 'seed: optuna layers 800/1000/1200 (epoch 9)' },
];

/** Our scores of one model, as `scoreModel` returns them. */
export type ModelScores = { model: string; accuracy: number; precision: number; recall: number; f1: number; auc: number; sOverSqrtB: number };

function metricQuantity(key: string, ours: string, metric: Metric, run: SeedRun | undefined): Quantity {
  const paper = run?.[metric] ?? null;
  const label = `${ours}: test ${metric}`;
  if (paper === null) return ownQuantity(`${key}_${metric}`, label, '', 'higher-is-better', run ? `${run.source}: no ${metric} given` : `${SEED}: no such model`);
  return { key: `${key}_${metric}`, label, unit: '', paper, source: run!.source, tolerance: TOLERANCE[metric], direction: 'higher-is-better' as Direction };
}

/** What a run measured besides the models' scores: the searches' best validation AUC, training events and peak memory. */
export type RunFacts = { randomBestAuc: number; tpeBestAuc: number; trainEvents: number; peakRssMB: number };

const OPTUNA = `${SEED}, §3.2.4: optuna run once, no AUC reported`;

/** The run's own quantities (no seed value): best s/√b over all models, both searches' best AUC, events, memory. */
function runQuantities(rows: readonly ModelScores[], run: RunFacts): Measured[] {
  const bestSig = Math.max(...rows.map((r) => r.sOverSqrtB));
  return [
    { ...ownQuantity('best_significance', 'best s/√b in 10 fb⁻¹ over all models', '', 'higher-is-better', `${SEED}: no significance computed`), ours: bestSig },
    { ...ownQuantity('random_best_auc', 'random search: best validation ROC AUC', '', 'higher-is-better', OPTUNA), ours: run.randomBestAuc },
    { ...ownQuantity('tpe_best_auc', 'TPE search: best validation ROC AUC', '', 'higher-is-better', OPTUNA), ours: run.tpeBestAuc },
    { ...ownQuantity('train_events', 'training events (streamed)', 'events', 'higher-is-better', `${SEED}, §4.3: 10 % of their data, count not given`), ours: run.trainEvents },
    { ...ownQuantity('peak_rss_mb', 'peak resident memory of the run', 'MB', 'lower-is-better', `${SEED}, §4.3: RAM filled by data frames, no figure`), ours: run.peakRssMB },
  ];
}

/**
 * Our scores beside the seed's runs, for `recordResults('05-zprime', ...)`: accuracy, F1, recall and
 * precision of every model the seed also ran (models missing from `rows`, e.g. variants a profile
 * skips, are left out), AUC and best s/√b of the trees and the baseline network (no seed value), and,
 * given `run`, the run's own quantities (best s/√b over all models, the searches' best AUC, events, memory).
 */
export function zprimeResults(rows: readonly ModelScores[], run?: RunFacts): Measured[] {
  const out: Measured[] = [];
  for (const c of COMPARED) {
    const row = rows.find((r) => r.model === c.ours);
    if (!row) continue;
    const run = SEED_RUNS.find((s) => s.model === c.seed);
    for (const metric of ['accuracy', 'f1', 'recall', 'precision'] as const) {
      if (metric !== 'accuracy' && !run?.[metric] && c.key !== 'net') continue; // only where the seed gives it, and for our baseline network
      out.push({ ...metricQuantity(c.key, c.ours, metric, run), ours: row[metric], headline: c.key === 'rf' && metric === 'accuracy' });
    }
    if (['rf', 'bdt', 'net'].includes(c.key)) {
      out.push({ ...ownQuantity(`${c.key}_auc`, `${c.ours}: test ROC AUC`, '', 'higher-is-better', `${SEED}: ROC plots only (§3.3)`), ours: row.auc });
      out.push({ ...ownQuantity(`${c.key}_significance`, `${c.ours}: best s/√b in 10 fb⁻¹`, '', 'higher-is-better', `${SEED}: no significance computed`), ours: row.sOverSqrtB });
    }
  }
  return run ? [...out, ...runQuantities(rows, run)] : out;
}
