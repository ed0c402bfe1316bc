/**
 * The detector suite of the DarkMachines study, as in the talk ("now apply the AE/IF/GMM from before on
 * the latent space of a VAE trained on the background events", seed 002, slide after the β table): the
 * same three detectors — an autoencoder, an isolation forest and a Gaussian mixture — once on the
 * preprocessed 4-vector inputs and once on the VAE's latent means, beside the VAE's own reconstruction
 * error; all fitted on SM training rows only, evaluated against every signal.
 *
 * Used by notebook 04-darkmachines.
 */
import type { Random } from '../../random';
import type { Matrix } from '../data/features';
import type { StudyData } from '../data/study-data';
import { encode, reconstructionError, type Autoencoder } from '../model/vae';
import { autoencoderDetector, evaluateDetector, gaussianMixtureDetector, isolationForestDetector, type Detector, type DetectorResult } from './anomaly-detectors';

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
  /** Gaussian-mixture components (both spaces) */
  gmmComponents: number;
  /** isolation-forest trees (both spaces) */
  nTrees: number;
  /**
   * The input-space detectors: the autoencoder's hidden widths, latent size and epochs (the talk's
   * "AE from before"; we give it the VAE's architecture), and the EM iterations of the Gaussian mixture
   * (a full covariance in 74 dimensions costs about 0.3 s per iteration on 10⁴ rows). Omit to run the
   * latent space only.
   */
  input?: { hidden: number[]; latentDim: number; epochs: number; gmmMaxIter: number };
}

/** The space a detector runs in: the preprocessed 4-vector inputs or the VAE's latent means. */
export type DetectorSpace = 'input' | 'latent';

/** The three detectors of the talk, by kind, as named in the suite's results: `AE on input`, `GMM on latent`, … */
export const DETECTOR_KINDS = { ae: 'AE', if: 'isolation forest', gmm: 'GMM' } as const;

/** The name of a detector kind in a space, e.g. `detectorName('if', 'latent')` = 'isolation forest on latent'. */
export function detectorName(kind: keyof typeof DETECTOR_KINDS, space: DetectorSpace): string {
  return `${DETECTOR_KINDS[kind]} on ${space}`;
}

/** Scores of `detector` on the SM test rows and on each signal's rows. */
function scoreAll(detector: Detector, test: Matrix, signals: Readonly<Record<string, Matrix>>): DetectorScores {
  return { sm: detector.score(test), signals: Object.fromEntries(Object.entries(signals).map(([k, X]) => [k, detector.score(X)])) };
}

/** AE, isolation forest and GMM fitted on `train` of one space, scored on its test and signal rows. */
async function threeDetectors(
  space: DetectorSpace, rows: { train: Matrix; test: Matrix; signals: Record<string, Matrix> },
  o: { rng: Random; nTrees: number; gmmComponents: number; gmmMaxIter: number; ae: { hidden: number[]; latentDim?: number; epochs: number } },
): Promise<Record<string, DetectorScores>> {
  const scores: Record<string, DetectorScores> = {};
  const ae = await autoencoderDetector(rows.train, { rng: o.rng.fork(space === 'latent' ? 'latent AE' : 'input AE'), ...o.ae }, detectorName('ae', space));
  try {
    scores[ae.name] = scoreAll(ae, rows.test, rows.signals);
  } finally {
    ae.dispose();
  }
  const prefix = space === 'latent' ? '' : 'input ';
  const forest = isolationForestDetector(rows.train, o.rng.fork(`${prefix}isolation forest`), o.nTrees);
  scores[detectorName('if', space)] = scoreAll(forest, rows.test, rows.signals);
  const gmm = gaussianMixtureDetector(rows.train, o.rng.fork(`${prefix}GMM`), o.gmmComponents, 'full', o.gmmMaxIter);
  scores[detectorName('gmm', space)] = scoreAll(gmm, rows.test, rows.signals);
  return scores;
}

/**
 * Every detector of the study: the VAE's reconstruction error in input space; an AE, an isolation
 * forest and a Gaussian mixture on the VAE's latent means; and, with `opts.input`, the same three on the
 * preprocessed inputs. All fitted on SM training data.
 */
export async function runDetectorSuite(vae: Autoencoder, data: StudyData, opts: DetectorSuiteOptions): Promise<{ results: DetectorResult[]; scores: Record<string, DetectorScores> }> {
  const recon: Detector = { name: 'VAE reconstruction', score: (X) => Float64Array.from(reconstructionError(vae, X)) };
  const scores: Record<string, DetectorScores> = { [recon.name]: scoreAll(recon, data.smTest, data.signals) };
  const mu = (X: Matrix) => encode(vae, X).mu;
  const latent = { train: mu(data.smTrain), test: mu(data.smTest), signals: Object.fromEntries(Object.entries(data.signals).map(([k, X]) => [k, mu(X)])) };
  const common = { rng: opts.rng, nTrees: opts.nTrees, gmmComponents: opts.gmmComponents };
  Object.assign(scores, await threeDetectors('latent', latent, { ...common, gmmMaxIter: 200, ae: { hidden: [16], epochs: opts.latentAeEpochs } }));
  if (opts.input) {
    const input = { train: data.smTrain, test: data.smTest, signals: data.signals };
    const { hidden, latentDim, epochs, gmmMaxIter } = opts.input;
    Object.assign(scores, await threeDetectors('input', input, { ...common, gmmMaxIter, ae: { hidden, latentDim, epochs } }));
  }
  const results = Object.entries(scores).flatMap(([name, s]) => evaluateDetector(name, s.sm, s.signals));
  return { results, scores };
}
