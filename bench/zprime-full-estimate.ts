/**
 * Estimates the `full` profile of notebook 05-zprime from short timed runs (issue 17): simulates a
 * fraction of `full`'s events with `full`'s chunking, times the forest and the BDT on that table with
 * fewer trees and iterations, and times one epoch (after a warm-up epoch) and the prediction of every
 * network `full` trains — the baseline 200/100, the seed's 800/1000/1200 with embeddings × 0.1, and
 * each architecture of `full`'s search space — on at most `--rows` training events, with `full`'s batch.
 * Then it scales each part to `full`'s sizes: simulation, BDT and networks linearly in events (and in
 * trees, iterations, epochs, trials), the forest by n·log n. The searches are given as the mean over
 * the space's architectures (random search draws them uniformly) and as an upper bound (every trial
 * on the slowest architecture), both without pruning. Prints one JSON object: the measured speeds and
 * the seconds per part.
 *
 *   npx tsx bench/zprime-full-estimate.ts [--fraction 0.05] [--rows 20000] [--trees 10] [--iterations 30]
 *
 * Machines are shared: the estimate is as good as the quiet of the run.
 */
import { initBackend } from '../lib/backend';
import { Random } from '../lib/random';
import { Stopwatch } from '../lib/timer';
import { firstRows, simulateZprimeData, SPLIT_FRACTIONS } from '../lib/zprime/data/dataset';
import { CATEGORICAL_FEATURES, CONTINUOUS_FEATURES, fitStandardizer, type FeatureSet } from '../lib/zprime/data/features';
import { TabularNet, trainTabular } from '../lib/zprime/model/tabular';
import { memoryReport } from '../lib/zprime/train/memory';
import { searchSpace } from '../lib/zprime/train/network-search';
import { settings } from '../lib/zprime/train/settings';
import { trainTrees } from '../lib/zprime/train/trees';
import { imbalanceRows, NETWORK_VARIANTS, seedNetworkVariant, signalShare } from '../lib/zprime/train/variants';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Training and prediction speed (events per second) of one architecture. */
type Speed = { layers: string; embeddingScale: number; parameters: number; trainPerSecond: number; predictPerSecond: number };

/** One warm-up epoch and one timed epoch on `train`, then one timed prediction of `predict`. */
async function networkSpeed(train: FeatureSet, predict: FeatureSet, layers: readonly number[], embeddingScale: number, batch: number): Promise<Speed> {
  const dc = CONTINUOUS_FEATURES.length;
  const net = new TabularNet({
    nContinuous: dc, categoryLevels: CATEGORICAL_FEATURES.map((c) => c.levels), layers, embeddingScale, dropout: 0.1, rng: new Random(4),
    normalization: fitStandardizer(train.cont, dc), priorProbability: signalShare(train.label),
  });
  const history = await trainTabular(net, { cont: train.cont, cat: train.cat, y: train.label }, { epochs: 2, batchSize: batch, lrMax: 1e-2, loss: 'crossEntropy', rng: new Random(5), progress: 'none' });
  const clock = new Stopwatch();
  net.predictProba(predict.cont, predict.cat);
  const predictSeconds = clock.seconds();
  const out = {
    layers: layers.join('/'), embeddingScale, parameters: net.parameterCount,
    trainPerSecond: Math.round(train.n / (history.rows[1].seconds as number)), predictPerSecond: Math.round(predict.n / predictSeconds),
  };
  net.dispose();
  return out;
}

const round = (x: number) => Math.round(x);

async function main(): Promise<void> {
  const full = settings('full');
  const fraction = arg('fraction', 0.05), maxRows = arg('rows', 20_000), trees = arg('trees', 10), iterations = arg('iterations', 30);
  await initBackend({ quiet: true });
  const nEvents = Math.round(full.nEvents * fraction);
  const data = await simulateZprimeData({ ...full, nEvents }, new Random(8));
  const { split } = data;
  const scale = full.nEvents / nEvents;
  const fullTrain = split.train.n * scale, fullValidation = full.nEvents * SPLIT_FRACTIONS.validation, fullTest = full.nEvents * SPLIT_FRACTIONS.test;

  const treeRun = trainTrees(split, { rfTrees: trees, gbdtIters: iterations }, new Random(8));
  const rfScale = scale * (Math.log(fullTrain) / Math.log(split.train.n)) * (full.rfTrees / trees);

  const train = firstRows(split.train, maxRows), predict = firstRows(split.validation, maxRows);
  const speeds = new Map<string, Speed>();
  const speedOf = async (layers: readonly number[], embeddingScale: number) => {
    const key = `${layers.join('/')}@${embeddingScale}`;
    if (!speeds.has(key)) speeds.set(key, await networkSpeed(train, predict, layers, embeddingScale, full.batch));
    return speeds.get(key)!;
  };
  const baseline = await speedOf(full.layers, 1);
  const seed = seedNetworkVariant(full);
  const seedSpeed = await speedOf(seed.layers, seed.embeddingScale ?? 1);
  const space = searchSpace(full);
  const archSpeeds: Speed[] = [];
  for (const layers of space.layers) archSpeeds.push(await speedOf(layers, layers.join('/') === seed.layers.join('/') ? (seed.embeddingScale ?? 1) : 1));

  // one network: `epochs` passes over `rows` events, then the test set (or the validation set after every epoch)
  const trainSeconds = (s: Speed, rows: number, epochs: number) => (rows * epochs) / s.trainPerSecond;
  const baselineSeconds = trainSeconds(baseline, fullTrain, full.epochs) + fullTest / baseline.predictPerSecond;
  const seedSeconds = trainSeconds(seedSpeed, fullTrain, full.epochs) + fullTest / seedSpeed.predictPerSecond;
  const variantTrain = firstRows(split.train, Math.round(full.variantRows / scale));
  const variantSeconds = NETWORK_VARIANTS.slice(0, full.variants).map(([loss, imbalance]) => {
    const { rows } = imbalanceRows(variantTrain.label, imbalance, new Random(1));
    const share = (rows ? rows.length : variantTrain.n) / variantTrain.n;
    return { variant: `${loss}, ${imbalance}`, rows: round(full.variantRows * share), seconds: round(trainSeconds(baseline, full.variantRows * share, full.variantEpochs) + fullTest / baseline.predictPerSecond) };
  });
  const trialSeconds = (s: Speed) => trainSeconds(s, full.searchRows, full.trialEpochs) + (full.trialEpochs * fullValidation) / s.predictPerSecond;
  const meanTrial = archSpeeds.reduce((a, s) => a + trialSeconds(s), 0) / archSpeeds.length;
  const slowestTrial = Math.max(...archSpeeds.map(trialSeconds));
  const parts = {
    simulation: round(data.simulationSeconds * scale),
    randomForest: round(treeRun.rfSeconds * rfScale),
    bdt: round(treeRun.bdtSeconds * scale * (full.gbdtIters / iterations)),
    baselineNetwork: round(baselineSeconds),
    seedNetwork: round(seedSeconds),
    variants: variantSeconds.reduce((a, v) => a + v.seconds, 0),
    searchRandom: round(full.trials * meanTrial),
    searchTpe: round(full.trials * meanTrial),
  };
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({
    measured: {
      events: nEvents, trainEvents: split.train.n, simulationSeconds: +data.simulationSeconds.toFixed(1), rf: { trees, seconds: +treeRun.rfSeconds.toFixed(1) },
      bdt: { iterations, seconds: +treeRun.bdtSeconds.toFixed(1) }, networkRows: train.n, batch: full.batch, speeds: [...speeds.values()], peakRssMB: round(memoryReport().peakRssMB),
    },
    full: {
      events: full.nEvents, trainEvents: round(fullTrain), epochs: full.epochs, variantEpochs: full.variantEpochs, trials: full.trials, trialEpochs: full.trialEpochs,
      secondsPerPart: parts, variants: variantSeconds, searchUpperBoundEach: round(full.trials * slowestTrial), totalSeconds: total, totalHours: +(total / 3600).toFixed(2),
    },
  }, null, 1));
}

void main();
