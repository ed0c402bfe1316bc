/**
 * The seeds' numbers for the Galactic Centre parts, each with its source and the tolerance that counts
 * as reproduced: Aasen (2022), CNN for WIMP dark matter in simulated CTA maps
 * (`003_f5bdf792de2dcc5a.txt`), and Hendriks' "Dark Machines" talk for the Bayesian CNN
 * (`002_29c16a89b2a888ad.txt`, no numbers). `galacticCentreResults` sets our numbers beside them.
 *
 * Used by notebook 03-galaxy-zoo-gc's closing section.
 */
import { ownQuantity, type Quantity } from '../results/verdict';
import type { Measured } from '../results/record';

const AASEN = 'seed 003 (Aasen 2022)';
const TALK = 'seed 002 (Hendriks), Bayesian NN slides: "use network that can quantify uncertainty", no values';

export const PAPER = {
  gc_small_accuracy: {
    key: 'gc_small_accuracy', label: 'GC small model: accuracy, independent test set (familiar backgrounds)', unit: '', paper: 0.99, tolerance: 0.01, direction: 'higher-is-better',
    source: `${AASEN}, Conclusion ("100% accuracy for our validation set in our first model and 99% for our second model"); model 2 is the small one; the seed's set was its validation set, ours a test set never used in training or model selection`,
  },
  gc_small_auc: {
    key: 'gc_small_auc', label: 'GC small model: AUC, independent test set (familiar backgrounds)', unit: '', paper: 1, tolerance: 0.01, direction: 'higher-is-better',
    source: `${AASEN}, Conclusion ("an AUC that is close to 1 in both cases"), Fig. 9c; the seed's set was its validation set, ours a test set`,
  },
  gc_unseen_accuracy: ownQuantity('gc_unseen_accuracy', 'GC small model: accuracy, unseen backgrounds', '', 'higher-is-better', `${AASEN}, Discussion: not tested (a test set with new backgrounds is asked for)`),
  gc_unseen_auc: ownQuantity('gc_unseen_auc', 'GC small model: AUC, unseen backgrounds', '', 'higher-is-better', `${AASEN}, Discussion: not tested (a test set with new backgrounds is asked for)`),
  gc_batch100_accuracy: ownQuantity('gc_batch100_accuracy', 'GC small model, lr 5·10⁻⁴ batch 100, all epochs: test accuracy', '', 'higher-is-better', `${AASEN}, Fig. 7: overfits after epoch ~50 ("we would rather stop it at 50 epochs than 100"), no value`),
  gc_lr5e3_accuracy: ownQuantity('gc_lr5e3_accuracy', 'GC small model, lr 5·10⁻³ batch 100: test accuracy', '', 'higher-is-better', `${AASEN}, Fig. 8: lr 0.005 "unable to learn anything", no value`),
  gc_small_epoch_seconds: {
    key: 'gc_small_epoch_seconds', label: 'GC small model: seconds per training epoch (this profile\'s maps and map size)', unit: 's', paper: 4, tolerance: 0, direction: 'lower-is-better',
    source: `${AASEN}, §4 and Conclusion ("4 seconds per epoch"), 10,800 maps of 90×120 on the author's laptop`,
  },
  gc_large_epoch_seconds: {
    key: 'gc_large_epoch_seconds', label: 'GC large model: seconds per training epoch (10,800 maps of 920×920, extrapolated)', unit: 's', paper: 420, tolerance: 0, direction: 'lower-is-better',
    source: `${AASEN}, §4 ("The network uses 7 minutes per epoch")`,
  },
  gc_small_model_parameters: {
    key: 'gc_small_model_parameters', label: 'small model parameters on 90×120×3 maps', unit: '', paper: 274465, tolerance: 0, direction: 'closer-is-better',
    source: `${AASEN}, Table 2 ("a total number of 274,465 parameters")`,
  },
  gc_large_model_parameters: {
    key: 'gc_large_model_parameters', label: 'large model parameters on 920×920×3 images', unit: '', paper: 209272789, tolerance: 0, direction: 'closer-is-better',
    source: `${AASEN}, Table 1 ("a total number of 209,272,789 parameters")`,
  },
  gc_profile_accuracy: ownQuantity('gc_profile_accuracy', 'profile task (none / NFW / Einasto): accuracy', '', 'higher-is-better', `${AASEN}, outlook: proposed, not done`),
  gce_coverage_68: ownQuantity('gce_coverage_68', 'GCE Bayesian CNN: coverage of ±1σ (nominal 0.683)', '', 'closer-is-better', TALK),
  gce_coverage_95: ownQuantity('gce_coverage_95', 'GCE Bayesian CNN: coverage of ±1.96σ (nominal 0.95)', '', 'closer-is-better', TALK),
  gce_r2: ownQuantity('gce_r2', 'GCE Bayesian CNN: R² of the point-source fraction', '', 'higher-is-better', TALK),
} satisfies Record<string, Quantity>;

/** Our numbers, as notebook 03 collects them. */
export type GalacticCentreNumbers = {
  /** the main run on the independent test set (familiar backgrounds) */
  samePool: { accuracy: number; auc: number };
  unseen: { accuracy: number; auc: number };
  /** test accuracy after all epochs of the seed's comparison runs, by `SEED_COMPARISONS` name */
  comparisons: { batch100: number; lr5e3: number };
  /** mean seconds per epoch of the main run; of the large model (NaN when not timed) */
  smallEpochSeconds: number;
  largeEpochSeconds: number;
  smallModelParameters: number;
  largeModelParameters: number;
  profileAccuracy: number;
  gce: { coverage68: number; coverage95: number; r2: number };
};

/** Our numbers beside the seeds' for `recordResults`. */
export function galacticCentreResults(o: GalacticCentreNumbers): Measured[] {
  return [
    { ...PAPER.gc_small_auc, ours: o.samePool.auc, headline: true },
    { ...PAPER.gc_small_accuracy, ours: o.samePool.accuracy },
    { ...PAPER.gc_unseen_auc, ours: o.unseen.auc },
    { ...PAPER.gc_unseen_accuracy, ours: o.unseen.accuracy },
    { ...PAPER.gc_batch100_accuracy, ours: o.comparisons.batch100 },
    { ...PAPER.gc_lr5e3_accuracy, ours: o.comparisons.lr5e3 },
    { ...PAPER.gc_small_epoch_seconds, ours: o.smallEpochSeconds },
    ...(Number.isFinite(o.largeEpochSeconds) ? [{ ...PAPER.gc_large_epoch_seconds, ours: o.largeEpochSeconds }] : []),
    { ...PAPER.gc_small_model_parameters, ours: o.smallModelParameters },
    { ...PAPER.gc_large_model_parameters, ours: o.largeModelParameters },
    { ...PAPER.gc_profile_accuracy, ours: o.profileAccuracy },
    { ...PAPER.gce_coverage_68, ours: o.gce.coverage68 },
    { ...PAPER.gce_coverage_95, ours: o.gce.coverage95 },
    { ...PAPER.gce_r2, ours: o.gce.r2 },
  ];
}
