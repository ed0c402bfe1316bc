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
  gc_accuracy_same_pool: {
    key: 'gc_accuracy_same_pool', label: 'GC small model: accuracy, same-pool validation', unit: '', paper: 0.99, tolerance: 0.01, direction: 'higher-is-better',
    source: `${AASEN}, Conclusion ("100% accuracy for our validation set in our first model and 99% for our second model"); model 2 is the small one`,
  },
  gc_auc_same_pool: {
    key: 'gc_auc_same_pool', label: 'GC small model: AUC, same-pool validation', unit: '', paper: 1, tolerance: 0.01, direction: 'higher-is-better',
    source: `${AASEN}, Conclusion ("an AUC that is close to 1 in both cases"), Fig. 7c`,
  },
  gc_accuracy_unseen: ownQuantity('gc_accuracy_unseen', 'GC small model: accuracy, unseen backgrounds', '', 'higher-is-better', `${AASEN}, Discussion: not tested (a test set with new backgrounds is asked for)`),
  gc_auc_unseen: ownQuantity('gc_auc_unseen', 'GC small model: AUC, unseen backgrounds', '', 'higher-is-better', `${AASEN}, Discussion: not tested (a test set with new backgrounds is asked for)`),
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

/** The learning-rate runs of the seed's Fig. 8 (lr 5·10⁻³ "unable to learn anything", no value). */
function lrQuantity(lr: number): Quantity {
  const key = `gc_val_accuracy_lr_${String(lr).replace(/[.-]/g, '_')}`;
  return ownQuantity(key, `GC small model, lr ${lr}: final validation accuracy`, '', 'higher-is-better', `${AASEN}, Fig. 8: lr 0.005 "unable to learn anything", no value`);
}

/** Our numbers, as notebook 03 collects them. */
export type GalacticCentreNumbers = {
  samePool: { accuracy: number; auc: number };
  unseen: { accuracy: number; auc: number };
  lrRuns: { lr: number; finalValAccuracy: number }[];
  smallModelParameters: number;
  largeModelParameters: number;
  profileAccuracy: number;
  gce: { coverage68: number; coverage95: number; r2: number };
};

/** Our numbers beside the seeds' for `recordResults`. */
export function galacticCentreResults(o: GalacticCentreNumbers): Measured[] {
  return [
    { ...PAPER.gc_auc_same_pool, ours: o.samePool.auc, headline: true },
    { ...PAPER.gc_accuracy_same_pool, ours: o.samePool.accuracy },
    { ...PAPER.gc_auc_unseen, ours: o.unseen.auc },
    { ...PAPER.gc_accuracy_unseen, ours: o.unseen.accuracy },
    ...o.lrRuns.map((r) => ({ ...lrQuantity(r.lr), ours: r.finalValAccuracy })),
    { ...PAPER.gc_small_model_parameters, ours: o.smallModelParameters },
    { ...PAPER.gc_large_model_parameters, ours: o.largeModelParameters },
    { ...PAPER.gc_profile_accuracy, ours: o.profileAccuracy },
    { ...PAPER.gce_coverage_68, ours: o.gce.coverage68 },
    { ...PAPER.gce_coverage_95, ours: o.gce.coverage95 },
    { ...PAPER.gce_r2, ours: o.gce.r2 },
  ];
}
