/**
 * The figures of notebook 05-zprime: the leading-lepton-pair mass of the sample, the search trials
 * and the best value so far of the random and the TPE search,
 * confusion matrices, ROC and precision–recall curves, score distributions, and the invariant mass of
 * the events each classifier selects against the true signal (all Z′ masses, then one mass at a time).
 * Each function builds the figure from the study's tables; the `show…` ones also display it.
 *
 * Used by notebook 05-zprime.
 */
import { averagePrecision, precisionRecallCurve, rocAuc, rocCurve } from '../../metrics';
import { heatmap, histogram, lineChart, rocPlot, type Figure, type HistogramFigure } from '../../plot';
import { massesByClass } from '../data/dataset';
import type { FeatureSet } from '../data/features';
import { ZPRIME_MASSES_GEV } from '../data/processes';
import { bestSoFar, type SearchRun } from '../train/network-search';
import type { Trial } from '../train/search';
import { massPointSeries, pairMass, selectedMasses, type Selection } from './masses';
import { confusionAt, type NamedScore } from './scores';

/** m_ll of the two leading leptons, background against Z′ signal, unweighted MC events on a log axis. */
export function leptonPairMassFigure(all: FeatureSet): HistogramFigure {
  const { background, signal } = massesByClass(all, all.mll);
  return histogram([{ name: 'background', values: background }, { name: 'Z′ signal', values: signal }], {
    bins: 80, range: [0, 4000], logY: true, xTitle: 'm_ll', xUnit: 'GeV', yTitle: 'MC events', title: 'Leading-lepton-pair mass (unweighted)',
  });
}

/** Validation AUC after each epoch of every trial (dashed: pruned). */
export function trialsFigure(trials: readonly Trial[], title: string): Figure {
  const series = trials.map((t) => ({ name: `#${t.id} ${t.state}`, x: t.values.map((_, e) => e + 1), y: t.values, dashed: t.state === 'pruned' }));
  return lineChart(series, { xTitle: 'epoch', yTitle: 'validation AUC', title, points: true });
}

/** The best completed validation AUC so far against the trial number, one line per search (random, TPE). */
export function searchProgressFigure(runs: readonly SearchRun[]): Figure {
  const series = runs.map((r) => ({ name: r.sampler === 'tpe' ? 'TPE' : 'random', x: r.trials.map((t) => t.id + 1), y: bestSoFar(r.trials) }));
  return lineChart(series, { xTitle: 'trial', yTitle: 'best validation AUC so far', title: 'Random search and TPE, same space and budget', points: true });
}

/** Confusion matrices [[TN, FP], [FN, TP]] at 0.5 of each model, shown one after the other. */
export async function showConfusionMatrices(y: ArrayLike<number>, models: readonly NamedScore[]): Promise<void> {
  const axes = { xLabels: ['background', 'Z′'], yLabels: ['background', 'Z′'], xTitle: 'predicted', yTitle: 'true', colormap: 'magma' as const };
  for (const [name, score] of models) await heatmap(confusionAt(y, score), { title: name, ...axes }).show();
}

/** ROC curves of the models, AUC in the legend. */
export function rocFigure(y: ArrayLike<number>, models: readonly NamedScore[]): Figure {
  return rocPlot(models.map(([name, s]) => ({ name, ...rocCurve(y, s), auc: rocAuc(y, s) })), { title: 'ROC' });
}

/** Precision against recall of the models, average precision in the legend. */
export function precisionRecallFigure(y: ArrayLike<number>, models: readonly NamedScore[]): Figure {
  const series = models.map(([name, s]) => {
    const pr = precisionRecallCurve(y, s);
    return { name: `${name} (AP ${averagePrecision(y, s).toFixed(3)})`, x: pr.recall, y: pr.precision };
  });
  return lineChart(series, { xTitle: 'recall (signal efficiency)', yTitle: 'precision (purity)', title: 'Precision–recall' });
}

/** Values of `score` for the events of class `label`. */
function scoresOfClass(y: ArrayLike<number>, score: ArrayLike<number>, label: 0 | 1): Float32Array {
  return Float32Array.from(score).filter((_, i) => y[i] === label);
}

/** One histogram per model of its score, background against signal test events, log axis. */
export async function showScoreDistributions(y: ArrayLike<number>, models: readonly NamedScore[]): Promise<void> {
  for (const [name, s] of models) {
    const series = [{ name: 'background', values: scoresOfClass(y, s, 0) }, { name: 'Z′ signal', values: scoresOfClass(y, s, 1) }];
    await histogram(series, { bins: 50, range: [0, 1], logY: true, xTitle: `${name} score`, yTitle: 'test events', title: name }).show();
  }
}

const PAIRS = [['lep', 'm_ll', 'leptons'], ['jet', 'm_jj', 'jets']] as const;

/**
 * For leptons (m_ll) and jets (m_jj): the mass of the events each selection calls signal beside the
 * true signal, all Z′ masses combined, on the same axes (GeV, log scale, test events).
 */
export async function showSelectedMassSpectra(test: FeatureSet, selections: readonly Selection[]): Promise<void> {
  for (const [objects, label, title] of PAIRS) {
    const predicted = selections.map((sel) => ({ name: `${sel.name} selects`, values: selectedMasses(test, sel, objects) }));
    const truth = { name: 'true signal', values: massesByClass(test, pairMass(test, objects)).signal };
    await histogram([...predicted, truth], {
      bins: 70, range: [0, 3500], logY: true, xTitle: label, xUnit: 'GeV', yTitle: 'test events', title: `All Z′ masses combined: ${title} ${label}`,
    }).show();
  }
}

/** Per Z′ mass and per channel: the selection's predicted signal (background + that Z′) against the true Z′. */
export async function showMassPoints(test: FeatureSet, sel: Selection): Promise<void> {
  for (const M of ZPRIME_MASSES_GEV) {
    for (const [objects, label] of PAIRS) {
      const { predicted, truth } = massPointSeries(test, sel.score, sel.cut, M, objects);
      const series = [{ name: `${sel.name} selects`, values: predicted }, { name: `true Z′ → ${objects === 'lep' ? 'ℓℓ' : 'jj'}`, values: truth }];
      await histogram(series, {
        bins: 60, range: [0, 1.6 * M], logY: true, xTitle: label, xUnit: 'GeV', yTitle: 'test events',
        title: `Background + Z′ (${M} GeV): ${label}`, width: 300, height: 200,
      }).show();
    }
  }
}
