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
import { clusterFeatures, FEATURE_KINDS } from './features';
import { BACKGROUND_MIX, CLASS_NAMES, CUTS, MIN_TRACK_GRAINS, N_POL, SIGNAL_CONTAMINATION, type ClusterClass } from './physics';
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
  /** signal clusters kept after the cuts (the seed: ~15 000 C 100 keV) */
  nSignal: number;
  /** background clusters kept after the cuts (the seed: ~7 000 from the LNGS sample) */
  nBackground: number;
  /** mixture of the background sample before the cuts (default BACKGROUND_MIX of `./physics`) */
  backgroundMix?: Readonly<Partial<Record<'gamma' | 'dust' | 'fog', number>>>;
  /** fraction of the signal sample that is background, labelled signal (default SIGNAL_CONTAMINATION) */
  contamination?: number;
  /** apply the seed's cuts and the two-grain track definition (default true; false keeps every cluster drawn) */
  cuts?: boolean;
}

/** What the cuts did to one sample: clusters drawn, removed by each cut (in this order), kept. */
export interface SampleCutCounts {
  drawn: number;
  /** C-ion clusters of fewer than MIN_TRACK_GRAINS grains: no track (signal sample only) */
  oneGrainTrack: number;
  /** major axis above CUTS.maxMajorAxisNm: "too long tracks" */
  tooLong: number;
  /** brightness volume above CUTS.maxVolume: "large dust samples" */
  largeDust: number;
  kept: number;
}

/** The cut report of a binary set, per sample. */
export interface CutReport {
  signal: SampleCutCounts;
  background: SampleCutCounts;
}

/** A binary set with the report of its cuts. */
export interface BinarySet extends ClusterSet {
  cuts: CutReport;
}

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
  storeImage(set, i, cluster, img, label);
}

/** Puts a rendered cluster `img` into row `i` of `set`. */
function storeImage(set: ClusterSet, i: number, cluster: Cluster, img: Float32Array, label: number): void {
  set.images.set(img, i * img.length);
  set.labels[i] = label;
  set.trueClass[i] = CLASS_NAMES.indexOf(cluster.cls);
  set.direction[i] = cluster.direction;
  set.nGrains[i] = cluster.grains.length;
}

/** Which cut removes a rendered cluster (null: it passes), on its moment fit averaged over the polarisations. */
export function failedCut(cluster: Cluster, img: Float32Array, size: number): Exclude<keyof SampleCutCounts, 'drawn' | 'kept'> | null {
  const isCarbon = cluster.cls === 'C60' || cluster.cls === 'C80' || cluster.cls === 'C100';
  if (isCarbon && cluster.grains.length < MIN_TRACK_GRAINS) return 'oneGrainTrack';
  const f = clusterFeatures(img, 1, size);
  const mean = (kind: string) => {
    const c = FEATURE_KINDS.indexOf(kind as (typeof FEATURE_KINDS)[number]);
    let sum = 0;
    for (let k = 0; k < N_POL; k++) sum += f[k * FEATURE_KINDS.length + c];
    return sum / N_POL;
  };
  if (mean('lx') > CUTS.maxMajorAxisNm) return 'tooLong';
  if (mean('vol') > CUTS.maxVolume) return 'largeDust';
  return null;
}

const emptyCounts = (): SampleCutCounts => ({ drawn: 0, oneGrainTrack: 0, tooLong: 0, largeDust: 0, kept: 0 });

/** Draws no more than this many clusters per cluster kept before calling the cuts too tight. */
const MAX_DRAWS_PER_KEPT = 50;

/**
 * The binary set of the seed (§2.1): `nSignal` clusters of the C 100 keV sample (label 1; a fraction
 * `contamination` of it background) and `nBackground` of the background sample (label 0), each kept
 * only if it passes the cuts (`failedCut`: the two-grain track definition and the seed's "too long
 * tracks" and "large dust" cuts); clusters are drawn until both samples are full, and every removed
 * cluster is counted in `cuts`. Shuffled.
 */
export function simulateBinarySet(rng: Random, options: BinarySetOptions): BinarySet {
  const size = options.size ?? 16;
  const n = options.nSignal + options.nBackground;
  const set: BinarySet = { ...allocate(n, size, ['background', 'signal']), cuts: { signal: emptyCounts(), background: emptyCounts() } };
  const mix = { ...BACKGROUND_MIX, ...options.backgroundMix };
  const bgClasses: ClusterClass[] = ['gamma', 'dust', 'fog'];
  const bgWeights = bgClasses.map((c) => mix[c as keyof typeof mix]);
  const contamination = options.contamination ?? SIGNAL_CONTAMINATION;
  const order = rng.fork('order').permutation(n);
  const geo = rng.fork('clusters');
  const cam = rng.fork('camera');
  let k = 0;
  for (const [isSignal, wanted] of [[true, options.nSignal], [false, options.nBackground]] as const) {
    const counts = isSignal ? set.cuts.signal : set.cuts.background;
    while (counts.kept < wanted) {
      if (counts.drawn >= MAX_DRAWS_PER_KEPT * Math.max(wanted, 1)) {
        throw new Error(`simulateBinarySet: the cuts keep ${counts.kept} of ${counts.drawn} ${isSignal ? 'signal' : 'background'} clusters drawn, fewer than the ${wanted} asked for; loosen CUTS in lib/newsdm/data/physics.ts`);
      }
      const cls: ClusterClass = isSignal && geo.random() >= contamination ? 'C100' : geo.choice(bgClasses, bgWeights);
      const cluster = simulateCluster(geo, cls, options);
      const img = renderCluster(cluster, cam, { size, noise: options.noise });
      counts.drawn++;
      const cut = options.cuts === false ? null : failedCut(cluster, img, size);
      if (cut) {
        counts[cut]++;
        continue;
      }
      storeImage(set, order[k++], cluster, img, isSignal ? 1 : 0);
      counts.kept++;
    }
  }
  return set;
}

/** The cut report as table rows: one per cut, clusters removed from each sample and the fraction of those drawn. */
export function cutTable(report: CutReport): { step: string; signal: number; background: number; signalFraction: number; backgroundFraction: number }[] {
  const steps: [keyof SampleCutCounts, string][] = [
    ['drawn', 'drawn'],
    ['oneGrainTrack', 'removed: C-ion cluster of one grain (no track, seed §1.1)'],
    ['tooLong', `removed: too long (major axis > ${CUTS.maxMajorAxisNm.toFixed(0)} nm, a ${CUTS.maxLengthNm} nm track)`],
    ['largeDust', `removed: large dust (brightness volume > ${CUTS.maxVolume})`],
    ['kept', 'kept'],
  ];
  return steps.map(([key, step]) => ({
    step,
    signal: report.signal[key],
    background: report.background[key],
    signalFraction: report.signal[key] / report.signal.drawn,
    backgroundFraction: report.background[key] / report.background.drawn,
  }));
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
