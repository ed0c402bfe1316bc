/**
 * The notebook's event-generator study (`../model/generator.ts`), the talk's set-up: simulate tt̄ (no
 * channel cut), turn it into 28-D vectors (`../data/generator-features.ts`), train a β-VAE with Z = 20
 * latent dimensions on them, fit a Gaussian mixture to the aggregate posterior in latent space, sample
 * and decode as many events as were simulated (and as many from the N(0, 1) prior, for comparison),
 * simulate an independent tt̄ sample of the same size to compare with, take the PCA of the latent
 * means, and time the generation of `rateEvents` events.
 *
 * Used by notebook 04-darkmachines.
 */
import type { Random } from '../../random';
import { pca, pcaTransform, type Pca } from '../../stats';
import { Stopwatch } from '../../timer';
import type { DmEvent } from '../data/event';
import { eventsToGeneratorMatrix, StandardScaler } from '../data/generator-features';
import { simulateProcess } from '../data/simulator';
import { fitLatentPrior, generateEvents, timeGeneration } from '../model/generator';
import { buildAutoencoder, disposeAutoencoder, encode } from '../model/vae';
import { trainAutoencoder } from './autoencoder';

/** Sizes of {@link generatorStudy}. */
export interface GeneratorStudyOptions {
  /** events simulated for training, generated, and simulated again for comparison */
  nEvents: number;
  epochs: number;
  /** latent size Z (the talk: 20) and encoder widths (the decoder mirrors them) */
  latentDim: number;
  hidden: number[];
  batchSize: number;
  lr: number;
  /** β of the generator's β-VAE (default 10⁻³) */
  beta?: number;
  /** components of the latent Gaussian mixture (default 12) */
  priorComponents?: number;
  /** events generated (in blocks, then dropped) to measure the rate; the talk: 10⁷ */
  rateEvents: number;
  rng: Random;
}

/** The samples, the latent PCA and the timings of the generator study. */
export interface GeneratorStudy {
  /** the simulated training sample */
  simulated: DmEvent[];
  /** decoded from the latent mixture (the aggregate posterior) */
  generated: DmEvent[];
  /** decoded from the VAE's N(0, 1) prior */
  generatedFromPrior: DmEvent[];
  /** an independent simulated sample of the same size */
  truth: DmEvent[];
  /** PCA of the training events' latent means μ, and every event's first two principal coordinates */
  latentPca: Pca;
  latentProjected: Float64Array;
  trainSeconds: number;
  /** events generated for the rate, seconds, events per second (sampling, decoding, events built) */
  rate: { events: number; seconds: number; eventsPerSecond: number };
}

/** Runs the generator study on tt̄; the β-VAE is disposed at the end. */
export async function generatorStudy(opts: GeneratorStudyOptions): Promise<GeneratorStudy> {
  const { rng, nEvents: n } = opts;
  const simulated = simulateProcess('ttbar', n, rng.fork('simulate')).events;
  const X0 = eventsToGeneratorMatrix(simulated);
  const scaler = StandardScaler.fit(X0);
  const X = scaler.transform(X0);
  const model = buildAutoencoder({ inputDim: X.cols, latentDim: opts.latentDim, hidden: opts.hidden, variational: true, rng: rng.fork('init') });
  try {
    const clock = new Stopwatch();
    const train = { beta: opts.beta ?? 1e-3, epochs: opts.epochs, batchSize: opts.batchSize, lr: opts.lr, rng: rng.fork('train'), label: 'generator β-VAE' };
    await trainAutoencoder(model, X, train);
    const trainSeconds = clock.seconds();
    const prior = fitLatentPrior(model, X, opts.priorComponents ?? 12, rng.fork('prior'), 2);
    const generated = generateEvents(model, prior, scaler, n, rng.fork('sample'));
    const generatedFromPrior = generateEvents(model, 'standard-normal', scaler, n, rng.fork('sample N(0, 1)'));
    const mu = encode(model, X).mu;
    const latentPca = pca(mu.data, mu.rows, mu.cols, 2);
    const rate = await timeGeneration(model, prior, scaler, opts.rateEvents, rng.fork('rate'));
    const truth = simulateProcess('ttbar', n, rng.fork('fresh')).events;
    return { simulated, generated, generatedFromPrior, truth, latentPca, latentProjected: pcaTransform(latentPca, mu.data, mu.rows), trainSeconds, rate };
  } finally {
    disposeAutoencoder(model);
  }
}
