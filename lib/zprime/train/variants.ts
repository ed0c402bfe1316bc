/**
 * The network variants of notebook 05-zprime (the seed's §3.2.1–3.2.3): one tabular network per loss
 * (cross-entropy, focal, label smoothing) × class-imbalance remedy (none, class weights, imbalanced-learn
 * under- and over-sampling), each trained on the same rows and scored on the test set.
 *
 * Used by notebook 05-zprime and `bench/zprime.ts` (`signalShare`).
 */
import type { Random } from '../../random';
import { Stopwatch } from '../../timer';
import { firstRows, type Split } from '../data/dataset';
import { CATEGORICAL_FEATURES, CONTINUOUS_FEATURES, fitStandardizer } from '../data/features';
import type { LossName } from '../model/losses';
import { TabularNet, trainTabular } from '../model/tabular';
import { balancedWeights, overSample, underSample, type SamplingStrategy } from './sampling';
import type { ZprimeSettings } from './settings';

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

/** The weighted share of signal among the training rows (the class prior the network should start from), clipped to [10⁻⁴, 0.999]. */
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

/** A trained variant: the net (caller disposes), its P(signal) on the test set, its training rows and seconds. */
export interface VariantRun {
  net: TabularNet;
  testScore: Float32Array;
  trainRows: number;
  seconds: number;
}

/** Builds and trains a network variant; returns the net (caller disposes) and its P(signal) on `test`. */
export async function trainVariant(split: Split, cfg: VariantConfig, rng: Random): Promise<VariantRun> {
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

/** The baseline network of a run: cross-entropy, no remedy, dropout 0.1, one-cycle peak 10⁻² (fastai's defaults). */
export function baselineVariant(s: ZprimeSettings): VariantConfig {
  return { loss: 'crossEntropy', imbalance: 'none', layers: s.layers, dropout: 0.1, epochs: s.epochs, batchSize: s.batch, lrMax: 1e-2 };
}

/** What a trained network leaves for the evaluation: its test scores, size, training rows and seconds (the net is disposed). */
export interface NetworkScores {
  name: string;
  testScore: Float32Array;
  parameters: number;
  trainRows: number;
  seconds: number;
}

/** What the notebook shows of a trained network: weights, training rows, seconds (to 0.1 s). */
export function networkFacts(n: NetworkScores): { parameters: number; trainRows: number; seconds: number } {
  return { parameters: n.parameters, trainRows: n.trainRows, seconds: +n.seconds.toFixed(1) };
}

/** Trains a variant on all of `split.train`, scores the test set and disposes the net. */
export async function trainNetwork(name: string, split: Split, cfg: VariantConfig, rng: Random): Promise<NetworkScores> {
  const run = await trainVariant(split, cfg, rng);
  const out = { name, testScore: run.testScore, parameters: run.net.parameterCount, trainRows: run.trainRows, seconds: run.seconds };
  run.net.dispose();
  return out;
}

/**
 * The seed's best network from its optuna run (§3.2.4): the baseline's training with hidden layers
 * 800/1000/1200 and embedding sizes × 0.1 (fastai's `emb_szs` rule scaled).
 */
export function seedNetworkVariant(s: ZprimeSettings): VariantConfig {
  return { ...baselineVariant(s), layers: [800, 1000, 1200], embeddingScale: 0.1 };
}

/** The name of the seed's network in the tables (as `paper.ts` compares it with the seed's optuna run). */
export const SEED_NETWORK_NAME = 'net 800/1000/1200, embedding 0.1';

/** The seed's network trained on all training events when `s.seedNetwork` (`full`), else null (too slow for `default` on two cores). */
export async function trainSeedNetwork(split: Split, s: ZprimeSettings, rng: Random): Promise<NetworkScores | null> {
  return s.seedNetwork ? trainNetwork(SEED_NETWORK_NAME, split, seedNetworkVariant(s), rng) : null;
}

/** The variants, and the seed's network after them when it was trained (`full`), as named test scores for the comparison. */
export function withSeedNetwork(variants: readonly VariantScore[], seed: NetworkScores | null): { name: string; score: Float32Array }[] {
  const named = variants.map((v) => ({ name: v.name, score: v.score }));
  return seed ? [...named, { name: seed.name, score: seed.testScore }] : named;
}

/** The variants beside the baseline, in the order a profile takes them (`settings.variants` first ones). */
export const NETWORK_VARIANTS: readonly (readonly [LossName, Imbalance])[] = [
  ['focal', 'none'], ['labelSmoothing', 'none'], ['crossEntropy', 'class weights'],
  ['crossEntropy', 'under: not minority'], ['crossEntropy', 'under: not majority'], ['crossEntropy', 'under: all'],
  ['crossEntropy', 'over: minority'], ['crossEntropy', 'over: not minority'],
];

/** The name of a variant in the tables (as `zprimeResults` in `paper.ts` looks it up). */
export function variantName(loss: LossName, imbalance: Imbalance): string {
  return `net ${loss}, ${imbalance}`;
}

/** One trained variant's test scores (the net itself is disposed). */
export interface VariantScore {
  name: string;
  score: Float32Array;
  rows: number;
  seconds: number;
}

/**
 * Trains the first `s.variants` of `NETWORK_VARIANTS` one after the other for `s.variantEpochs` epochs on the first
 * `s.variantRows` training events (each from `rng.fork('net <loss> <imbalance>')`), disposing each net.
 */
export async function trainVariants(split: Split, s: ZprimeSettings, rng: Random): Promise<VariantScore[]> {
  const subset: Split = { ...split, train: firstRows(split.train, s.variantRows) };
  const out: VariantScore[] = [];
  for (const [loss, imbalance] of NETWORK_VARIANTS.slice(0, s.variants)) {
    const run = await trainVariant(subset, { ...baselineVariant(s), loss, imbalance, epochs: s.variantEpochs }, rng.fork(`net ${loss} ${imbalance}`));
    out.push({ name: variantName(loss, imbalance), score: run.testScore, rows: run.trainRows, seconds: run.seconds });
    run.net.dispose();
  }
  return out;
}

/** The variants as a table: name, training rows, seconds. */
export function variantsTable(runs: readonly VariantScore[]): { variant: string; 'train rows': number; seconds: number }[] {
  return runs.map((v) => ({ variant: v.name, 'train rows': v.rows, seconds: +v.seconds.toFixed(1) }));
}
