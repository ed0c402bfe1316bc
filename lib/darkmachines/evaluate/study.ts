/**
 * The DarkMachines notebook's workflow in a few calls, so that its cells stay short:
 * simulate the data set of one channel (SM train / test, every signal), preprocess it with a scaler
 * fitted on the SM training rows, run the β scan of the β-VAE (the seed's table) and the detector
 * suite on a VAE's latent space.
 *
 * Used by notebook 04-darkmachines.
 */
import { Random } from '../../random';
import { channelSelection, type ChannelName } from '../data/channels';
import { autoencoderDetector, evaluateDetector, gaussianMixtureDetector, isolationForestDetector, type DetectorResult } from './anomaly-detectors';
import type { DmEvent } from '../data/event';
import { eventsToMatrix, FeatureScaler, takeRows, type Matrix } from '../data/features';
import { SIGNAL_PROCESSES, SM_PROCESSES } from '../data/processes';
import { simulateMixture, simulateProcess } from '../data/simulator';
import { buildAutoencoder, encode, latentStatistics, reconstructionError, type Autoencoder } from '../model/vae';
import { trainAutoencoder } from '../train';
import { Stopwatch } from '../../timer';

/** Sizes of {@link buildStudyData}. */
export interface StudyDataOptions {
  channel: ChannelName;
  /** SM events in the channel (split into train and test) */
  nSM: number;
  /** events per signal in the channel */
  nSignal: number;
  /** object slots K of the feature vector */
  maxObjects: number;
  /** fraction of SM events for testing (default 0.5) */
  testFraction?: number;
  rng: Random;
}

/** Scaled matrices and the events behind them. */
export interface StudyData {
  maxObjects: number;
  scaler: FeatureScaler;
  smTrain: Matrix;
  smTest: Matrix;
  signals: Record<string, Matrix>;
  events: { smTrain: DmEvent[]; smTest: DmEvent[]; signals: Record<string, DmEvent[]> };
  /** fraction of generated SM events inside the channel */
  smEfficiency: number;
}

/** Simulates SM (mixture ∝ σ) and every signal inside `channel`, splits, fits the scaler on SM train. */
export function buildStudyData(opts: StudyDataOptions): StudyData {
  const select = channelSelection(opts.channel);
  const sm = simulateMixture(SM_PROCESSES, opts.nSM, opts.rng.fork('SM'), { select });
  const split = opts.rng.fork('split').split(opts.nSM, { test: opts.testFraction ?? 0.5 });
  const smTrainEv = Array.from(split.train, (i) => sm.events[i]);
  const smTestEv = Array.from(split.test, (i) => sm.events[i]);
  const signalEv = Object.fromEntries(SIGNAL_PROCESSES.map((p) => [p.name, simulateProcess(p, opts.nSignal, opts.rng.fork(p.name), { select, maxTriesPerEvent: 5000 }).events]));
  const K = opts.maxObjects;
  const all = eventsToMatrix(sm.events, K);
  const scaler = FeatureScaler.fit(takeRows(all, split.train), K);
  return {
    maxObjects: K,
    scaler,
    smTrain: scaler.transform(takeRows(all, split.train)),
    smTest: scaler.transform(takeRows(all, split.test)),
    signals: Object.fromEntries(Object.entries(signalEv).map(([k, v]) => [k, scaler.transform(eventsToMatrix(v, K))])),
    events: { smTrain: smTrainEv, smTest: smTestEv, signals: signalEv },
    smEfficiency: sm.efficiency,
  };
}

/** Architecture and training settings shared by the VAEs of the study. */
export interface VaeSettings {
  latentDim: number;
  hidden: number[];
  epochs: number;
  batchSize: number;
  lr: number;
}

/** One row of the β table. */
export type BetaRow = {
  beta: number;
  avgVar: number;
  avgMean: number;
  avgAbsMean: number;
  /** final training MSE and KL */
  mse: number;
  kl: number;
  seconds: number;
};

/**
 * Trains one β-VAE per β on X and measures the seed's table entries (average latent variance and
 * mean over the training events). Returns the rows and the trained models (dispose the ones you do
 * not keep).
 */
export async function betaScan(X: Matrix, betas: readonly number[], settings: VaeSettings, rng: Random): Promise<{ rows: BetaRow[]; models: Map<number, Autoencoder> }> {
  const rows: BetaRow[] = [];
  const models = new Map<number, Autoencoder>();
  for (const beta of betas) {
    const clock = new Stopwatch();
    const model = buildAutoencoder({ inputDim: X.cols, latentDim: settings.latentDim, hidden: settings.hidden, variational: true, rng: rng.fork(`init ${beta}`) });
    const history = await trainAutoencoder(model, X, { beta, epochs: settings.epochs, batchSize: settings.batchSize, lr: settings.lr, rng: rng.fork(`train ${beta}`), label: `β = ${beta}` });
    const last = history.last();
    const stats = latentStatistics(encode(model, X));
    rows.push({ beta, ...stats, mse: last?.mse ?? NaN, kl: last?.kl ?? NaN, seconds: clock.seconds() });
    models.set(beta, model);
  }
  return { rows, models };
}

/** Scores of one detector on the SM test set and on each signal. */
export interface DetectorScores {
  sm: Float64Array;
  signals: Record<string, Float64Array>;
}

/** Settings of {@link runDetectorSuite}. */
export interface DetectorSuiteOptions {
  rng: Random;
  /** epochs of the latent-space autoencoder */
  latentAeEpochs: number;
  /** Gaussian-mixture components */
  gmmComponents: number;
  /** isolation-forest trees */
  nTrees: number;
}

/**
 * Every detector of the study: the VAE's reconstruction error in input space, and an AE, an
 * isolation forest and a Gaussian mixture on the VAE's latent means; all fitted on SM training data.
 */
export async function runDetectorSuite(vae: Autoencoder, data: StudyData, opts: DetectorSuiteOptions): Promise<{ results: DetectorResult[]; scores: Record<string, DetectorScores> }> {
  const scores: Record<string, DetectorScores> = {};
  const eachSignal = (f: (X: Matrix) => Float64Array) => Object.fromEntries(Object.entries(data.signals).map(([k, X]) => [k, f(X)]));
  const recon = (X: Matrix) => Float64Array.from(reconstructionError(vae, X));
  scores['VAE reconstruction'] = { sm: recon(data.smTest), signals: eachSignal(recon) };
  const mu = (X: Matrix) => encode(vae, X).mu;
  const latentTrain = mu(data.smTrain);
  const latentTest = mu(data.smTest);
  const latentSignals = Object.fromEntries(Object.entries(data.signals).map(([k, X]) => [k, mu(X)]));
  const ae = await autoencoderDetector(latentTrain, { rng: opts.rng.fork('latent AE'), epochs: opts.latentAeEpochs, hidden: [16] }, 'AE on latent');
  const detectors = [
    ae,
    { ...isolationForestDetector(latentTrain, opts.rng.fork('isolation forest'), opts.nTrees), name: 'isolation forest on latent' },
    { ...gaussianMixtureDetector(latentTrain, opts.rng.fork('GMM'), opts.gmmComponents), name: 'GMM on latent' },
  ];
  for (const det of detectors) {
    scores[det.name] = { sm: det.score(latentTest), signals: Object.fromEntries(Object.entries(latentSignals).map(([k, Z]) => [k, det.score(Z)])) };
  }
  ae.dispose();
  const results = Object.entries(scores).flatMap(([name, s]) => evaluateDetector(name, s.sm, s.signals));
  return { results, scores };
}
