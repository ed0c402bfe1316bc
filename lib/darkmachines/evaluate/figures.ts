/**
 * The figures and display tables of notebook 04-darkmachines, built from the study's results so that
 * its cells stay one call long: MET and HT of SM and signals, the β table as a chart, the detectors'
 * AUC and ε_S heat maps and ROC curves, the generator's distributions, the scans' projections.
 * Builders return figures; {@link showFigures} shows several in order.
 *
 * Used by notebook 04-darkmachines.
 */
import { heatmap, histogram, lineChart, rocPlot, scatter, type Figure } from '../../plot';
import { HT, type DmEvent } from '../data/event';
import { PMSSM_PARAMETERS, type PmssmToy } from '../data/pmssm-toy';
import { SEED_BETA_TABLE } from '../paper';
import { eventObservables } from '../model/generator';
import type { ScanResult } from '../model/scanners';
import type { BetaRow } from '../train/beta-scan';
import { detectorRoc, resultMatrix, type DetectorResult } from './anomaly-detectors';
import type { DetectorScores } from './detector-suite';
import { projection } from './scan-study';

/** Shows the figures one after the other (in the notebook, in this order). */
export async function showFigures(figures: readonly Figure[]): Promise<void> {
  for (const f of figures) await f.show();
}

/** Shape of the process table: one row per process with its kind, σ and physics. */
export function processRows(processes: readonly { name: string; kind: string; crossSectionPb: number; description: string }[]): Record<string, string | number>[] {
  return processes.map((p) => ({ process: p.name, kind: p.kind, 'σ [pb]': p.crossSectionPb, physics: p.description }));
}

/** MET and HT (density, log y) of the SM test events and of the named signals. */
export function metHtFigures(sm: readonly DmEvent[], signals: Readonly<Record<string, readonly DmEvent[]>>, shown: readonly string[]): Figure[] {
  const series = (f: (e: DmEvent) => number) => [{ name: 'SM (channel 3)', values: sm.map(f) }, ...shown.map((s) => ({ name: s, values: signals[s].map(f) }))];
  return [
    histogram(series((e) => e.MET), { bins: 40, range: [100, 1500], density: true, logY: true, xTitle: 'MET', xUnit: 'GeV', title: 'Missing transverse energy' }),
    histogram(series(HT), { bins: 40, range: [600, 3500], density: true, logY: true, xTitle: 'HT', xUnit: 'GeV', title: 'Scalar sum of jet pT' }),
  ];
}

/** The average latent variance against β, ours and the talk's, with our reconstruction MSE (β > 0: log axes). */
export function betaChart(rows: readonly BetaRow[]): Figure {
  const positive = rows.filter((r) => r.beta > 0);
  const x = positive.map((r) => r.beta);
  return lineChart(
    [
      { name: 'avg latent variance (ours)', x, y: positive.map((r) => r.avgVar) },
      { name: 'avg latent variance (seed)', x, y: positive.map((r) => SEED_BETA_TABLE.get(r.beta)?.[0] ?? NaN), dashed: true },
      { name: 'reconstruction MSE (ours)', x, y: positive.map((r) => r.mse) },
    ],
    { logX: true, logY: true, points: true, xTitle: 'β', yTitle: 'value', title: 'β trades reconstruction for an ordered latent space' },
  );
}

/** Heat maps detector × signal of the ROC AUC and of ε_S at ε_B = 10⁻². */
export function detectorHeatmaps(results: readonly DetectorResult[]): { auc: Figure; epsS: Figure } {
  const a = resultMatrix(results, 'auc');
  const e = resultMatrix(results, 'epsS_1e2');
  const common = { xTitle: 'signal', yTitle: 'detector', cellSize: 60, format: '.2f' };
  return {
    auc: heatmap(a.matrix, { ...common, xLabels: a.signals, yLabels: a.detectors, colorTitle: 'AUC', vmin: 0.3, vmax: 1, title: 'ROC AUC' }),
    epsS: heatmap(e.matrix, { ...common, xLabels: e.signals, yLabels: e.detectors, colorTitle: 'ε_S', title: 'ε_S at ε_B = 10⁻²' }),
  };
}

/** ROC curves (log ε_B) of every scored detector for one signal, each labelled with its AUC. */
export function detectorRocFigure(scores: Readonly<Record<string, DetectorScores>>, results: readonly DetectorResult[], signal: string, title?: string): Figure {
  const curves = Object.entries(scores).map(([name, s]) => ({
    name,
    ...detectorRoc(s.sm, s.signals[signal]),
    auc: results.find((r) => r.detector === name && r.signal === signal)?.auc,
  }));
  return rocPlot(curves, { logFpr: true, title: title ?? `ROC for ${signal}` });
}

/** Simulated vs generated histograms of MET, HT, leading pT and the jet multiplicity. */
export function generatorFigures(simulated: readonly DmEvent[], generated: readonly DmEvent[]): Figure[] {
  const sim = eventObservables(simulated);
  const gen = eventObservables(generated);
  const panels: [string, [number, number], string | undefined][] = [['MET', [0, 400], 'GeV'], ['HT', [0, 1500], 'GeV'], ['leadPt', [0, 700], 'GeV'], ['nJets', [-0.5, 8.5], undefined]];
  return panels.map(([v, range, unit]) =>
    histogram([{ name: 'simulated', values: sim[v] }, { name: 'VAE-generated', values: gen[v] }], {
      bins: v.startsWith('n') ? range[1] - range[0] : 40, range, density: true, xTitle: v, xUnit: unit, width: 300, height: 200,
    }),
  );
}

/** Scatter plots of the scans' points in the (parameter i, parameter j) plane of the pMSSM toy, coloured by iteration. */
export function pmssmProjections(scans: Readonly<Record<string, ScanResult>>, toy: PmssmToy, methods: readonly string[], i: number, j: number): Figure[] {
  return methods.map((method) => {
    const pr = projection(scans[method], toy.dim, i, j);
    return scatter(pr.x, pr.y, {
      color: pr.iteration, colorTitle: 'iteration', xTitle: PMSSM_PARAMETERS[i].name, xUnit: 'GeV', yTitle: PMSSM_PARAMETERS[j].name, yUnit: 'GeV',
      title: method, maxPoints: 2500, size: 6, width: 320, height: 280,
    });
  });
}
