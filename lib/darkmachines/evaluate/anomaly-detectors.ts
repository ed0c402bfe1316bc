/**
 * Anomaly detectors for the DarkMachines study, all trained on Standard-Model events only, and their
 * evaluation with the challenge's figures of merit (arXiv 2105.14027, Sec. 4): ROC AUC and the signal
 * efficiency ε_S at background efficiencies ε_B = 10⁻² and 10⁻³.
 *
 * Detectors (score: larger = more anomalous):
 * - `reconstruction`: an autoencoder's (or VAE's) reconstruction MSE, normalised by its SM-training
 *   median, in input space (the seed's "anomaly score = normalised reconstruction loss");
 * - on the VAE latent means μ: a small autoencoder (`latentAutoencoderScore`), an isolation forest
 *   (`lib/trees`, Liu et al. 2008) and a Gaussian mixture (`lib/mixture`, score −ln p(μ)).
 *
 * Used by notebook 04-darkmachines.
 */
import { rocAuc, rocCurve, signalEfficiencyAt } from '../../metrics';
import { GaussianMixture, type CovarianceType } from '../../mixture';
import type { Random } from '../../random';
import { IsolationForest } from '../../trees/isolation-forest';
import { HT, type DmEvent } from '../data/event';
import type { Matrix } from '../data/features';
import { buildAutoencoder, disposeAutoencoder, reconstructionError } from '../model/vae';
import { trainAutoencoder } from '../train/autoencoder';

/** A fitted detector: scores any matrix with the columns it was fitted on. */
export interface Detector {
  name: string;
  score(X: Matrix): Float64Array;
}

/** Median of an array (copy-sorted). */
function median(v: ArrayLike<number>): number {
  const s = Float64Array.from(v).sort();
  return s.length % 2 ? s[(s.length - 1) / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
}

/** Isolation forest on the rows of `train`; score = the paper's s(x) ∈ (0, 1]. */
export function isolationForestDetector(train: Matrix, rng: Random, nTrees = 100): Detector {
  const forest = new IsolationForest({ rng, nTrees }).fit({ data: train.data, nFeatures: train.cols });
  return { name: 'isolation forest', score: (X) => forest.anomalyScore({ data: X.data, nFeatures: X.cols }) };
}

/** Gaussian mixture on the rows of `train`; score = −ln p(x). */
export function gaussianMixtureDetector(train: Matrix, rng: Random, nComponents = 8, covarianceType: CovarianceType = 'full', maxIter = 200): Detector {
  const gm = new GaussianMixture({ nComponents, covarianceType, rng, maxIter }).fit(train.data, train.cols);
  return { name: 'Gaussian mixture', score: (X) => gm.scoreSamples(X.data).map((v) => -v) };
}

/** Options of {@link latentAutoencoderScore}. */
export interface LatentAeOptions {
  rng: Random;
  epochs: number;
  hidden?: number[];
  latentDim?: number;
  batchSize?: number;
}

/** A small autoencoder trained on `train`; score = reconstruction MSE / its training median. */
export async function autoencoderDetector(train: Matrix, opts: LatentAeOptions, name = 'latent AE'): Promise<Detector & { dispose(): void }> {
  const model = buildAutoencoder({ inputDim: train.cols, latentDim: opts.latentDim ?? Math.max(1, Math.floor(train.cols / 2)), hidden: opts.hidden ?? [16], variational: false, rng: opts.rng.fork('init') });
  await trainAutoencoder(model, train, { epochs: opts.epochs, batchSize: opts.batchSize ?? 256, lr: 3e-3, rng: opts.rng, progress: 'none' });
  const norm = median(reconstructionError(model, train)) || 1;
  return { name, score: (X) => Float64Array.from(reconstructionError(model, X), (v) => v / norm), dispose: () => disposeAutoencoder(model) };
}

/** One row of the comparison table. */
export type DetectorResult = {
  detector: string;
  signal: string;
  auc: number;
  /** ε_S at ε_B = 10⁻² */
  epsS_1e2: number;
  /** ε_S at ε_B = 10⁻³ */
  epsS_1e3: number;
};

/** Labels 0 (SM) / 1 (signal) and concatenated scores of a background and a signal sample. */
function labelled(bkg: ArrayLike<number>, sig: ArrayLike<number>): { y: Float64Array; s: Float64Array } {
  const y = new Float64Array(bkg.length + sig.length);
  y.fill(1, bkg.length);
  const s = new Float64Array(y.length);
  s.set(bkg);
  s.set(sig, bkg.length);
  return { y, s };
}

/**
 * AUC and ε_S at ε_B = 10⁻², 10⁻³ of one detector for each signal, scores on the SM test set vs each
 * signal sample (unweighted events: every signal is compared at equal footing, as in the challenge's
 * per-signal figures of merit).
 */
export function evaluateDetector(detector: string, smScores: ArrayLike<number>, signalScores: Readonly<Record<string, ArrayLike<number>>>): DetectorResult[] {
  return Object.entries(signalScores).map(([signal, sig]) => {
    const { y, s } = labelled(smScores, sig);
    return { detector, signal, auc: rocAuc(y, s), epsS_1e2: signalEfficiencyAt(y, s, 1e-2), epsS_1e3: signalEfficiencyAt(y, s, 1e-3) };
  });
}

/** ROC curve (fpr, tpr) of one detector for one signal, for `rocPlot`. */
export function detectorRoc(smScores: ArrayLike<number>, sigScores: ArrayLike<number>): { fpr: Float64Array; tpr: Float64Array } {
  const { y, s } = labelled(smScores, sigScores);
  const { fpr, tpr } = rocCurve(y, s);
  return { fpr, tpr };
}

/** results → matrix[detector][signal] of one figure of merit, with the row and column labels (for `heatmap`). */
export function resultMatrix(results: readonly DetectorResult[], key: 'auc' | 'epsS_1e2' | 'epsS_1e3'): { matrix: number[][]; detectors: string[]; signals: string[] } {
  const detectors = [...new Set(results.map((r) => r.detector))];
  const signals = [...new Set(results.map((r) => r.signal))];
  const matrix = detectors.map((d) => signals.map((s) => results.find((r) => r.detector === d && r.signal === s)?.[key] ?? NaN));
  return { matrix, detectors, signals };
}

/** The common-sense baselines: the events' MET and HT as anomaly scores, SM test vs each signal. */
export function cutBaselines(smTest: readonly DmEvent[], signals: Readonly<Record<string, readonly DmEvent[]>>): DetectorResult[] {
  const observables: [string, (e: DmEvent) => number][] = [['MET', (e) => e.MET], ['HT', HT]];
  return observables.flatMap(([name, f]) =>
    evaluateDetector(name, smTest.map(f), Object.fromEntries(Object.entries(signals).map(([k, v]) => [k, v.map(f)]))),
  );
}
