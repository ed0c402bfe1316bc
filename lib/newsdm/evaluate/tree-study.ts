/**
 * The seed's tree study (§4.1, Fig. 7): ROC AUC of boosted decision trees (BDT) and a random forest
 * (RF) on the 64 physical features against the number of trees, averaged over repeated trainings on
 * random 75 % subsamples of the training set (the seed: 50 runs), with the ±1σ spread of the runs.
 *
 * Each run fits one ensemble with the largest tree count and reads the AUC at every smaller count
 * from its staged predictions (the first k trees), as training k-tree models would give for a forest
 * and for boosting with the same learning rate.
 *
 * Used by the NEWSdm notebook.
 */
import { rocAuc } from '../../metrics';
import { Random } from '../../random';
import { GradientBoostingClassifier, type BoostingOptions } from '../../trees/gradient-boosting';
import { RandomForestClassifier, type RandomForestOptions } from '../../trees/random-forest';
import { Stopwatch } from '../../timer';

/** Binary features: row-major X [n, nFeatures] and labels 0/1. */
export interface FeatureSet {
  X: Float64Array;
  nFeatures: number;
  y: Int32Array;
}

/** Options of {@link aucVsTrees}. */
export interface TreeCurveOptions {
  model: 'bdt' | 'rf';
  /** tree counts at which the AUC is read (ascending) */
  treeCounts: readonly number[];
  /** repeated trainings (the seed: 50) */
  runs: number;
  /** fraction of the training rows drawn for each run (the seed: 0.75) */
  fraction?: number;
  rng: Random;
  bdt?: Omit<BoostingOptions, 'rng' | 'nIterations'>;
  rf?: Omit<RandomForestOptions, 'rng' | 'nTrees'>;
}

/** AUC against the number of trees: per-count mean and standard deviation over runs, and the raw AUCs [run][count]. */
export interface TreeCurve {
  model: 'bdt' | 'rf';
  treeCounts: number[];
  mean: number[];
  sd: number[];
  aucs: number[][];
  /** mean CPU-side wall time of one run's fit, s */
  secondsPerFit: number;
}

/** Rows `idx` of a feature set. */
export function subsetRows(set: FeatureSet, idx: ArrayLike<number>): FeatureSet {
  const d = set.nFeatures;
  const X = new Float64Array(idx.length * d);
  const y = new Int32Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    X.set(set.X.subarray(idx[k] * d, (idx[k] + 1) * d), k * d);
    y[k] = set.y[idx[k]];
  }
  return { X, nFeatures: d, y };
}

/** Staged P(signal) on `test` at each tree count, for one run on `train`. */
function stagedScores(train: FeatureSet, test: FeatureSet, o: TreeCurveOptions, rng: Random): Float64Array[] {
  const nMax = o.treeCounts[o.treeCounts.length - 1];
  const Xtr = { data: train.X, nFeatures: train.nFeatures };
  const Xte = { data: test.X, nFeatures: test.nFeatures };
  if (o.model === 'bdt') {
    const bdt = new GradientBoostingClassifier({ ...o.bdt, nIterations: nMax, rng }).fit(Xtr, train.y);
    return bdt.stagedPositiveProba(Xte, [...o.treeCounts]);
  }
  const rf = new RandomForestClassifier({ ...o.rf, nTrees: nMax, rng }).fit(Xtr, train.y);
  return rf.stagedPositiveProba(Xte, [...o.treeCounts]);
}

/** Mean and standard deviation (population, as the seed's "roots from variance") of each column. */
function meanSd(rows: number[][]): { mean: number[]; sd: number[] } {
  const m = rows[0].map((_, j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
  const sd = rows[0].map((_, j) => Math.sqrt(rows.reduce((a, r) => a + (r[j] - m[j]) ** 2, 0) / rows.length));
  return { mean: m, sd };
}

/** Runs the study (see the file header) and returns the AUC curve with its ±1σ band. */
export function aucVsTrees(train: FeatureSet, test: FeatureSet, o: TreeCurveOptions): TreeCurve {
  const n = train.y.length;
  const take = Math.round((o.fraction ?? 0.75) * n);
  const aucs: number[][] = [];
  let seconds = 0;
  for (let r = 0; r < o.runs; r++) {
    const rng = o.rng.fork(`${o.model} run ${r}`);
    const sub = subsetRows(train, rng.sampleIndices(n, take));
    const clock = new Stopwatch();
    const staged = stagedScores(sub, test, o, rng);
    seconds += clock.seconds();
    aucs.push(staged.map((p) => rocAuc(test.y, p)));
  }
  return { model: o.model, treeCounts: [...o.treeCounts], ...meanSd(aucs), aucs, secondsPerFit: seconds / o.runs };
}
