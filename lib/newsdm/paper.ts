/**
 * The seed's published numbers (Golovatiuk 2018, "Machine Learning methods for NEWSdm",
 * `000_3a0705a3aaf87311.txt`), each with the section or figure it comes from, the tolerance that counts
 * as reproduced and the direction of better; and `newsdmResults`, which sets our measured numbers
 * beside them for `recordResults`. Nothing here is a result of ours.
 *
 * The seed reads its accuracies off figures as "~93 %", "~95 %": we take ±2 points as reproduced (the
 * spread of its validation curves), ±2° and ±1° for its angle errors of ~11° and ~5°.
 *
 * Used by the NEWSdm notebook's closing section.
 */
import { ownQuantity, type Quantity } from '../results/verdict';
import type { Measured } from '../results/record';
import type { SizePoint, RotationResult } from './train/studies';

const SEED = 'seed 000 (Golovatiuk 2018)';
const accuracy = (key: string, label: string, paper: number | null, where: string): Quantity => ({
  key, label, unit: '', paper, source: `${SEED}, ${where}`, tolerance: paper === null ? 0 : 0.02, direction: 'higher-is-better',
});
const angle = (key: string, label: string, paper: number, tolerance: number, where: string): Quantity => ({
  key, label, unit: '°', paper, source: `${SEED}, ${where}`, tolerance, direction: 'lower-is-better',
});

/** Every quantity of the NEWSdm notebook that is compared with the seed (or has no seed value). */
export const PAPER = {
  bdt_auc: ownQuantity('bdt_auc', 'BDT on the 64 features, ROC AUC', '', 'higher-is-better', `${SEED}, §4.1, Fig. 7: a curve, no value in the text ("quite low")`),
  rf_auc: ownQuantity('rf_auc', 'random forest on the 64 features, ROC AUC', '', 'higher-is-better', `${SEED}, §4.1, Fig. 7: a curve, no value in the text`),
  cnn2d_simple_accuracy: accuracy('cnn2d_simple_accuracy', 'simple 2D CNN, test accuracy', 0.93, '§4.2.1, Fig. 9a ("~93 % for both Simple and VGG-like")'),
  cnn2d_vgg_accuracy: accuracy('cnn2d_vgg_accuracy', 'VGG-like 2D CNN, test accuracy', 0.93, '§4.2.1, Fig. 9b ("~93 %")'),
  cnn3d_simple_accuracy: accuracy('cnn3d_simple_accuracy', 'simple 3D CNN, test accuracy', 0.93, '§4.2.2, Fig. 10a ("almost the same as for 2D")'),
  cnn3d_vgg_accuracy: accuracy('cnn3d_vgg_accuracy', 'VGG-like 3D CNN, test accuracy', 0.95, '§4.2.2, Fig. 10b ("increased to ~95 %")'),
  size_smallest_accuracy: accuracy('size_smallest_accuracy', 'training-size study, smallest fraction, accuracy', 0.92, '§4.2.2, Fig. 11 ("~92 %" at 10 %, VGG-like 3D)'),
  size_largest_accuracy: accuracy('size_largest_accuracy', 'training-size study, largest fraction, accuracy', 0.95, '§4.2.2, Fig. 11 ("~95 %" at 60 %, VGG-like 3D)'),
  rot_simple2d_accuracy: accuracy('rot_simple2d_accuracy', 'rotations, simple 2D: accuracy', 0.95, '§4.2.3, Fig. 12a ("~95 %")'),
  rot_simple2d_angle_mae_deg: angle('rot_simple2d_angle_mae_deg', 'rotations, simple 2D: angle MAE', 11, 2, '§4.2.3, Fig. 12b ("~11°")'),
  rot_vgg3d_accuracy: accuracy('rot_vgg3d_accuracy', 'rotations, VGG-like 3D: accuracy', 0.97, '§4.2.3, Fig. 13a ("~97 %")'),
  rot_vgg3d_angle_mae_deg: angle('rot_vgg3d_angle_mae_deg', 'rotations, VGG-like 3D: angle MAE', 5, 1, '§4.2.3, Fig. 13b ("~5°")'),
  rot_background_angle_mae_deg: ownQuantity('rot_background_angle_mae_deg', 'rotations, VGG-like 3D: angle MAE on isotropic background (45° = guessing)', '°', 'higher-is-better', `${SEED}, §5: no value (the angle found is the rotation's, not a track's)`),
  accuracy_ceiling: ownQuantity('accuracy_ceiling', 'best achievable accuracy of the simulated binary set (Bayes ceiling)', '', 'higher-is-better', `${SEED}, §1.1: no value (polarisation separates "single grain fog and tracks containing at least two grains"); ours from the simulator's truth, an upper bound on every accuracy`),
  six_class_accuracy: ownQuantity('six_class_accuracy', 'six classes (VGG-like 2D), accuracy', '', 'higher-is-better', `${SEED}, §2.2: Shirobokov's six-class network, Fig. 8, no value`),
} satisfies Record<string, Quantity>;

/** Our measured numbers, as the notebook collects them (accuracies in [0, 1], angles in degrees). */
export interface OurNumbers {
  bdtAuc: number;
  rfAuc: number;
  simple2dAcc: number;
  vgg2dAcc: number;
  simple3dAcc: number;
  vgg3dAcc: number;
  /** accuracy at the smallest and largest training fraction of the size study, those fractions and the model */
  sizeStudy: { smallFraction: number; smallAcc: number; largeFraction: number; largeAcc: number; model: string };
  rotSimple2d: { acc: number; maeDeg: number };
  rotVgg3d: { acc: number; maeDeg: number };
  /** angle MAE on rotated background only (the seed's caveat) */
  rotBackgroundMaeDeg: number;
  sixClassAcc: number;
  /** the Bayes ceiling of the binary set (`accuracyCeiling`) */
  accuracyCeiling: number;
}

const pct = (f: number) => `${Math.round(100 * f)} %`;

/** A size-study point is compared with the seed only at the seed's fraction; otherwise it has no paper value. */
function sizePoint(q: Quantity, seedFraction: number, fraction: number, model: string): Quantity {
  const label = `training on ${pct(fraction)} of the clusters, ${model}: accuracy`;
  if (Math.abs(fraction - seedFraction) < 1e-9) return { ...q, label };
  return { ...q, label, paper: null, tolerance: 0, source: `${q.source}; not comparable: this run's fraction is ${pct(fraction)}, the seed's ${pct(seedFraction)}` };
}

/** Our numbers beside the seed's, for `recordResults('01-newsdm', ...)`. */
export function newsdmResults(o: OurNumbers): Measured[] {
  const s = o.sizeStudy;
  return [
    { ...PAPER.bdt_auc, ours: o.bdtAuc },
    { ...PAPER.rf_auc, ours: o.rfAuc },
    { ...PAPER.cnn2d_simple_accuracy, ours: o.simple2dAcc },
    { ...PAPER.cnn2d_vgg_accuracy, ours: o.vgg2dAcc },
    { ...PAPER.cnn3d_simple_accuracy, ours: o.simple3dAcc },
    { ...PAPER.cnn3d_vgg_accuracy, ours: o.vgg3dAcc, headline: true },
    { ...sizePoint(PAPER.size_smallest_accuracy, 0.1, s.smallFraction, s.model), ours: s.smallAcc },
    { ...sizePoint(PAPER.size_largest_accuracy, 0.6, s.largeFraction, s.model), ours: s.largeAcc },
    { ...PAPER.rot_simple2d_accuracy, ours: o.rotSimple2d.acc },
    { ...PAPER.rot_simple2d_angle_mae_deg, ours: o.rotSimple2d.maeDeg },
    { ...PAPER.rot_vgg3d_accuracy, ours: o.rotVgg3d.acc },
    { ...PAPER.rot_vgg3d_angle_mae_deg, ours: o.rotVgg3d.maeDeg },
    { ...PAPER.rot_background_angle_mae_deg, ours: o.rotBackgroundMaeDeg },
    { ...PAPER.six_class_accuracy, ours: o.sixClassAcc },
    { ...PAPER.accuracy_ceiling, ours: o.accuracyCeiling },
  ];
}

/** Within this AUC difference two models count as level. */
const LEVEL_AUC = 0.01;

/**
 * The seed's central claim tested on this run, as a sentence: do the CNNs on raw images beat the
 * trees on the 64 features (seed §5: trees "quite low", the VGG-like 3D CNN best)? Compares test AUCs.
 * @param models test scores by model name; `BDT` and `RF` are the trees, every other entry a CNN
 */
export function treesVsCnnsSentence(models: Record<string, { auc: number }>): string {
  const entries = Object.entries(models);
  const best = (list: [string, { auc: number }][]) => list.reduce((a, b) => (b[1].auc > a[1].auc ? b : a));
  const trees = entries.filter(([name]) => name === 'BDT' || name === 'RF');
  const cnns = entries.filter(([name]) => name !== 'BDT' && name !== 'RF');
  if (trees.length === 0 || cnns.length === 0) throw new Error('treesVsCnnsSentence needs the BDT or RF and at least one CNN');
  const [tree, cnn] = [best(trees), best(cnns)];
  const diff = cnn[1].auc - tree[1].auc;
  const relation = Math.abs(diff) <= LEVEL_AUC ? 'level with' : diff > 0 ? 'ahead of' : 'behind';
  const answer = diff > LEVEL_AUC ? 'yes' : 'no';
  return `In this run the best CNN (${cnn[0]}, test AUC ${cnn[1].auc.toFixed(3)}) is ${relation} the best tree ensemble (${tree[0]}, ${tree[1].auc.toFixed(3)}; "level" means within ${LEVEL_AUC} in AUC), so the seed's question "do CNNs on the raw images beat the trees?" is answered *${answer}* here.`;
}

/** What the notebook's studies return, gathered for {@link ourNumbersOf}. */
export interface StudyOutcomes {
  /** binary test scores: `BDT`, `RF`, `simple2d`, `vgg2d`, `simple3d`, `vgg3d` */
  scores: Record<string, { auc: number; accuracy: number }>;
  sizeStudy: readonly SizePoint[];
  sizeModel: string;
  rotation: readonly RotationResult[];
  sixClassAccuracy: number;
  accuracyCeiling: number;
}

/** Our numbers from the studies' outcomes; names the missing model or study when one is absent. */
export function ourNumbersOf(o: StudyOutcomes): OurNumbers {
  const score = (name: string) => {
    const s = o.scores[name];
    if (!s) throw new Error(`ourNumbersOf: no test scores for ${name} (have ${Object.keys(o.scores).join(', ')})`);
    return s;
  };
  const rot = (model: string) => {
    const r = o.rotation.find((x) => x.model === model);
    if (!r) throw new Error(`ourNumbersOf: the rotation study has no ${model} network`);
    return r;
  };
  if (o.sizeStudy.length === 0) throw new Error('ourNumbersOf: the training-size study has no points');
  const [small, large] = [o.sizeStudy[0], o.sizeStudy[o.sizeStudy.length - 1]];
  const model = o.sizeModel === 'vgg3d' ? 'VGG-like 3D' : o.sizeModel === 'simple3d' ? 'simple 3D' : o.sizeModel;
  return {
    bdtAuc: score('BDT').auc,
    rfAuc: score('RF').auc,
    simple2dAcc: score('simple2d').accuracy,
    vgg2dAcc: score('vgg2d').accuracy,
    simple3dAcc: score('simple3d').accuracy,
    vgg3dAcc: score('vgg3d').accuracy,
    sizeStudy: { smallFraction: small.fraction, smallAcc: small.testAccuracy, largeFraction: large.fraction, largeAcc: large.testAccuracy, model },
    rotSimple2d: { acc: rot('simple2d').accuracy, maeDeg: rot('simple2d').angleMaeDeg },
    rotVgg3d: { acc: rot('vgg3d').accuracy, maeDeg: rot('vgg3d').angleMaeDeg },
    rotBackgroundMaeDeg: rot('vgg3d').backgroundMaeDeg,
    sixClassAcc: o.sixClassAccuracy,
    accuracyCeiling: o.accuracyCeiling,
  };
}

/** Below this background angle error (degrees, 45° = guessing) the network "finds" an angle in isotropic background. */
const FOUND_BELOW_DEG = 40;

/**
 * The seed's caveat (§5: "The background is already isotropic, but we rotate it as well and algorithm
 * succeed in identifying this angle") tested on this run, as a sentence per rotation-study network:
 * the angle error on background against the 45° of guessing, beside the error on signal.
 */
export function rotationCaveatSentence(results: readonly { model: string; signalMaeDeg: number; backgroundMaeDeg: number }[]): string {
  return results
    .map((r) => {
      const found = r.backgroundMaeDeg < FOUND_BELOW_DEG;
      const verdict = found
        ? `below the 45° of guessing: it "finds" an angle in isotropic background, as the seed warns — the angle of the rotation, not of a track`
        : `near the 45° of guessing: in this run it finds no angle in isotropic background (the seed's caveat does not show)`;
      return `${r.model}: angle error ${r.backgroundMaeDeg.toFixed(1)}° on background and ${r.signalMaeDeg.toFixed(1)}° on signal, ${verdict}.`;
    })
    .join(' ');
}
