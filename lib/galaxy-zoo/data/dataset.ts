/**
 * A simulated Galaxy Zoo data set: images from `render.ts` and the 37 vote-fraction targets from
 * `votes.ts`, drawn from `sampleMorphology`. Each galaxy uses its own forked generator, so galaxy i
 * is the same whatever `n` is.
 *
 * Used by notebook 03-galaxy-zoo-gc and the fixture script of `data/galaxy-zoo/`.
 */
import { Random } from '../../random';
import { NUM_TARGETS, treeViolations } from './decision-tree';
import { DEFAULT_POPULATION, sampleMorphology, type Morphology, type PopulationFractions } from './morphology';
import { renderGalaxy, type RenderOptions } from './render';
import { answerProbabilities, simulateVotes } from './votes';

/** Options of {@link simulateGalaxyZoo}. */
export interface GalaxyZooSimOptions extends RenderOptions {
  /** volunteers per galaxy (default 40, as in Galaxy Zoo 2's median) */
  voters?: number;
  population?: PopulationFractions;
}

/** Simulated images and targets. */
export interface GalaxyZooData {
  /** `[n, size, size, 3]` float32 in [0, 1] */
  images: Float32Array;
  /** `[n, 37]` vote fractions, columns `CLASS_COLUMNS` */
  targets: Float32Array;
  size: number;
  n: number;
  morphologies: Morphology[];
}

/**
 * How hard a galaxy is to classify (0 … 1): small and faint galaxies confuse volunteers more.
 * An ad-hoc stand-in for the redshift / surface-brightness bias of Galaxy Zoo (Willett et al. 2013, §3).
 */
export function confusionOf(m: Morphology): number {
  const c = 0.1 + 0.6 * Math.max(0, 0.1 - m.radius) / 0.04 + 0.3 * Math.max(0, 1 - m.flux);
  return Math.min(1, Math.max(0, c));
}

/** Simulates `n` galaxies with generator `rng`. */
export function simulateGalaxyZoo(n: number, rng: Random, options: GalaxyZooSimOptions = {}): GalaxyZooData {
  const size = options.size ?? 64;
  const images = new Float32Array(n * size * size * 3);
  const targets = new Float32Array(n * NUM_TARGETS);
  const morphologies: Morphology[] = [];
  for (let i = 0; i < n; i++) {
    const g = rng.fork(`galaxy ${i}`);
    const m = sampleMorphology(g, options.population ?? DEFAULT_POPULATION);
    morphologies.push(m);
    images.set(renderGalaxy(m, g, options), i * size * size * 3);
    targets.set(simulateVotes(answerProbabilities(m, confusionOf(m)), options.voters ?? 40, g), i * NUM_TARGETS);
  }
  return { images, targets, size, n, morphologies };
}

/** Image `i` of `[n, size, size, 3]` images, as a view (no copy). */
export function galaxyImage(images: Float32Array, size: number, i: number): Float32Array {
  return images.subarray(i * size * size * 3, (i + 1) * size * size * 3);
}

/** Targets of galaxy `i` (one 37-vector), as a view. */
export function galaxyTargets(targets: Float32Array, i: number): Float32Array {
  return targets.subarray(i * NUM_TARGETS, (i + 1) * NUM_TARGETS);
}

/** How many of the challenge's sum rules the targets of all galaxies break (0 for tree-consistent votes). */
export function countTreeViolations(data: { targets: Float32Array; n: number }, tol = 1e-5): number {
  let violations = 0;
  for (let i = 0; i < data.n; i++) violations += treeViolations(galaxyTargets(data.targets, i), tol).length;
  return violations;
}
