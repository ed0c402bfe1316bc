/**
 * The NEWSdm studies on the 64 physical features: the train/test feature sets of a split, the
 * one-cut baselines (one feature alone as the score), the tree curves' figure and summary, the
 * isotropic variant (a BDT with and without the φ columns, seed §2.3; each BDT seeded by `rng.fork('iso bdt')`) and the full tree ensembles
 * whose scores enter the shared ROC plot.
 *
 * Used by `notebooks/01-newsdm.ipynb`.
 */
import { rocAuc } from '../../metrics';
import { lineChart, type Figure } from '../../plot';
import type { SplitIndices } from '../../random';
import { Random } from '../../random';
import { GradientBoostingClassifier } from '../../trees/gradient-boosting';
import { RandomForestClassifier } from '../../trees/random-forest';
import { FEATURE_NAMES, featureColumns, selectColumns, type FeatureKind } from '../data/features';
import { N_POL } from '../data/physics';
import { binaryScores, type BinaryScores } from '../train/cnn';
import { subsetRows, type FeatureSet, type TreeCurve } from './tree-study';

/** The feature rows of a split: training = training + validation clusters (the trees need no validation), test. */
export function featureSplit(features: Float64Array, labels: Int32Array, split: SplitIndices): { train: FeatureSet; test: FeatureSet } {
  const all = { X: features, nFeatures: FEATURE_NAMES.length, y: labels };
  return { train: subsetRows(all, Int32Array.from([...split.train, ...split.validation])), test: subsetRows(all, split.test) };
}

/** The mean of one feature kind (e.g. `lx`) over the 8 polarisations, per row. */
export function meanOverPolarisations(set: FeatureSet, kind: FeatureKind): Float64Array {
  const cols = Array.from({ length: N_POL }, (_, k) => FEATURE_NAMES.indexOf(`${kind}_p${k}`));
  const n = set.y.length;
  return Float64Array.from({ length: n }, (_, i) => cols.reduce((s, c) => s + set.X[i * set.nFeatures + c], 0) / N_POL);
}

/** Test AUC of three one-number scores: mean size lx, mean brightness volume, RMS barycentre shift. */
export function singleCutAucs(test: FeatureSet, shift: Float64Array, testIndices: ArrayLike<number>): { aucMeanLx: number; aucMeanVol: number; aucShift: number } {
  const testShift = Float64Array.from(testIndices, (i) => shift[i]);
  return {
    aucMeanLx: rocAuc(test.y, meanOverPolarisations(test, 'lx')),
    aucMeanVol: rocAuc(test.y, meanOverPolarisations(test, 'vol')),
    aucShift: rocAuc(test.y, testShift),
  };
}

/** The seed's Fig. 7: mean test AUC against the number of trees, with the ±1σ band of the runs. */
export function treeCurvesFigure(curves: TreeCurve[], runs: number): Figure {
  return lineChart(
    curves.map((c) => ({ name: c.model.toUpperCase(), x: c.treeCounts, y: c.mean, lower: c.mean.map((m, j) => m - c.sd[j]), upper: c.mean.map((m, j) => m + c.sd[j]) })),
    { logX: true, points: true, xTitle: 'number of trees', yTitle: 'test ROC AUC', title: `AUC against the number of trees (${runs} runs on 75 % subsamples, ±1σ)` },
  );
}

/** The last point of each tree curve: model, trees, mean AUC, its σ and the seconds per fit. */
export function treeCurveSummary(curves: TreeCurve[]): { model: string; trees: number; auc: number; sd: number; secondsPerFit: number }[] {
  return curves.map((c) => ({ model: c.model, trees: c.treeCounts[c.treeCounts.length - 1], auc: c.mean[c.mean.length - 1], sd: c.sd[c.sd.length - 1], secondsPerFit: c.secondsPerFit }));
}

/** Test AUC of one BDT of `nTrees` trees trained on the columns `cols` only. */
export function bdtAuc(train: FeatureSet, test: FeatureSet, cols: readonly number[], nTrees: number, rng: Random): number {
  const d = train.nFeatures;
  const model = new GradientBoostingClassifier({ nIterations: nTrees, rng }).fit({ data: selectColumns(train.X, d, cols), nFeatures: cols.length }, train.y);
  return rocAuc(test.y, model.predictPositiveProba({ data: selectColumns(test.X, d, cols), nFeatures: cols.length }));
}

/**
 * The seed's isotropic study for features (§2.3): one BDT on beam-aligned signal with all 64 features,
 * on isotropic signal with all 64, and on isotropic signal without the 8 φ columns.
 */
export function isotropicBdtStudy(aligned: { train: FeatureSet; test: FeatureSet }, isotropic: { train: FeatureSet; test: FeatureSet }, nTrees: number, rng: Random): { alignedAllFeatures: number; isotropicAllFeatures: number; isotropicWithoutPhi: number } {
  const all = featureColumns();
  return {
    alignedAllFeatures: bdtAuc(aligned.train, aligned.test, all, nTrees, rng.fork('iso bdt')),
    isotropicAllFeatures: bdtAuc(isotropic.train, isotropic.test, all, nTrees, rng.fork('iso bdt')),
    isotropicWithoutPhi: bdtAuc(isotropic.train, isotropic.test, featureColumns({ dropPhi: true }), nTrees, rng.fork('iso bdt')),
  };
}

/** One BDT and one random forest of `nTrees` trees on all training rows, scored on the test rows. */
export function treeEnsembleScores(train: FeatureSet, test: FeatureSet, nTrees: number, rng: Random): { BDT: BinaryScores; RF: BinaryScores } {
  const Xtr = { data: train.X, nFeatures: train.nFeatures }, Xte = { data: test.X, nFeatures: test.nFeatures };
  const bdt = new GradientBoostingClassifier({ nIterations: nTrees, rng: rng.fork('bdt') }).fit(Xtr, train.y);
  const rf = new RandomForestClassifier({ nTrees, rng: rng.fork('rf') }).fit(Xtr, train.y);
  return { BDT: binaryScores(test.y, bdt.predictPositiveProba(Xte)), RF: binaryScores(test.y, rf.predictPositiveProba(Xte)) };
}
