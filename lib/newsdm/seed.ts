/**
 * The seed's published numbers (Golovatiuk 2018, "Machine Learning methods for NEWSdm"), each with
 * the section or figure it comes from, and the closing table that sets our measured numbers beside
 * them. Our numbers are passed in from the run; nothing here is a result.
 *
 * Used by the NEWSdm notebook's closing section.
 */

/** One line of the comparison: what, the seed's value (text), ours (a number from the run) and its unit. */
export type ComparisonRow = {
  study: string;
  seed: string;
  ours: number | string;
  note: string;
};

/** Our measured numbers, as the notebook collects them (accuracies in [0, 1], angles in degrees). */
export interface OurNumbers {
  bdtAuc: number;
  rfAuc: number;
  simple2dAcc: number;
  vgg2dAcc: number;
  simple3dAcc: number;
  vgg3dAcc: number;
  /** accuracy at the smallest and largest training fraction of the size study, and those fractions */
  sizeStudy: { smallFraction: number; smallAcc: number; largeFraction: number; largeAcc: number; model: string };
  rotSimple2d: { acc: number; maeDeg: number };
  rotVgg3d: { acc: number; maeDeg: number };
  /** angle MAE on rotated background only (the seed's caveat) */
  rotBackgroundMaeDeg: number;
  sixClassAcc: number;
}

const pct = (v: number) => Number((100 * v).toFixed(1));
const deg = (v: number) => Number(v.toFixed(1));

/** The closing table: seed value, ours, and where it comes from. */
export function comparisonRows(o: OurNumbers): ComparisonRow[] {
  return [
    { study: 'BDT on physical features, ROC AUC', seed: 'Fig. 7 (no value in the text; "quite low")', ours: Number(o.bdtAuc.toFixed(3)), note: '§4.1' },
    { study: 'RF on physical features, ROC AUC', seed: 'Fig. 7 (no value in the text)', ours: Number(o.rfAuc.toFixed(3)), note: '§4.1' },
    { study: 'simple 2D CNN, test accuracy %', seed: '~93', ours: pct(o.simple2dAcc), note: '§4.2.1, Fig. 9a' },
    { study: 'VGG-like 2D CNN, test accuracy %', seed: '~93', ours: pct(o.vgg2dAcc), note: '§4.2.1, Fig. 9b' },
    { study: 'simple 3D CNN, accuracy %', seed: '~93 ("almost the same as 2D")', ours: pct(o.simple3dAcc), note: '§4.2.2, Fig. 10a' },
    { study: 'VGG-like 3D CNN, accuracy %', seed: '~95', ours: pct(o.vgg3dAcc), note: '§4.2.2, Fig. 10b' },
    { study: `training size ${pct(o.sizeStudy.smallFraction)} %, accuracy %`, seed: '~92 (10 %)', ours: pct(o.sizeStudy.smallAcc), note: `§4.2.2, Fig. 11; ours: ${o.sizeStudy.model}` },
    { study: `training size ${pct(o.sizeStudy.largeFraction)} %, accuracy %`, seed: '~95 (60 %)', ours: pct(o.sizeStudy.largeAcc), note: `§4.2.2, Fig. 11; ours: ${o.sizeStudy.model}` },
    { study: 'rotations, simple 2D: accuracy %', seed: '~95', ours: pct(o.rotSimple2d.acc), note: '§4.2.3, Fig. 12a' },
    { study: 'rotations, simple 2D: angle MAE °', seed: '~11', ours: deg(o.rotSimple2d.maeDeg), note: '§4.2.3, Fig. 12b' },
    { study: 'rotations, VGG-like 3D: accuracy %', seed: '~97', ours: pct(o.rotVgg3d.acc), note: '§4.2.3, Fig. 13a' },
    { study: 'rotations, VGG-like 3D: angle MAE °', seed: '~5', ours: deg(o.rotVgg3d.maeDeg), note: '§4.2.3, Fig. 13b' },
    { study: 'rotations: angle MAE ° on isotropic background', seed: '"succeeds in identifying this angle"', ours: deg(o.rotBackgroundMaeDeg), note: '§5 caveat; 45° = guessing' },
    { study: 'six classes, accuracy %', seed: '— (Shirobokov, Fig. 8, no value)', ours: pct(o.sixClassAcc), note: '§2.2, §4.2.1' },
  ];
}
