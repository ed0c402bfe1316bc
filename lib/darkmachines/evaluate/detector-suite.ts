/**
 * The detector suite of the DarkMachines study: the VAE's reconstruction error in input space, and an
 * autoencoder, an isolation forest and a Gaussian mixture on the VAE's latent means, all fitted on SM
 * training rows only, evaluated against every signal.
 *
 * Used by notebook 04-darkmachines.
 */
import type { Random } from '../../random';
import type { Matrix } from '../data/features';
import type { StudyData } from '../data/study-data';
import { encode, reconstructionError, type Autoencoder } from '../model/vae';
import { autoencoderDetector, evaluateDetector, gaussianMixtureDetector, isolationForestDetector, type DetectorResult } from './anomaly-detectors';

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
