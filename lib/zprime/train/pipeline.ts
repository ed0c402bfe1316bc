/**
 * The steps of notebook 05-zprime that are more than a call: streaming simulated events into the
 * compact feature table, the stratified train / validation / test split (test weights rescaled so
 * they still count the events expected in the luminosity), training one network variant (loss ×
 * imbalance remedy) and scoring it, the invariant-mass series of predicted against true signal, and
 * peak memory.
 *
 * Used by notebook 05-zprime.
 */
import type { Random } from '../../random';
import { type EventTable } from '../data/events';
import { CATEGORICAL_FEATURES, CONTINUOUS_FEATURES, concatFeatures, extractFeatures, fitStandardizer, takeFeatures, type FeatureSet } from '../data/features';
import type { LossName } from '../model/losses';
import { balancedWeights, overSample, underSample, type SamplingStrategy } from './sampling';
import { TabularNet, trainTabular } from '../model/tabular';
import { Stopwatch } from '../../timer';

/** Streams event tables (simulator or loader chunks) into one feature table; only the features are kept. */
export async function featuresFromChunks(chunks: Iterable<EventTable> | AsyncIterable<EventTable>, lumiFb: number): Promise<FeatureSet> {
  const parts: FeatureSet[] = [];
  for await (const t of chunks) parts.push(extractFeatures(t, lumiFb));
  return concatFeatures(parts);
}

/** Train / validation / test feature tables. */
export interface Split {
  train: FeatureSet;
  validation: FeatureSet;
  test: FeatureSet;
}

/** Stratified split; each part's weights are divided by its fraction, so each estimates the full luminosity. */
export function splitFeatures(f: FeatureSet, fractions: { validation: number; test: number }, rng: Random): Split {
  const idx = rng.split(f.n, fractions, f.label);
  const trainFraction = 1 - fractions.validation - fractions.test;
  return {
    train: takeFeatures(f, idx.train, 1 / trainFraction),
    validation: takeFeatures(f, idx.validation, 1 / fractions.validation),
    test: takeFeatures(f, idx.test, 1 / fractions.test),
  };
}

/** How a variant treats the class imbalance. */
export type Imbalance = 'none' | 'class weights' | `under: ${SamplingStrategy}` | `over: ${SamplingStrategy}`;

/** One network variant. */
export interface VariantConfig {
  loss: LossName;
  imbalance: Imbalance;
  layers: readonly number[];
  embeddingScale?: number;
  dropout?: number;
  epochs: number;
  batchSize: number;
  lrMax: number;
}

/** Rows and class weights a remedy implies for labels `y`. */
export function imbalanceRows(y: Uint8Array, imbalance: Imbalance, rng: Random): { rows?: Int32Array; classWeight?: [number, number] } {
  if (imbalance === 'none') return {};
  if (imbalance === 'class weights') {
    const w = balancedWeights(y);
    return { classWeight: [w[0], w[1]] };
  }
  const [kind, strategy] = imbalance.split(': ') as ['under' | 'over', SamplingStrategy];
  return { rows: kind === 'under' ? underSample(y, strategy, rng) : overSample(y, strategy, rng) };
}

/** The weighted share of signal among the training rows (the class prior the network should start from). */
export function signalShare(y: Uint8Array, rows?: Int32Array, classWeight?: readonly [number, number]): number {
  const [w0, w1] = classWeight ?? [1, 1];
  let s = 0, b = 0;
  const n = rows ? rows.length : y.length;
  for (let i = 0; i < n; i++) {
    if (y[rows ? rows[i] : i]) s += w1;
    else b += w0;
  }
  return Math.min(0.999, Math.max(1e-4, s / (s + b)));
}

/** Builds and trains a network variant; returns the net (caller disposes) and its P(signal) on `test`. */
export async function trainVariant(split: Split, cfg: VariantConfig, rng: Random): Promise<{ net: TabularNet; testScore: Float32Array; trainRows: number; seconds: number }> {
  const clock = new Stopwatch();
  const { rows, classWeight } = imbalanceRows(split.train.label, cfg.imbalance, rng.fork('sampling'));
  const net = new TabularNet({
    nContinuous: CONTINUOUS_FEATURES.length, categoryLevels: CATEGORICAL_FEATURES.map((c) => c.levels),
    layers: cfg.layers, embeddingScale: cfg.embeddingScale, dropout: cfg.dropout, rng: rng.fork('net'),
    normalization: fitStandardizer(split.train.cont, CONTINUOUS_FEATURES.length),
    priorProbability: signalShare(split.train.label, rows, classWeight),
  });
  await trainTabular(net, { cont: split.train.cont, cat: split.train.cat, y: split.train.label, rows }, {
    epochs: cfg.epochs, batchSize: cfg.batchSize, lrMax: cfg.lrMax, loss: cfg.loss, classWeight, rng: rng.fork('fit'), progress: 'none',
  });
  const testScore = net.predictProba(split.test.cont, split.test.cat);
  return { net, testScore, trainRows: rows ? rows.length : split.train.n, seconds: clock.seconds() };
}

/** Values (GeV) of a mass column for the events selected by `keep`, finite only. */
export function massesWhere(mass: Float32Array, keep: (i: number) => boolean): Float32Array {
  const out: number[] = [];
  for (let i = 0; i < mass.length; i++) if (keep(i) && Number.isFinite(mass[i])) out.push(mass[i]);
  return Float32Array.from(out);
}

/** Peak and current memory of this process, MB: maxRSS (getrusage), RSS, V8 heap and array buffers. */
export function memoryReport(): { peakRssMB: number; rssMB: number; heapUsedMB: number; arrayBuffersMB: number } {
  const m = process.memoryUsage();
  return {
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    rssMB: m.rss / 2 ** 20,
    heapUsedMB: m.heapUsed / 2 ** 20,
    arrayBuffersMB: m.arrayBuffers / 2 ** 20,
  };
}

/**
 * Masses (GeV) for one Z′ mass point, as the seed suggested (§4.1: "predict on one type of signal
 * file at a time"): among background plus the Z′ samples of mass `massGeV`, the leading-pair mass
 * of the events with `score ≥ cut` (predicted signal) and of the true Z′ → ℓℓ (objects 'lep', m_ll)
 * or Z′ → jj (objects 'jet', m_jj) events.
 */
export function massPointSeries(test: FeatureSet, score: ArrayLike<number>, cut: number, massGeV: number, objects: 'lep' | 'jet'): { predicted: Float32Array; truth: Float32Array } {
  const ofMass = new Set(test.processNames.flatMap((n, p) => (n.startsWith('Zprime_') && n.endsWith(`_${massGeV}`) ? [p] : [])));
  const channel = new Set(test.processNames.flatMap((n, p) => (ofMass.has(p) && n.includes(objects === 'lep' ? '_ll_' : '_jj_') ? [p] : [])));
  const mass = objects === 'lep' ? test.mll : test.mjj;
  const inSample = (i: number) => test.label[i] === 0 || ofMass.has(test.process[i]);
  return {
    predicted: massesWhere(mass, (i) => inSample(i) && score[i] >= cut),
    truth: massesWhere(mass, (i) => channel.has(test.process[i])),
  };
}

/** Accuracy with its binomial standard error √(a(1 − a)/n). */
export function accuracyWithError(accuracy: number, n: number): { accuracy: number; error: number } {
  return { accuracy, error: Math.sqrt((accuracy * (1 - accuracy)) / n) };
}
