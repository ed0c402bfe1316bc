/**
 * The NEWSdm notebook's figures and tables that take more than a few lines: a gallery of one cluster
 * per class across its 8 polarisations, the barycentre-shift plot of the seed's Fig. 3, learning
 * curves of several models on one chart, and the rows of the per-model results table.
 *
 * Used by `notebooks/01-newsdm.ipynb`.
 */
import { heatmap, histogram, imageGrid, lineChart, rocPlot, type Figure, type GridImage, type HistogramFigure, type ImageGrid, type LineSeries } from '../../plot';
import type { History } from '../../train';
import type { ClusterSet } from '../data/datasets';
import type { BinaryScores } from '../train/cnn';
import { CLASS_NAMES, N_POL, PIXEL_NM } from '../data/physics';

/** The first cluster of each true class present in `set` (index into the set), in CLASS_NAMES order. */
export function firstOfEachClass(set: ClusterSet): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  CLASS_NAMES.forEach((name, c) => {
    const i = set.trueClass.indexOf(c);
    if (i >= 0) out.push({ name, index: i });
  });
  return out;
}

/** One row of 8 tiles per cluster: the cluster at 0°, 22.5°, …, 157.5°, all tiles on one colour scale. */
export function clusterGallery(set: ClusterSet, clusters: { name: string; index: number }[], title = 'One cluster per class at the 8 polarisation angles'): ImageGrid {
  const hw = set.size * set.size;
  const tiles: GridImage[] = [];
  for (const { name, index } of clusters) {
    for (let k = 0; k < N_POL; k++) {
      const start = (index * N_POL + k) * hw;
      tiles.push({ data: set.images.subarray(start, start + hw), height: set.size, width: set.size, title: k === 0 ? `${name} 0°` : `${(22.5 * k).toFixed(1)}°` });
    }
  }
  return imageGrid(tiles, { columns: N_POL, colormap: 'magma', sharedScale: true, title });
}

/**
 * The seed's Fig. 3 (left): barycentre displacement dx, dy (pixels, 1 px = 55 nm) against the
 * polarisation angle, for the given clusters. `dx`, `dy` are [n, 8] in nm from `barycentreShifts`.
 */
export function shiftFigure(dx: Float64Array, dy: Float64Array, clusters: { name: string; index: number }[]): Figure {
  const angles = Array.from({ length: N_POL }, (_, k) => 22.5 * k);
  const series: LineSeries[] = clusters.flatMap(({ name, index }) => [
    { name: `${name} dx`, x: angles, y: Array.from(dx.subarray(index * N_POL, (index + 1) * N_POL), (v) => v / PIXEL_NM) },
    { name: `${name} dy`, x: angles, y: Array.from(dy.subarray(index * N_POL, (index + 1) * N_POL), (v) => v / PIXEL_NM), dashed: true },
  ]);
  return lineChart(series, { points: true, xTitle: 'polarisation angle', xUnit: '°', yTitle: 'barycentre displacement', yUnit: 'px', title: 'Barycentre shift across polarisations (seed Fig. 3)' });
}

/** Distribution of the RMS barycentre shift (nm) per true class. */
export function shiftHistogram(shift: Float64Array, set: ClusterSet, classes: readonly string[] = ['C100', 'gamma', 'dust', 'fog']): HistogramFigure {
  const series = classes.map((name) => {
    const c = (CLASS_NAMES as readonly string[]).indexOf(name);
    return { name, values: Array.from(shift).filter((_, i) => set.trueClass[i] === c) };
  });
  return histogram(series, { bins: 40, range: [0, 40], density: true, xTitle: 'RMS barycentre shift', xUnit: 'nm', yTitle: 'density', title: 'How far the barycentre moves, by class' });
}

/** Training (dashed) and validation accuracy per epoch of several trained models. */
export function learningCurves(runs: { name: string; history: History }[], title = 'Learning curves'): Figure {
  const series: LineSeries[] = runs.flatMap(({ name, history }) => {
    const epoch = history.column('epoch');
    const acc = history.columns().find((c) => /^(class_)?acc/.test(c)) ?? 'acc';
    const val = history.columns().find((c) => /^val_(class_)?acc/.test(c)) ?? 'val_acc';
    return [
      { name: `${name} validation`, x: epoch, y: history.column(val) },
      { name: `${name} training`, x: epoch, y: history.column(acc), dashed: true },
    ];
  });
  return lineChart(series, { points: true, xTitle: 'epoch', yTitle: 'accuracy', title });
}

/** One row of the per-model results table. */
export type ResultRow = {
  model: string;
  input: string;
  accuracy: number;
  precision: number;
  auc: number;
  threshold: number;
  'accuracy@threshold': number;
  's/epoch': number | string;
  params: number | string;
};

/** A results-table row from a model's binary scores (and its training cost, when it has one). */
export function resultRow(model: string, input: string, s: BinaryScores, cost?: { secondsPerEpoch: number; params: number }): ResultRow {
  return {
    model,
    input,
    accuracy: s.accuracy,
    precision: s.precision,
    auc: s.auc,
    threshold: s.threshold,
    'accuracy@threshold': s.accuracyAtThreshold,
    's/epoch': cost ? Number(cost.secondsPerEpoch.toFixed(2)) : '—',
    params: cost ? cost.params : '—',
  };
}

/** The ROC curves of every model on the binary test set, AUC in the legend. */
export function rocFigure(models: Record<string, BinaryScores>, title = 'ROC on the binary test set'): Figure {
  return rocPlot(Object.entries(models).map(([name, s]) => ({ name, fpr: s.roc.fpr, tpr: s.roc.tpr, auc: s.auc })), { title });
}

/**
 * The per-model results table: the trees on the 64 features, then every trained network on its input
 * (an 8×S×S×1 volume for the 3D nets, an S×S×8 image for the 2D ones) with its training cost.
 */
export function resultsRows(trees: { BDT: BinaryScores; RF: BinaryScores }, cnnScores: Record<string, BinaryScores>, trained: Partial<Record<string, { arch: string; secondsPerEpoch: number; params: number }>>, size: number): ResultRow[] {
  const input = (arch: string) => (arch.endsWith('3d') ? `8×${size}×${size}×1 volume` : `${size}×${size}×8 image`);
  const nets = Object.values(trained).filter((t): t is { arch: string; secondsPerEpoch: number; params: number } => t !== undefined);
  return [
    resultRow('BDT', '64 features', trees.BDT),
    resultRow('RF', '64 features', trees.RF),
    ...nets.map((t) => resultRow(t.arch, input(t.arch), cnnScores[t.arch], t)),
  ];
}

/** The seed's Fig. 11: test accuracy against the percentage of clusters used for training. */
export function sizeStudyFigure(points: { fraction: number; testAccuracy: number }[], model: string): Figure {
  return lineChart([{ name: model, x: points.map((r) => 100 * r.fraction), y: points.map((r) => r.testAccuracy) }], {
    points: true, xTitle: 'training set', xUnit: '% of all clusters', yTitle: 'test accuracy', title: 'Accuracy against training-set size',
  });
}

/** The six-class confusion matrix (rows: true class, normalised to 1). */
export function sixClassFigure(result: { matrix: number[][]; labelNames: readonly string[] }): Figure {
  const names = [...result.labelNames];
  return heatmap(result.matrix, { xLabels: names, yLabels: names, xTitle: 'predicted', yTitle: 'true', annotate: true, format: '.2f', title: 'Six-class confusion matrix (row-normalised)' });
}
