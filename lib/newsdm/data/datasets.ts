/**
 * The NEWSdm data sets built from the simulator: the binary set (signal C 100 keV against mixed
 * background, seed §2.1) and the six-class set (C60 / C80 / C100 / gamma / dust / fog, seed §2.2),
 * with the layouts the models need and subsetting.
 *
 * Images are stored as the real scans are: Float32Array [N, 8, H, W] (cluster, polarisation, row, column).
 * That layout is already the 3D-CNN input [N, 8, H, W, 1]; `channelsLast` gives the 2D-CNN input
 * [N, H, W, 8] (polarisations as colour channels).
 *
 * Used by the NEWSdm notebook, `./loader` (the committed fixture) and the tests.
 */
import { Random } from '../../random';
import { simulateCluster, type Cluster } from './clusters';
import { CLASS_NAMES, N_POL, type ClusterClass } from './physics';
import { renderCluster } from './render';

/** A set of clusters with labels and the simulation truth. */
export interface ClusterSet {
  /** images [n, 8, size, size], image units */
  images: Float32Array;
  n: number;
  /** image height = width, pixels */
  size: number;
  /** the label used for training: 1 = signal / 0 = background (binary) or the class index (six-class) */
  labels: Int32Array;
  /** names of the label values, e.g. ['background', 'signal'] or CLASS_NAMES */
  labelNames: readonly string[];
  /** true class of each cluster as an index into CLASS_NAMES (−1 when unknown, e.g. real scans) */
  trueClass: Int32Array;
  /** true track direction, rad in (−π/2, π/2] (NaN when undefined or unknown) */
  direction: Float64Array;
  /** number of grains (0 when unknown) */
  nGrains: Int32Array;
}

/** Options shared by the two simulated sets. */
export interface SetOptions {
  /** image height = width, pixels (default 16) */
  size?: number;
  /** signal directions uniform instead of along the beam (seed §2.3) */
  isotropic?: boolean;
  /** camera noise on (default true) */
  noise?: boolean;
}

/** Options of {@link simulateBinarySet}. */
export interface BinarySetOptions extends SetOptions {
  /** signal clusters (the seed: ~15 000 C 100 keV) */
  nSignal: number;
  /** background clusters (the seed: ~7 000 from the LNGS sample) */
  nBackground: number;
  /**
   * Mixture of the background sample (weights of gamma, dust, fog). Assumption: mostly fog with some
   * electron tracks and dust surviving the cuts (seed §2.1: "only mixed background tracks").
   */
  backgroundMix?: Readonly<Partial<Record<'gamma' | 'dust' | 'fog', number>>>;
  /**
   * Fraction of the signal sample that is really fog (labelled signal): the seed's real C-ion
   * emulsions carry "some background contamination" (§2). Default 0.05 (assumption).
   */
  contamination?: number;
}

const DEFAULT_MIX = { gamma: 0.3, dust: 0.2, fog: 0.5 };

/** An empty set of `n` clusters. */
function allocate(n: number, size: number, labelNames: readonly string[]): ClusterSet {
  return {
    images: new Float32Array(n * N_POL * size * size),
    n,
    size,
    labels: new Int32Array(n),
    labelNames,
    trueClass: new Int32Array(n),
    direction: new Float64Array(n),
    nGrains: new Int32Array(n),
  };
}

/** Renders `cluster` into row `i` of `set`. */
function store(set: ClusterSet, i: number, cluster: Cluster, label: number, rng: Random, options: SetOptions): void {
  const img = renderCluster(cluster, rng, { size: set.size, noise: options.noise });
  set.images.set(img, i * img.length);
  set.labels[i] = label;
  set.trueClass[i] = CLASS_NAMES.indexOf(cluster.cls);
  set.direction[i] = cluster.direction;
  set.nGrains[i] = cluster.grains.length;
}

/**
 * The binary set: `nSignal` C 100 keV clusters (label 1, with `contamination` fog among them) and
 * `nBackground` clusters of the background mixture (label 0), shuffled.
 */
export function simulateBinarySet(rng: Random, options: BinarySetOptions): ClusterSet {
  const size = options.size ?? 16;
  const n = options.nSignal + options.nBackground;
  const set = allocate(n, size, ['background', 'signal']);
  const mix = { ...DEFAULT_MIX, ...options.backgroundMix };
  const bgClasses: ClusterClass[] = ['gamma', 'dust', 'fog'];
  const bgWeights = bgClasses.map((c) => mix[c as keyof typeof mix]);
  const contamination = options.contamination ?? 0.05;
  const order = rng.fork('order').permutation(n);
  const geo = rng.fork('clusters');
  const cam = rng.fork('camera');
  for (let k = 0; k < n; k++) {
    const isSignal = k < options.nSignal;
    const cls: ClusterClass = isSignal ? (geo.random() < contamination ? 'fog' : 'C100') : geo.choice(bgClasses, bgWeights);
    store(set, order[k], simulateCluster(geo, cls, options), isSignal ? 1 : 0, cam, options);
  }
  return set;
}

/** The six-class set: `perClass` clusters of each of C60, C80, C100, gamma, dust, fog (label = class index), shuffled. */
export function simulateSixClassSet(rng: Random, options: SetOptions & { perClass: number }): ClusterSet {
  const size = options.size ?? 16;
  const n = options.perClass * CLASS_NAMES.length;
  const set = allocate(n, size, CLASS_NAMES);
  const order = rng.fork('order').permutation(n);
  const geo = rng.fork('clusters');
  const cam = rng.fork('camera');
  for (let k = 0; k < n; k++) {
    const c = Math.floor(k / options.perClass);
    store(set, order[k], simulateCluster(geo, CLASS_NAMES[c], options), c, cam, options);
  }
  return set;
}

/** The clusters `idx` of `set`, as a new set (copies). */
export function takeClusters(set: ClusterSet, idx: ArrayLike<number>): ClusterSet {
  const m = idx.length;
  const stride = N_POL * set.size * set.size;
  const out = allocate(m, set.size, set.labelNames);
  for (let k = 0; k < m; k++) {
    const i = idx[k];
    out.images.set(set.images.subarray(i * stride, (i + 1) * stride), k * stride);
    out.labels[k] = set.labels[i];
    out.trueClass[k] = set.trueClass[i];
    out.direction[k] = set.direction[i];
    out.nGrains[k] = set.nGrains[i];
  }
  return out;
}

/** Images [n, 8, H, W] → [n, H, W, 8]: polarisations as colour channels (the 2D-CNN input). */
export function channelsLast(images: Float32Array, n: number, size: number): Float32Array {
  const hw = size * size;
  const out = new Float32Array(images.length);
  for (let i = 0; i < n; i++) {
    const base = i * N_POL * hw;
    for (let k = 0; k < N_POL; k++) {
      for (let p = 0; p < hw; p++) out[base + p * N_POL + k] = images[base + k * hw + p];
    }
  }
  return out;
}

/** Counts of each label value in `set`. */
export function labelCounts(set: ClusterSet): number[] {
  const counts = new Array<number>(set.labelNames.length).fill(0);
  for (let i = 0; i < set.n; i++) counts[set.labels[i]]++;
  return counts;
}
