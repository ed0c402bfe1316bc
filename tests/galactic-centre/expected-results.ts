// Expected Galactic Centre results of notebook 03-galaxy-zoo-gc, checked by `npm run check-results`.
// The parameter counts must equal the seed's tables exactly; chance level is AUC 0.5.
import type { ExpectedResults } from '../../lib/results/bounds';

const exactly = (n: number): readonly [number, number] => [n - 0.5, n + 0.5];

export const EXPECTED: ExpectedResults = {
  notebook: '03-galaxy-zoo-gc',
  basis:
    'Aasen 2022 tables 1 and 2 for the parameter counts; smoke run of 2026-12-04: 2 epochs on 60 maps of 24×32 pixels give AUC 0.59, ' +
    'indistinguishable from chance on 60 test maps, so smoke bounds only the architecture and that the numbers exist. ' +
    'default run of 2026-12-05 (issue 16: DM ramp by visibility z 3 → 20, train / validation / test disjoint, numbers from the test set): ' +
    'test AUC 0.878 and accuracy 0.793 (before, on the early-stopping set with the old ramp: 0.836 / 0.78), unseen AUC 0.735 and accuracy 0.633, ' +
    'GCE R² 0.39 and ±1σ coverage 0.695 (that part is unchanged: the same values as the run of 2026-12-04); ranges with margins',
  smoke: {
    gc_small_model_parameters: exactly(274465), gc_large_model_parameters: exactly(209272789),
    gc_small_auc: [0.35, 1], gce_coverage_68: [0, 1],
  },
  default: {
    gc_small_model_parameters: exactly(274465), gc_large_model_parameters: exactly(209272789),
    gc_small_auc: [0.8, 1], gc_small_accuracy: [0.7, 1], gc_unseen_auc: [0.6, 1], gce_r2: [0.2, 1], gce_coverage_68: [0.5, 0.95],
  },
};
