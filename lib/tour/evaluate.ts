/**
 * The tour's evaluation and figures: a gallery of the first images, the elongation baseline's scores,
 * the learning curves and the test-set table (AUC, and accuracy at the cut that maximises it).
 *
 * Used by notebooks/00-tour.ipynb.
 */
import { accuracy, binarize, optimalThreshold, rocAuc } from '../metrics';
import { imageGrid, lineChart, type Figure, type ImageGrid } from '../plot';
import { ownQuantity, type Measured } from '../results';
import type { History } from '../train';
import { elongation, type ImageSet } from './data';

/** The first `count` images of `set`, titled track or blob. */
export function toyGallery(set: ImageSet, count = 16, columns = 8): ImageGrid {
  const pixels = set.size * set.size;
  const tiles = Array.from({ length: Math.min(count, set.n) }, (_, i) => ({
    data: set.x.subarray(i * pixels, (i + 1) * pixels),
    height: set.size,
    width: set.size,
    title: set.y[i] ? 'track' : 'blob',
  }));
  return imageGrid(tiles, { columns, colormap: 'magma', title: `Simulated images (${set.size}×${set.size} pixels)` });
}

/** The baseline's score of every image: log elongation (a monotonic map, so the same ROC, on a readable scale). */
export function elongationScores(set: ImageSet): Float64Array {
  return Float64Array.from({ length: set.n }, (_, i) => Math.log(elongation(set, i)));
}

/** Training and validation loss per epoch. */
export function lossCurves(history: History): Figure {
  const h = history.toColumns();
  return lineChart(
    [
      { name: 'training', x: h.epoch, y: h.loss },
      { name: 'validation', x: h.epoch, y: h.val_loss },
    ],
    { xTitle: 'epoch', yTitle: 'binary cross-entropy', title: 'Learning curves' },
  );
}

/** One row per scorer: test AUC and the accuracy at the cut that maximises accuracy (chosen on the same set). */
export function testTable(yTrue: ArrayLike<number>, scores: Record<string, ArrayLike<number>>): { model: string; AUC: number; accuracy: number }[] {
  return Object.entries(scores).map(([model, score]) => {
    const cut = optimalThreshold(yTrue, score, 'accuracy');
    return { model, AUC: rocAuc(yTrue, score), accuracy: accuracy(yTrue, binarize(score, cut.threshold)) };
  });
}

const NO_PAPER = 'the tour reproduces no paper';

/** The tour's two recorded numbers (no paper values), for `recordResults('00-tour', ...)`; the CNN's AUC is the headline. */
export function tourResults(cnnAuc: number, baselineAuc: number): Measured[] {
  return [
    { ...ownQuantity('cnn_auc', 'test AUC (CNN)', '', 'higher-is-better', NO_PAPER), ours: cnnAuc, headline: true },
    { ...ownQuantity('baseline_auc', 'test AUC (elongation baseline)', '', 'higher-is-better', NO_PAPER), ours: baselineAuc },
  ];
}
