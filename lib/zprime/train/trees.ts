/**
 * The tree baselines of notebook 05-zprime: the seed's random forest (§3.1) and histogram gradient
 * boosting (a BDT, the workhorse of LHC analyses), from `lib/trees`, trained on the same 24 columns
 * and scored on the test set.
 *
 * Used by notebook 05-zprime.
 */
import type { Random } from '../../random';
import { Stopwatch } from '../../timer';
import { GradientBoostingClassifier, RandomForestClassifier } from '../../trees';
import type { Split } from '../data/dataset';
import { treeMatrix } from '../data/features';

/** P(signal) of both tree models on the test set, with each model's fit-and-predict seconds. */
export interface TreeScores {
  rfScore: Float64Array;
  bdtScore: Float64Array;
  rfSeconds: number;
  bdtSeconds: number;
}

/** Trains the forest (`rfTrees` trees, min 2 events per leaf) and the BDT (`gbdtIters` iterations, learning rate 0.1). */
export function trainTrees(split: Split, s: { rfTrees: number; gbdtIters: number }, rng: Random): TreeScores {
  const Xtr = treeMatrix(split.train), Xte = treeMatrix(split.test);
  const clock = new Stopwatch();
  const rf = new RandomForestClassifier({ nTrees: s.rfTrees, minSamplesLeaf: 2, rng: rng.fork('rf') }).fit(Xtr, split.train.label);
  const rfScore = rf.predictPositiveProba(Xte);
  const rfSeconds = clock.restart();
  const bdt = new GradientBoostingClassifier({ nIterations: s.gbdtIters, learningRate: 0.1, rng: rng.fork('bdt') }).fit(Xtr, split.train.label);
  const bdtScore = bdt.predictPositiveProba(Xte);
  return { rfScore, bdtScore, rfSeconds, bdtSeconds: clock.seconds() };
}
