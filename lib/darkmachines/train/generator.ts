/**
 * The notebook's event-generator study (`../model/generator.ts`): simulate tt̄ (no channel cut), scale it,
 * train a β-VAE on it, fit a Gaussian mixture to the aggregate posterior in latent space, sample and
 * decode as many events as were simulated, and simulate an independent tt̄ sample of the same size to
 * compare with.
 *
 * Used by notebook 04-darkmachines.
 */
import type { Random } from '../../random';
import { Stopwatch } from '../../timer';
import type { DmEvent } from '../data/event';
import { eventsToMatrix, FeatureScaler } from '../data/features';
import { simulateProcess } from '../data/simulator';
import { fitLatentPrior, generateEvents } from '../model/generator';
import { buildAutoencoder, disposeAutoencoder } from '../model/vae';
import { trainAutoencoder } from './autoencoder';
import type { VaeSettings } from './beta-scan';

/** Sizes of {@link generatorStudy}. */
export interface GeneratorStudyOptions {
  /** events simulated for training, generated, and simulated again for comparison */
  nEvents: number;
  epochs: number;
  maxObjects: number;
  /** architecture (and batch size, learning rate) of the β-VAE; its `epochs` is replaced by `epochs` */
  vae: VaeSettings;
  /** β of the generator's β-VAE (default 10⁻³) */
  beta?: number;
  /** components of the latent Gaussian mixture (default 12) */
  priorComponents?: number;
  rng: Random;
}

/** The three samples and the timings of the generator study. */
export interface GeneratorStudy {
  /** the simulated training sample */
  simulated: DmEvent[];
  /** decoded from the latent mixture */
  generated: DmEvent[];
  /** an independent simulated sample of the same size */
  truth: DmEvent[];
  trainSeconds: number;
  /** wall-clock events per second of sampling + decoding + turning vectors back into events */
  eventsPerSecond: number;
}

/** Runs the generator study on tt̄; the β-VAE is disposed at the end. */
export async function generatorStudy(opts: GeneratorStudyOptions): Promise<GeneratorStudy> {
  const { rng, nEvents: n, maxObjects: K, vae: v } = opts;
  const simulated = simulateProcess('ttbar', n, rng.fork('simulate')).events;
  const X0 = eventsToMatrix(simulated, K);
  const scaler = FeatureScaler.fit(X0, K);
  const X = scaler.transform(X0);
  const model = buildAutoencoder({ inputDim: X.cols, latentDim: v.latentDim, hidden: v.hidden, variational: true, rng: rng.fork('init') });
  try {
    const clock = new Stopwatch();
    const train = { beta: opts.beta ?? 1e-3, epochs: opts.epochs, batchSize: v.batchSize, lr: v.lr, rng: rng.fork('train'), label: 'generator β-VAE' };
    await trainAutoencoder(model, X, train);
    const trainSeconds = clock.seconds();
    const prior = fitLatentPrior(model, X, opts.priorComponents ?? 12, rng.fork('prior'), 2);
    clock.restart();
    const generated = generateEvents(model, prior, scaler, n, K, rng.fork('sample'));
    const eventsPerSecond = n / clock.seconds();
    const truth = simulateProcess('ttbar', n, rng.fork('fresh')).events;
    return { simulated, generated, truth, trainSeconds, eventsPerSecond };
  } finally {
    disposeAutoencoder(model);
  }
}
