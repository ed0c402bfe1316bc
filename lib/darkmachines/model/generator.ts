/**
 * A β-VAE as a fast event generator (the seed's "generative models as event generators"): encode a
 * representative set of one process (28-D vectors, `../data/generator-features.ts`), fit a Gaussian
 * mixture to the aggregate posterior in latent space (samples z = μ + σ·ε of every event's posterior:
 * the talk's "PDF of the dataset in latent space, a sum of Gaussians"), sample the mixture, decode,
 * undo the scaling and turn the vectors into events. Sampling the standard-normal prior instead of the
 * aggregate posterior is kept as the comparison the talk's recipe improves on. Generated and simulated events are compared variable by variable with the
 * 1-Wasserstein distance (earth mover's distance of the two empirical distributions) and the
 * two-sample Kolmogorov–Smirnov statistic.
 *
 * Used by notebook 04-darkmachines and `bench/darkmachines.ts` (throughput).
 */
import * as tf from '@tensorflow/tfjs';
import { GaussianMixture } from '../../mixture';
import type { Random } from '../../random';
import { HT, isLepton, type DmEvent } from '../data/event';
import type { Matrix } from '../data/features';
import { generatorMatrixToEvents, isJetObject, type StandardScaler } from '../data/generator-features';
import { buildAutoencoder, decode, disposeAutoencoder, encode, type Autoencoder } from './vae';
import { Stopwatch } from '../../timer';

/** Fits a `nComponents` Gaussian mixture to `samplesPerEvent` posterior draws per row of X (scaled). */
export function fitLatentPrior(model: Autoencoder, X: Matrix, nComponents: number, rng: Random, samplesPerEvent = 1): GaussianMixture {
  const { mu, logVar } = encode(model, X);
  const Z = mu.cols;
  const z = new Float64Array(mu.data.length * samplesPerEvent);
  for (let s = 0; s < samplesPerEvent; s++) {
    for (let k = 0; k < mu.data.length; k++) z[s * mu.data.length + k] = mu.data[k] + Math.exp(0.5 * logVar.data[k]) * rng.normal();
  }
  return new GaussianMixture({ nComponents, covarianceType: 'full', rng, maxIter: 200 }).fit(z, Z);
}

/** Where latent points are drawn from: a mixture fitted to the aggregate posterior, or the VAE's N(0, 1) prior. */
export type LatentSource = GaussianMixture | 'standard-normal';

function latentSamples(source: LatentSource, n: number, Z: number, rng: Random): Float32Array {
  if (source !== 'standard-normal') return Float32Array.from(source.sample(n, rng));
  return Float32Array.from({ length: n * Z }, () => rng.normal());
}

/** `n` generated events: latent samples from `source`, decoded, unscaled, decoded into events (`generatorMatrixToEvents`). */
export function generateEvents(model: Autoencoder, source: LatentSource, scaler: StandardScaler, n: number, rng: Random): DmEvent[] {
  const Z = model.options.latentDim;
  const x = decode(model, { data: latentSamples(source, n, Z, rng), rows: n, cols: Z });
  return generatorMatrixToEvents(scaler.inverse(x), rng.fork('decode'));
}

/**
 * Generates `nEvents` in blocks of `block` (each decoded into events and dropped, so 10⁷ fit in memory)
 * and times it: latent sampling, decoding, unscaling and building the events.
 */
export async function timeGeneration(model: Autoencoder, source: LatentSource, scaler: StandardScaler, nEvents: number, rng: Random, block = 100_000): Promise<{ events: number; seconds: number; eventsPerSecond: number }> {
  generateEvents(model, source, scaler, 64, rng.fork('warm-up'));
  await tf.nextFrame();
  const clock = new Stopwatch();
  let done = 0;
  while (done < nEvents) {
    const n = Math.min(block, nEvents - done);
    done += generateEvents(model, source, scaler, n, rng.fork(`block ${done}`)).length;
  }
  const seconds = clock.seconds();
  return { events: done, seconds, eventsPerSecond: done / seconds };
}

/**
 * The KS distance of the jet multiplicity between events and the same events cut to their `slots`
 * leading objects: the best an object-slot layout of `slots` objects can do (the old 74-D vectors had 6).
 */
export function truncatedMultiplicityKs(events: readonly DmEvent[], slots: number): number {
  const nJets = (objs: readonly DmEvent['objects'][number][]) => objs.filter(isJetObject).length;
  const full = events.map((e) => nJets(e.objects));
  const cut = events.map((e) => nJets([...e.objects].sort((a, b) => b.pt - a.pt).slice(0, slots)));
  return ksStatistic(full, cut);
}

/** The observables compared: MET, HT, multiplicities, leading-object pT and η (GeV). */
export function eventObservables(events: readonly DmEvent[]): Record<string, Float64Array> {
  const names = ['MET', 'HT', 'nJets', 'nBJets', 'nLeptons', 'nObjects', 'leadPt', 'leadEta'];
  const out: Record<string, Float64Array> = Object.fromEntries(names.map((k) => [k, new Float64Array(events.length)]));
  events.forEach((ev, i) => {
    out.MET[i] = ev.MET;
    out.HT[i] = HT(ev);
    out.nJets[i] = ev.objects.filter((o) => o.type === 'j' || o.type === 'b').length;
    out.nBJets[i] = ev.objects.filter((o) => o.type === 'b').length;
    out.nLeptons[i] = ev.objects.filter((o) => isLepton(o.type)).length;
    out.nObjects[i] = ev.objects.length;
    const lead = ev.objects.reduce<DmEvent['objects'][number] | null>((a, o) => (a === null || o.pt > a.pt ? o : a), null);
    out.leadPt[i] = lead ? lead.pt : 0;
    out.leadEta[i] = lead ? lead.eta : NaN;
  });
  return out;
}

function sortedFinite(v: ArrayLike<number>): Float64Array {
  return Float64Array.from(Array.from(v).filter(Number.isFinite)).sort();
}

/** 1-Wasserstein distance between two empirical distributions: ∫ |F_a(x) − F_b(x)| dx. */
export function wasserstein1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const sa = sortedFinite(a), sb = sortedFinite(b);
  if (sa.length === 0 || sb.length === 0) return NaN;
  let i = 0, j = 0, x = Math.min(sa[0], sb[0]), dist = 0;
  while (i < sa.length || j < sb.length) {
    const next = j >= sb.length || (i < sa.length && sa[i] <= sb[j]) ? sa[i] : sb[j];
    dist += Math.abs(i / sa.length - j / sb.length) * (next - x);
    x = next;
    while (i < sa.length && sa[i] === x) i++;
    while (j < sb.length && sb[j] === x) j++;
  }
  return dist;
}

/** Two-sample Kolmogorov–Smirnov statistic sup_x |F_a(x) − F_b(x)|. */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const sa = sortedFinite(a), sb = sortedFinite(b);
  if (sa.length === 0 || sb.length === 0) return NaN;
  let i = 0, j = 0, d = 0;
  while (i < sa.length && j < sb.length) {
    const x = Math.min(sa[i], sb[j]);
    while (i < sa.length && sa[i] === x) i++;
    while (j < sb.length && sb[j] === x) j++;
    d = Math.max(d, Math.abs(i / sa.length - j / sb.length));
  }
  return d;
}

/** One row of the generator comparison. */
export type VariableDistance = {
  variable: string;
  meanSimulated: number;
  meanGenerated: number;
  wasserstein: number;
  /** Wasserstein distance divided by the simulated standard deviation (comparable across variables) */
  wassersteinOverStd: number;
  ks: number;
};

function meanStd(v: Float64Array): [number, number] {
  const f = Array.from(v).filter(Number.isFinite);
  const m = f.reduce((a, b) => a + b, 0) / Math.max(f.length, 1);
  return [m, Math.sqrt(f.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(f.length, 1))];
}

/** Per-observable distances between simulated and generated events. */
export function compareSamples(simulated: readonly DmEvent[], generated: readonly DmEvent[]): VariableDistance[] {
  const a = eventObservables(simulated), b = eventObservables(generated);
  return Object.keys(a).map((variable) => {
    const [ma, sa] = meanStd(a[variable]);
    const w = wasserstein1(a[variable], b[variable]);
    return { variable, meanSimulated: ma, meanGenerated: meanStd(b[variable])[0], wasserstein: w, wassersteinOverStd: sa > 0 ? w / sa : NaN, ks: ksStatistic(a[variable], b[variable]) };
  });
}

/**
 * Generator throughput in events/s (latent sampling from a mixture + decoding to feature vectors) of
 * a decoder of the given size; the weights do not change the speed, so an untrained one is used.
 */
export async function generatorThroughput(opts: { inputDim: number; latentDim: number; hidden: number[]; nEvents: number; rng: Random; nComponents?: number }): Promise<number> {
  const model = buildAutoencoder({ inputDim: opts.inputDim, latentDim: opts.latentDim, hidden: opts.hidden, variational: true, rng: opts.rng });
  const K = opts.nComponents ?? 8;
  const means = Array.from({ length: K * opts.latentDim }, () => opts.rng.normal());
  const cov = Array.from({ length: K }, () => Array.from({ length: opts.latentDim ** 2 }, (_, k) => (k % (opts.latentDim + 1) === 0 ? 1 : 0))).flat();
  const prior = GaussianMixture.fromParameters(opts.latentDim, { weights: new Array(K).fill(1 / K), means, covariances: cov });
  decode(model, { data: new Float32Array(opts.latentDim * 64), rows: 64, cols: opts.latentDim }); // warm-up
  await tf.nextFrame();
  const clock = new Stopwatch();
  const z = Float32Array.from(prior.sample(opts.nEvents, opts.rng));
  decode(model, { data: z, rows: opts.nEvents, cols: opts.latentDim });
  const seconds = clock.seconds();
  disposeAutoencoder(model);
  return opts.nEvents / seconds;
}
