/**
 * The figures and tables of notebook 03-galaxy-zoo-gc's parts B and C: the components of a counts
 * map, the J-factor profiles, example maps, learning curves, learning rates, ROC curves, confusion
 * matrices, the sensitivity curve, the profile task, and the Bayesian CNN's predictions and coverage.
 * Display functions show a figure (a one-line summary outside a notebook); the row builders are plain
 * data for `showTable`.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import { heatmap, imageGrid, lineChart, rocPlot, type Figure, type ImageGrid } from '../../plot';
import type { History } from '../../train';
import { Random } from '../../random';
import { BACKGROUND_KINDS, findMap, sceneOf, type BackgroundKind, type BackgroundModel, type GcDataset } from '../data/dataset';
import { simulateMap, type SimulatedMap } from '../data/counts-map';
import { centralMask, excessZ, backgroundInRegion, rampDmCounts, zAtStep, type VisibilityRamp } from '../data/ramp';
import { logAngles, relativeJFactor } from '../data/dark-matter';
import { GCE_BACKGROUNDS, type GceDataset } from '../data/gce';
import type { SkyGrid } from '../data/sky';
import { intervalCoverage, type McPrediction } from '../model/bayesian';
import type { LearningRateRun, TrainedClassifier } from '../train/classifier';
import { mapImage } from '../train/classifier';
import { PROFILE_CLASSES, type ProfileTaskResult } from '../train/profile-task';
import { classesAt05, learningRateVerdict, type DetectionEvaluation } from './detection';
import type { SensitivityPoint } from './sensitivity';
import { confusionMatrix } from '../../metrics';

/** Upscaling that shows a map about 150 px wide. */
export function mapScale(grid: SkyGrid): number {
  return Math.max(1, Math.round(150 / grid.width));
}

/** The expected map of each component of `parts` and the Poisson counts drawn from their sum. */
export async function showComponentMaps(parts: SimulatedMap, grid: SkyGrid): Promise<void> {
  const shape = [grid.height, grid.width, 3];
  const tile = (data: Float32Array, title: string) => ({ data: mapImage(data, 0, shape), height: grid.height, width: grid.width, title });
  const tiles = [...Object.entries(parts.expected).map(([name, m]) => tile(m, `expected: ${name}`)), tile(parts.counts, 'Poisson counts')];
  await imageGrid(tiles, { colormap: 'magma', columns: 6, scale: mapScale(grid) }).show();
}

/**
 * The DM ramp as images: one map per step of `ramp` over one background (NFW halo), titled with the
 * step, the ramp's z and the excess z this map shows in the central disc; one colour scale for all
 * panels (clipped at the 99.5th percentile), so brightness compares across steps. One figure, `ramp.steps` panels.
 */
export function rampFigure(grid: SkyGrid, model: BackgroundModel, kind: BackgroundKind, ramp: VisibilityRamp, rng: Random): ImageGrid {
  const scene = sceneOf(model, kind);
  const counts = rampDmCounts(grid, scene, { kind: 'nfw' }, ramp);
  const mask = centralMask(grid, ramp.radiusDeg);
  const b = backgroundInRegion(grid, scene, ramp.radiusDeg);
  const tiles = counts.map((c, s) => {
    const sim = simulateMap(grid, { ...scene, dm: { profile: { kind: 'nfw' }, counts: c } }, rng.fork(`ramp step ${s + 1}`));
    const title = `step ${s + 1}: z ${zAtStep(ramp, s + 1).toFixed(1)} (this map ${excessZ(sim, mask, 3, b).toFixed(1)})`;
    return { data: mapImage(sim.counts, 0, [grid.height, grid.width, 3]), height: grid.height, width: grid.width, title };
  });
  const values = Float32Array.from(tiles.flatMap((t) => Array.from(t.data))).sort();
  const vmax = values[Math.floor(0.995 * (values.length - 1))]; // clips the brightest point sources, which would set the scale
  return imageGrid(tiles, { colormap: 'magma', columns: 5, scale: mapScale(grid), vmin: 0, vmax });
}

/** The ramp as rows: step, z, and the DM counts (NFW, whole map) it takes on each background of `model`. */
export function rampRows(grid: SkyGrid, model: BackgroundModel, ramp: VisibilityRamp): Record<string, number>[] {
  const counts = BACKGROUND_KINDS.map((kind) => rampDmCounts(grid, sceneOf(model, kind), { kind: 'nfw' }, ramp));
  return counts[0].map((_, s) => ({
    step: s + 1,
    z: zAtStep(ramp, s + 1),
    ...Object.fromEntries(BACKGROUND_KINDS.map((kind, k) => [`DM counts on ${kind}`, counts[k][s]])),
  }));
}

/** J(ψ) / J(1°) of the NFW and Einasto halos from 0.02° to 6°. */
export async function showJFactorProfiles(): Promise<void> {
  const psis = logAngles(0.02, 6, 40);
  const series = [
    { name: 'NFW', x: psis, y: relativeJFactor({ kind: 'nfw' }, psis) },
    { name: 'Einasto', x: psis, y: relativeJFactor({ kind: 'einasto' }, psis) },
  ];
  await lineChart(series, { logX: true, logY: true, xTitle: 'angle from the GC ψ (deg)', yTitle: 'J(ψ) / J(1°)', title: 'J-factor profiles' }).show();
}

/** Which maps `showExampleMaps` picks: [label, DM step] for each background. */
export const EXAMPLE_PICKS: readonly (readonly [number, number])[] = [[0, 1], [1, 1], [1, 5], [1, 10]];

/** Per background: a map without DM and DM maps at steps 1, 5 and 10. */
export async function showExampleMaps(d: GcDataset, title: string): Promise<void> {
  const [height, width] = d.shape;
  const tiles = BACKGROUND_KINDS.flatMap((kind, bg) =>
    EXAMPLE_PICKS.map(([label, step]) => ({
      data: mapImage(d.maps, findMap(d, label, step, bg), d.shape),
      height,
      width,
      title: `${title} ${kind}: ${label ? `DM step ${step}` : 'no DM'}`,
    })),
  );
  await imageGrid(tiles, { colormap: 'magma', columns: 4, scale: Math.max(1, Math.round(150 / width)) }).show();
}

/** Training and validation curves of one metric of a history ('loss' or 'acc'). */
export function trainingCurves(h: History, metric: string, title: string): Figure {
  const x = h.column('epoch');
  const series = [
    { name: 'train', x, y: h.column(metric) },
    { name: 'validation', x, y: h.column(`val_${metric}`) },
  ];
  return lineChart(series, { xTitle: 'epoch', yTitle: metric, points: true, title, width: 300, height: 200 });
}

/** Loss and accuracy curves of a trained classifier. */
export async function showTrainingCurves(h: History, title: string): Promise<void> {
  await trainingCurves(h, 'loss', `${title}: loss`).show();
  await trainingCurves(h, 'acc', `${title}: accuracy`).show();
}

/** Validation accuracy and loss per epoch of the main run (lr 5·10⁻⁴, its batch) and of the seed's comparison runs. */
export async function showLearningRates(good: TrainedClassifier, runs: readonly LearningRateRun[], goodBatch: number): Promise<void> {
  for (const [metric, yTitle] of [['val_acc', 'validation accuracy'], ['val_loss', 'validation loss']] as const) {
    const series = [
      { name: `lr 5e-4, batch ${goodBatch} (Fig. 9)`, x: good.history.column('epoch'), y: good.history.column(metric) },
      ...runs.map((r) => ({ name: `lr ${r.lr}, batch ${r.batch} (${r.figure})`, x: r.run.history.column('epoch'), y: r.run.history.column(metric) })),
    ];
    await lineChart(series, { xTitle: 'epoch', yTitle, points: true, title: 'the seed\'s comparison runs' }).show();
  }
}

/** One row per comparison run: its setting, final validation accuracy and loss, best validation loss's epoch, and the verdict. */
export function learningRateRows(runs: readonly LearningRateRun[]): Record<string, string | number | undefined>[] {
  return runs.map((r) => {
    const last = r.run.history.last();
    const best = r.run.history.best('val_loss');
    return { run: r.name, lr: r.lr, batch: r.batch, seed: r.figure, 'final val accuracy': last?.val_acc, 'final val loss': last?.val_loss, 'best val loss at epoch': best?.epoch, verdict: learningRateVerdict(last?.val_acc) };
  });
}

/** ROC curves of the evaluations, the AUC in each legend. */
export function rocFigure(evals: readonly DetectionEvaluation[], title = 'GC dark matter: small model'): Figure {
  return rocPlot(evals.map((e) => ({ name: `${e.name}, AUC ${e.auc.toFixed(3)}`, fpr: e.fpr, tpr: e.tpr })), { title });
}

/** Confusion matrices (threshold 0.5) of DM classifier scores on named sets. */
export async function showConfusionMatrices(sets: readonly { name: string; label: ArrayLike<number>; score: ArrayLike<number> }[]): Promise<void> {
  for (const s of sets) {
    const matrix = confusionMatrix(s.label, classesAt05(s.score), { labels: [0, 1] }).matrix;
    const classes = ['no DM', 'DM'];
    await heatmap(matrix, { xLabels: classes, yLabels: classes, xTitle: 'predicted', yTitle: 'true', annotate: true, title: s.name, cellSize: 50 }).show();
  }
}

/** AUC and efficiency per DM step against its visibility z, familiar and unseen backgrounds. */
export async function showSensitivity(familiar: readonly SensitivityPoint[], unseen: readonly SensitivityPoint[]): Promise<void> {
  const x = (points: readonly SensitivityPoint[]) => points.map((p) => p.z);
  const series = [
    { name: 'AUC familiar', x: x(familiar), y: familiar.map((p) => p.auc) },
    { name: 'AUC unseen', x: x(unseen), y: unseen.map((p) => p.auc) },
    { name: 'efficiency familiar', x: x(familiar), y: familiar.map((p) => p.efficiency), dashed: true },
    { name: 'efficiency unseen', x: x(unseen), y: unseen.map((p) => p.efficiency), dashed: true },
  ];
  const options = { logX: true, xTitle: 'DM visibility z = S/√B in the central 1°', yTitle: 'AUC / fraction of DM maps found', points: true, title: 'sensitivity curve' };
  await lineChart(series, options).show();
}

/** The sensitivity curves as rows: step, visibility z, AUC and accuracy on familiar and unseen backgrounds. */
export function sensitivityRows(familiar: readonly SensitivityPoint[], unseen: readonly SensitivityPoint[]): Record<string, number>[] {
  return familiar.map((p, i) => ({
    step: p.step,
    z: p.z,
    'AUC familiar': p.auc,
    'AUC unseen': unseen[i]?.auc ?? NaN,
    'accuracy familiar': p.accuracy,
    'accuracy unseen': unseen[i]?.accuracy ?? NaN,
  }));
}

/** The profile task's confusion matrix, its accuracy in the title. */
export async function showProfileConfusion(r: ProfileTaskResult): Promise<void> {
  const classes = [...PROFILE_CLASSES];
  const options = { xLabels: classes, yLabels: classes, xTitle: 'predicted', yTitle: 'true', annotate: true, title: `profile task, accuracy ${r.accuracy.toFixed(3)}`, cellSize: 50 };
  await heatmap(r.confusion, options).show();
}

/** The first four GCE maps (band 4), titled with background model, point-source fraction f and γ. */
export async function showGceExamples(d: GceDataset): Promise<void> {
  const [height, width] = d.shape;
  const tiles = [0, 1, 2, 3].map((i) => ({
    data: mapImage(d.maps, i, d.shape, 4),
    height,
    width,
    title: `bg ${GCE_BACKGROUNDS[d.background[i]].name}, f=${d.psFraction[i].toFixed(2)}, γ=${d.gamma[i].toFixed(2)}`,
  }));
  await imageGrid(tiles, { colormap: 'magma', scale: 4 }).show();
}

/** Heteroscedastic training and test loss per epoch. */
export async function showBayesianLoss(history: History): Promise<void> {
  const x = history.column('epoch');
  const series = [
    { name: 'train (3 backgrounds)', x, y: history.column('loss') },
    { name: 'test (2 other backgrounds)', x, y: history.column('val_loss') },
  ];
  await lineChart(series, { xTitle: 'epoch', yTitle: 'heteroscedastic loss', points: true }).show();
}

/** Predicted point-source fraction ± total σ against the truth, maps sorted by the truth. */
export async function showGcePredictions(test: GceDataset, mc: McPrediction): Promise<void> {
  const order = Array.from(test.psFraction.keys()).sort((a, b) => test.psFraction[a] - test.psFraction[b]);
  const series = [{
    name: 'prediction ± total σ',
    x: order.map((i) => test.psFraction[i]),
    y: order.map((i) => mc.mean[i]),
    lower: order.map((i) => mc.mean[i] - mc.total[i]),
    upper: order.map((i) => mc.mean[i] + mc.total[i]),
  }];
  const options = { diagonal: true, points: true, xTitle: 'true point-source fraction', yTitle: 'predicted', title: 'test maps (unseen background models D, E)' };
  await lineChart(series, options).show();
}

/** Coverage of ±1σ and ±1.96σ and the mean σ, for the aleatoric, epistemic and total uncertainties. */
export function coverageRows(truth: ArrayLike<number>, mc: McPrediction): Record<string, string | number>[] {
  const row = (uncertainty: string, sigma: Float32Array) => ({
    uncertainty,
    '68% interval': intervalCoverage(truth, mc.mean, sigma, 1),
    '95% interval': intervalCoverage(truth, mc.mean, sigma, 1.96),
    'mean σ': sigma.reduce((a, b) => a + b, 0) / sigma.length,
  });
  return [row('aleatoric only', mc.aleatoric), row('epistemic only', mc.epistemic), row('total', mc.total)];
}
