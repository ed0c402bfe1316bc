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
import { compareSamples, eventObservables, truncatedMultiplicityKs } from '../model/generator';
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

/** Simulated vs generated histograms of MET, HT, leading pT and the jet multiplicity (and, if given, events decoded from the N(0, 1) prior). */
export function generatorFigures(simulated: readonly DmEvent[], generated: readonly DmEvent[], fromPrior?: readonly DmEvent[]): Figure[] {
  const sim = eventObservables(simulated);
  const gen = eventObservables(generated);
  const pri = fromPrior ? eventObservables(fromPrior) : null;
  const panels: [string, [number, number], string | undefined][] = [['MET', [0, 400], 'GeV'], ['HT', [0, 1500], 'GeV'], ['leadPt', [0, 700], 'GeV'], ['nJets', [-0.5, 12.5], undefined]];
  return panels.map(([v, range, unit]) =>
    histogram([{ name: 'simulated', values: sim[v] }, { name: 'VAE, latent mixture', values: gen[v] }, ...(pri ? [{ name: 'VAE, N(0, 1) prior', values: pri[v] }] : [])], {
      bins: v.startsWith('n') ? range[1] - range[0] : 40, range, density: true, xTitle: v, xUnit: unit, width: 300, height: 200,
    }),
  );
}

/**
 * Where the jet multiplicity of a VAE generator goes wrong, computed: the best an object-slot layout of
 * `slots` objects can do (the 74-D vectors), the 28-D generator sampled from the latent mixture and from
 * the N(0, 1) prior, and two simulated samples (the noise floor); KS distances to the independent sample.
 */
export function multiplicityRows(g: { truth: readonly DmEvent[]; simulated: readonly DmEvent[]; generated: readonly DmEvent[]; generatedFromPrior: readonly DmEvent[] }, slots: number): { sample: string; 'KS nJets': number; 'KS MET': number; 'KS HT': number }[] {
  const ks = (events: readonly DmEvent[]) => {
    const rows = compareSamples(g.truth, events);
    const of = (v: string) => rows.find((r) => r.variable === v)?.ks ?? NaN;
    return { 'KS nJets': of('nJets'), 'KS MET': of('MET'), 'KS HT': of('HT') };
  };
  const truncated = g.truth.map((e) => ({ ...e, objects: [...e.objects].sort((a, b) => b.pt - a.pt).slice(0, slots) }));
  return [
    { sample: `simulated, cut to ${slots} object slots (the best the 74-D layout can do)`, ...ks(truncated), 'KS nJets': truncatedMultiplicityKs(g.truth, slots) },
    { sample: '28-D β-VAE, latent mixture (aggregate posterior), counts rounded', ...ks(g.generated) },
    { sample: '28-D β-VAE, N(0, 1) prior, counts rounded', ...ks(g.generatedFromPrior) },
    { sample: 'an independent simulated sample (noise floor)', ...ks(g.simulated) },
  ];
}

/**
 * The talk's "PCA on the latent variables": the training events' latent means μ on their first two
 * principal components, coloured by the event's jet multiplicity.
 */
export function latentPcaFigure(projected: Float64Array, events: readonly DmEvent[], ratio: ArrayLike<number>): Figure {
  const n = events.length;
  const x = Float64Array.from({ length: n }, (_, i) => projected[2 * i]);
  const y = Float64Array.from({ length: n }, (_, i) => projected[2 * i + 1]);
  const pct = (k: number) => `${(100 * ratio[k]).toFixed(0)} %`;
  return scatter(x, y, {
    color: eventObservables(events).nJets, colorTitle: 'jets', xTitle: `PC 1 (${pct(0)} of the latent variance)`, yTitle: `PC 2 (${pct(1)})`,
    title: 'β-VAE latent means of tt̄, first two principal components', maxPoints: 3000, size: 6, width: 420, height: 320,
  });
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
