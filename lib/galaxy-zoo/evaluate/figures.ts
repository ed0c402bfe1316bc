/**
 * The figures of notebook 03-galaxy-zoo-gc's part A: hand-made feature maps and their pooling, a
 * gallery of simulated galaxies, the CNN's learning curve, predicted against true vote fractions,
 * and test galaxies captioned with the CNN's and the volunteers' answers. Display only: each shows a
 * figure in the notebook (a one-line summary outside one).
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import { imageGrid, lineChart, scatter } from '../../plot';
import type { History } from '../../train';
import { classIndex, NUM_TARGETS } from '../data/decision-tree';
import { galaxyImage, galaxyTargets } from '../data/dataset';
import type { Morphology } from '../data/morphology';
import { maxPool2, type FeatureMaps } from '../model/filters';
import { describeVotes } from './rmse';

/** The luminance image and its four feature maps, side by side. */
export async function showFeatureMaps(fm: FeatureMaps): Promise<void> {
  const { size } = fm;
  const tiles = [{ name: 'input (luminance)', map: fm.gray }, ...fm.maps];
  await imageGrid(tiles.map((m) => ({ data: m.map, height: size, width: size, title: m.name })), { columns: 5, colormap: 'gray' }).show();
}

/** Each feature map after 2×2 max pooling (half the size). */
export async function showPooledFeatureMaps(fm: FeatureMaps): Promise<void> {
  const half = fm.size / 2;
  const tiles = fm.maps.map((m) => ({ data: maxPool2(m.map, fm.size, fm.size), height: half, width: half, title: `max-pooled ${m.name}` }));
  await imageGrid(tiles, { colormap: 'gray', columns: 4, scale: 3 }).show();
}

/** A caption naming a galaxy's true morphology, e.g. `disk 2 arms bar ring`. */
export function morphologyCaption(m: Pick<Morphology, 'kind' | 'arms' | 'bar' | 'odd'>): string {
  return [m.kind, m.arms ? `${m.arms} arms` : '', m.bar ? 'bar' : '', m.odd !== 'none' ? m.odd : ''].filter(Boolean).join(' ');
}

/** The first `count` simulated galaxies, each captioned with its true morphology. */
export async function showGalaxyGallery(data: { images: Float32Array; size: number; morphologies: Morphology[] }, count = 18): Promise<void> {
  const { size } = data;
  const tiles = data.morphologies.slice(0, count).map((m, i) => ({ data: galaxyImage(data.images, size, i), height: size, width: size, title: morphologyCaption(m) }));
  await imageGrid(tiles, { channels: 3, vmin: 0, vmax: 1, columns: 6, scale: 2 }).show();
}

/** Galaxies loaded from files, titled `<id> (simulated)` (the fixture's images are simulated). */
export async function showLoadedGalaxies(set: { ids: number[]; images: Float32Array; size: number }): Promise<void> {
  const tiles = set.ids.map((id, i) => ({ data: galaxyImage(set.images, set.size, i), height: set.size, width: set.size, title: `${id} (simulated)` }));
  await imageGrid(tiles, { channels: 3, vmin: 0, vmax: 1, scale: 2 }).show();
}

/** Training and test RMSE per epoch (√ of the squared-error losses). */
export async function showRmseCurves(history: History, title = 'Galaxy Zoo CNN'): Promise<void> {
  const epoch = history.column('epoch');
  const series = [
    { name: 'train', x: epoch, y: history.column('loss').map(Math.sqrt) },
    { name: 'test', x: epoch, y: history.column('val_loss').map(Math.sqrt) },
  ];
  await lineChart(series, { xTitle: 'epoch', yTitle: 'RMSE (37 outputs)', points: true, title }).show();
}

/** The answers whose predicted and true fractions `showVoteScatters` compares. */
export const SCATTER_ANSWERS: readonly [number, number, string][] = [
  [1, 1, 'Class1.1 smooth'],
  [1, 2, 'Class1.2 features or disk'],
  [2, 1, 'Class2.1 edge-on'],
  [4, 1, 'Class4.1 spiral arms'],
];

/** Predicted against true vote fraction of four answers, one small scatter plot each. */
export async function showVoteScatters(yTrue: Float32Array, yPred: Float32Array): Promise<void> {
  const n = yTrue.length / NUM_TARGETS;
  for (const [q, a, label] of SCATTER_ANSWERS) {
    const c = classIndex(q, a);
    const column = (y: Float32Array) => Array.from({ length: n }, (_, i) => y[i * NUM_TARGETS + c]);
    const options = { xTitle: `true ${label}`, yTitle: 'predicted', diagonal: true, width: 220, height: 200, size: 12 };
    await scatter(column(yTrue), column(yPred), options).show();
  }
}

/** The first `count` test galaxies, captioned with the CNN's most-voted path and, in brackets, the volunteers'. */
export async function showPredictedGalaxies(test: { images: Float32Array; targets: Float32Array; size: number }, yPred: Float32Array, count = 12): Promise<void> {
  const s = test.size;
  const tiles = Array.from({ length: count }, (_, i) => ({
    data: galaxyImage(test.images, s, i),
    height: s,
    width: s,
    title: `${describeVotes(galaxyTargets(yPred, i), 2)} (true: ${describeVotes(galaxyTargets(test.targets, i), 2)})`,
  }));
  await imageGrid(tiles, { channels: 3, vmin: 0, vmax: 1, columns: 4, scale: 3 }).show();
}
